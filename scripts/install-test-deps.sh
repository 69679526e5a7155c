#!/usr/bin/env bash
# Installs the Debian packages whose servers and tools the tests start themselves:
# nsd and unbound (the DNS test world), dig (debugging), prometheus and promtool (alert and
# dashboard tests), amtool and prometheus-alertmanager (the Alertmanager example, checked and run), systemd-analyze (the unit's
# security score), initdb and pg_ctl (a throwaway PostgreSQL cluster for the state store's tests),
# kubectl (its built-in kustomize renders deploy/kubernetes offline; no cluster is contacted).
# Installs only when a binary is missing, so a prepared machine costs nothing.
set -euo pipefail

# Servers live in sbin; a non-login shell may not have it on PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# binary -> Debian 12 package that provides it
declare -A package_of=(
  [nsd]=nsd
  [nsd-checkconf]=nsd
  [nsd-checkzone]=nsd
  [unbound]=unbound
  [unbound-control]=unbound
  [unbound-checkconf]=unbound
  [dig]=dnsutils
  [prometheus]=prometheus
  [promtool]=prometheus
  [amtool]=prometheus-alertmanager
  [prometheus-alertmanager]=prometheus-alertmanager
  [systemd-analyze]=systemd
  [initdb]=postgresql
  [pg_ctl]=postgresql
  [kubectl]=kubectl
)

# Debian keeps PostgreSQL's server tools in /usr/lib/postgresql/<version>/bin, off PATH; the
# tests look there too (testworld/Postgres.java).
present() {
  command -v "$1" >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/$1" >/dev/null
}

missing=()
for binary in "${!package_of[@]}"; do
  if ! present "$binary"; then
    echo "install-test-deps: $binary is missing (package ${package_of[$binary]})"
    missing+=("${package_of[$binary]}")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: nsd, unbound, dig, prometheus, promtool, amtool, systemd-analyze, initdb, pg_ctl and kubectl are present; nothing to install"
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | xargs)

# kubectl is not in Debian 12's own archive in a usable version (kubernetes-client 1.20 has a
# kustomize too old for `labels:`); the build machines ship it with their cloud CLI packages.
# Fail loudly rather than skip the Kubernetes tests when it is not there.
if [[ " $packages " == *" kubectl "* ]] && ! apt-cache show kubectl >/dev/null 2>&1; then
  echo "install-test-deps: kubectl (>= 1.27, for its built-in kustomize) is missing and apt has no" \
    "package for it; install kubectl from your Kubernetes or cloud CLI packages, then run this again" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-test-deps: need root (or sudo) to install: $packages" >&2
    exit 1
  fi
fi

# The tests start their own servers on 127.53.0.x (PostgreSQL: a temp cluster on a free port);
# keep apt from starting the packages' services (they are useless here and would hold ports). policy-rc.d exit 101 = "action forbidden".
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  echo "install-test-deps: temporarily forbidding service starts ($policy)"
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi

echo "install-test-deps: apt-get install -y $packages"
$sudo apt-get update
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages

for binary in "${!package_of[@]}"; do
  present "$binary" || { echo "install-test-deps: $binary still missing" >&2; exit 1; }
done
echo "install-test-deps: done"
