// The rest of JOSE people meet, in the release build: ES256K (secp256k1) tokens made by
// node:crypto verify with the key as a JWK, the ES256K example signs in the key engine, the key
// generator makes secp256k1 keys, and detached / unencoded payloads are checked over the payload
// typed beside the token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openApp, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();
const b64url = (data) => Buffer.from(data).toString('base64url');

test('an ES256K token from node:crypto verifies with its JWK; the example and the generator use secp256k1', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const input = `${b64url(JSON.stringify({ alg: 'ES256K', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: 'bob' }))}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  await page.getByTestId('token-input').fill(`${input}.${b64url(signature)}`);
  await page.getByTestId('key-input').fill(JSON.stringify(publicKey.export({ format: 'jwk' })));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /secp256k1/);
  // Tampered: invalid.
  const tampered = `${input.slice(0, -2)}${input.endsWith('A') ? 'B' : 'A'}${input.slice(-1)}.${b64url(signature)}`;
  await page.getByTestId('token-input').fill(tampered);
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');

  // The ES256K example: signed with the demo key by the key engine, verified, and re-signed on an edit.
  await page.getByTestId('example-select').selectOption('ES256K');
  await page.waitForFunction(() => document.querySelector('[data-testid=header-json]')?.value.includes('ES256K'));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.getByTestId('payload-json').fill('{"sub": "alice"}');
  await page.waitForFunction(() => document.querySelector('[data-testid=token-input]').value.includes(`.${btoa('{"sub":"alice"}').replace(/=+$/, '')}.`));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');

  // The generator: a secp256k1 key, its public JWK, used in the debugger.
  await page.getByTestId('nav-keygen').click();
  await page.getByTestId('keygen-kind').selectOption('secp256k1');
  await page.getByTestId('keygen-run').click();
  await page.getByTestId('keygen-private').waitFor();
  await page.getByTestId('keygen-format').selectOption('jwk');
  assert.match(await page.getByTestId('keygen-public').textContent(), /"crv": "secp256k1"/);
  await page.getByTestId('keygen-use').click();
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('header-json').inputValue(), /ES256K/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a detached, unencoded payload is checked over what is typed beside the token', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const secret = 'a-string-secret-at-least-256-bits-long';
  const header = b64url(JSON.stringify({ alg: 'HS256', b64: false, crit: ['b64'] }));
  const payload = '$.02';
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  await page.getByTestId('token-input').fill(`${header}..${signature}`);
  await page.getByTestId('key-input').fill(secret);
  assert.equal(await verdictBecomes(page, 'unverifiable'), 'unverifiable');
  assert.match(await page.getByTestId('verdict').textContent(), /detached/);
  await page.getByTestId('detached-payload-input').fill(payload);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('verdict').textContent(), /over the payload given/);
  // The b64-false finding stays, now beside a verdict.
  assert.equal(await page.locator('[data-testid=finding][data-code=b64-false]').count(), 1);
  // The payload is not in the token: no finding about what it is not.
  assert.equal(await page.locator('[data-testid=finding][data-code=not-a-jwt-payload]').count(), 0);
  assert.match(await page.locator('.panel.payload').textContent(), /detached/);
  await screenshot(page, 'detached-payload');
  await page.getByTestId('detached-payload-input').fill('$.03');
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');
  // An encoded detached payload (RFC 7515 Appendix F): the text typed is what was encoded.
  const plainHeader = b64url(JSON.stringify({ alg: 'HS256' }));
  const claims = '{"sub":"bob"}';
  const plainSig = createHmac('sha256', secret).update(`${plainHeader}.${b64url(claims)}`).digest('base64url');
  await page.getByTestId('token-input').fill(`${plainHeader}..${plainSig}`);
  await page.getByTestId('detached-payload-input').fill(claims);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an x5c chain is shown certificate by certificate and verified only once anchored', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const fixture = (name) => readFileSync(join(ROOT, 'tests', 'vectors', 'certs', name), 'utf8');
  await page.getByTestId('token-input').fill(fixture('chain.jwt').trim());
  await page.getByTestId('cert-chain').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert]').length === 3);
  const states = () => page.getByTestId('cert').evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.deepEqual(await states(), ['ok', 'ok', 'ok']);
  assert.equal(await page.getByTestId('chain-verdict').getAttribute('data-state'), 'unanchored');
  assert.equal(await verdictBecomes(page, 'unverifiable'), 'unverifiable');
  assert.match(await page.getByTestId('verdict').textContent(), /nothing anchors it/);
  // The embedded-key finding keeps its word.
  assert.equal(await page.locator('[data-testid=finding][data-code=embedded-key-header]').count(), 1);
  await page.getByTestId('key-input').fill(fixture('root.pem'));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await page.getByTestId('chain-verdict').getAttribute('data-state'), 'anchored');
  assert.deepEqual(await states(), ['anchored', 'anchored', 'anchored']);
  assert.match(await page.getByTestId('verdict').textContent(), /anchored to the certificate you gave/);
  await page.getByTestId('cert-chain').screenshot({ path: join(ROOT, 'target', 'screenshots', 'cert-chain.png') });
  await screenshot(page, 'cert-chain-page');
  await page.getByTestId('key-input').fill(fixture('other-root.pem'));
  assert.equal(await verdictBecomes(page, 'unverifiable'), 'unverifiable');
  assert.equal(await page.getByTestId('chain-verdict').getAttribute('data-state'), 'unanchored');
  // The same chain pasted in the key box (as PEM) beside a token without x5c: shown, and
  // anchored by its own root.
  const x5c = JSON.parse(Buffer.from(fixture('chain.jwt').split('.')[0], 'base64url').toString()).x5c;
  const pems = x5c.map((der) => `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`).join('');
  await page.getByTestId('example-token').click();
  await page.getByTestId('key-input').fill(pems);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert]').length === 3);
  assert.equal(await page.getByTestId('chain-verdict').getAttribute('data-state'), 'anchored');
  assert.match(await page.getByTestId('cert-chain').textContent(), /key box/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('x5t#S256 picks the JWKS key without a kid, and a certificate other than the one named is a finding', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const [ours, other] = [pair(), pair()];
  const jwk = (keys, thumbprint) => ({ ...keys.publicKey.export({ format: 'jwk' }), 'x5t#S256': thumbprint });
  const jwks = JSON.stringify({ keys: [jwk(other, 'b3RoZXI'), jwk(ours, 'b3Vycw')] });
  const signed = (thumbprint) => {
    const input = `${b64url(JSON.stringify({ alg: 'ES256', 'x5t#S256': thumbprint }))}.${b64url('{"sub":"bob"}')}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), { key: ours.privateKey, dsaEncoding: 'ieee-p1363' }))}`;
  };
  await page.getByTestId('token-input').fill(signed('b3Vycw'));
  await page.getByTestId('key-input').fill(jwks);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.getByTestId('token-input').fill(signed('b3RoZXI'));
  assert.equal(await verdictBecomes(page, 'invalid'), 'invalid');
  // A certificate pasted that is not the one the header names.
  await page.getByTestId('key-input').fill(readFileSync(join(ROOT, 'tests', 'vectors', 'certs', 'root.pem'), 'utf8'));
  await page.locator('[data-testid=finding][data-code=x5t-mismatch]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
