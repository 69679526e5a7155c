#!/usr/bin/env bash
# The agent against the wire's limit (issue 10): NSD world of N identities x 3 Easy-DKIM CNAMEs,
# then dnsperf's one pass and `bin/dkim-agent check --format json`, interleaved, 5 times each;
# prints medians [min-max], agent q/s / dnsperf q/s, CPU per query and RSS.
# Runs in its own network namespace (unshare -n), so it needs root but touches no other test's
# addresses. Installs dnsperf if missing. Options: identities=10000 runs=5 in-flight=256 threads=0
# (threads=1: each check's busiest threads with their user and system CPU, sampled from /proc).
# AGENT_JAVA_OPTS adds JVM flags to the agent (e.g. a JFR recording) on top of the shipped ones.
# REFERENCE_LAUNCHER=/path/to/other/build/bin/dkim-agent also runs that build's check in every round (before/after).
# `daemon-heap [identities=N]` instead measures a `run` daemon holding N identities after its first
# sweep: heap in use after a full GC (jcmd) and RSS.
# Usage: sudo scripts/bench-check.sh [name=value ...] | sudo scripts/bench-check.sh daemon-heap [identities=N]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "bench-check.sh: needs root (a private network namespace; NSD listens on 127.60.0.x:53)" >&2
  exit 2
fi
command -v dnsperf >/dev/null || apt-get install -y -q dnsperf >/dev/null
command -v nsd >/dev/null || { echo "bench-check.sh: needs the nsd package (scripts/install-test-deps.sh)" >&2; exit 2; }

echo "building (mvn package, tests compiled but not run) ..."
mvn -B -q -DskipTests -pl agent -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

cp="agent/target/test-classes:agent/target/classes:$(cat agent/target/bench.classpath)"
export cp
main=dev.dkimagent.agent.bench.CheckBench
if [ "${1:-}" = "daemon-heap" ]; then
  main=dev.dkimagent.agent.bench.DaemonHeap
  shift
fi
export main
exec unshare -n bash -c 'ip link set lo up && exec java -cp "$cp" "$main" "$@"' bench "$@"
