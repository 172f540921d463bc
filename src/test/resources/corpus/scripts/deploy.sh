#!/usr/bin/env bash
# Deploys the orders stack to the legacy VM fleet. Run from the repo root.
set -euo pipefail

ENVIRONMENT="${1:-staging}"
: "${DB_PASSWORD:?DB_PASSWORD must be set}"
API_TOKEN="${API_TOKEN:-}"

export AWS_ACCESS_KEY_ID=@@aws-key-id@@
export AWS_SECRET_ACCESS_KEY="@@aws-secret@@"
export AWS_DEFAULT_REGION=eu-west-1
export DIGITALOCEAN_ACCESS_TOKEN='@@digitalocean@@'
export VAULT_ADDR=https://vault.acme.io:8200
export VAULT_TOKEN=@@vault@@

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

log "fetching secrets for ${ENVIRONMENT}"
STRIPE_KEY=$(vault kv get -field=secret_key "secret/${ENVIRONMENT}/stripe")
GH_TOKEN=$(gh auth token)
read -rsp "Registry password: " REGISTRY_PASSWORD; echo

log "backing up database"
mysqldump -h reporting.prod.internal -u admin -p@@password@@ reports > /tmp/reports.sql
PGPASSWORD="@@password@@" pg_dump -h orders-db.prod.internal -U orders_admin orders | gzip > /tmp/orders.sql.gz
psql "postgresql://orders_admin:@@password@@@orders-db.prod.internal:5432/orders" -c "vacuum analyze"
redis-cli -h cache.prod.internal -a '@@password@@' --no-auth-warning BGSAVE

log "uploading artifacts"
curl -fsS -u ci-publisher:@@password@@ -T build/orders.tar.gz "https://acme.jfrog.io/artifactory/generic-local/orders/"
curl -fsS -H "X-JFrog-Art-Api: @@jfrog@@" "https://acme.jfrog.io/artifactory/api/storageinfo" > /dev/null
curl -fsS -H "Authorization: Bearer ${DIGITALOCEAN_ACCESS_TOKEN}" https://api.digitalocean.com/v2/droplets?tag_name=orders
curl -fsS -u "deploy:${API_TOKEN}" https://deploy.acme.io/hooks/orders

log "logging in to registries"
echo "$REGISTRY_PASSWORD" | docker login registry.acme.io -u ci --password-stdin
docker login -u acmebot --password @@dockerhub@@ docker.io
echo "@@password@@" | docker login -u robot-ci --password-stdin registry.acme.io

log "rolling out"
ssh -i ~/.ssh/deploy_key deploy@vm1.acme.io "sudo systemctl restart orders"
curl -s -X POST https://api.telegram.org/bot@@telegram-bot@@/sendMessage -d chat_id=-1001234567890 -d "text=deployed ${ENVIRONMENT}"
curl -s -X POST -H "Authorization: Bearer @@linear@@" -H "Content-Type: application/json" \
  --data '{"query":"mutation { issueCreate(input: {teamId: \"9cfb482a\", title: \"deployed\"}) { success } }"}' \
  https://api.linear.app/graphql
log "done; sha256 of artifact: $(sha256sum build/orders.tar.gz | cut -d' ' -f1)"
