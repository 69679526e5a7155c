#!/usr/bin/env bash
# Sweep benchmark: 10,000 identities x 3 Easy-DKIM CNAMEs against three NSD instances.
# Builds, then runs dev.dkimagent.agent.bench.SweepBench (a plain main on the test classpath).
# Needs root (NSD binds 127.60.0.11-13 and .20 on port 53) and the nsd package, like the tests.
# Options pass through as name=value: identities=10000 qps=1000000 in-flight=256 warmups=1
# sweeps=3 polite-identities=1000 polite-qps=100. JAVA_OPTS is passed to java.
# Usage: sudo scripts/bench.sh [name=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "bench.sh: needs root (NSD listens on 127.60.0.x:53)" >&2
  exit 2
fi

echo "building (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
# -Xss etc. left at defaults: the figures are for the agent as shipped.
exec java ${JAVA_OPTS:-} -cp "$cp" dev.dkimagent.agent.bench.SweepBench "$@"
