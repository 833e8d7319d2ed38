// SD-JWTs (RFC 9901) pasted into the debugger: the issuer-signed JWT decodes and verifies as any
// token does, each disclosure is shown with what it discloses and where it lands, and the claims
// a verifier ends with are shown; a presentation that breaks a rule is refused with it named.
// The tokens are the RFC's examples as the reference implementation made them
// (tests/vectors/sd-jwt/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SHOTS, openApp, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const shared = useServerAndBrowser();
const vector = (example, file) => readFile(join(ROOT, 'tests/vectors/sd-jwt', example, file), 'utf8');

/** The issuer's public key (settings.yml's P-256 issuer key without `d`), as a JWK. */
async function issuerKey() {
  const settings = await readFile(join(ROOT, 'tests/vectors/sd-jwt/settings.yml'), 'utf8');
  const block = settings.split('issuer_key:')[1].split('holder_key:')[0];
  const field = (name) => block.match(new RegExp(`\\b${name}: (\\S+)`))[1];
  return JSON.stringify({ kty: 'EC', crv: field('crv'), x: field('x'), y: field('y') });
}

test('an SD-JWT presentation: verified by its issuer, each disclosure in its place', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const presentation = (await vector('simple', 'sd_jwt_presentation.txt')).trim();
  await page.getByTestId('token-input').fill(presentation);
  await page.getByTestId('key-input').fill(await issuerKey());
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  // The coloured view: the issuer-signed JWT's three parts, four disclosures, the KB-JWT.
  const parts = await page.getByTestId('token-part').evaluateAll((els) => els.map((e) => e.dataset.part));
  assert.deepEqual(parts, ['header', 'payload', 'signature', 'disclosure', 'disclosure', 'disclosure', 'disclosure', 'kb-jwt']);
  // The payload as signed, digests and all.
  assert.match(await page.getByTestId('payload-json').inputValue(), /"_sd_alg": "sha-256"/);
  const status = page.getByTestId('sd-status');
  assert.equal(await status.getAttribute('data-state'), 'ok');
  assert.match(await status.textContent(), /^4 disclosures, each in its place; digests sha-256; 6 digests are not disclosed/);
  const disclosures = page.getByTestId('disclosure');
  const claims = await disclosures.evaluateAll((els) => els.map((e) => `${e.dataset.claim}:${e.dataset.state}`));
  assert.deepEqual(claims.sort(), ['[]:matched', 'address:matched', 'family_name:matched', 'given_name:matched']);
  assert.match(await disclosures.filter({ hasText: 'at nationalities[0]' }).textContent(), /"US"/);
  // What a verifier ends with: the reference verifier's own result.
  const expected = JSON.parse(await vector('simple', 'verified_contents.json'));
  assert.deepEqual(JSON.parse(await page.getByTestId('sd-claims').textContent()), expected);
  // The KB-JWT: signed by the holder key in cnf (checked in the key engine), sd_hash matching.
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'verified');
  assert.match(await page.getByTestId('kb-verdict').textContent(), /aud https:\/\/verifier\.example\.org, nonce 1234567890/);
  // Held to what the verifier expects: another aud makes it invalid, the right one verifies.
  await page.getByTestId('kb-aud').fill('https://elsewhere.example');
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'invalid');
  assert.match(await page.getByTestId('kb-verdict').textContent(), /made for another/);
  await page.getByTestId('kb-aud').fill('https://verifier.example.org');
  await page.getByTestId('kb-nonce').fill('1234567890');
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'verified');
  await screenshot(page, 'sd-jwt');
  // The panel alone, as README.md shows it (docs/sd-jwt.png).
  await page.locator('section.panel.sd').screenshot({ path: join(SHOTS, 'sd-jwt-panel.png') });
  // Presenting less: unchecking a disclosure takes it out of the token box. The issuer's
  // signature still holds (it signs digests only); the KB-JWT goes with the old presentation.
  await page.locator('[data-testid=disclosure][data-claim=family_name] [data-testid=disclose-toggle]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=disclosure]').length === 3);
  const less = await page.getByTestId('token-input').inputValue();
  assert.ok(less.endsWith('~') && less.split('~').length === 5, less);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await page.getByTestId('kb-verdict').getAttribute('data-state'), 'absent');
  assert.equal(JSON.parse(await page.getByTestId('sd-claims').textContent()).family_name, undefined);
  await page.getByTestId('token-input').fill(presentation);
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'verified');
  // A disclosure dropped after the holder signed: the issuer's signature still holds, the key
  // binding does not.
  const dropped = presentation.replace(`~${presentation.split('~')[1]}~`, '~');
  await page.getByTestId('token-input').fill(dropped);
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'invalid');
  assert.match(await page.getByTestId('kb-verdict').textContent(), /sd_hash does not match/);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await page.getByTestId('disclosure').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a disclosure nothing refers to refuses the presentation, and says which', async () => {
  const { context, page } = await openApp(shared.browser, shared.server.url);
  const issued = (await vector('address_only_flat', 'sd_jwt_issuance.txt')).trim();
  // A disclosure from another SD-JWT, added to this one.
  const stranger = (await vector('simple', 'sd_jwt_issuance.txt')).trim().split('~')[1];
  await page.getByTestId('token-input').fill(`${issued}${stranger}~`);
  const status = page.getByTestId('sd-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-state'), 'error');
  assert.match(await status.textContent(), /is referenced by no digest/);
  const states = await page.getByTestId('disclosure').evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, ['matched', 'unreferenced']);
  assert.equal(await page.getByTestId('sd-claims').count(), 0, 'no processed claims for a refused presentation');
  assert.equal(await page.getByTestId('kb-verdict').getAttribute('data-state'), 'absent');
  // The issuer-signed JWT still decodes and shows.
  assert.match(await page.getByTestId('payload-json').inputValue(), /"_sd"/);
  await context.close();
});
