#!/usr/bin/env bash
# Builds the engine module (src/engine_main.rs: the crate without the `split` feature, i.e. the
# RSA, EC and Ed25519 key code) into $TRUNK_STAGING_DIR/engine/. Trunk runs it after each build
# (Trunk.toml [[hooks]]), so `make serve` and `make dist` both ship it beside the page's module.
set -euo pipefail

out="${TRUNK_STAGING_DIR:?scripts/engine.sh is run by trunk build / trunk serve}/engine"
target_dir="${CARGO_TARGET_DIR:-target}"
build=(cargo build --target wasm32-unknown-unknown --bin jwt-engine)
profile=debug
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  build+=(--release)
  profile=release
fi
"${build[@]}"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name jwt-engine \
  "$target_dir/wasm32-unknown-unknown/$profile/jwt-engine.wasm"
if [ "$profile" = release ]; then
  # The same wasm-opt pass and features as the page's module (index.html).
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/jwt-engine_bg.wasm" -o "$out/jwt-engine_bg.wasm"
fi
