#!/usr/bin/env bash
# Mutation testing of the library modules with PIT (a separate command, never part of `mvn verify`).
# Usage: mutation/run.sh [module,module,...] [extra maven args]
# Reports: <module>/target/pit-reports/index.html and mutations.xml; mutation/summary.py tables them.
# PIT is CPU-hungry: it uses 2 threads (-Dpit.threads=N to change) on a shared 2-core machine.
# Conformance data is found as in the normal build (../shared/conformance beside the repository, or
# SCIMKIT_CONFORMANCE_DIR); without it, the tests that need it are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
modules="${1:-scim-core,scim-filter,scim-patch,scim-server,tracktik-adapter}"
shift || true
mvn -B -ntp -Pmutation -pl "$modules" -am verify "$@"
python3 mutation/summary.py ${modules//,/ }
