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

async function startup(browser, url, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
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

const server = await serve();
const browser = await launch();
try {
  const files = await sizes();
  const total = files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { bytes: 0, gzip: 0, brotli: 0 });
  const start = await startup(browser, server.url, 10);
  const keygen = await rsaKeygen(browser, server.url, 9);
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
    '| file | bytes | gzip -9 | brotli 11 |',
    '|---|---:|---:|---:|',
    ...files.map((f) => `| ${f.name.replace(/-[0-9a-f]{16}/, '')} | ${f.bytes} | ${f.gzip} | ${f.brotli} |`),
    `| **total** | **${total.bytes}** | **${total.gzip}** (${kb(total.gzip)} KiB) | **${total.brotli}** |`,
    '',
    '## Start-up',
    '',
    `Navigation start → example token decoded in the page, ${start.length} cold loads (new context each):`,
    `median **${median(start).toFixed(1)} ms**, range ${spread(start)} ms.`,
    '',
    '## RSA-2048 key generation (WebCrypto, asynchronous)',
    '',
    `Click → keys shown, ${keygen.length} runs: median **${median(keygen).toFixed(1)} ms**, range ${spread(keygen)} ms.`,
    'RSA generation time varies widely by nature (it searches for random primes).',
    '',
  ];
  await writeFile(join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
