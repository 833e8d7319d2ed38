// The README's first command on a fresh clone: `trunk serve` in a folder holding only what a
// clone of these sources holds (no target/, no dist/, no node_modules), then the page it serves
// decodes a pasted token. Trunk 0.21.14 refuses to start on a `[watch] ignore` path that does
// not exist, which a build elsewhere hides. The crates are compiled into target/fresh-clone/ of
// this checkout (CARGO_TARGET_DIR, outside the clone), so a second run does not start from zero.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, launch, openApp, screenshot } from './lib.mjs';

// The first build of both modules (debug, from nothing) on a 2-core machine takes minutes.
const BUILT_WITHIN_MS = 25 * 60 * 1000;
const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** What a clone of these sources would hold: the tracked files and new ones not ignored, as
 *  they are in the working tree (so the test checks the change being made, not only HEAD). */
async function freshClone() {
  const folder = await mkdtemp(join(tmpdir(), 'jwt-debugger-clone-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  for (const file of listed.toString('utf8').split('\0').filter(Boolean)) {
    await mkdir(join(folder, dirname(file)), { recursive: true });
    // A file deleted in the working tree but still in the index is not in a clone of it.
    await cp(join(ROOT, file), join(folder, file)).catch((e) => { if (e.code !== 'ENOENT') throw e; });
  }
  return folder;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200, rejects if `server` exits first or time runs out. */
async function answered(url, server, log) {
  const deadline = Date.now() + BUILT_WITHIN_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`trunk serve exited with ${server.exitCode} before serving:\n${log.join('').slice(-2000)}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet: the first build runs before the server starts */ }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  throw new Error(`trunk serve did not answer within ${BUILT_WITHIN_MS / 60000} min:\n${log.join('').slice(-2000)}`);
}

test('trunk serve works as the first command on a fresh clone, and its page decodes', { timeout: BUILT_WITHIN_MS + 60000 }, async () => {
  const clone = await freshClone();
  const port = await freePort();
  const log = [];
  // Its own process group, so stopping it stops the cargo and wasm-bindgen it started.
  const server = spawn('trunk', ['serve', '--port', String(port)], {
    cwd: clone,
    detached: true,
    env: { ...process.env, CARGO_TARGET_DIR: join(ROOT, 'target', 'fresh-clone'), NO_COLOR: 'true' },
  });
  server.stdout.on('data', (chunk) => log.push(chunk.toString()));
  server.stderr.on('data', (chunk) => log.push(chunk.toString()));
  let browser;
  after(async () => {
    await browser?.close();
    if (server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((ok) => { server.once('exit', ok); setTimeout(ok, 5000); });
    }
    await rm(clone, { recursive: true, force: true });
  });

  const url = `http://127.0.0.1:${port}/`;
  await answered(url, server, log);
  browser = await launch();
  const { context, page, errors } = await openApp(browser, url);
  // The example is decoded at once; a token pasted after it is decoded as typed.
  assert.match(await page.getByTestId('payload-json').inputValue(), /"John Doe"/);
  await page.getByTestId('token-input').fill(`Bearer ${JWT_IO.replace('SflKx', 'AflKx')}`);
  assert.equal(await page.getByTestId('decode-status').getAttribute('data-state'), 'ok');
  assert.equal(await page.getByTestId('token-part').count(), 3);
  assert.match(await page.getByTestId('header-json').inputValue(), /"HS256"/);
  await screenshot(page, 'fresh-clone-trunk-serve');
  assert.deepEqual(errors, []);
  await context.close();
  assert.equal(server.exitCode, null, 'trunk serve is still serving');
});
