#!/usr/bin/env bash
# `npm start` as a newcomer runs it — a fresh clone, `npm ci`, `npm start` — on Node 20, 22 and 24
# (scripts/nodes.sh), at a small scale (2 replicates, --scale 200), then checks that the three
# output folders are byte-identical. Run by .ci/run; exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q . "$work/lintas"
for major in 20 22 24; do
  if [ "$major" = 20 ]; then bin="$(dirname "$(command -v node)")"; else bin="$(bash scripts/nodes.sh path "$major")"; fi
  (
    cd "$work/lintas"
    export PATH="$bin:$PATH"
    echo "== npm start on $(node --version), fresh clone"
    rm -rf node_modules dist out
    npm ci --no-audit --no-fund >/dev/null 2>&1
    start=$(date +%s)
    npm start -- --replicates 2 --scale 200 >"$work/start-$major.log" 2>&1 || { cat "$work/start-$major.log"; exit 1; }
    echo "   $(( $(date +%s) - start )) s; $(find out/paper -type f | wc -l) files"
    mv out/paper "$work/paper-$major"
  )
done
for major in 22 24; do
  if ! diff -r "$work/paper-20" "$work/paper-$major" >/dev/null; then
    echo "npm start on Node $major wrote different bytes from Node 20:"
    diff -rq "$work/paper-20" "$work/paper-$major" || true
    exit 1
  fi
done
echo "npm start: identical outputs ($(find "$work/paper-20" -type f | wc -l) files) on Node 20, 22 and 24"
