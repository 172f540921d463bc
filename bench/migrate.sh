#!/usr/bin/env bash
# How long a migration of many credentials takes end to end with the local store: plan, apply (store,
# read back, rewrite; each legacy value asked at 127.0.0.1:1, which refuses at once), the gate, and a second
# apply that must change nothing. The tree: N services, each a .env, a shell script and a workflow sharing
# one made-up password, plus a GitHub-token-shaped value per service in a properties file (2N credentials).
# Usage: bench/migrate.sh [SERVICES]    (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100}"
JAR=target/sprawl.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SPRAWL_HOME="$WORK/store"
repo="$WORK/repo"
rand() { LC_ALL=C tr -dc "$1" </dev/urandom | head -c "$2" || true; }
for i in $(seq 1 "$N"); do
  d="$repo/svc$i"; mkdir -p "$d/.github/workflows"
  pw=$(rand A-Za-z0-9 24)
  printf 'DB_DRIVER=postgresql\nDB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=svc%s\nDB_PASSWORD=%s\n' "$i" "$pw" > "$d/.env"
  printf '#!/bin/sh\nexport DB_PASSWORD=%s\n./run\n' "$pw" > "$d/deploy.sh"
  printf 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      DB_PASSWORD: %s\n    steps:\n      - run: ./test\n' "$pw" > "$d/.github/workflows/ci.yml"
  printf 'api.url=https://api.example.org\napi.token=%s%s\n' "ghp_" "$(rand A-Za-z0-9 36)" > "$d/app.properties"
done
files=$(find "$repo" -type f | wc -l)
echo "tree: $N services, $files files; $(nproc) cores"

t() { local s e; s=$(date +%s.%N); "$@" > "$WORK/out.txt" 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
plan=$(t java -jar "$JAR" migrate plan "$repo" --output "$WORK/plan.json")
creds=$(grep -c '"secretHash"' "$WORK/plan.json")
apply=$(t java -jar "$JAR" migrate apply "$WORK/plan.json" --verify-timeout 2)
closed=$(grep -c 'reissue-task  legacy' "$WORK/out.txt" || true)
records=$(wc -l < "$repo/.sprawl/ledger.jsonl")
gate=$(t java -jar "$JAR" gate "$repo" --verify-timeout 2)
again=$(t java -jar "$JAR" migrate apply "$WORK/plan.json" --verify-timeout 2)
records2=$(wc -l < "$repo/.sprawl/ledger.jsonl")
java -jar "$JAR" scan dir "$repo" --format json --output "$WORK/after.json" --quiet || true
left=$(grep -c '"ruleId"' "$WORK/after.json" || true)
echo "credentials planned: $creds; after apply: $closed re-issue tasks, $records ledger records, $left findings left in the tree"
printf 'plan %.1f s, apply %.1f s, gate %.1f s, second apply %.1f s (ledger records %s -> %s)\n' "$plan" "$apply" "$gate" "$again" "$records" "$records2"
