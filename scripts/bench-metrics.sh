#!/usr/bin/env bash
# Metrics benchmark: series count and GET /metrics time at 10,000 identities (docs/metrics.md).
# Builds, then runs dev.dkimagent.agent.bench.MetricsBench (a plain main on the test classpath)
# against the real metrics endpoint on 127.0.0.1 (an ephemeral port; no root needed).
# Options pass through as name=value: identities=10000 runs=20. JAVA_OPTS is passed to java.
# Usage: scripts/bench-metrics.sh [name=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
exec java ${JAVA_OPTS:-} -cp "$cp" dev.dkimagent.agent.bench.MetricsBench "$@"
