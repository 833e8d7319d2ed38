// What people expect of a jwt.io-class tool, end to end: layout at every width and theme,
// accessibility (axe-core), keyboard, copy, key files, themes, offline use, screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT, loadExample, screenshot, useServerAndBrowser, verdictBecomes } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
// "jwe" is the debugger with an encrypted token opened (its plaintext panel) beside the Encrypt panel.
const VIEWS = { debugger: '/', jwe: '/', walkthrough: '/walkthrough', keygen: '/keygen' };
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };

const shared = useServerAndBrowser();

async function open(hash, options = {}) {
  // axe is injected by the test itself, which the page's CSP would (rightly) refuse.
  const context = await shared.browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${shared.server.url}#${hash}`);
  await page.locator('.app').waitFor();
  return { context, page, errors };
}

/** Fills each view with content so the audit and the screenshot see a working page. */
async function populate(page, view) {
  if (view === 'jwe') {
    const example = JSON.parse(await readFile(join(ROOT, 'tests/vectors/jose-cookbook/jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json'), 'utf8'));
    await page.getByTestId('token-input').fill(example.output.compact);
    await page.getByTestId('key-input').fill(JSON.stringify(example.input.key));
    assert.equal(await verdictBecomes(page, 'decrypted'), 'decrypted');
  } else if (view === 'debugger') {
    await page.getByTestId('example-select').selectOption('tutorial');
  } else if (view === 'walkthrough') {
    await page.getByTestId('walkthrough-get-token').click();
  } else {
    await page.getByTestId('keygen-kind').selectOption('P-256');
    await page.getByTestId('keygen-run').click();
    await page.getByTestId('keygen-public').waitFor();
  }
}

for (const [view, hash] of Object.entries(VIEWS)) {
  for (const scheme of ['light', 'dark']) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      test(`${view}, ${scheme}, ${size}: no sideways scrolling, no serious axe violations`, async () => {
        const { context, page, errors } = await open(hash, { colorScheme: scheme, viewport });
        await populate(page, view);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `sideways scrolling by ${overflow}px`);
        await page.evaluate(AXE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(bad, []);
        await screenshot(page, `${view}-${scheme}-${size}`);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
}

test('keyboard: everything reachable by Tab, with a visible focus ring', async () => {
  const { context, page } = await open('/');
  const reached = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.dataset.testid ?? el.tagName, ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    // Past the last control, focus leaves the document for a moment: that is not a control.
    if (info.id === 'BODY') continue;
    assert.ok(info.ring, `no focus ring on ${info.id}`);
    reached.add(info.id);
  }
  for (const id of ['nav-walkthrough', 'theme-select', 'token-input', 'copy-token', 'share-link', 'example-select', 'secret-encoding', 'key-input']) {
    assert.ok(reached.has(id), `${id} not reachable by keyboard (reached: ${[...reached].join(', ')})`);
  }
  // And operable: Enter on a focused tab switches the view.
  await page.getByTestId('nav-keygen').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('keygen-run').waitFor();
  await context.close();
});

test('copy buttons confirm, and a key file can be picked', async () => {
  const { context, page } = await open('/', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByTestId('copy-token').click();
  await page.locator('[data-testid=copy-token][data-state=copied]').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId('token-input').inputValue());
  await page.getByTestId('copy-payload-json').click();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /"John Doe"/);

  await page.getByTestId('key-file').setInputFiles(join(ROOT, 'tests/vectors/keys/ssh_rsa.pub'));
  await page.locator('[data-testid=key-info]', { hasText: 'OpenSSH public key' }).waitFor();
  await page.getByTestId('signing-key-file').setInputFiles(join(ROOT, 'tests/vectors/keys/ssh_rsa'));
  await page.locator('[data-testid=signing-key-info]', { hasText: 'OpenSSH private key' }).waitFor();
  await page.getByTestId('alg-select').selectOption('RS256');
  // Signed and checked by the key engine, a Web Worker: the verdict follows its answers.
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  await context.close();
});

