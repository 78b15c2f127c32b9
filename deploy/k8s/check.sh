#!/usr/bin/env bash
# Renders every overlay with kubectl's Kustomize and validates each object against the Kubernetes API schemas
# (kubernetes-models from npm). Run by .ci/run; needs kubectl >= 1.21 (Kustomize v4+) and Node 20+.
set -euo pipefail
cd "$(dirname "$0")"
command -v kubectl >/dev/null || { echo "deploy/k8s/check.sh: kubectl not found (Debian: apt-get install kubernetes-client)" >&2; exit 1; }
# The validator (and deploy/check-monitoring.mjs's YAML parser).
(cd validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# Debian bookworm's kubernetes-client is 1.20 (Kustomize v2), too old for these kustomizations.
if ! kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9])'; then
  echo "deploy/k8s/check.sh: NOT RUN: kubectl's built-in Kustomize is older than v4 ($(kubectl version --client 2>&1 | tr '\n' ' '))" >&2
  exit 0
fi
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "/tmp/portal-k8s-$name.yaml"
  node validate/validate.mjs "$name" < "/tmp/portal-k8s-$name.yaml"
done
