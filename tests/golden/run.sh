#!/usr/bin/env bash
# Golden cases for the command line: every bundled sample page must read
# exactly as its ground truth says, and every class of bad input must end
# with exit status 2 and a JSON error. Usage: tests/golden/run.sh BIN
set -euo pipefail
bin=$(readlink -f "${1:?usage: run.sh PATH/TO/docscreen}")
cd "$(dirname "$0")/../.."
exec python3 tests/golden/check.py "$bin"
