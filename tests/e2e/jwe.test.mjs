// Encrypted tokens, end to end in the release build: a JWE pasted opens with its key (in the key
// engine), the page encrypts the payload or the signed token (a nested JWT) and opens its own
// result, and a nested token opens in the debugger with a way back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openApp, screenshot, settledState, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();

const cookbook = async (name) =>
  JSON.parse(await readFile(join(ROOT, 'tests/vectors/jose-cookbook/jwe', name), 'utf8'));

test('a JWE from RFC 7520 opens with its RSA private key, and not with a wrong one', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const example = await cookbook('5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json');
  // Pasted over the first screen's example: its secret goes with it, and a key is asked for.
  await page.getByTestId('token-input').fill(example.output.compact);
  assert.equal(await verdictBecomes(page, 'no-key'), 'no-key');
  assert.equal(await page.getByTestId('key-input').inputValue(), '');
  await page.getByTestId('key-input').fill(JSON.stringify(example.input.key));
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.equal(await page.getByTestId('jwe-plaintext').inputValue(), example.input.plaintext);
  assert.match(await page.getByTestId('verdict').textContent(), /: RSA-OAEP key management, A256GCM content encryption$/);
  await screenshot(page, 'jwe-decrypted');
  // A wrong key of the right kind: checked, does not open, and says so in words.
  await page.getByTestId('key-input').fill(await readFile(join(ROOT, 'tests/vectors/keys/rsa2048.pkcs8.pem'), 'utf8'));
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');
  assert.match(await page.getByTestId('verdict').textContent(), /the key is wrong or the token was altered/);
  assert.equal(await page.getByTestId('jwe-plaintext').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('encrypt the signed token to an RSA key, open it, open the nested token, come back', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const signed = await page.getByTestId('token-input').inputValue();
  const publicKey = await readFile(join(ROOT, 'tests/vectors/keys/rsa2048.spki.pem'), 'utf8');
  const privateKey = await readFile(join(ROOT, 'tests/vectors/keys/rsa2048.pkcs8.pem'), 'utf8');
  await page.getByTestId('encrypt-alg').selectOption('RSA-OAEP-256');
  await page.getByTestId('encrypt-enc').selectOption('A128CBC-HS256');
  await page.getByTestId('encrypt-key-input').fill(publicKey);
  await page.getByTestId('encrypt-nested').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=token-input]').value.split('.').length === 5);
  assert.equal(await page.locator('[data-testid=token-part]').count(), 5);
  assert.match(await page.getByTestId('header-json').inputValue(), /"cty": "JWT"/);

  await page.getByTestId('key-input').fill(privateKey);
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.equal(await page.getByTestId('jwe-plaintext').inputValue(), signed);
  const jwe = await page.getByTestId('token-input').inputValue();

  await page.getByTestId('open-nested').click();
  await page.getByTestId('nested-back').waitFor();
  assert.equal(await page.getByTestId('token-input').inputValue(), signed);
  assert.equal(await page.getByTestId('key-input').inputValue(), '');
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');

  await page.getByTestId('nested-back').click();
  assert.equal(await page.getByTestId('token-input').inputValue(), jwe);
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('encrypt the payload with a shared key, then open it in the page', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const signed = await page.getByTestId('token-input').inputValue();
  const payload = await page.getByTestId('payload-json').inputValue();
  const key = JSON.stringify({ kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw' });
  await page.getByTestId('encrypt-alg').selectOption('A128KW');
  await page.getByTestId('encrypt-enc').selectOption('A128GCM');
  await page.getByTestId('encrypt-key-input').fill(key);
  await page.getByTestId('encrypt-run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=token-input]').value.split('.').length === 5);
  await page.getByTestId('key-input').fill(key);
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.equal(await page.getByTestId('jwe-plaintext').inputValue(), payload);
  // Editing the plaintext seals it again into the token box; it still opens, to the edit.
  const sealedFirst = await page.getByTestId('token-input').inputValue();
  await page.getByTestId('jwe-plaintext').fill('{"edited": true}');
  await page.waitForFunction((old) => document.querySelector('[data-testid=token-input]').value !== old, sealedFirst);
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.equal(await page.getByTestId('jwe-plaintext').inputValue(), '{"edited": true}');
  // Another content encryption seals it again; it still opens.
  const before = await page.getByTestId('token-input').inputValue();
  await page.getByTestId('encrypt-enc').selectOption('A256CBC-HS512');
  await page.waitForFunction((old) => document.querySelector('[data-testid=token-input]').value !== old, before);
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.equal(await settledState(page, 'encrypt-status'), 'sealed');
  // A key that cannot be used so: the reason, and the token stays as it was.
  const sealed = await page.getByTestId('token-input').inputValue();
  await page.getByTestId('encrypt-alg').selectOption('dir');
  assert.equal(await settledState(page, 'encrypt-status'), 'error');
  assert.match(await page.getByTestId('encrypt-status').textContent(), /needs 512 bits, the key has 128/);
  assert.equal(await page.getByTestId('token-input').inputValue(), sealed);
  // The signed token it started from is one click away.
  await page.getByTestId('encrypt-back').click();
  assert.equal(await page.getByTestId('token-input').inputValue(), signed);
  assert.equal(await page.getByTestId('encrypt-back').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
