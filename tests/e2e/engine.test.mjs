// The engine module: RSA, EC and Ed25519 keys are read by a second WebAssembly module that the
// page fetches after the decoder is up. Without it the decoder and HMAC still work, the verdict
// says why an asymmetric key cannot be checked, and a later try succeeds once it can be fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadExample, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();

test('the decoder opens before the engine module, which follows in the background', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const order = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname));
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await page.waitForLoadState('networkidle');
  const wasm = order.findIndex((p) => /jwt-debugger-[0-9a-f]+_bg\.wasm$/.test(p));
  const engine = order.findIndex((p) => /^\/jwt-engine-[0-9a-f]{16}_bg\.wasm$/.test(p));
  assert.ok(wasm >= 0 && engine > wasm, `the page's module first, then the engine: ${order.join(', ')}`);
  await context.close();
});

/** Waits until `engine-status` says `state`, and returns how long that took. */
async function engineBecomes(page, state, timeout = 5000) {
  const started = Date.now();
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=engine-status]')?.dataset.state === want,
    state,
    { timeout },
  );
  return Date.now() - started;
}

test('without the engine module the decoder and HMAC work, and RSA says why it cannot', async () => {
  // Service workers off: the block must hold for every fetch of the engine's files.
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  let tries = 0;
  await context.route('**/jwt-engine-*', (route) => {
    if (/_loader\.js$/.test(route.request().url())) tries += 1;
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  // The page restarts the worker once by itself, then says keys cannot be checked, with a
  // reload button, within a few seconds.
  await engineBecomes(page, 'failed');
  assert.ok(tries >= 2, `the engine was tried twice (${tries})`);
  assert.match(await page.getByTestId('engine-status').textContent(), /cannot be checked right now/);
  assert.ok(await page.getByTestId('engine-reload').isVisible());
  assert.match(await page.getByTestId('payload-json').inputValue(), /John Doe/);
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.ok(await page.getByTestId('secret-encoding').isVisible(), 'a secret: how it is read can be chosen');

  await page.getByTestId('example-select').selectOption('RS256');
  // "Checking…" first, if the failed fetch has not been told yet; then the reason.
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid=verdict]').textContent));
  assert.equal(await page.getByTestId('verdict').getAttribute('data-state'), 'unverifiable');

  // The connection is back: the next key asks again, and gets its answer.
  await context.unroute('**/jwt-engine-*');
  await page.getByTestId('example-select').selectOption('ES256');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /^EC P-256 public key/);
  assert.equal(await page.getByTestId('secret-encoding').isVisible(), false, 'a public key: no secret to read');
  await engineBecomes(page, 'ready');
  await context.close();
});

test('after the engine failed, the reload button brings it back', async () => {
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/jwt-engine-*', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await engineBecomes(page, 'failed');
  await context.unroute('**/jwt-engine-*');
  await page.getByTestId('engine-reload').click();
  await engineBecomes(page, 'ready', 10000);
  await loadExample(page, 'RS256');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await context.close();
});
