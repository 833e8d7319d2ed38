// The in-page measures of `make bench`, for any page that carries the UI contract's data-testid
// hooks (ours, and the jose comparison page): timed inside the page with performance.now(), the
// end seen by a MutationObserver, so no round-trip to the test driver is counted.
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { DIST, serve } from '../tests/e2e/lib.mjs';
import { ALGS, jweCases, keysFor, signedToken, sizedToken } from './fixtures.mjs';

export const DECODE_SIZES = [['jwt.io example', 0], ['1 KB', 1024], ['8 KB', 8192], ['64 KB', 65536], ['256 KB', 262144], ['1 MB', 1048576]];

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
export const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
export const kb = (n) => (n / 1024).toFixed(1);

/** Bytes, gzip -9 and brotli 11 of every file under `dir`, named by their path in it. */
export async function sizes(dir = DIST) {
  const rows = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    const body = await readFile(file);
    rows.push({
      name,
      bytes: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

/** In-page: resolves with performance.now() once `done()` holds. It is checked on every DOM
 *  mutation and once more in the task after each mutation batch: a framework may write a
 *  textarea's value (no mutation) in a microtask after the render that caused the mutations. */
const WATCH = `
window.__watch = (done, resolve) => {
  let finished = false;
  const channel = new MessageChannel();
  const check = () => {
    if (!finished && done()) { finished = true; observer.disconnect(); resolve(performance.now()); }
  };
  const observer = new MutationObserver(() => { check(); if (!finished) channel.port2.postMessage(0); });
  channel.port1.onmessage = check;
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  return check;
};`;

/** Sets a textarea's value as a paste would, and resolves with the ms until `done()` holds in
 *  the DOM (the time is when the page showed the result, not when the driver saw it). */
const MEASURE = `${WATCH}
window.__measure = (testid, value, doneSource, withFrame) => new Promise((resolve) => {
  const done = new Function(doneSource);
  const area = document.querySelector('[data-testid=' + testid + ']');
  const start = performance.now();
  // With withFrame, also until the next frame is painted, as the peer debuggers were measured:
  // one requestAnimationFrame, then a setTimeout(0) (the task after that frame).
  const check = window.__watch(done, (end) => {
    if (!withFrame) return resolve(end - start);
    requestAnimationFrame(() => setTimeout(() => resolve({ text: end - start, frame: performance.now() - start }), 0));
  });
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  check();
});`;

/** The paths this page has fetched so far, by its own resource timing (index.html included). */
const LOADED = "['index.html', ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1))]";

/** Navigation start → the jwt.io example decoded (payload shows "John Doe"), `runs` cold loads.
 *  Adds to `fetched` every path the page had fetched when it was usable, and to `background`
 *  what the first load fetched afterwards until the network went quiet (the engine module). The observer is
 *  installed before any page script runs, so the time is that of the first mutation after which
 *  the payload is shown. */
export async function startup(browser, url, runs, fetched, background, warm = [], { waitForEngine = true, engine = null, paint = null } = {}) {
  const times = [];
  // Navigation → first contentful paint, cold and warm, when `paint` ({ cold: [], warm: [] })
  // is given: the browser's own entry, taken once the page is usable.
  const firstPaint = (page) => page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (entry) { observer.disconnect(); resolve(entry.startTime); }
    }).observe({ type: 'paint', buffered: true });
  }));
  // Navigation → `engine-status` "ready" (the key engine started, compiled and answering), cold
  // and warm, when `engine` ({ cold: [], warm: [] }) is given. Loads after the first, whose
  // service worker is blocked, as the warm loads are their reloads.
  const ENGINE_READY = `window.__engine = new Promise((resolve) => window.__watch(
    () => document.querySelector('[data-testid=engine-status]')?.dataset.state === 'ready', resolve));`;
  for (let i = 0; i < runs; i++) {
    // The first load, which records what is fetched, runs without the service worker: once it
    // controls the page it would fetch the engine's files for the worker, and those requests
    // would be the service worker's, indistinguishable from its precaching.
    const context = await browser.newContext(i === 0 ? { serviceWorkers: 'block' } : {});
    await context.addInitScript(`${WATCH}
      window.__ready = new Promise((resolve) => window.__watch(
        () => document.querySelector('[data-testid=payload-json]')?.value.includes('John Doe'),
        (end) => resolve({ end, loaded: ${LOADED} })));
      ${engine ? ENGINE_READY : ''}`);
    const page = await context.newPage();
    // The key engine is a Web Worker: its files are in the worker's resource timing, not the
    // page's, so the first load also records what the browser requested for the page or its
    // worker (not the service worker's precaching, which fills its cache from the same files).
    const requested = new Set();
    if (i === 0) {
      context.on('request', (r) => {
        if (!r.serviceWorker()) requested.add(new URL(r.url()).pathname.slice(1));
      });
    }
    await page.goto(url);
    const { end, loaded } = await page.evaluate(() => window.__ready);
    times.push(end);
    if (engine) engine.cold.push(await page.evaluate(() => window.__engine));
    if (paint) paint.cold.push(await firstPaint(page));
    loaded.forEach((p) => fetched.add(p));
    if (i === 0) {
      // Once is enough to see what comes after (the engine): waiting for the network to go
      // quiet costs half a second per load. A page with a key engine (the UI contract's
      // engine-status) is waited for until it says the engine is in or failed: on a browser's
      // very first load the network can be quiet for half a second before the engine is started.
      // (Not in the static copy of our page, the floor: it has the element but no code.)
      if (waitForEngine) {
        await page.waitForFunction(() => document.querySelector('[data-testid=engine-status]')?.dataset.state !== 'loading');
      }
      await page.waitForLoadState('networkidle');
      const all = [...await page.evaluate(LOADED), ...requested];
      all.filter((p) => !loaded.includes(p)).forEach((p) => background.add(p));
    }
    if (i > 0) {
      // Warm: the same tab reloaded once it has settled (the service worker installed and its
      // precache filled, which fetches every file of the build), its files in the caches.
      await page.waitForLoadState('networkidle');
      await page.evaluate(async () => {
        const registered = await navigator.serviceWorker?.getRegistration();
        if (registered) await navigator.serviceWorker.ready;
      });
      await page.reload();
      warm.push((await page.evaluate(() => window.__ready)).end);
      if (engine) engine.warm.push(await page.evaluate(() => window.__engine));
      if (paint) paint.warm.push(await firstPaint(page));
    }
    await context.close();
  }
  return times;
}