test('a dropped file that cannot be a key says why', async () => {
  const { context, page } = await open('/');
  const drop = async (testid, bytes, name) => {
    const dataTransfer = await page.evaluateHandle(([size, fileName]) => {
      const transfer = new DataTransfer();
      const body = size > 1024 ? new Uint8Array(size).fill(65) : new Uint8Array([0, 1, 2, 255, 254]);
      transfer.items.add(new File([body], fileName));
      return transfer;
    }, [bytes, name]);
    await page.getByTestId(testid).dispatchEvent('drop', { dataTransfer });
  };
  await drop('key-input', 2 * 1024 * 1024, 'huge.pem');
  await page.locator('[data-testid=key-file-error]', { hasText: 'huge.pem is 2048 KiB: a key file is far smaller' }).waitFor();
  // Five bytes that are neither text nor one DER element.
  await drop('signing-key-input', 5, 'key.der');
  await page.locator('[data-testid=key-file-error]', { hasText: 'key.der is not a key file (PEM, JWK, OpenSSH or DER)' }).waitFor();
  // A good file clears the message.
  await page.getByTestId('key-file').setInputFiles(join(ROOT, 'tests/vectors/keys/ssh_rsa.pub'));
  await page.locator('[data-testid=key-info]', { hasText: 'OpenSSH public key' }).waitFor();
  await page.locator('[data-testid=key-file-error]', { hasText: 'huge.pem' }).waitFor({ state: 'detached' });
  await context.close();
});

test('the theme can be chosen regardless of the system', async () => {
  const { context, page } = await open('/', { colorScheme: 'light', bypassCSP: false });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByTestId('theme-select').selectOption('dark');
  const dark = await background();
  assert.notEqual(light, dark);
  // Remembered for the next visit, and nothing else is stored with it; applied by the inline
  // script in index.html (allowed by the CSP: no refusal is logged) before the body is parsed,
  // not when the WebAssembly starts, so the page never shows the other theme first.
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) refused.push(m.text()); });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      window.themeAtBody = document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await page.getByTestId('token-input').waitFor();
  assert.equal(await page.evaluate(() => window.themeAtBody), 'dark');
  assert.deepEqual(refused, []);
  assert.equal(await page.getByTestId('theme-select').inputValue(), 'dark');
  assert.equal(await background(), dark);
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), { 'jwt-debugger-theme': 'dark' });
  await page.getByTestId('theme-select').selectOption('system');
  assert.equal(await background(), light);
  assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {});
  await context.close();
});

test('the first frame shows the example decoded, not empty boxes filled a frame later', async () => {
  const context = await shared.browser.newContext();
  // What the boxes hold when the token box first appears in the document: checked in the
  // mutation observer's callback, which runs before the browser can lay out or paint the page.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const token = document.querySelector('[data-testid=token-input]');
      if (!token) return;
      const payload = document.querySelector('[data-testid=payload-json]');
      // defaultValue is the text an element was created with: only a box made holding its text
      // has one, whether or not the page's start-up happened to yield before its effects.
      window.atFirstSight = { token: token.value, created: token.defaultValue, payload: payload?.value ?? null };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  const seen = await page.evaluate(() => window.atFirstSight);
  const shown = await page.getByTestId('token-input').inputValue();
  assert.match(shown, /^eyJ/);
  assert.equal(seen.token, shown);
  assert.equal(seen.created, shown);
  assert.match(seen.payload, /"name": "John Doe"/);
  await context.close();
});

test('a reload takes the build\'s hashed files from the service worker\'s cache, the page itself from the network', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  // What the service worker asks of the network during a reload (requests it makes itself).
  const asked = [];
  context.on('request', (r) => { if (r.serviceWorker()) asked.push(new URL(r.url()).pathname); });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller
    && document.querySelector('[data-testid=payload-json]')?.value.includes('John Doe'));
  await page.waitForLoadState('networkidle');
  // The page itself is asked for (a new release is seen at once); the module, its glue, the
  // stylesheet and the key engine come from the cache.
  assert.ok(asked.includes('/'), asked.join(' '));
  const hashed = asked.filter((path) => /-[0-9a-f]{16}(_bg\.wasm|_loader\.js|\.js|\.css|\.svg)$/.test(path));
  assert.deepEqual(hashed, []);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(loaded.some((path) => /^\/jwt-debugger-[0-9a-f]{16}_bg\.wasm$/.test(path)), loaded.join(' '));
  await context.close();
});

