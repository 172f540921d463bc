#!/usr/bin/env bash
# Deploy the dispatch container to a depot edge box.
#   usage: ./deploy-depot.sh <depot> <version>
set -euo pipefail

DEPOT="${1:?depot}"
VERSION="${2:?version}"
REGISTRY="ghcr.io/kestrel"

: "${GHCR_TOKEN:?export GHCR_TOKEN (a PAT with read:packages)}"
DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id "prod/depot/${DEPOT}/db" --query SecretString --output text)"
API_TOKEN=$(vault kv get -field=token "secret/depots/${DEPOT}")

# Edge boxes pull through the depot proxy with a dedicated read-only token.
export EDGE_PULL_TOKEN=@@github-app-token@@
export DEPOT_ADMIN_PASSWORD='@@password@@'

ssh "deploy@${DEPOT}.edge.kestrel.io" bash -s <<REMOTE
  echo "${EDGE_PULL_TOKEN}" | docker login ghcr.io -u kestrel-edge --password-stdin
  docker pull ${REGISTRY}/dispatch:${VERSION}
  docker rm -f dispatch || true
  docker run -d --name dispatch --restart unless-stopped \
    -e DB_PASSWORD='${DB_PASSWORD}' \
    -e API_TOKEN='${API_TOKEN}' \
    -e DEPOT_ADMIN_PASSWORD='${DEPOT_ADMIN_PASSWORD}' \
    ${REGISTRY}/dispatch:${VERSION}
REMOTE

curl -fsS -u "admin:@@password@@" "https://${DEPOT}.edge.kestrel.io:9443/api/v1/reload"
echo "deployed ${VERSION} to ${DEPOT} (commit b0eb53f16947ccf25ec84d8dbc74254770f58904)"