/**
 * The start-up floor of this harness: the page's own document, once the example is decoded,
 * saved as static HTML (the same markup, stylesheet and icons; no script, no module) and loaded
 * the way `startup` loads the page, cold and warm. What the page takes above it is fetching,
 * compiling and running its code; what is below it no page's code can win back.
 */
export async function startFloor(browser, url, runs) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-testid=payload-json]')?.value.includes('John Doe'));
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((n) => n.remove());
    // A textarea's value is not in its markup: it becomes the copy's content.
    const live = document.querySelectorAll('textarea');
    copy.querySelectorAll('textarea').forEach((area, i) => { area.textContent = live[i].value; });
    return `<!doctype html>${copy.outerHTML}`;
  });
  await context.close();
  const dir = await mkdtemp(join(tmpdir(), 'jwt-floor-'));
  await writeFile(join(dir, 'index.html'), html);
  for (const name of await readdir(DIST)) {
    if (!/\.(js|wasm|html)$/.test(name)) await copyFile(join(DIST, name), join(dir, name));
  }
  const floor = await serve(dir);
  try {
    const warm = [];
    const cold = await startup(browser, floor.url, runs, new Set(), new Set(), warm, { waitForEngine: false });
    return { cold, warm };
  } finally {
    await floor.close();
    await rm(dir, { recursive: true });
  }
}

/** The least Yew page of this stack (bench/floor, served from `dir`): navigation → its example
 *  decoded, `runs` cold loads, as `startup` loads ours. What our page takes above it is its own
 *  code; what is below it is the stack's. */
export async function stackStart(browser, dir, runs) {
  const floor = await serve(dir);
  try {
    return await startup(browser, floor.url, runs, new Set(), new Set(), [], { waitForEngine: false });
  } finally {
    await floor.close();
  }
}

/** A key pasted the moment the page is usable, while the engine module may still be on its
 *  way: RS256 token and public key set → verdict "verified", `runs` cold loads. */
export async function firstKey(browser, url, runs, token, key) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ bypassCSP: true });
    await context.addInitScript(`${WATCH}
      window.__ready = new Promise((resolve) => window.__watch(
        () => document.querySelector('[data-testid=payload-json]')?.value.includes('John Doe'), resolve));`);
    const page = await context.newPage();
    await page.goto(url);
    times.push(await page.evaluate(async ([t, k]) => {
      await window.__ready;
      const set = (id, v) => {
        const area = document.querySelector(`[data-testid=${id}]`);
        area.value = v;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const start = performance.now();
      const verified = () => document.querySelector('[data-testid=verdict]')?.dataset.state === 'verified';
      const done = new Promise((resolve) => window.__watch(verified, resolve));
      set('token-input', t);
      set('key-input', k);
      return (await done) - start;
    }, [token, key]));
    await context.close();
  }
  return times;
}

