// The decoder, end to end: the release build in Debian's Chromium, driven through the
// data-testid hooks of the UI contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const shared = useServerAndBrowser();

test('pasting the jwt.io example shows three coloured parts and the decoded JSON', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  const input = page.getByTestId('token-input');
  await input.fill('');
  await page.getByTestId('clear-token').click();
  await input.fill(JWT_IO);

  const parts = page.getByTestId('token-part');
  assert.equal(await parts.count(), 3);
  const [header, payload, signature] = await Promise.all([0, 1, 2].map(async (i) => ({
    part: await parts.nth(i).getAttribute('data-part'),
    text: await parts.nth(i).textContent(),
    color: await parts.nth(i).evaluate((el) => getComputedStyle(el).color),
  })));
  assert.deepEqual([header.part, payload.part, signature.part], ['header', 'payload', 'signature']);
  assert.equal([header.text, payload.text, signature.text].join('.'), JWT_IO);
  assert.equal(new Set([header.color, payload.color, signature.color]).size, 3, 'three distinct colours');

  assert.equal(await page.getByTestId('header-json').inputValue(), '{\n  "alg": "HS256",\n  "typ": "JWT"\n}');
  assert.equal(
    await page.getByTestId('payload-json').inputValue(),
    '{\n  "sub": "1234567890",\n  "name": "John Doe",\n  "iat": 1516239022\n}',
  );
  assert.equal(await page.getByTestId('claims-status').getAttribute('data-state'), 'no-exp');
  await screenshot(page, 'decoder-light-desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input gives a precise error and the page stays alive', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const input = page.getByTestId('token-input');
  await input.fill(JWT_IO.slice(0, 37) + '!' + JWT_IO.slice(38));
  const error = page.getByTestId('decode-error');
  assert.equal(await error.textContent(), "payload: invalid base64url character '!' at position 37 (counted from the token's first character)");
  assert.equal(await error.getAttribute('data-part'), 'payload');

  await input.fill('abc.def.ghi.jkl');
  assert.equal(await error.textContent(), "expected 3 segments separated by '.', found 4 (an encrypted JWE has 5)");

  // The page still works: a good token decodes again.
  await input.fill(`Bearer ${JWT_IO}\n`);
  assert.equal(await page.getByTestId('decode-error').count(), 0);
  assert.match(await page.getByTestId('payload-json').inputValue(), /"John Doe"/);
  await screenshot(page, 'decoder-error');
  assert.deepEqual(errors, []);
  await context.close();
});

test('decode, verify and sign each say what they did; a bad part hides only itself', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const state = (id) => page.getByTestId(id).getAttribute('data-state');
  const input = page.getByTestId('token-input');
  await input.fill(JWT_IO);
  assert.equal(await state('decode-status'), 'ok');
  assert.equal(await state('sign-status'), 'none');
  // One stray character in the payload: the header stays, the character is marked in place.
  await input.fill(JWT_IO.slice(0, 40) + '!' + JWT_IO.slice(40));
  assert.equal(await state('decode-status'), 'partial');
  assert.match(await page.getByTestId('header-json').inputValue(), /"HS256"/);
  assert.equal(await page.getByTestId('payload-json').count(), 0);
  const mark = page.getByTestId('part-error');
  assert.equal(await mark.getAttribute('data-part'), 'payload');
  assert.equal(await mark.textContent(), '!');
  assert.equal(await page.getByTestId('decode-error').getAttribute('data-part'), 'payload');
  await screenshot(page, 'decoder-partial');

  // Edited with no key anywhere: stale. The example's secret came with the first screen, so
  // the key box is emptied first.
  await input.fill(JWT_IO);
  await page.getByTestId('key-input').fill('');
  const payload = await page.getByTestId('payload-json').inputValue();
  await page.getByTestId('payload-json').fill(payload.replace('John Doe', 'Jane Doe'));
  assert.equal(await state('sign-status'), 'stale');
  // The secret typed in the verify box signs the edit (one secret verifies and signs).
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await state('sign-status'), 'signed');
  assert.match(await page.getByTestId('sign-status').textContent(), /in Verify signature/);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  // Another secret in the Sign panel signs instead; the verify box's secret then fails.
  await page.getByTestId('signing-key-input').fill('another-secret');
  assert.match(await page.getByTestId('sign-status').textContent(), /in this panel/);
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');

  // The payload as a table (a select: operable by keyboard as it is).
  const view = page.locator('[data-testid=claims-view][data-part=payload]');
  await view.selectOption('table');
  const table = page.locator('[data-testid=claims-table][data-part=payload]');
  assert.match(await table.textContent(), /Jane Doe/);
  assert.match(await table.textContent(), /Issued at/);
  // The choice holds for the next token.
  await input.fill(JWT_IO);
  assert.match(await table.textContent(), /John Doe/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with a key pasted, a token that does not decode is unverifiable and says where', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  const [header, payload, signature] = JWT_IO.split('.');
  // The verdict names the part; the error in full, with its position, is said once, beside
  // the decoded token.
  for (const [token, reason, error] of [
    [`${header}.${payload}`, 'not a signed token: it has 2 segments', "found 2"],
    [`${header}.${payload}.${signature}.x`, 'not a signed token: it has 4 segments', "found 4"],
    [`${JWT_IO}=`, 'its signature is broken', `signature: '=' padding at position ${JWT_IO.length}`],
  ]) {
    await page.getByTestId('token-input').fill(token);
    assert.equal(await page.getByTestId('verdict').getAttribute('data-state'), 'unverifiable', token);
    const verdict = await page.getByTestId('verdict').textContent();
    assert.ok(verdict.includes(reason), `${token}: ${verdict}`);
    assert.ok(!verdict.includes(error), `${token}: said twice: ${verdict}`);
    assert.ok((await page.getByTestId('decode-error').first().textContent()).includes(error), token);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a published secret the key engine finds is one click from use', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('secret-encoding').selectOption('hex');
  await page.getByTestId('try-common-secrets').click();
  await page.getByTestId('use-found-secret').click();
  assert.equal(await page.getByTestId('key-input').inputValue(), 'your-256-bit-secret');
  assert.equal(await page.getByTestId('secret-encoding').inputValue(), 'utf8');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark theme and phone width stay readable', async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url, {
    colorScheme: 'dark',
    viewport: { width: 360, height: 780 },
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(246, 247, 249)', 'the dark theme applies');
  // One column, in reading order: the token, what it decodes to, the key that verifies it,
  // then signing (issue #28: the decoded token right after the token on a phone).
  const top = async (testid) => (await page.getByTestId(testid).boundingBox()).y;
  assert.ok(await top('token-input') < await top('payload-json'), 'the payload follows the token');
  assert.ok(await top('payload-json') < await top('key-input'), 'the key box follows the payload');
  assert.ok(await top('key-input') < await top('signing-key-input'), 'signing follows the key box');
  // The claims table keeps each name on one line at phone width.
  await page.getByTestId('payload-json').fill(JSON.stringify({ preferred_username: 'jane', auth_time: 1516239022 }));
  await page.locator('[data-testid=claims-view][data-part=payload]').selectOption('table');
  const names = page.getByTestId('claims-table').locator('th[scope=row]');
  assert.equal(await names.count(), 2);
  for (const name of await names.all()) {
    const { height } = await name.boundingBox();
    const line = await name.evaluate((n) => parseFloat(getComputedStyle(n.querySelector('code')).lineHeight) || 20);
    assert.ok(height < line * 1.6, `${await name.textContent()} on one line (${height}px high)`);
  }
  await screenshot(page, 'decoder-dark-phone');
  await context.close();
});

