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
  // Each processed claim marked: disclosed, holding disclosures, or always visible.
  const marks = Object.fromEntries(await page.getByTestId('sd-claim').evaluateAll((rows) => rows.map((r) => [r.dataset.name, r.dataset.disclosed])));
  assert.deepEqual(marks, { iss: 'no', iat: 'no', exp: 'no', sub: 'no', nationalities: 'partly', cnf: 'no', given_name: 'yes', family_name: 'yes', address: 'yes' }, JSON.stringify(marks));
  // The KB-JWT: signed by the holder key in cnf (checked in the key engine), sd_hash matching.
  await page.waitForFunction(() => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === 'verified');
  assert.match(await page.getByTestId('kb-verdict').textContent(), /aud https:\/\/verifier\.example\.org, nonce 1234567890, iat \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(/);
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

/** settings.yml's holder key (P-256, private), as a JWK. */
async function holderKey() {
  const settings = await readFile(join(ROOT, 'tests/vectors/sd-jwt/settings.yml'), 'utf8');
  const block = settings.split('holder_key:')[1].split('key_binding_nonce')[0];
  const field = (name) => block.match(new RegExp(`\\b${name}: (\\S+)`))[1];
  return JSON.stringify({ kty: 'EC', crv: field('crv'), d: field('d'), x: field('x'), y: field('y') });
}

const kbState = (page, state) =>
  page.waitForFunction((s) => document.querySelector('[data-testid=kb-verdict]')?.dataset.state === s, state);

test('issue: Make SD on claims re-issues an SD-JWT the key still verifies', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  // The example (HS256, its secret in the key box, which signs edits while Sign is empty).
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.locator('[data-testid=claim][data-name=name] [data-testid=sd-make]').click();
  await page.getByTestId('sd-status').waitFor();
  const token = await page.getByTestId('token-input').inputValue();
  assert.ok(token.endsWith('~') && token.split('~').length === 3, token);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  const payload = await page.getByTestId('payload-json').inputValue();
  assert.doesNotMatch(payload, /John Doe/);
  assert.match(payload, /"_sd_alg": "sha-256"/);
  const disclosures = await page.getByTestId('disclosure').evaluateAll((els) => els.map((e) => `${e.dataset.claim}:${e.dataset.state}`));
  assert.deepEqual(disclosures, ['name:matched']);
  assert.equal(JSON.parse(await page.getByTestId('sd-claims').textContent()).name, 'John Doe');
  // The salt is 128 bits from the CSPRNG: base64url of 16 bytes.
  const salt = JSON.parse(Buffer.from(token.split('~')[1], 'base64url').toString())[0];
  assert.equal(Buffer.from(salt, 'base64url').length, 16);
  // Array elements: the payload given an array, each element made a disclosure of its own.
  const withArray = JSON.parse(await page.getByTestId('payload-json').inputValue());
  withArray.nationalities = ['US', 'DE'];
  await page.getByTestId('payload-json').fill(JSON.stringify(withArray, null, 2));
  await page.locator('[data-testid=claim][data-name=nationalities] [data-testid=sd-make-elements]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=disclosure][data-claim="[]"]').length === 2 && document.querySelectorAll('[data-testid=disclosure]').length === 3);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.deepEqual(JSON.parse(await page.getByTestId('sd-claims').textContent()).nationalities, ['US', 'DE']);
  // From the table view too, and a decoy: four disclosures, one digest undisclosed.
  await page.locator('[data-testid=claims-view][data-part=payload]').selectOption('table');
  await page.locator('[data-testid=claims-table] tr[data-name=sub] [data-testid=sd-make]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=disclosure]').length === 4);
  await page.getByTestId('sd-decoy').click();
  await page.waitForFunction(() => /1 digest is not disclosed/.test(document.querySelector('[data-testid=sd-status]').textContent));
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  // Present without the name: the issuer's signature still holds.
  await page.locator('[data-testid=disclosure][data-claim=name] [data-testid=disclose-toggle]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=disclosure]').length === 3);
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(JSON.parse(await page.getByTestId('sd-claims').textContent()).name, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('present with the holder key: a fresh KB-JWT the page verifies against cnf', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const issued = (await vector('simple', 'sd_jwt_issuance.txt')).trim();
  await page.getByTestId('token-input').fill(issued);
  await page.getByTestId('key-input').fill(await issuerKey());
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.equal(await page.getByTestId('kb-verdict').getAttribute('data-state'), 'absent');
  await page.getByTestId('kb-aud').fill('https://verifier.example.org');
  await page.getByTestId('kb-nonce').fill('nonce-from-the-verifier');
  await page.getByTestId('holder-key-input').fill(await holderKey());
  // Bound at once: the presentation ends in a KB-JWT signed by the holder (ES256, in the key engine).
  await kbState(page, 'verified');
  assert.match(await page.getByTestId('kb-verdict').textContent(), /aud https:\/\/verifier\.example\.org, nonce nonce-from-the-verifier/);
  const bound = await page.getByTestId('token-input').inputValue();
  assert.ok(!bound.endsWith('~'), bound);
  const parts = await page.getByTestId('token-part').evaluateAll((els) => els.map((e) => e.dataset.part));
  assert.equal(parts.at(-1), 'kb-jwt');
  const kbHeader = JSON.parse(Buffer.from(bound.split('~').at(-1).split('.')[0], 'base64url').toString());
  assert.deepEqual(kbHeader, { alg: 'ES256', typ: 'kb+jwt' });
  // Presenting less makes a new one, over the new presentation.
  await page.locator('[data-testid=disclosure][data-claim=family_name] [data-testid=disclose-toggle]').click();
  await page.waitForFunction((before) => document.querySelector('[data-testid=token-input]').value !== before
    && !document.querySelector('[data-testid=token-input]').value.endsWith('~'), bound);
  await kbState(page, 'verified');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('kb-made').textContent(), /fresh key-binding JWT was made here/);
  await page.locator('section.panel.sd').screenshot({ path: join(SHOTS, 'sd-jwt-bound.png') });
  // Without the holder key, the KB-JWT goes, and the page says so.
  await page.getByTestId('holder-key-input').fill('');
  await page.locator('[data-testid=disclosure][data-claim=given_name] [data-testid=disclose-toggle]').click();
  await kbState(page, 'absent');
  assert.match(await page.getByTestId('kb-made').textContent(), /went with the old presentation/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('JSON serializations: an SD-JWT flattened, and a general JWS with a verdict per signature', async () => {
  const { context, page, errors } = await openApp(shared.browser, shared.server.url);
  const flattened = await vector('json_serialization_flattened', 'sd_jwt_presentation.json');
  await page.getByTestId('token-input').fill(flattened);
  await page.getByTestId('key-input').fill(await issuerKey());
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('json-serialization').textContent(), /flattened JSON serialization/);
  assert.equal(await page.getByTestId('sd-status').getAttribute('data-state'), 'ok');
  const claims = await page.getByTestId('disclosure').evaluateAll((els) => els.map((e) => e.dataset.claim).sort());
  assert.deepEqual(claims, ['family_name', 'given_name']);
  const expected = JSON.parse(await vector('json_serialization_flattened', 'verified_contents.json'));
  assert.deepEqual(JSON.parse(await page.getByTestId('sd-claims').textContent()), expected);
  // The header panel shows the protected header, not the SD-JWT's parts.
  assert.doesNotMatch(await page.getByTestId('header-json').inputValue(), /disclosures/);
  // General, two signatures over jwt.io's example: its secret's, and another's.
  const [protectedHeader, payload, first] = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'.split('.');
  const { createHmac } = await import('node:crypto');
  const second = createHmac('sha256', 'another secret').update(`${protectedHeader}.${payload}`).digest('base64url');
  const general = JSON.stringify({
    payload,
    signatures: [
      { protected: protectedHeader, header: { kid: 'a' }, signature: first },
      { protected: protectedHeader, header: { kid: 'b' }, signature: second },
    ],
  }, null, 2);
  await page.getByTestId('token-input').fill(general);
  await page.getByTestId('key-input').fill('your-256-bit-secret');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await page.getByTestId('json-signature').first().waitFor();
  const states = await page.getByTestId('json-signature').evaluateAll((els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, ['verified', 'invalid']);
  assert.match(await page.getByTestId('json-signature').nth(1).textContent(), /Signature 2 \(HS256, kid b\)/);
  assert.match(await page.getByTestId('payload-json').inputValue(), /John Doe/);
  await screenshot(page, 'jws-json-general');
  // Another key: the second signature verifies, the first does not.
  await page.getByTestId('key-input').fill('another secret');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=json-signature]')].map((e) => e.dataset.state).join() === 'invalid,verified');
  assert.deepEqual(errors, []);
  await context.close();
});
