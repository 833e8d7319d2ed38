// The engine module: RSA, EC and Ed25519 keys are read by a second WebAssembly module that the
// page fetches after the decoder is up. Without it the decoder and HMAC still work, the verdict
// says why an asymmetric key cannot be checked, and a later try succeeds once it can be fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, loadExample, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

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
  assert.match(await page.getByTestId('engine-status').textContent(),
    /cannot be checked right now: the key engine for RSA, EC and Ed25519 keys could not be loaded: its loader could not be downloaded/);
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

/**
 * Opens the page with the engine's requests matching `pattern` answered by `handler`, and
 * returns the page once `engine-status` says failed, with the words it says it in.
 */
async function failingEngine(pattern, handler, { timeout = 5000 } = {}) {
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  await context.route(pattern, handler);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await engineBecomes(page, 'failed', timeout);
  return { context, page, status: await page.getByTestId('engine-status').textContent() };
}

/** An RSA key's verdict, with the engine failed: unverifiable, and the reason given. */
async function rsaSaysWhy(page, reason) {
  await page.getByTestId('example-select').selectOption('RS256');
  await page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.state === 'unverifiable');
  assert.match(await page.getByTestId('verdict').textContent(), reason);
  // Decoding and HMAC keep working meanwhile.
  assert.match(await page.getByTestId('payload-json').inputValue(), /"sub"/);
}

test('the engine\'s WebAssembly not downloading is said, with the reason', async () => {
  const { context, page, status } = await failingEngine('**/jwt-engine-*_bg.wasm', (route) => route.abort());
  assert.match(status, /could not be loaded: its WebAssembly could not be downloaded \(the network request failed\)/);
  assert.ok(await page.getByTestId('engine-reload').isVisible());
  await rsaSaysWhy(page, /its WebAssembly could not be downloaded/);
  await context.close();
});

test('the engine\'s WebAssembly answered with an error status is said, with the status', async () => {
  const { context, status } = await failingEngine('**/jwt-engine-*_bg.wasm',
    (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' }));
  assert.match(status, /its WebAssembly could not be downloaded \(HTTP 503\)/);
  await context.close();
});

test('a proxy\'s page in place of the engine\'s WebAssembly is said', async () => {
  const { context, page, status } = await failingEngine('**/jwt-engine-*_bg.wasm',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Blocked by policy</html>' }));
  assert.match(status, /what the server sent \(text\/html\) is not its WebAssembly/);
  await rsaSaysWhy(page, /is not its WebAssembly/);
  await screenshot(page, 'engine-failed');
  await context.close();
});

test('engine WebAssembly that does not compile is said', async () => {
  // The magic number and version, then bytes no section starts with.
  const broken = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff, 0xff, 0xff]);
  const { context, status } = await failingEngine('**/jwt-engine-*_bg.wasm',
    (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: broken }));
  assert.match(status, /could not be loaded: its WebAssembly did not compile \(WebAssembly\./);
  await context.close();
});

test('an engine that cannot start (its module does not fit its script) is said', async () => {
  // A valid module with other imports: the page's own, served in place of the engine's.
  const pageModule = (await readdir(DIST)).find((f) => /^jwt-debugger-[0-9a-f]+_bg\.wasm$/.test(f));
  const { context, status } = await failingEngine('**/jwt-engine-*_bg.wasm',
    (route) => route.fulfill({ status: 200, contentType: 'application/wasm', path: join(DIST, pageModule) }));
  assert.match(status, /could not be loaded: its WebAssembly does not fit its script/);
  await context.close();
});

test('the engine\'s script failing is said', async () => {
  const { context, status } = await failingEngine(/\/jwt-engine-[0-9a-f]{16}\.js$/, (route) => route.abort());
  assert.match(status, /could not be loaded: its script could not be downloaded or run/);
  await context.close();
});

test('an engine that stops later is restarted once, then said to have stopped', async () => {
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await engineBecomes(page, 'ready');
  // What a trap in the engine's code looks like from its worker: an error no one catches.
  const crash = async () => {
    const worker = page.workers().at(-1);
    await worker.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  };
  await crash();
  // The first time, a new engine is started by itself and answers.
  await engineBecomes(page, 'ready');
  await loadExample(page, 'RS256');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await crash();
  await engineBecomes(page, 'failed');
  assert.match(await page.getByTestId('engine-status').textContent(), /key engine for RSA, EC and Ed25519 keys stopped \(.*unreachable\)/);
  await context.close();
});

test('an engine that never answers is given up on after its deadline, and said', async () => {
  const context = await shared.browser.newContext({ serviceWorkers: 'block' });
  // Its download stalls: the request is never answered.
  await context.route('**/jwt-engine-*_bg.wasm', () => {});
  const page = await context.newPage();
  // The page's clock, so the 20 s deadline can be run through at once.
  await page.clock.install();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await page.clock.runFor(19000);
  assert.equal(await page.getByTestId('engine-status').getAttribute('data-state'), 'loading');
  await page.clock.runFor(2000);
  await engineBecomes(page, 'failed');
  assert.match(await page.getByTestId('engine-status').textContent(), /did not answer within 20 s/);
  await rsaSaysWhy(page, /did not answer within 20 s/);
  await context.close();
});
