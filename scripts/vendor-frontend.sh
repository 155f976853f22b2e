#!/usr/bin/env bash
# Copies the browser libraries the site uses from npm into src/JobQuality.Web/wwwroot/lib.
# The copies are committed, so neither building nor running the site needs npm; run this only to
# change a version. Usage: bash scripts/vendor-frontend.sh
set -euo pipefail
cd "$(dirname "$0")/.."

EASYMDE_VERSION=2.21.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "easymde@${EASYMDE_VERSION}" >/dev/null && tar -xzf easymde-*.tgz)
target=src/JobQuality.Web/wwwroot/lib/easymde
rm -rf "$target" && mkdir -p "$target"
cp "$work/package/dist/easymde.min.js" "$work/package/dist/easymde.min.css" "$work/package/LICENSE" "$target/"
echo "easymde ${EASYMDE_VERSION} -> $target"
