// `make bench`: measures the release build in headless Chromium, inside the page with
// performance.now(), and writes BENCHMARKS.md. Run after `make dist`.
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from '../tests/e2e/lib.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const kb = (n) => (n / 1024).toFixed(1);

async function sizes() {
  const rows = [];
  for (const name of (await readdir(DIST)).sort()) {
    const file = join(DIST, name);
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

async function startup(browser, url, runs, fetched) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('requestfinished', (r) => fetched.add(new URL(r.url()).pathname.slice(1) || 'index.html'));
    await page.goto(url);
    // Navigation start is time 0 of performance.now(): read it when the example is decoded.
    const t = await page.evaluate(() => new Promise((resolve) => {
      const ready = () => document.querySelector('[data-testid=payload-json]')?.value.includes('John Doe');
      if (ready()) return resolve(performance.now());
      new MutationObserver((_, observer) => { if (ready()) { observer.disconnect(); resolve(performance.now()); } })
        .observe(document.body, { childList: true, subtree: true, attributes: true });
    }));
    times.push(t);
    await context.close();
  }
  return times;
}

async function rsaKeygen(browser, url, runs) {
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

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Sets a textarea's value as a paste would, and resolves with the ms until `done()` holds in
 *  the DOM (checked on every mutation, so the time is when the page showed the result). */
const MEASURE = `
window.__measure = (testid, value, doneSource) => new Promise((resolve) => {
  const done = new Function(doneSource);
  const area = document.querySelector('[data-testid=' + testid + ']');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  if (done()) { observer.disconnect(); resolve(performance.now() - start); }
});`;

const b64 = (s) => Buffer.from(s).toString('base64url');

async function decodeLatency(browser, url, runs) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('payload-json').waitFor();
  await page.evaluate(MEASURE);
  const rows = [];
  for (const [label, bytes] of [['jwt.io example', 0], ['1 KB', 1024], ['8 KB', 8192], ['64 KB', 65536], ['256 KB', 262144], ['1 MB', 1048576]]) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      // A different marker each run, so nothing can be served from a previous decode.
      const marker = `run-${label}-${i}`;
      const payload = bytes === 0
        ? JSON.stringify({ sub: '1234567890', name: marker, iat: 1516239022 })
        : JSON.stringify({ sub: marker, blob: 'x'.repeat(bytes) });
      const token = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(payload)}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
      times.push(await page.evaluate(([t, m]) => window.__measure('token-input', t,
        `return document.querySelector('[data-testid=payload-json]')?.value.includes(${JSON.stringify(m)})`), [token, marker]));
    }
    rows.push({ label, tokenBytes: bytes, times });
  }
  await context.close();
  return rows;
}

async function verifyLatency(browser, url, runs) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('example-select').selectOption('RS256');
  await page.getByTestId('signing-key-input').fill('');
  await page.evaluate(MEASURE);
  const pem = await readFile(join(ROOT, 'assets/demo-keys/rsa2048.spki.pem'), 'utf8');
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('key-input').fill('');
    times.push(await page.evaluate((key) => window.__measure('key-input', key,
      "return document.querySelector('[data-testid=verdict]')?.dataset.state === 'verified'"), pem));
  }
  await context.close();
  return times;
}

