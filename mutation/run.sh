#!/usr/bin/env bash
# Mutation testing of the library modules with PIT (a separate command, never part of `mvn verify`).
# Usage: mutation/run.sh [--critical] [module,module,...] [extra maven args]
#   --critical  mutate only the classes of mutation/critical-classes.txt (tenancy, versions,
#               transactions, History), in scim-server and tracktik-adapter
# Reports: <module>/target/pit-reports/index.html and mutations.xml; mutation/summary.py tables them.
# PIT is CPU-hungry: it uses 2 threads (-Dpit.threads=N to change) on a shared 2-core machine.
# Conformance data is found as in the normal build (../shared/conformance beside the repository, or
# SCIMKIT_CONFORMANCE_DIR); without it, the tests that need it are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
extra=()
default_modules=scim-core,scim-filter,scim-patch,scim-server,tracktik-adapter
if [ "${1:-}" = "--critical" ]; then
  shift
  extra+=("-DtargetClasses=$(grep -v '^#' mutation/critical-classes.txt | paste -sd, -)")
  default_modules=scim-server,tracktik-adapter
fi
modules="${1:-$default_modules}"
shift || true
mvn -B -ntp -Pmutation -pl "$modules" -am verify "${extra[@]}" "$@"
python3 mutation/summary.py ${modules//,/ }
