// The stack's own floor for `make bench`: builds bench/floor (the least Yew page that decodes a
// token) as the page is built — release profile, wasm-bindgen, wasm-opt with the page's flags,
// its glue minified by terser as scripts/finish_site.py does — and weighs it, so BENCHMARKS.md
// can set the page's bytes beside what the stack alone costs.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { ROOT } from '../tests/e2e/lib.mjs';
import { run, shippedWasmOpt } from './core.mjs';

const CRATE = join(ROOT, 'bench/floor');
const OUT = join(ROOT, 'target/bench-floor-web');
const NAME = 'jwt_bench_floor';

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;

/** { wasm, js } gzip -9 bytes of the floor page's module and glue, built now, and the `dir`
 *  that serves it as a page. */
export async function floorSize() {
  const cwd = { cwd: CRATE };
  await run('cargo', ['rustc', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--crate-type', 'cdylib'], cwd);
  const built = join(ROOT, 'target/wasm32-unknown-unknown/release', `${NAME}.wasm`);
  await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', OUT, built], cwd);
  const wasm = join(OUT, `${NAME}_bg.wasm`);
  const js = join(OUT, `${NAME}.js`);
  const opt = await shippedWasmOpt();
  if (opt) await run('wasm-opt', [...opt, '-o', wasm, wasm], cwd);
  await run('terser', [js, '--module', '--compress', '--mangle', '--output', js], cwd);
  // A page to load it, as Trunk writes ours: the glue and the module preloaded, then started.
  await writeFile(join(OUT, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>'
    + `<link rel="modulepreload" href="/${NAME}.js"><link rel="preload" href="/${NAME}_bg.wasm" as="fetch" type="application/wasm" crossorigin>`
    + `<script type="module">import init from '/${NAME}.js'; await init({ module_or_path: '/${NAME}_bg.wasm' });</script>`
    + '</head><body></body></html>');
  return { wasm: gzip(await readFile(wasm)), js: gzip(await readFile(js)), dir: OUT };
}
