#!/usr/bin/env bash
# Installs, only when missing or at the wrong version, what `make serve|test|dist|bench` need on a
# fresh Debian machine (run as root). Rerun it and it is a quick no-op.
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

root="$(cd "$(dirname "$0")/.." && pwd)"
npm_dir="$root/tests/e2e"
export PATH="$npm_dir/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# The wasm target: RUSTUP_AUTO_INSTALL=0 on these machines, so rust-toolchain.toml alone may not fetch it.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk and wasm-bindgen-cli are compiled without fat LTO, with many codegen units and no optimisation: it
# does little work per build, and on a 2-core machine the first `make bench` waits for it (~160 ->
# ~100 s). The crates that do its real work (reading and rewriting wasm modules) keep opt-level 1:
# unoptimised, its test runner would add ~2 minutes to each `make test` (~10 s at this setting).
# It compiles while the Debian, npm and pip installs below run, and is waited for at the end.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install "$@"
}
wasm_crates=()
for crate in walrus wasmparser wasm-encoder wasm-bindgen-cli-support wasm-bindgen-shared leb128 \
  id-arena hashbrown indexmap serde_json rustc-demangle gimli; do
  wasm_crates+=(--config "profile.release.package.$crate.opt-level=1")
done
installs=()
# If anything below fails, the compiles started here stop with it instead of running on.
trap '[ ${#installs[@]} -eq 0 ] || kill "${installs[@]}" 2>/dev/null || true' EXIT

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  # Without --locked: the crate's lock file names a dependency version that is no longer published.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
  tool_install "${wasm_crates[@]}" --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" &
  installs+=($!)
fi

# Trunk builds and serves the page (Trunk.toml). Its own lock file works with --locked.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (cargo install, a few minutes)"
  tool_install --locked --force "trunk@$TRUNK_VERSION" &
  installs+=($!)
fi

# Debian packages: the browser for the browser tests and end-to-end tests; ssh-keygen, which
# makes passphrase-protected keys in the tests and reads back the OpenSSH files the page writes.
missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_debs+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing_debs+=(nodejs)
command -v npm >/dev/null 2>&1 || missing_debs+=(npm)
command -v python3 >/dev/null 2>&1 || missing_debs+=(python3)
command -v ssh-keygen >/dev/null 2>&1 || missing_debs+=(openssh-client)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing_debs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}"
fi

# npm packages (binaryen for wasm-opt, terser for the page's JS in release builds, playwright-core
# and axe-core for the end-to-end tests, jose for the benchmark's comparison page) go into tests/e2e/node_modules; a copy of package.json and
# package-lock.json there says what was installed, so a change to either reinstalls.
stamp="$npm_dir/node_modules/.installed-package.json"
npm_manifest() { cat "$npm_dir/package.json" "$npm_dir/package-lock.json"; }
if ! npm_manifest | cmp -s - "$stamp"; then
  say "installing npm packages into tests/e2e/node_modules (binaryen@$BINARYEN_VERSION, terser, playwright-core, axe-core, jose)"
  (cd "$npm_dir" && npm install --no-audit --no-fund --loglevel=error)
  npm_manifest >"$stamp"
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  echo "setup: wasm-opt $BINARYEN_VERSION not found after install" >&2
  exit 1
fi
if ! command -v terser >/dev/null 2>&1; then
  echo "setup: terser not found after install (release builds minify the page's JS with it)" >&2
  exit 1
fi

# PyJWT (the tutorial's library), joserfc (JWE) and sd-jwt (RFC 9901's reference implementation)
# for the interoperability tests.
if ! python3 -c 'import jwt, cryptography, joserfc, sd_jwt' >/dev/null 2>&1; then
  if ! python3 -m pip --version >/dev/null 2>&1; then
    say "installing Debian's python3-pip"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip
  fi
  say "installing PyJWT[crypto], joserfc and sd-jwt from PyPI"
  python_packages=('PyJWT[crypto]==2.10.1' 'joserfc==1.8.0' 'sd-jwt==0.10.4')
  python3 -m pip install --quiet "${python_packages[@]}" \
    || python3 -m pip install --quiet --break-system-packages "${python_packages[@]}"
fi

# The crates of Cargo.lock, for every target: Trunk.toml builds `offline` (nothing may download
# during a build), so `trunk serve` and `make dist` on a fresh machine need them fetched first.
# A quick no-op once they are in cargo's cache.
cargo fetch --locked --manifest-path "$root/Cargo.toml" --quiet

# The tool compiles started above: on a fresh 2-core machine they take longer than the rest.
if [ ${#installs[@]} -gt 0 ]; then
  say "waiting for the tool compiles (cargo install) to finish: ${SECONDS}s since setup started"
fi
for pid in "${installs[@]}"; do
  wait "$pid" || { echo "setup: a cargo install failed (see above)" >&2; exit 1; }
done
if [ ${#installs[@]} -gt 0 ]; then
  say "tools installed in ${SECONDS}s; the first build of the page compiles the crates next"
fi