export async function rsaKeygen(browser, url, runs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}#/keygen`);
  await page.getByTestId('keygen-kind').selectOption('RSA-2048');
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const button = document.querySelector('[data-testid=keygen-run]');
      const before = document.querySelector('[data-testid=keygen-private]')?.textContent;
      const start = performance.now();
      const done = () => {
        const now = document.querySelector('[data-testid=keygen-private]')?.textContent;
        return now && now !== before && !button.disabled;
      };
      new MutationObserver((_, observer) => { if (done()) { observer.disconnect(); resolve(performance.now() - start); } })
        .observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      button.click();
    })));
  }
  await context.close();
  return times;
}

export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Sets a textarea's value as a paste would, and resolves with the ms until `done()` holds in
 *  the DOM (checked on every mutation, so the time is when the page showed the result). */
/** Opens `url` in a fresh context (CSP bypassed so the measuring script can be injected) with
 *  the measuring helpers installed. */
async function measuringPage(browser, url) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('token-input').waitFor();
  // Steady state: what the page fetches after start-up (our engine module) is in.
  await page.waitForLoadState('networkidle');
  await page.evaluate(MEASURE);
  return { context, page };
}

/** Sets a box's value as a paste would (input event), without measuring. */
const put = (page, testid, value) => page.evaluate(([id, v]) => {
  const area = document.querySelector(`[data-testid=${id}]`);
  area.value = v;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}, [testid, value]);

const VERIFIED = "return document.querySelector('[data-testid=verdict]')?.dataset.state === 'verified'";
/** Waits until the verdict reads verified (after a setup step that may be asynchronous). */
const verified = (page) => page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.state === 'verified');

export async function decodeLatency(browser, url, runs) {
  const { context, page } = await measuringPage(browser, url);
  const rows = [];
  for (const [label, bytes] of DECODE_SIZES) {
    const times = [];
    const frames = [];
    for (let i = 0; i < runs; i++) {
      // A different marker each run, so nothing can be served from a previous decode.
      const marker = `run-${label}-${i}`;
      const { text, frame } = await page.evaluate(([t, m]) => window.__measure('token-input', t,
        `return document.querySelector('[data-testid=payload-json]')?.value.includes(${JSON.stringify(m)})`, true), [sizedToken(bytes, marker), marker]);
      times.push(text);
      frames.push(frame);
    }
    rows.push({ label, tokenBytes: bytes, times, frames });
  }
  await context.close();
  return rows;
}

/**
 * What the browser alone needs to show a 256 KB token, with none of this page's code: the page's
 * own token box and payload box are copied (their elements, classes and widths, our stylesheet)
 * into an otherwise empty document, and the texts our page would show are put straight in. Input
 * to the next frame (one requestAnimationFrame, then a setTimeout(0)), `runs` times each:
 * - `textarea`: the token in the textarea alone (any debugger with a textarea pays this);
 * - `box`: the token in the textarea and in the painted copy under it (this page's token box);
 * - `boxAndJson`: that, and the payload's JSON in its box, as this page shows a decode.
 */
export async function layoutFloor(browser, url, runs) {
  const { context, page } = await measuringPage(browser, url);
  const bytes = 262144;
  const shell = await page.evaluate(() => {
    const box = document.querySelector('.token-box');
    const json = document.querySelector('[data-testid=payload-json]');
    const css = [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.outerHTML).join('');
    return { css, box: box.outerHTML, boxWidth: box.getBoundingClientRect().width, json: json.outerHTML, jsonWidth: json.getBoundingClientRect().width };
  });
  await page.setContent(`<!doctype html><html><head>${shell.css}</head><body>
    <div style="display:flex;gap:16px"><div style="width:${shell.boxWidth}px">${shell.box}</div>
    <div style="width:${shell.jsonWidth}px">${shell.json}</div></div></body></html>`);
  const out = { textarea: [], box: [], boxAndJson: [] };
  for (const kind of Object.keys(out)) {
    for (let i = 0; i < runs; i++) {
      const token = sizedToken(bytes, `floor-${kind}-${i}`);
      const [header, payload, signature] = token.split('.');
      const json = Buffer.from(payload, 'base64url').toString();
      out[kind].push(await page.evaluate(([kind, token, parts, json]) => new Promise((resolve) => {
        const area = document.querySelector('.token-box textarea');
        const paint = document.querySelector('.token-paint');
        const payloadBox = document.querySelector('[data-testid=payload-json]');
        const start = performance.now();
        area.value = token;
        if (kind !== 'textarea') {
          paint.replaceChildren(...parts.flatMap((text, n) => {
            const span = document.createElement('span');
            span.className = `part ${['header', 'payload', 'signature'][n]}`;
            span.textContent = text;
            return n ? [document.createTextNode('.'), span] : [span];
          }));
        }
        if (kind === 'boxAndJson') payloadBox.value = json;
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }), [kind, token, [header, payload, signature], json]));
      // Empty again, so each run lays the text out from nothing, as a paste into our page does.
      await page.evaluate(() => {
        document.querySelector('.token-box textarea').value = '';
        document.querySelector('.token-paint').replaceChildren();
        document.querySelector('[data-testid=payload-json]').value = '';
        return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      });
    }
  }
  await context.close();
  return out;
}

