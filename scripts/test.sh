#!/usr/bin/env bash
# The single test command: installs the test servers if missing, then runs the whole build.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl agent -am -Dtest='DkimWorld*'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-test-deps.sh
exec mvn -B verify "$@"
