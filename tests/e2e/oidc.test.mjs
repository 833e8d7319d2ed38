// An ID token's at_hash / c_hash (OpenID Connect Core §3.1.3.6, §3.3.2.11): a box for the access
// token or code, and whether it matches, the hash computed here with node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { SHOTS, openApp, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();
const b64url = (data) => Buffer.from(data).toString('base64url');
/** The left half of the hash, base64url: what at_hash and c_hash hold. */
const leftHalf = (alg, value) => {
  const digest = createHash(alg).update(value).digest();
  return b64url(digest.subarray(0, digest.length / 2));
};

test('at_hash and c_hash: the access token and code given are checked, match or mismatch', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const accessToken = 'SlAV32hkKG-access-token';
  const code = 'Qcb0Orv1zh30vL1MPRsbm-code';
  const header = b64url(JSON.stringify({ alg: 'HS384', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({
    iss: 'https://server.example.com', sub: 'bob', aud: 's6BhdRkqt3', nonce: 'n-0S6_WzA2Mj',
    at_hash: leftHalf('sha384', accessToken), c_hash: leftHalf('sha384', code),
  }));
  const secret = 'a-secret-of-the-client-long-enough-for-hs384-0123456789';
  const signature = createHmac('sha384', secret).update(`${header}.${payload}`).digest('base64url');
  await page.getByTestId('token-input').fill(`${header}.${payload}.${signature}`);
  await page.getByTestId('key-input').fill(secret);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  const inputs = await page.getByTestId('oidc-hash-input').evaluateAll((els) => els.map((e) => e.dataset.claim));
  assert.deepEqual(inputs, ['at_hash', 'c_hash']);
  await page.locator('[data-testid=oidc-hash-input][data-claim=at_hash]').fill(accessToken);
  const atStatus = page.locator('[data-testid=oidc-hash-status][data-claim=at_hash]');
  await atStatus.waitFor();
  assert.equal(await atStatus.getAttribute('data-state'), 'match');
  await page.locator('[data-testid=oidc-hash-input][data-claim=c_hash]').fill('another code');
  const cStatus = page.locator('[data-testid=oidc-hash-status][data-claim=c_hash]');
  await cStatus.waitFor();
  assert.equal(await cStatus.getAttribute('data-state'), 'mismatch');
  await page.locator('[data-testid=oidc-hash-input][data-claim=c_hash]').fill(code);
  await page.waitForFunction(() => document.querySelector('[data-testid=oidc-hash-status][data-claim=c_hash]')?.dataset.state === 'match');
  await page.locator('section.panel.oidc').screenshot({ path: join(SHOTS, 'oidc-hashes.png') });
  // A token without hash claims shows no such box.
  await page.getByTestId('example-token').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=oidc-hash-input]'));
  assert.deepEqual(errors, []);
  await context.close();
});