test('an example signed in the page verifies, and a key edit breaks it', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  await page.getByTestId('example-select').selectOption('ES256');
  const verdict = page.getByTestId('verdict');
  // The first screen's example already verifies: wait for the ES256 one (its keys are read by
  // the key engine, which may still be starting).
  await page.waitForFunction(() => document.querySelector('[data-testid=header-json]')?.value.includes('ES256'));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /^EC P-256 public key, PEM SPKI/);
  await page.getByTestId('payload-json').fill('{"sub": "bob", "admin": false}');
  // Re-signed by the key engine (a Web Worker), then checked: the token and the verdict follow
  // its answers.
  await page.waitForFunction(() => document.querySelector('[data-testid=token-input]').value
    .includes('.eyJzdWIiOiJib2IiLCJhZG1pbiI6ZmFsc2V9.'));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified', 're-signed with the signing key');
  await page.getByTestId('key-input').fill('mysecret');
  assert.equal(await verdict.getAttribute('data-state'), 'unverifiable');
  await screenshot(page, 'debugger-signed-light-desktop');
  // The menu does not go on naming an example the page no longer shows as loaded (a key was
  // typed since), and choosing the same one again brings it back.
  const menu = page.getByTestId('example-select');
  assert.equal(await menu.inputValue(), '');
  // Arrow keys on the closed menu step through the examples, each from the one before.
  const ids = await menu.locator('option').evaluateAll((options) => options.map((o) => o.value));
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await menu.inputValue(), ids[2]);
  await menu.selectOption('ES256');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  const loaded = await page.getByTestId('token-input').inputValue();
  assert.doesNotMatch(loaded, /\.eyJzdWIiOiJib2IiLCJhZG1pbiI6ZmFsc2V9\./);
  // Nothing edited yet: no way back offered. An edit re-signs; the token as loaded is one click back.
  assert.equal(await page.getByTestId('sign-back').count(), 0);
  await page.getByTestId('payload-json').fill('{"sub": "eve"}');
  await page.waitForFunction((before) => document.querySelector('[data-testid=token-input]').value !== before, loaded);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.getByTestId('sign-back').click();
  assert.equal(await page.getByTestId('token-input').inputValue(), loaded);
  assert.match(await page.getByTestId('payload-json').inputValue(), /"sub": "1234567890"/);
  assert.equal(await page.getByTestId('sign-status').getAttribute('data-state'), 'none');
  assert.equal(await page.getByTestId('sign-back').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long token scrolls inside its box, a quoted one decodes', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url, { colorScheme: 'light' });
  await page.getByTestId('payload-json').fill(JSON.stringify({ sub: 'big', blob: 'x'.repeat(100000) }));
  await page.waitForFunction(() => document.querySelector('[data-testid=token-input]').value.length > 100000);
  // The key box stays within reach instead of tens of thousands of pixels down.
  const key = await page.getByTestId('key-input').boundingBox();
  assert.ok(key.y < 2 * 900, `the key box is at ${key.y}px`);
  // Quotes around a token, as copied from JSON or code, are left out like a Bearer prefix.
  await page.getByTestId('token-input').fill(`"${JWT_IO}"`);
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(errors, []);
  await context.close();
});
