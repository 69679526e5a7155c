#!/usr/bin/env bash
# The cluster at scale (issue 11): identities spread over zones (default 100,000 in 10,000),
# NSD serving every zone, one throwaway PostgreSQL, then `bin/dkim-agent run` in cluster mode as
# one node and as three (shipped JVM flags: 256 MB heap). For each, once every shard has run:
# per node the shards and zones it judged, its busy seconds, heap after a full GC and RSS; and
# the round's wall. Two cores show no speed-up from three nodes: the point is the even split and
# the bounded heap per node.
# Runs in its own network namespace (unshare -n): needs root; NSD listens on 127.65.0.x:53.
# Options: identities=100000 zones=10000 nodes=1,3 shards=16 rounds=3 interval=1m
# BENCH_AGENT_JAVA_OPTS adds JVM flags to the agents after the shipped ones (e.g. -Xmx1g).
# Usage: sudo [BENCH_AGENT_JAVA_OPTS=...] scripts/bench-cluster.sh [name=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "bench-cluster.sh: needs root (a private network namespace; NSD listens on 127.65.0.x:53)" >&2
  exit 2
fi
command -v nsd >/dev/null || { echo "bench-cluster.sh: needs nsd and postgresql (scripts/install-test-deps.sh)" >&2; exit 2; }

echo "building (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
export cp
exec unshare -n bash -c 'ip link set lo up && exec java -cp "$cp" dev.dkimagent.agent.bench.ClusterBench "$@"' bench "$@"
