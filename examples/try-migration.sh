#!/usr/bin/env bash
# Tries a whole Secret Sprawl migration on a throwaway repository, with the local encrypted store:
# no server, no account, nothing outside a temporary folder. The password it plants is made up here.
#
#   mvn -B -q package -DskipTests && examples/try-migration.sh
#
# SPRAWL_JAR (default target/sprawl.jar) picks the jar; SPRAWL_DEMO_DIR keeps the demo in that folder.
set -euo pipefail

jar=${SPRAWL_JAR:-target/sprawl.jar}
[ -f "$jar" ] || { echo "no $jar: build it first with: mvn -B -q package -DskipTests" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
work=${SPRAWL_DEMO_DIR:-$(mktemp -d)}
mkdir -p "$work"
export SPRAWL_HOME="$work/store"          # where the local store and its key file live
repo="$work/app"
sprawl() { java -jar "$jar" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

rm -rf "$repo" && mkdir -p "$repo/.github/workflows"
password=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true)
cat > "$repo/.env" <<ENV
DB_DRIVER=postgresql
DB_HOST=127.0.0.1
DB_PORT=5432
DB_USER=app
DB_PASSWORD=$password
ENV
cat > "$repo/Jenkinsfile" <<JENKINS
pipeline {
  agent any
  environment {
    PGPASSWORD = '$password'
  }
  stages {
    stage('migrate') { steps { sh 'psql -h 127.0.0.1 -U app -c "select 1"' } }
  }
}
JENKINS
cat > "$repo/.github/workflows/ci.yml" <<WORKFLOW
name: ci
on: push
jobs:
  db:
    runs-on: ubuntu-latest
    env:
      PGPASSWORD: $password
    steps:
      - run: psql -h 127.0.0.1 -U app -c "select 1"
WORKFLOW
if command -v git >/dev/null; then
  git -C "$repo" init -q && git -C "$repo" add -A
  git -C "$repo" -c user.name=demo -c user.email=demo@example.com commit -qm "app with a hardcoded password"
fi

step "1. scan: one password, three places"
sprawl scan dir "$repo" || true

step "2. plan: one credential, its consumers and their references (no value in the plan)"
sprawl migrate plan "$repo" --owner team-demo --format text
sprawl migrate plan "$repo" --owner team-demo --output "$work/plan.json"

step "3. apply: store, read back, rewrite the three files (no --rotate: the legacy password stays live)"
sprawl migrate apply "$work/plan.json"
if command -v git >/dev/null; then git -C "$repo" --no-pager diff --stat; fi

step "4. the rewritten tree scans clean"
sprawl scan dir "$repo"

step "5. status"
sprawl migrate status "$repo"

step "6. gate: fails until the legacy password is proven dead"
set +e
sprawl gate "$repo"
gate=$?
set -e
cat <<DONE

The gate exited $gate: the legacy password was never rotated, and with no database at 127.0.0.1:5432
nobody can prove it dead. Against a real database, rotate it and the gate passes:

  SPRAWL_ADMIN_POSTGRES_PASSWORD=... java -jar $jar migrate apply $work/plan.json --rotate \\
      --admin postgres=postgresql://postgres@127.0.0.1:5432/postgres
  java -jar $jar gate $repo

Demo folder: $work (the local store is $SPRAWL_HOME/store.json, its key $SPRAWL_HOME/store.key)
DONE