// What the service worker answers from its cache must never change under the same name: the
// modules and their glue carry a hash of the bytes that ship (scripts/finish_site.py), not
// Trunk's hash of cargo's wasm, which a change to wasm-opt, terser or the hook left as it was.
test('the page\'s and the key engine\'s files are named after the bytes that ship', async () => {
  const files = await readdir(DIST);
  for (const stem of ['jwt-debugger', 'jwt-engine']) {
    const glue = files.filter((f) => new RegExp(`^${stem}-[0-9a-f]{16}\\.js$`).test(f));
    assert.equal(glue.length, 1, files.join(' '));
    const tag = glue[0].slice(stem.length + 1, -'.js'.length);
    const parts = [await readFile(join(DIST, glue[0])), await readFile(join(DIST, `${stem}-${tag}_bg.wasm`))];
    // The engine's loader counts too, as it read before it named the others by their new names.
    const loader = join(DIST, `${stem}-${tag}_loader.js`);
    if (stem === 'jwt-engine') parts.push(Buffer.from((await readFile(loader, 'utf8')).replaceAll(`${stem}-${tag}`, stem)));
    assert.equal(createHash('sha256').update(Buffer.concat(parts)).digest('hex').slice(0, 16), tag, stem);
  }
});

test('installable, and offline after one visit, RSA keys included', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(shared.server.url);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.name, 'JWT Debugger');
  // One visit: the service worker precaches the whole build when it installs, so nothing
  // fetched before it took control is missing offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('payload-json').waitFor();
  assert.match(await page.getByTestId('payload-json').inputValue(), /John Doe/);
  assert.equal(await page.title(), 'JWT Debugger: decode, verify and sign JSON Web Tokens in your browser');
  // The key engine comes from the cache too: an RS256 token verifies with its public key.
  await loadExample(page, 'RS256');
  assert.equal(await verdictBecomes(page, 'verified'), 'verified');
  assert.match(await page.getByTestId('key-info').textContent(), /^RSA 2048-bit public key/);
  await context.close();
});

test('the first paint comes with the HTML: the app\'s header and a line, replaced by the app', async () => {
  // The page as it arrives, before any script: index.html's own first view.
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(shared.server.url);
  const boot = still.locator('#boot');
  assert.ok(await boot.isVisible(), 'shown without any script');
  const bootTitle = await boot.locator('h1').textContent();
  const bootTagline = await boot.locator('.tagline').textContent();
  // Without scripts it says so instead of promising a start.
  // (Playwright's text matching skips noscript elements: their markup is read instead.)
  assert.match(await boot.locator('noscript').innerHTML(), /please enable JavaScript/);
  assert.equal(await boot.getByText('Starting the decoder…').isVisible(), false);
  await screenshot(still, 'first-paint-no-script');
  await context.close();

  // With scripts, the line says the decoder is starting until the app takes its place, with
  // the same header words, and no trace of the line.
  const live = await shared.browser.newContext();
  const page = await live.newPage();
  await page.route(/jwt-debugger-[0-9a-f]+_bg\.wasm$/, async (route) => {
    // Shown while the module loads (held back here until the line is seen).
    await page.getByText('Starting the decoder…').waitFor({ state: 'visible', timeout: 5000 });
    await screenshot(page, 'first-paint');
    await route.continue();
  });
  await page.goto(shared.server.url);
  await page.getByTestId('payload-json').waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('h1').textContent(), bootTitle);
  assert.equal(await page.locator('.tagline').textContent(), bootTagline);
  assert.equal(await page.getByText('Starting the decoder…').count(), 0);
  await live.close();
});
