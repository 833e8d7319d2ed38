// Core throughput, native vs wasm (issue #6): builds bench/core (the same verification loop over
// the debugger's pure-Rust core) for the host and for wasm32 with the shipped release profile,
// runs the native binary and the wasm module in headless Chromium, and returns verifications per
// second for each. Build progress goes to stderr. Used by `make bench` (bench/run.mjs).
import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { serve, ROOT } from '../tests/e2e/lib.mjs';

const CRATE = join(ROOT, 'bench/core');
// The workspace's target directory: bench/core is a member (same lock file, same profile), so its
// wasm32 release build reuses the dependencies `make dist` just compiled instead of compiling
// them a second time.
const TARGET = join(ROOT, 'target');
// The native build has a target directory of its own, so it runs beside the wasm build without
// waiting for cargo's directory lock.
const NATIVE_TARGET = join(TARGET, 'bench-native');
const WEB = join(TARGET, 'bench-core-web');
const NAME = 'jwt_bench_core';
// The Makefile's PATH: wasm-opt from npm, cargo and wasm-bindgen from ~/.cargo/bin.
const ENV = {
  ...process.env,
  PATH: [join(ROOT, 'tests/e2e/node_modules/.bin'), join(homedir(), '.cargo/bin'), process.env.PATH].join(':'),
  CARGO_TARGET_DIR: TARGET,
};

const say = (text) => process.stderr.write(`core bench: ${text}\n`);

/** Runs a command (in bench/core unless `cwd` says), its output on stderr (or stdout captured);
 *  rejects on failure. */
export function run(command, args, { capture = false, env = ENV, cwd = CRATE } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', capture ? 'pipe' : 2, 2] });
    let out = '';
    child.stdout?.on('data', (chunk) => { out += chunk; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`))));
  });
}

/** Runs one step, saying what and how long it took. */
async function step(label, work) {
  say(`${label}…`);
  const start = performance.now();
  const result = await work();
  say(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** The wasm-opt level and flags Trunk applies to the shipped page (index.html), if any. */
export async function shippedWasmOpt() {
  const html = await readFile(join(ROOT, 'index.html'), 'utf8');
  const link = html.match(/<link[^>]*rel="rust"[^>]*>/s)?.[0] ?? '';
  const level = link.match(/data-wasm-opt="([^"]+)"/)?.[1];
  const params = link.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
  return level ? [`-O${level}`, ...(params ?? '').split(/\s+/).filter(Boolean)] : null;
}

/** The native binary (its own target directory). */
function buildNative() {
  return step('cargo build --release (native)', () =>
    run('cargo', ['build', '--release'], { env: { ...ENV, CARGO_TARGET_DIR: NATIVE_TARGET } }));
}

/** Builds the native binary and, beside it, the wasm module (bindings in target/web, optimised
 *  like the shipped page), and writes the page that loads it. wasm-bindgen and wasm-opt (~20 s)
 *  rerun only when cargo's module or the wasm-opt flags changed since the last build. */
export async function build() {
  await Promise.all([buildNative(), buildWasm()]);
}

async function buildWasm() {
  // As a cdylib only, like the page's binary: the dependencies `make dist` compiled are reused.
  await step('cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib', () =>
    run('cargo', ['rustc', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--crate-type', 'cdylib']));
  const built = join(TARGET, 'wasm32-unknown-unknown/release', `${NAME}.wasm`);
  const opt = await shippedWasmOpt();
  const stampFile = join(WEB, 'built.json');
  const stamp = JSON.stringify({ module: (await stat(built)).mtimeMs, opt });
  if (await readFile(stampFile, 'utf8').catch(() => null) === stamp) {
    say('wasm module unchanged: bindings and wasm-opt output kept');
    return;
  }
  await step('wasm-bindgen --target web', () => run('wasm-bindgen', ['--target', 'web', '--out-dir', WEB, built]));
  if (opt) {
    const wasm = join(WEB, `${NAME}_bg.wasm`);
    await step(`wasm-opt ${opt[0]} (as Trunk does for the shipped page)`, () => run('wasm-opt', [...opt, '-o', wasm, wasm]));
  } else {
    say('index.html asks for no wasm-opt: the module is measured as wasm-bindgen left it');
  }
  await writeFile(join(WEB, 'index.html'), '<!doctype html><meta charset="utf-8"><title>core bench</title>\n');
  await writeFile(stampFile, stamp);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Loads the module in a fresh page of `browser`; resolves to { algorithms, measure(alg, millis),
 *  close() }, where measure is verifications per second in Chromium. */
async function openWasm(browser) {
  const server = await serve(WEB);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  const algorithms = await page.evaluate(async (url) => {
    const core = await import(url);
    await core.default();
    window.core = core;
    return core.algorithms();
  }, new URL(`${NAME}.js`, server.url).href);
  return {
    algorithms,
    measure: (alg, millis) => page.evaluate(([a, m]) => window.core.verify_per_second(a, m), [alg, millis]),
    close: async () => { await context.close(); await server.close(); },
  };
}

/** Verifications per second of the native binary for one algorithm. */
async function measureNative(alg, millis) {
  const out = JSON.parse(await run(join(NATIVE_TARGET, 'release/jwt-bench-core'), [String(millis), alg], { capture: true }));
  if (typeof out[alg] !== 'number') throw new Error(`jwt-bench-core printed no number for ${alg}`);
  return out[alg];
}

/**
 * Core throughput: `{ native: { HS256: ops/s, ... }, wasm: { ... }, samples: { native: { HS256:
 * [ops/s, ...] }, wasm: { ... } } }`, the medians of `rounds` measurements of about `millis` ms
 * each (plus an uncounted warm-up of a quarter of that). Native and wasm take turns, one
 * algorithm at a time, so both see the same state of a shared machine. Builds bench/core first
 * (minutes the first time). Rejects if any fixture does not verify.
 */
export async function measureCore(browser, millis = 1000, rounds = 3) {
  await build();
  const wasmPage = await openWasm(browser);
  const samples = { native: {}, wasm: {} };
  try {
    await step(`throughput, ${rounds} rounds of ${millis} ms per algorithm, native then wasm`, async () => {
      for (let round = 0; round < rounds; round++) {
        for (const alg of wasmPage.algorithms) {
          (samples.native[alg] ??= []).push(await measureNative(alg, millis));
          (samples.wasm[alg] ??= []).push(await wasmPage.measure(alg, millis));
        }
      }
    });
  } finally {
    await wasmPage.close();
  }
  const medians = (byAlg) => Object.fromEntries(Object.entries(byAlg).map(([alg, xs]) => [alg, median(xs)]));
  return { native: medians(samples.native), wasm: medians(samples.wasm), samples };
}

/** Markdown table rows for `measureCore`'s result: medians, the wasm/native ratio of the
 *  medians, and the range of the samples. */
export function coreRows({ native, wasm, samples }) {
  const ops = (n) => Math.round(n).toLocaleString('en-US');
  const range = (xs) => `${ops(Math.min(...xs))}–${ops(Math.max(...xs))}`;
  return [
    '| algorithm | native verify/s (range) | wasm verify/s (range) | wasm/native |',
    '|---|---:|---:|---:|',
    ...Object.keys(native).map((alg) =>
      `| ${alg} | ${ops(native[alg])} (${range(samples.native[alg])}) | ${ops(wasm[alg])} (${range(samples.wasm[alg])}) | ${(wasm[alg] / native[alg]).toFixed(2)} |`),
  ];
}
