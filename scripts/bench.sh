#!/usr/bin/env bash
# Sweep benchmark: 10,000 identities x 3 Easy-DKIM CNAMEs against three NSD instances.
# Builds, then runs dev.dkimagent.agent.bench.SweepBench (a plain main on the test classpath) in
# its own network namespace (unshare -n: NSD binds 127.60.0.11-13 and .20 on port 53), so it
# needs root and the nsd package, like the tests.
# Options pass through as name=value: identities=10000 qps=1000000 in-flight=256 warmups=1
# sweeps=3 polite-identities=1000 polite-qps=100. JAVA_OPTS is passed to java.
# `recheck [warmups=300 rechecks=1000]` instead runs RecheckBench: one zone (3 records x 3
# servers) rechecked over and over in a warm in-process daemon, wall and CPU per recheck.
# Usage: sudo scripts/bench.sh [name=value ...] | sudo scripts/bench.sh recheck [name=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "bench.sh: needs root (a private network namespace; NSD listens on 127.60.0.x:53)" >&2
  exit 2
fi

echo "building (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
main=dev.dkimagent.agent.bench.SweepBench
if [ "${1:-}" = "recheck" ]; then
  main=dev.dkimagent.agent.bench.RecheckBench
  shift
fi
export cp main JAVA_OPTS="${JAVA_OPTS:-}"
# JVM flags as given (none by default): the figures are for the JVM's defaults unless JAVA_OPTS says otherwise.
exec unshare -n bash -c 'ip link set lo up && exec java $JAVA_OPTS -cp "$cp" "$main" "$@"' bench "$@"
