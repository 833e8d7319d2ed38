// The jose comparison page for `make bench`: what a careful developer scripts with jose 6 and
// WebCrypto. Keys are imported once per (text, alg) and cached; a slower verification that
// finishes after a newer input does not overwrite the newer verdict.
import * as jose from './jose/index.js';

const $ = (id) => document.querySelector(`[data-testid=${id}]`);
const EXAMPLE = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const bytes = (text) => new TextEncoder().encode(text);
const b64 = (text) => jose.base64url.encode(bytes(text));
// The last key imported per purpose: a key is parsed once per change of its box, as in the
// debugger; clearing a box and pasting the key again imports it again.
const last = new Map();

/** `make()`'s key for `id`, kept while `id` is the latest for `use`. */
function once(use, id, make) {
  const held = last.get(use);
  if (held?.id === id) return held.key;
  const key = make();
  last.set(use, { id, key });
  return key;
}

/** The key for `alg` from pasted text: a secret, a JWK, or an SPKI / PKCS#8 PEM. */
function importKey(text, alg, use) {
  return once(use, `${alg}\n${text}`, () => {
    if (alg.startsWith('HS')) return Promise.resolve(bytes(text));
    if (text.trimStart().startsWith('{')) return jose.importJWK(JSON.parse(text), alg);
    return use === 'verify' ? jose.importSPKI(text, alg) : jose.importPKCS8(text, alg);
  });
}

/** The public half of a private key (PKCS#8 PEM or JWK), for verifying with the signing key. */
function publicOf(text, alg) {
  return once('public-of-signing', `${alg}\n${text}`, () => {
    const jwk = text.trimStart().startsWith('{')
      ? Promise.resolve(JSON.parse(text))
      : jose.importPKCS8(text, alg, { extractable: true }).then((key) => jose.exportJWK(key));
    return jwk.then(({ d, p, q, dp, dq, qi, ...pub }) => jose.importJWK(pub, alg));
  });
}

function setVerdict(state, text) {
  const verdict = $('verdict');
  verdict.dataset.state = state;
  verdict.textContent = text;
}

let generation = 0;

/** Decodes the token box into the JSON boxes (unless `keepJson`), then verifies it. */
async function refresh({ keepJson = false } = {}) {
  const run = ++generation;
  const token = $('token-input').value.trim();
  let header;
  try {
    header = jose.decodeProtectedHeader(token);
    const payload = jose.decodeJwt(token);
    if (!keepJson) {
      $('header-json').value = JSON.stringify(header, null, 2);
      $('payload-json').value = JSON.stringify(payload, null, 2);
    }
  } catch (error) {
    setVerdict('unverifiable', String(error.message));
    return;
  }
  const keyText = $('key-input').value.trim();
  const signingText = $('signing-key-input').value.trim();
  if (!keyText && !signingText) return setVerdict('no-key', 'no key');
  // WebCrypto answers later: until then the old verdict must not stand for the new token.
  setVerdict('checking', 'checking…');
  let state;
  let text;
  try {
    const key = keyText
      ? await importKey(keyText, header.alg, 'verify')
      : header.alg.startsWith('HS') ? await importKey(signingText, header.alg, 'sign') : await publicOf(signingText, header.alg);
    await jose.compactVerify(token, key);
    [state, text] = ['verified', 'signature verified'];
  } catch (error) {
    [state, text] = error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? ['invalid', 'invalid signature'] : ['unverifiable', String(error.message)];
  }
  if (run === generation) setVerdict(state, text);
}

let signing = 0;

/** Signs the header and payload boxes' text with the signing key into the token box; a
 *  signature that finishes after a newer edit is dropped. */
async function resign({ keepJson }) {
  const run = ++signing;
  const signingText = $('signing-key-input').value.trim();
  let header;
  try {
    header = JSON.parse($('header-json').value);
  } catch (error) {
    return setVerdict('unverifiable', `header: ${error.message}`);
  }
  const payloadText = $('payload-json').value;
  if (!signingText) {
    // No key: the old signature stays and the verdict turns invalid, as the debugger does.
    const old = $('token-input').value.trim().split('.')[2] ?? '';
    $('token-input').value = `${b64(JSON.stringify(header))}.${b64(payloadText)}.${old}`;
  } else {
    try {
      const key = await importKey(signingText, header.alg, 'sign');
      const token = await new jose.CompactSign(bytes(payloadText)).setProtectedHeader(header).sign(key);
      if (run !== signing) return;
      $('token-input').value = token;
    } catch (error) {
      return setVerdict('unverifiable', `signing: ${error.message}`);
    }
  }
  await refresh({ keepJson });
}

// As the debugger does: a signing key signs edits only, never the token as pasted.
let edited = false;
$('token-input').addEventListener('input', () => {
  edited = false;
  refresh();
});
$('key-input').addEventListener('input', () => {
  if (!$('key-input').value.trim()) last.delete('verify');
  refresh();
});
$('signing-key-input').addEventListener('input', () => {
  if (edited && $('signing-key-input').value.trim()) return resign({ keepJson: true });
  last.delete('sign');
  last.delete('public-of-signing');
  return refresh();
});
for (const box of ['header-json', 'payload-json']) {
  $(box).addEventListener('input', () => {
    edited = true;
    return resign({ keepJson: true });
  });
}

/** Verifications per second for `ms` (after a quarter as warm-up), the key imported once. */
window.__joseThroughput = async (alg, token, keyText, ms) => {
  const key = await importKey(keyText, alg, 'verify');
  const until = async (deadline) => {
    let count = 0;
    while (performance.now() < deadline) {
      await jose.compactVerify(token, key);
      count++;
    }
    return count;
  };
  await until(performance.now() + ms / 4);
  const start = performance.now();
  const count = await until(start + ms);
  return count / ((performance.now() - start) / 1000);
};

/** Milliseconds to generate an RSA-2048 pair and write both halves as PEM. */
window.__joseKeygen = async () => {
  const start = performance.now();
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  await Promise.all([jose.exportPKCS8(privateKey), jose.exportSPKI(publicKey)]);
  return performance.now() - start;
};

$('token-input').value = EXAMPLE;
refresh();
