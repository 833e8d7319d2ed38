// Shared helpers for the end-to-end tests: a static server for dist/ and a Chromium launcher.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Opens the app and waits until the example token is decoded. */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(m.text())); });
  await page.goto(url);
  await page.getByTestId('payload-json').waitFor();
  return { context, page, errors };
}

/** Waits until the verdict's data-state is `state`: the first RSA, EC or Ed25519 key of a visit
 *  may wait for the engine module, fetched in the background after start-up. */
export async function verdictBecomes(page, state) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=verdict]')?.dataset.state === want,
    state,
    { timeout: 10000 },
  );
  return page.getByTestId('verdict').getAttribute('data-state');
}

/** Chooses an example in the menu and waits until its header (`alg`) is shown: the first
 *  screen's example already verifies, so a verdict alone cannot say the new one is in. */
export async function loadExample(page, id) {
  await page.getByTestId('example-select').selectOption(id);
  await page.waitForFunction(
    (alg) => document.querySelector('[data-testid=header-json]')?.value.includes(`"${alg}"`),
    id,
    { timeout: 10000 },
  );
}

// A status that waits on the key engine reads `pending` first; this waits for its answer.
export async function settledState(page, testid) {
  await page.waitForFunction(
    (id) => {
      const state = document.querySelector(`[data-testid=${id}]`)?.dataset.state;
      return state !== undefined && state !== 'pending';
    },
    testid,
    { timeout: 10000 },
  );
  return page.getByTestId(testid).getAttribute('data-state');
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Registers before/after hooks that serve dist/ and launch Chromium for a test file; the
 *  returned object's `server` and `browser` are set once the hooks have run. */
export function useServerAndBrowser() {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
