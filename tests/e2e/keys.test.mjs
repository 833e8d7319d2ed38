// Keys as people keep them (issue #29) in the release build, the key engine doing the work: a
// passphrase-protected ssh-keygen key (the tutorial's RS256 step), an encrypted PKCS#8 key and a
// PuTTY file open with their passphrase, a binary DER certificate loads from a file, and the key
// generator's OpenSSH private key is a file ssh-keygen reads back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openApp, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();
const key = (name) => readFile(join(ROOT, 'tests/vectors/keys', name), 'utf8');
let dir;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'jwt-keys-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** A compact JWS signed by Node with a PKCS#8 PEM key. */
function jws(alg, pem, claims) {
  const part = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg, typ: 'JWT' })}.${part(claims)}`;
  const hash = { RS256: 'sha256', ES256: 'sha256' }[alg];
  const options = { key: createPrivateKey(pem), dsaEncoding: 'ieee-p1363' };
  return `${input}.${sign(hash, Buffer.from(input), options).toString('base64url')}`;
}

/** The key box's passphrase, typed and submitted with Enter. */
async function unlock(page, testid, passphrase) {
  await page.getByTestId(testid).fill(passphrase);
  await page.getByTestId(testid).press('Enter');
}

test('a passphrase-protected ssh-keygen RSA key verifies the tutorial token once opened', async () => {
  const file = join(dir, 'jwt_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', 'tutorial pass', '-C', 'bob', '-f', file]);
  const locked = await readFile(file, 'utf8');
  // A plain PKCS#8 copy for Node to sign with, as the tutorial's Flask app signs.
  execFileSync('ssh-keygen', ['-q', '-p', '-P', 'tutorial pass', '-N', '', '-m', 'PKCS8', '-f', file]);
  const now = Math.floor(Date.now() / 1000);
  const token = jws('RS256', await readFile(file, 'utf8'), { sub: 'bob', iat: now, exp: now + 60 });

  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(locked);
  const field = page.getByTestId('key-passphrase');
  assert.equal(await field.getAttribute('type'), 'password');
  assert.equal(await field.getAttribute('autocomplete'), 'off');
  assert.equal(await verdictBecomes(page, 'unverifiable'), 'unverifiable');
  await unlock(page, 'key-passphrase', 'not the passphrase');
  await page.waitForFunction(() => /wrong passphrase/.test(document.querySelector('[data-testid=key-info]').textContent));
  assert.equal(await page.getByTestId('token-input').inputValue(), token);
  await unlock(page, 'key-passphrase', 'tutorial pass');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /RSA/);
  await screenshot(page, 'keys-passphrase');
  // The passphrase is in no link, no storage.
  assert.doesNotMatch(page.url(), /tutorial/);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.doesNotMatch(stored, /tutorial pass/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an encrypted PKCS#8 key opens with its passphrase, in the Sign panel too', async () => {
  const token = jws('ES256', await key('p256.pkcs8.pem'), { sub: 'p256' });
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(await key('p256.pkcs8.encrypted.pem'));
  await unlock(page, 'key-passphrase', 'secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  // The same key locked in the Sign panel signs an edit once opened.
  await page.getByTestId('signing-key-input').fill(await key('p256.pkcs8.encrypted.pem'));
  await unlock(page, 'signing-key-passphrase', 'secret');
  await page.getByTestId('payload-json').fill('{"sub": "edited"}');
  await page.waitForFunction(() => document.querySelector('[data-testid=sign-status]')?.dataset.state === 'signed', null, { timeout: 10000 });
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a locked key opens an encrypted token (JWE) once its passphrase is given', async () => {
  const jose = await import(join(ROOT, 'tests/e2e/node_modules/jose/dist/webapi/index.js'));
  const recipient = await jose.importSPKI(await key('p256.spki.pem'), 'ECDH-ES+A128KW');
  const token = await new jose.CompactEncrypt(new TextEncoder().encode('{"sub":"sealed"}'))
    .setProtectedHeader({ alg: 'ECDH-ES+A128KW', enc: 'A128GCM' }).encrypt(recipient);
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(await key('p256.pkcs8.encrypted.pem'));
  await unlock(page, 'key-passphrase', 'secret');
  assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  assert.match(await page.getByTestId('jwe-plaintext').inputValue(), /sealed/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a PuTTY key file with a passphrase opens from the file picker', async () => {
  // Node signs with a plain PKCS#8 copy of the key PuTTYgen was given (ssh_rsa).
  const copy = join(dir, 'ssh_rsa_copy');
  await writeFile(copy, await key('ssh_rsa'));
  await chmod(copy, 0o600);
  execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', '', '-m', 'PKCS8', '-f', copy]);
  const token = jws('RS256', await readFile(copy, 'utf8'), { sub: 'putty' });
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-file').setInputFiles(join(ROOT, 'tests/vectors/keys/rsa.v2.encrypted.ppk'));
  await page.getByTestId('key-passphrase').waitFor();
  await unlock(page, 'key-passphrase', 'secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /PuTTY/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a binary DER certificate loads from a file and verifies', async () => {
  const pem = await key('rsa2048.cert.pem');
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const token = jws('RS256', await key('rsa2048.pkcs8.pem'), { sub: 'cert' });
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-file').setInputFiles({ name: 'cert.der', mimeType: 'application/x-x509-ca-cert', buffer: der });
  await page.waitForFunction(() => document.querySelector('[data-testid=key-input]').value.startsWith('-----BEGIN CERTIFICATE-----'));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /certificate/i);
  assert.equal(await page.getByTestId('key-file-error').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the key generator's OpenSSH private key is a file ssh-keygen reads", async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  await page.getByTestId('nav-keygen').click();
  for (const kind of ['Ed25519', 'P-256']) {
    await page.getByTestId('keygen-kind').selectOption(kind);
    await page.getByTestId('keygen-run').click();
    await page.getByTestId('keygen-private').waitFor();
    await page.getByTestId('keygen-format').selectOption('openssh');
    const priv = await page.getByTestId('keygen-private').textContent();
    const pub = await page.getByTestId('keygen-public').textContent();
    assert.match(priv, /^-----BEGIN OPENSSH PRIVATE KEY-----/);
    const file = join(dir, `generated_${kind}`);
    await writeFile(file, priv);
    await chmod(file, 0o600);
    const read = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' });
    assert.deepEqual(read.trim().split(' ').slice(0, 2), pub.trim().split(' ').slice(0, 2), kind);
  }
  // With a passphrase typed for it, the file is encrypted as ssh-keygen encrypts one.
  const plain = await page.getByTestId('keygen-private').textContent();
  await page.getByTestId('keygen-passphrase').fill('gen pass');
  await page.getByTestId('keygen-passphrase').press('Enter');
  await page.waitForFunction((before) => document.querySelector('[data-testid=keygen-private]').textContent !== before, plain, { timeout: 10000 });
  const locked = await page.getByTestId('keygen-private').textContent();
  const file = join(dir, 'generated_locked');
  await writeFile(file, locked);
  await chmod(file, 0o600);
  const read = execFileSync('ssh-keygen', ['-y', '-P', 'gen pass', '-f', file], { encoding: 'utf8' });
  const pub = await page.getByTestId('keygen-public').textContent();
  assert.deepEqual(read.trim().split(' ').slice(0, 2), pub.trim().split(' ').slice(0, 2));
  assert.throws(() => execFileSync('ssh-keygen', ['-y', '-P', '', '-f', file], { stdio: 'pipe' }));
  await screenshot(page, 'keys-keygen-openssh');
  assert.deepEqual(errors, []);
  await context.close();
});
