#!/usr/bin/env bash
# CI's steps, the same wherever CI runs: `.ci/run` on a project machine and
# `.github/workflows/site.yml` on GitHub both call this script, and nothing else.
#
#   1. lint   ruff
#   2. test   every test (`make test`: core, whole-site builds, Chromium, validators, benchmark smoke run)
#   3. build  the strict production build into site/
#   4. audit  page-weight budgets and Lighthouse on the site just built (tools/audit.py says how the
#             performance gate is calibrated to the machine)
#
# The system packages the tests need are installed first when missing (tools/system_deps.sh).
# Each step's wall time is printed at the end; the first failing step stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

bash tools/system_deps.sh

timings=()
step() {
  local name=$1 start=$SECONDS
  shift
  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo "::group::$name"; else echo "==> $name: $*"; fi
  "$@"
  [ "${GITHUB_ACTIONS:-}" = true ] && echo "::endgroup::"
  timings+=("$(printf '%-6s %4d s' "$name" $((SECONDS - start)))")
}

start=$SECONDS
step lint make lint
step test make test
step build make build
step audit make audit-site
printf '\nCI steps (wall time):\n'
printf '  %s\n' "${timings[@]}"
printf '  %-6s %4d s\n' total $((SECONDS - start))