/**
 * Verify and sign latency for one algorithm, four ways, `runs` times each:
 * - verify, key parsed: the verification key is in its box; a new token is pasted → verified;
 * - verify + parse: the token is there; the key is pasted → verified;
 * - sign, key parsed: the signing key is in its box; the payload is edited → a new token, verified;
 * - sign + parse: a token was pasted and its payload edited with no signing key (it keeps a
 *   signature that no longer matches); the signing key is pasted → the edit signed, verified.
 *   (A signing key signs edits only, never the token as pasted.)
 * The page verifies a freshly signed token with the signing key's public half (ours does; the
 * jose page does the same), so "sign" times include that check.
 */
async function algorithmLatency(page, alg, runs) {
  const keys = keysFor(alg);
  const payload = (marker) => ({ sub: marker, name: 'bench', iat: 1516239022 });
  const out = { verifyParsed: [], verifyParse: [], signParsed: [], signParse: [] };
  await put(page, 'signing-key-input', '');
  await put(page, 'token-input', signedToken(alg, payload(`${alg}-setup`)));
  await put(page, 'key-input', keys.verify);
  await verified(page);
  for (let i = 0; i < runs; i++) {
    const marker = `${alg}-v-${i}`;
    out.verifyParsed.push(await page.evaluate(([t, m]) => window.__measure('token-input', t,
      `return document.querySelector('[data-testid=payload-json]')?.value.includes(${JSON.stringify(m)}) && window.__isVerified()`),
    [signedToken(alg, payload(marker)), marker]));
  }
  // Each paste is a key text the page has not seen: the key engine's answers are kept, and the
  // same text again would be answered from memory. Whitespace does not do it (the page reads
  // a key from its first line to its last), so each is the same key as a JWK with a member of
  // its own, read (and its forms written out) afresh.
  const unseen = (key, i) => {
    if (alg.startsWith('HS')) return key;
    const jwk = (key.includes('PRIVATE') ? createPrivateKey(key) : createPublicKey(key)).export({ format: 'jwk' });
    return JSON.stringify({ ...jwk, 'x-bench': `${alg}-${i}-${Math.random()}` });
  };
  for (let i = 0; i < runs; i++) {
    await put(page, 'key-input', '');
    out.verifyParse.push(await page.evaluate((k) => window.__measure('key-input', k, window.__verified), unseen(keys.verify, i)));
  }
  await put(page, 'key-input', '');
  await put(page, 'signing-key-input', keys.sign);
  await verified(page);
  for (let i = 0; i < runs; i++) {
    const text = JSON.stringify(payload(`${alg}-s-${i}`), null, 2);
    await page.evaluate(() => { window.__before = document.querySelector('[data-testid=token-input]').value; });
    out.signParsed.push(await page.evaluate((t) => window.__measure('payload-json', t,
      `return document.querySelector('[data-testid=token-input]').value !== window.__before && window.__isVerified()`), text));
  }
  for (let i = 0; i < runs; i++) {
    await put(page, 'signing-key-input', '');
    await put(page, 'token-input', signedToken(alg, payload(`${alg}-r-${i}`)));
    await put(page, 'payload-json', JSON.stringify(payload(`${alg}-r-${i}-edited`), null, 2));
    await page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.state !== 'verified');
    out.signParse.push(await page.evaluate((k) => window.__measure('signing-key-input', k, window.__verified), unseen(keys.sign, i)));
  }
  return out;
}

