// Everyday use (issue #28) in the release build, as the reviewer tried it: the first
// screen verifies, one secret verifies and signs, the key generator's menu and output agree,
// the page never contradicts itself, replacing actions are undone, Tamper marks what it changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openApp, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();
const state = (page, id) => page.getByTestId(id).getAttribute('data-state');
const tokenPart = async (page, i) => {
  const token = await page.getByTestId('token-input').inputValue();
  return Buffer.from(token.split('.')[i], 'base64url').toString('utf8');
};

test('the first screen verifies, and an empty box asks for a token', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await page.getByTestId('key-input').inputValue(), 'your-256-bit-secret');
  await page.getByTestId('clear-token').click();
  assert.match(await page.getByTestId('verdict').textContent(), /No token yet/);
  await screenshot(page, 'everyday-empty');
  // Back with the Example button: verified again.
  await page.getByTestId('example-token').click();
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a secret typed once verifies and signs the edits', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('payload-json').fill('{"sub": "bob"}');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await tokenPart(page, 1), '{"sub":"bob"}');
  assert.match(await page.getByTestId('sign-status').textContent(), /Re-signed here with HS256, using .* in Verify signature/);
  await page.getByTestId('sign-back').click();
  assert.match(await tokenPart(page, 1), /John Doe/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an RSA signing key and HS256 chosen: header, token and status say the same', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  await page.getByTestId('signing-key-input').fill(await readFile(join(ROOT, 'tests/vectors/keys/rsa2048.pkcs8.pem'), 'utf8'));
  await page.getByTestId('alg-select').selectOption('RS256');
  await page.getByTestId('payload-json').fill('{"sub": "rs"}');
  await page.waitForFunction(() => document.querySelector('[data-testid=sign-status]')?.textContent.includes('RS256'));
  await page.getByTestId('alg-select').selectOption('HS256');
  await page.waitForFunction(() => document.querySelector('[data-testid=sign-status]')?.dataset.state === 'stale');
  assert.match(await tokenPart(page, 0), /"alg":"HS256"/);
  assert.match(await page.getByTestId('header-json').inputValue(), /"HS256"/);
  assert.equal(await page.getByTestId('alg-select').inputValue(), 'HS256');
  const text = await page.locator('main').textContent();
  assert.doesNotMatch(text, /Re-signed here with RS256/);
  assert.equal(await page.getByTestId('edit-error').count(), 0);
  await screenshot(page, 'everyday-alg-refused');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the key generator's menu, title and output agree through the reviewer's steps", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'dark' });
  // A key of the user's own: what "Use in the debugger" replaces, and undo puts back.
  await page.getByTestId('key-input').fill('my-own-secret');
  await page.getByTestId('nav-keygen').click();
  const run = async () => {
    await page.getByTestId('keygen-run').click();
    await page.getByTestId('keygen-private').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=keygen-run]').disabled);
  };
  await page.getByTestId('keygen-kind').selectOption('P-256');
  await run();
  await page.getByTestId('keygen-format').selectOption('jwk');
  await page.getByTestId('keygen-format').selectOption('openssh');
  await page.getByTestId('keygen-kind').selectOption('RSA-2048');
  // The P-256 key is gone at once: nothing of another kind stays on screen to be used.
  assert.equal(await page.getByTestId('keygen-private').count(), 0);
  assert.equal(await page.getByTestId('keygen-use').count(), 0);
  await run();
  assert.equal(await page.getByTestId('keygen-format').inputValue(), 'openssh');
  assert.match(await page.getByTestId('keygen-public').textContent(), /^ssh-rsa /);
  await page.getByTestId('keygen-kind').selectOption('HS256');
  await run();
  assert.equal(await page.getByTestId('keygen-format').inputValue(), 'base64url');
  assert.match(await page.getByTestId('keygen-private').textContent(), /^[A-Za-z0-9_-]{43}$/);
  await screenshot(page, 'everyday-keygen');
  // Used in the debugger: it says it replaces, and the user's token is one click back.
  await page.getByTestId('keygen-use').click();
  await page.getByTestId('undo-replace').waitFor();
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('replaced-line').textContent(), /replaced by the new key/);
  await page.getByTestId('undo-replace').click();
  assert.equal(await page.getByTestId('key-input').inputValue(), 'my-own-secret');
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');
  assert.equal(await page.getByTestId('replaced-line').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tamper changes a claim and marks the character; an expired token says how long ago', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  await page.getByTestId('nav-walkthrough').click();
  await page.getByTestId('walkthrough-get-token').click();
  await page.getByTestId('walkthrough-token').waitFor();
  await page.getByTestId('walkthrough-tamper').click();
  const mark = page.getByTestId('changed-char');
  assert.equal((await mark.textContent()).length, 1);
  assert.equal(await mark.getAttribute('class'), 'changed');
  // Still readable JSON, with another sub: the signature is what fails.
  const token = await page.getByTestId('walkthrough-token').textContent();
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  assert.notEqual(claims.sub, 'bob');
  await page.getByTestId('walkthrough-show-details').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=walkthrough-result]')?.textContent === 'Invalid token');
  await screenshot(page, 'everyday-tamper');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the decoded token follows the token, and a wrapped payload is shown whole', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, {
    colorScheme: 'light',
    viewport: { width: 390, height: 844 },
  });
  const top = async (testid) => (await page.getByTestId(testid).boundingBox()).y;
  assert.ok(await top('token-input') < await top('payload-json'), 'the payload follows the token');
  assert.ok(await top('payload-json') < await top('key-input'), 'the key box comes after');
  // Eight claims with long values: few lines of JSON, many rows once wrapped at 390 px.
  const claims = Object.fromEntries([...Array(8).keys()].map((i) => [`claim${i}`, 'x'.repeat(120)]));
  await page.getByTestId('payload-json').fill(JSON.stringify(claims, null, 2));
  const cut = await page.getByTestId('payload-json').evaluate((el) => el.scrollHeight - el.clientHeight);
  assert.ok(cut <= 1, `the payload box hides ${cut}px of its text`);
  await screenshot(page, 'everyday-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first Tab reaches a skip link to the token box; small things stay out of the way', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'skip-to-token');
  assert.ok(await page.getByTestId('skip-to-token').isVisible(), 'shown once focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'token-input');
  // "Secret is" means nothing until there is a key to read.
  await page.getByTestId('key-input').fill('');
  assert.equal(await page.getByTestId('secret-encoding').isVisible(), false);
  await page.getByTestId('key-input').fill('a-secret');
  assert.ok(await page.getByTestId('secret-encoding').isVisible());
  // "Link copied…" appears under the token box, which does not move.
  const before = (await page.getByTestId('token-input').boundingBox()).y;
  await page.getByTestId('share-link').click();
  await page.getByTestId('share-status').waitFor();
  assert.equal((await page.getByTestId('token-input').boundingBox()).y, before);
  assert.deepEqual(errors, []);
  await context.close();
});
