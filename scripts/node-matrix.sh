#!/usr/bin/env bash
# The CLI's end-to-end tests on other Node versions (default: 22 and 24).
# The tests themselves run on this machine's Node; only the grad-tutor they
# drive runs on the other one. The npm registry's node@N packages carry the
# Node binaries, so this needs the registry and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -eq 0 ] && versions=(22 24)
for v in "${versions[@]}"; do
  node_bin="$(npx --yes --package="node@$v" -c 'command -v node')"
  echo "== end-to-end tests with the CLI on $("$node_bin" --version)"
  GRAD_TUTOR_NODE="$node_bin" npx vitest run test/e2e
done
