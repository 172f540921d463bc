#!/bin/sh
# Rotates the dispatch DB password. The new value is generated here and never printed.
set -eu

NEW_PASSWORD="$(openssl rand -base64 24)"
OLD_PASSWORD="${DISPATCH_DB_PASSWORD:-}"
PGPASSWORD="$PG_ADMIN_PASSWORD" psql -h pg-primary.prod.kestrel.io -U kestrel_admin -d dispatch \
  -c "ALTER ROLE dispatch WITH PASSWORD '${NEW_PASSWORD}'"

aws secretsmanager put-secret-value --secret-id prod/dispatch/db-password --secret-string "$NEW_PASSWORD"
echo "rotated; old password sha256: $(printf %s "$OLD_PASSWORD" | sha256sum | cut -c1-12)"

# Break-glass: the pgbouncer admin password (only used when Secrets Manager is unreachable)
PGBOUNCER_ADMIN_PASSWORD=@@password@@
export PGBOUNCER_ADMIN_PASSWORD
