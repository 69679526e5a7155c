#!/usr/bin/env bash
# Re-pins the Dockerfile's base images: for each FROM <image>:<tag>@sha256:<digest>, asks the
# registry for the tag's current (multi-architecture) digest and writes it in. Needs
# `docker buildx` (or set RESOLVE="crane digest"). Review the diff and rebuild before committing.
set -euo pipefail
dockerfile="$(cd "$(dirname "$0")" && pwd)/Dockerfile"
resolve() {
  if [ -n "${RESOLVE:-}" ]; then
    $RESOLVE "$1"
  else
    docker buildx imagetools inspect --format '{{json .Manifest.Digest}}' "$1" | tr -d '"'
  fi
}
grep -oE '^FROM [^ @]+' "$dockerfile" | cut -d' ' -f2 | sort -u | while read -r image; do
  digest=$(resolve "$image")
  [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "no digest for $image: $digest" >&2; exit 1; }
  sed -i -E "s|^FROM ${image//./\\.}@sha256:[0-9a-f]{64}|FROM ${image}@${digest}|" "$dockerfile"
  echo "$image -> $digest"
done