const server = await serve();
const browser = await launch();
try {
  const files = await sizes();
  const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { bytes: 0, gzip: 0, brotli: 0 });
  const fetched = new Set();
  const start = await startup(browser, server.url, 10, fetched);
  const loaded = files.filter((f) => fetched.has(f.name));
  const load = loaded.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { bytes: 0, gzip: 0, brotli: 0 });
  const keygen = await rsaKeygen(browser, server.url, 9);
  const decode = await decodeLatency(browser, server.url, 20);
  const verify = await verifyLatency(browser, server.url, 20);
  const version = browser.version();
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`make bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: the release build served on 127.0.0.1,`,
    `headless Chromium ${version}, timed inside the page with performance.now(). Times move with the machine;`,
    'compare runs on the same one.',
    '',
    '## Size (every file a browser downloads)',
    '',
    '| file | fetched on load | bytes | gzip -9 | brotli 11 |',
    '|---|---|---:|---:|---:|',
    ...files.map((f) => `| ${f.name.replace(/-[0-9a-f]{8,}/, '')} | ${fetched.has(f.name) ? 'yes' : 'on demand'} | ${f.bytes} | ${f.gzip} | ${f.brotli} |`),
    `| **fetched on load** | | **${load.bytes}** | **${load.gzip}** (${kb(load.gzip)} KiB) | **${load.brotli}** |`,
    `| all files | | ${total.bytes} | ${total.gzip} | ${total.brotli} |`,
    '',
    '## Start-up',
    '',
    `Navigation start → example token decoded in the page, ${start.length} cold loads (new context each):`,
    `median **${median(start).toFixed(1)} ms**, range ${spread(start)} ms.`,
    '',
    '## Decode latency',
    '',
    'Token box value set → payload text in the DOM (input event to the mutation that shows it), 20 runs each,',
    'a different token every run:',
    '',
    '| payload | median ms | p95 ms |',
    '|---|---:|---:|',
    ...decode.map((r) => `| ${r.label} | ${median(r.times).toFixed(2)} | ${p95(r.times).toFixed(2)} |`),
    '',
    '## RS256 verification latency',
    '',
    `RSA-2048 public key (PEM) entered → verdict "verified" in the DOM, including key parsing, ${verify.length} runs:`,
    `median **${median(verify).toFixed(2)} ms**, p95 ${p95(verify).toFixed(2)} ms.`,
    '',
    '## RSA-2048 key generation (WebCrypto, asynchronous)',
    '',
    `Click → keys shown, ${keygen.length} runs: median **${median(keygen).toFixed(1)} ms**, range ${spread(keygen)} ms.`,
    'RSA generation time varies widely by nature (it searches for random primes).',
    '',
    '## Against the budgets',
    '',
    'Budgets set from three peers measured on a machine of this kind (the best of them, or better):',
    '',
    '| measure | budget | here | |',
    '|---|---:|---:|---|',
    ...[
      ['JS + wasm + CSS fetched on load, gzip -9', 250 * 1024, load.gzip, (v) => `${kb(v)} KiB`],
      ['start-up, median', 250, median(start), (v) => `${v.toFixed(0)} ms`],
      ['decode, jwt.io example, median', 3, median(decode[0].times), (v) => `${v.toFixed(2)} ms`],
      ['decode, 8 KB payload, median', 3, median(decode[2].times), (v) => `${v.toFixed(2)} ms`],
      ['decode, 256 KB payload, median', 12, median(decode[4].times), (v) => `${v.toFixed(2)} ms`],
      ['RS256 verify incl. key parsing, median', 1.5, median(verify), (v) => `${v.toFixed(2)} ms`],
    ].map(([what, budget, value, show]) => `| ${what} | ${show(budget)} | ${show(value)} | ${value <= budget ? 'within' : '**over**'} |`),
    '',
    'Where a budget is over, what is known so far (not yet profiled with a Chrome trace):',
    '',
    '- Size: one wasm module carries Yew and every algorithm (RustCrypto RSA, P-256/384/521,',
    '  Ed25519, the key formats, OpenSSH parsing). A hello-world Yew + jsonwebtoken page is already',
    '  278 KB gzip on this stack (shared/design.md), so the budget needs the rarely used parts',
    '  (P-384/P-521, OpenSSH, key export) loaded on demand from a second module.',
    '- Decode of large payloads: every change re-renders the painted token and both JSON panels',
    '  in full and recomputes the findings; the painted copy of a 1 MB token is laid out with',
    '  `word-break: break-all`, the likely cause of the superlinear step from 256 KB to 1 MB.',
    '- RS256 verify: the time includes parsing the PEM, validating the 2048-bit key, the findings',
    '  and the re-render, not only the signature check.',
    '',
  ];
  await writeFile(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
