// Where the wasm's bytes go: reads the linker's output (before wasm-bindgen and wasm-opt strip the
// names), sums each function body by the crate its name starts with, and groups the crates into
// what they are for. Shares of this unoptimised code approximate shares of the shipped module.
import { readFile } from 'node:fs/promises';

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** { functions: [{ name, size }], data: bytes } of a wasm file with a name section. */
export function functionsOf(bytes) {
  let at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 2) {
      // Imports: functions are numbered after the imported ones.
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) { let n; [n, p] = leb(bytes, p); p += n; }
        const kind = bytes[p++];
        if (kind === 0) { [, p] = leb(bytes, p); imported++; }
        else if (kind === 1) { p++; const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 2) { const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 3) { p += 2; }
        else { p++; }
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let body;
        [body, p] = leb(bytes, p);
        bodies.push(body);
        p += body;
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      let n;
      let p;
      [n, p] = leb(bytes, at);
      const name = new TextDecoder().decode(bytes.subarray(p, p + n));
      p += n;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let len;
          [len, p] = leb(bytes, p);
          if (sub === 1) {
            let count;
            let q;
            [count, q] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let l;
              [index, q] = leb(bytes, q);
              [l, q] = leb(bytes, q);
              names.set(index, new TextDecoder().decode(bytes.subarray(q, q + l)));
              q += l;
            }
          }
          p += len;
        }
      }
    }
    at = end;
  }
  return {
    functions: bodies.map((size, i) => ({ name: names.get(imported + i) ?? '?', size })),
    data,
  };
}

/** A legacy-mangled Rust symbol (`_ZN4core3fmt5write17h…E`) as a readable path. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let at = 3;
  while (at < name.length && name[at] !== 'E') {
    const digits = name.slice(at).match(/^\d+/);
    if (!digits) break;
    at += digits[0].length;
    parts.push(name.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  return parts.join('::')
    .replace(/^_\$/, '$')
    .replaceAll('$LT$', '<').replaceAll('$GT$', '>').replaceAll('$RF$', '&')
    .replaceAll('$u20$', ' ').replaceAll('$C$', ',').replaceAll('..', '::');
}

function v0Crate(name) {
  const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
  return m ? name.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1])) : undefined;
}

/** The crate a Rust symbol belongs to: the first path segment. */
export function crateOf(mangled) {
  const name = demangle(mangled);
  const inner = name.match(/^<(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  const plain = name.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  // v0 mangling (the precompiled std): the first crate root, `C<disambiguator>_<len><name>`.
  const v0 = name.startsWith('_R') ? v0Crate(name) : undefined;
  const viaTrait = name.match(/ as ([A-Za-z_][A-Za-z0-9_]*)::/);
  const found = v0 ?? (inner ?? plain ?? viaTrait)?.[1];
  if (!found) return name.startsWith('__wbg') || name.startsWith('__wbindgen') ? 'wasm_bindgen' : 'other';
  return found.replace(/^_/, '');
}

// What each crate is there for; anything unlisted counts as "other".
const GROUPS = {
  'UI and JS glue: Yew, wasm-bindgen (with its descriptors, removed later), js-sys, web-sys, the views': ['yew', 'js_sys', 'web_sys', 'wasm_bindgen', 'wasm_bindgen_futures', 'gloo', 'gloo_events', 'gloo_timers', 'gloo_utils', 'implicit_clone', 'hashbrown', 'indexmap', 'slab', 'futures', 'futures_util', 'futures_core', 'futures_channel', 'jwt_debugger::app', 'jwt_debugger::components', 'jwt_debugger::state', 'jwt_debugger::browser', 'jwt_debugger::presets', 'jwt_debugger::share'],
  'Rust runtime: core, alloc, std, allocator': ['core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins', 'rustc', 'rust_begin_unwind'],
  'Big-integer arithmetic (RSA)': ['crypto_bigint', 'rsa', 'num_traits'],
  'Elliptic curves (P-256/384/521, Ed25519)': ['p256', 'p384', 'p521', 'primeorder', 'primefield', 'elliptic_curve', 'ecdsa', 'rfc6979', 'curve25519_dalek', 'ed25519_dalek', 'ed25519', 'ff', 'group', 'wnaf', 'crypto_bigint_ec'],
  'Key formats: DER, PEM, PKCS#1/8, SPKI, SEC1, OpenSSH': ['der', 'pem', 'pem_rfc7468', 'pkcs1', 'pkcs8', 'spki', 'sec1', 'const_oid', 'ssh_key', 'ssh_encoding', 'ssh_cipher', 'base64ct', 'base64', 'jwt_debugger::jwt::keys'],
  'Hashes and HMAC': ['sha2', 'hmac', 'digest', 'block_buffer', 'crypto_common', 'hybrid_array'],
  'JWT core: token, JSON, claims, findings, signatures': ['jwt_debugger::jwt'],
  'jsonwebtoken and serde: signatures, JWKs, claims, the tutorial': ['jsonwebtoken', 'serde', 'serde_core', 'serde_json', 'itoa', 'ryu', 'zmij', 'memchr'],
  'Engine link: the Web Worker, its messages (gloo-worker, postcard) and the client': ['jwt_debugger::engine', 'jwt_engine', 'gloo_worker', 'postcard', 'cobs', 'pinned'],
};

export function groupOf(crate, name) {
  let key = crate;
  if (crate === 'jwt_debugger') {
    const m = name.match(/jwt_debugger(?:\[[0-9a-f]+\])?::([a-z_]+)(?:::([a-z_]+))?/);
    key = m ? (m[1] === 'jwt' && m[2] === 'keys' ? 'jwt_debugger::jwt::keys' : `jwt_debugger::${m[1]}`) : crate;
  }
  for (const [group, members] of Object.entries(GROUPS)) if (members.includes(key)) return group;
  return 'other (panics, formatting glue, small crates)';
}

/** [{ group, bytes, share }] for the code of `path`, plus the data segment size. */
export async function wasmWeights(path) {
  const { functions, data } = functionsOf(await readFile(path));
  const totals = new Map();
  for (const f of functions) {
    const g = groupOf(crateOf(f.name), demangle(f.name));
    totals.set(g, (totals.get(g) ?? 0) + f.size);
  }
  const code = [...totals.values()].reduce((a, b) => a + b, 0);
  return {
    code,
    data,
    groups: [...totals.entries()]
      .map(([group, bytes]) => ({ group, bytes, share: bytes / code }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await wasmWeights(process.argv[2]));
}
