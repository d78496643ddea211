#!/usr/bin/env bash
# Builds web/pkg, gisty as a WebAssembly package for the browser:
#   1. cargo build of crates/gisty-wasm for wasm32-unknown-unknown with the
#      `wasm-release` profile (opt-level "z", LTO, one codegen unit),
#   2. wasm-bindgen --target web (an ES module that loads the .wasm),
#   3. wasm-opt -Oz when there is one: web/node_modules/.bin/wasm-opt (the
#      npm `binaryen` package that `npm ci` installs), else one on PATH;
#      without it the package is built unoptimised and this says so.
# Prints the .wasm's size, raw and gzipped, and fails when it is over
# 1 MB (1,000,000 bytes).
# Needs: the wasm32-unknown-unknown target, and wasm-bindgen at the
# version of the `wasm-bindgen` crate in Cargo.lock.
set -euo pipefail
web=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$web")
cd "$root"

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "build.sh: need wasm-bindgen $want (Cargo.lock), found '${have:-none}':" >&2
  echo "  cargo install --locked wasm-bindgen-cli --version $want" >&2
  exit 1
fi

cargo build --profile wasm-release --target wasm32-unknown-unknown -p gisty-wasm
raw=${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-release/gisty_wasm.wasm

rm -rf "$web/pkg"
wasm-bindgen --target web --out-dir "$web/pkg" "$raw"
wasm="$web/pkg/gisty_wasm_bg.wasm"
echo "sizes: cargo $(wc -c < "$raw") bytes, wasm-bindgen $(wc -c < "$wasm") bytes"

opt=""
if [ -x "$web/node_modules/.bin/wasm-opt" ]; then
  opt="$web/node_modules/.bin/wasm-opt"
elif command -v wasm-opt >/dev/null; then
  opt=$(command -v wasm-opt)
fi
if [ -n "$opt" ]; then
  echo "wasm-opt: $("$opt" --version) ($opt)"
  # The features rustc enables by default for wasm32-unknown-unknown.
  "$opt" -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue \
    -o "$wasm.opt" "$wasm"
  mv "$wasm.opt" "$wasm"
else
  echo "wasm-opt: none found (npm ci in web/ brings one); package left unoptimised"
fi

bytes=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "gisty_wasm_bg.wasm: $bytes bytes raw, $gz bytes gzipped (-9)"
if [ "$bytes" -gt 1000000 ]; then
  echo "build.sh: the .wasm is over 1 MB ($bytes bytes)" >&2
  exit 1
fi
