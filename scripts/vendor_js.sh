#!/usr/bin/env bash
# Rebuild docs/assets/explorer/vendor/erfc.js: the complementary error function for the
# explorer's generated JavaScript (JavaScript's Math has no erf). Needs npm; run by hand
# when upgrading, the result is committed so that building the site needs no network.
set -euo pipefail
version=0.2.5
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$repo/docs/assets/explorer/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent "@stdlib/math-base-special-erfc@$version" esbuild@0.28.2
echo 'window.AtlasVendor = Object.assign(window.AtlasVendor || {},
  { erfc: require("@stdlib/math-base-special-erfc") });' > entry.js
npx esbuild entry.js --bundle --minify --format=iife --outfile="$out/erfc.js" \
  --banner:js="/* @stdlib/math-base-special-erfc $version (Apache-2.0, see LICENSE-stdlib), bundled by scripts/vendor_js.sh */"
cp node_modules/@stdlib/math-base-special-erfc/LICENSE "$out/LICENSE-stdlib"
