// The tokens and keys every benchmark column uses: the demo keys shipped in assets/demo-keys
// (public test keys, never secret), an HMAC secret, and tokens signed here with node:crypto, an
// implementation independent of both pages under test. `node bench/fixtures.mjs` checks them.
import { createHmac, createPrivateKey, createPublicKey, sign, verify, constants } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/lib.mjs';

export const ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const SECRET = 'bench-secret-0123456789abcdef-0123456789abcdef-0123456789abcdef';
const pem = (name) => readFileSync(join(ROOT, 'assets/demo-keys', name), 'utf8');
const FILE = { R: 'rsa2048', P: 'rsa2048', E256: 'p256', E384: 'p384', E512: 'p521', Ed: 'ed25519' };

function family(alg) {
  if (alg.startsWith('HS')) return null;
  if (alg === 'EdDSA') return FILE.Ed;
  if (alg.startsWith('ES')) return FILE[`E${alg.slice(2)}`];
  return FILE.R;
}

/** `{ verify, sign }`: the text a user pastes in the verification box and in the signing box. */
export function keysFor(alg) {
  const file = family(alg);
  return file ? { verify: pem(`${file}.spki.pem`), sign: pem(`${file}.pkcs8.pem`) } : { verify: SECRET, sign: SECRET };
}

const b64 = (data) => Buffer.from(data).toString('base64url');
const hash = (alg) => `sha${alg.slice(2)}`;

/** The raw JWS signature of `input` (RFC 7518 §3: ECDSA as r || s, PSS salt = hash length). */
function signature(alg, input) {
  const keys = keysFor(alg);
  if (alg.startsWith('HS')) return createHmac(hash(alg), keys.sign).update(input).digest();
  const key = createPrivateKey(keys.sign);
  if (alg === 'EdDSA') return sign(null, Buffer.from(input), key);
  if (alg.startsWith('ES')) return sign(hash(alg), Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  if (alg.startsWith('PS')) {
    return sign(hash(alg), Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 });
  }
  return sign(hash(alg), Buffer.from(input), key);
}

/** A compact JWS over `payload` (an object), header `{"alg":alg,"typ":"JWT"}`. */
export function signedToken(alg, payload) {
  const input = `${b64(JSON.stringify({ alg, typ: 'JWT' }))}.${b64(JSON.stringify(payload))}`;
  return `${input}.${b64(signature(alg, input))}`;
}

/** A token whose payload carries `bytes` of filler (0: the jwt.io example's claims), with the
 *  jwt.io example's signature text: decode benchmarks need no valid signature. */
export function sizedToken(bytes, marker) {
  const payload = bytes === 0
    ? { sub: '1234567890', name: marker, iat: 1516239022 }
    : { sub: marker, blob: 'x'.repeat(bytes) };
  return `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify(payload))}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
}

/** Whether `token` verifies with node:crypto: the check that keeps a broken fixture out. */
export function verifiesInNode(alg, token) {
  const [head, body, sig] = token.split('.');
  const input = Buffer.from(`${head}.${body}`);
  const raw = Buffer.from(sig, 'base64url');
  const keys = keysFor(alg);
  if (alg.startsWith('HS')) return createHmac(hash(alg), keys.verify).update(input).digest().equals(raw);
  const key = createPublicKey(keys.verify);
  if (alg === 'EdDSA') return verify(null, input, key, raw);
  if (alg.startsWith('ES')) return verify(hash(alg), input, { key, dsaEncoding: 'ieee-p1363' }, raw);
  if (alg.startsWith('PS')) {
    return verify(hash(alg), input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 }, raw);
  }
  return verify(hash(alg), input, key, raw);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const alg of ALGS) {
    const ok = verifiesInNode(alg, signedToken(alg, { sub: 'check' }));
    failed ||= !ok;
    console.log(`${alg}: ${ok ? 'OK' : 'FAILED'}`);
  }
  process.exit(failed ? 1 : 0);
}

/**
 * The JWE decrypt cases `make bench` times (issue #15): `{ label, key, seal(marker) }`, where
 * `key` is what a user pastes to open the token and `seal` makes a token whose plaintext carries
 * `marker`, encrypted by the `jose` package on Node's WebCrypto (an implementation independent of
 * the page).
 */
export async function jweCases() {
  const jose = await import(join(ROOT, 'tests/e2e/node_modules/jose/dist/webapi/index.js'));
  const rsa = pem('rsa2048.spki.pem');
  const p256 = pem('p256.spki.pem');
  const aes = Buffer.alloc(32, 0x5a);
  const seal = (alg, enc, keyFor) => async (marker) => new jose.CompactEncrypt(
    new TextEncoder().encode(JSON.stringify({ sub: marker, name: 'bench' })),
  ).setProtectedHeader({ alg, enc }).encrypt(await keyFor());
  return [
    { label: 'RSA-OAEP-256 + A256GCM (RSA-2048)', key: pem('rsa2048.pkcs8.pem'),
      seal: seal('RSA-OAEP-256', 'A256GCM', () => jose.importSPKI(rsa, 'RSA-OAEP-256')) },
    { label: 'ECDH-ES+A128KW + A128GCM (P-256)', key: pem('p256.pkcs8.pem'),
      seal: seal('ECDH-ES+A128KW', 'A128GCM', () => jose.importSPKI(p256, 'ECDH-ES+A128KW')) },
    { label: 'A256KW + A256GCM', key: JSON.stringify({ kty: 'oct', k: aes.toString('base64url') }),
      seal: seal('A256KW', 'A256GCM', async () => aes) },
  ];
}