export async function algorithmLatencies(browser, url, runs, algs = ALGS) {
  const { context, page } = await measuringPage(browser, url);
  await page.evaluate((source) => {
    window.__verified = source;
    window.__isVerified = new Function(source);
  }, VERIFIED);
  const rows = [];
  for (const alg of algs) rows.push({ alg, ...(await algorithmLatency(page, alg, runs)) });
  await context.close();
  return rows;
}


/**
 * JWE decrypt latency (issue #15): the key is in its box; a new token is pasted → verdict
 * "decrypted" and the plaintext in the DOM. Each run seals a different plaintext, so no answer
 * can come from memory. The key engine opens RSA and EC tokens; the round trip is included.
 */
export async function jweLatency(browser, url, runs) {
  const { context, page } = await measuringPage(browser, url);
  const rows = [];
  for (const { label, key, seal } of await jweCases()) {
    await put(page, 'token-input', await seal('setup'));
    await put(page, 'key-input', key);
    await page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.state === 'decrypted', null, { timeout: 15000 });
    const times = [];
    for (let i = 0; i < runs; i++) {
      const marker = `jwe-${i}-${Math.random()}`;
      times.push(await page.evaluate(([t, m]) => window.__measure('token-input', t,
        `return document.querySelector('[data-testid=verdict]')?.dataset.state === 'decrypted' && document.querySelector('[data-testid=jwe-plaintext]')?.value.includes(${JSON.stringify(m)})`),
      [await seal(marker), marker]));
    }
    rows.push({ label, times });
  }
  await context.close();
  return rows;
}

/**
 * Passphrase work (issue #29): a locked key in the key box, a passphrase committed (Enter) →
 * the key engine's answer in the DOM. Each run commits a different wrong passphrase to a key
 * read afresh, so every run derives the key in full (a wrong passphrase costs what the right one
 * does) and no answer comes from memory. The keys are made here by `ssh-keygen` with the rounds
 * named, and the repository's PBKDF2 (OpenSSL's 2048 iterations), scrypt (N = 2^14) and PuTTY files.
 */
export async function passphraseLatency(browser, url, runs) {
  const { execFileSync } = await import('node:child_process');
  const dir = await mkdtemp(join(tmpdir(), 'bench-locked-'));
  const keys = join(DIST, '..', 'tests', 'vectors', 'keys');
  const cases = [];
  try {
    for (const rounds of [16, 64, 128]) {
      const file = join(dir, `ed25519_${rounds}`);
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', String(rounds), '-N', 'bench', '-f', file]);
      cases.push({ label: `OpenSSH, bcrypt-pbkdf ${rounds} rounds${rounds === 16 ? ' (ssh-keygen\'s default)' : rounds === 128 ? ' (the cap)' : ''}`, key: await readFile(file, 'utf8') });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  cases.push({ label: "PKCS#8, PBKDF2-SHA-256 2048 iterations (OpenSSL's and Python cryptography's)", key: await readFile(join(keys, 'p256.pkcs8.encrypted.pem'), 'utf8') });
  cases.push({ label: "PKCS#8, scrypt N = 2^14, r = 8 (OpenSSL's -scrypt)", key: await readFile(join(keys, 'p256.pkcs8.scrypt.pem'), 'utf8') });
  cases.push({ label: "PuTTY .ppk v3, Argon2id 8 MiB × 21 passes (PuTTYgen 0.78's)", key: await readFile(join(keys, 'ed25519.v3.encrypted.ppk'), 'utf8') });
  const { context, page } = await measuringPage(browser, url);
  const rows = [];
  for (const { label, key } of cases) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      await put(page, 'key-input', '');
      await put(page, 'key-input', key);
      await page.getByTestId('key-passphrase').waitFor();
      // The key read without a passphrase first: its "locked" answer is in before timing.
      await page.waitForFunction(() => !document.querySelector('[data-testid=key-info]')?.classList.contains('pending'));
      times.push(await page.evaluate((attempt) => new Promise((resolve) => {
        const field = document.querySelector('[data-testid=key-passphrase]');
        field.value = attempt;
        const done = () => /wrong passphrase/.test(document.querySelector('[data-testid=key-info]')?.textContent ?? '');
        const start = performance.now();
        window.__watch(done, (end) => resolve(end - start));
        // Committed as Enter or leaving the field commits it.
        field.dispatchEvent(new Event('change', { bubbles: true }));
      }), `wrong-${i}`));
    }
    rows.push({ label, times });
  }
  await context.close();
  return rows;
}
