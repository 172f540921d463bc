#!/usr/bin/env bash
# Throughput of `sprawl scan dir` on a large generated tree (>= 200 MB of mixed source and config, dense
# with credential words on purpose) and, when the JDK ships its sources (lib/src.zip), on that real code.
# Usage: bench/scan-dir.sh [MEGABYTES]   (default 220; trees are reused between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-220}"
WORK=bench/work
TREE="$WORK/tree-$MB"
JAR=target/sprawl.jar

[ -f "$JAR" ] || mvn -q -B -DskipTests package
if [ ! -d "$TREE" ]; then
  mkdir -p "$WORK"
  java bench/GenerateTree.java "$TREE" "$MB"
fi
# warm the page cache so the figure measures the scanner, not the disk
cat $(find "$TREE" -type f | head -100000) > /dev/null

run() {
  local tree="$1"; shift
  local start end status
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f "%M" -o "$WORK/rss.txt" java -jar "$JAR" scan dir "$tree" --format json --output "$WORK/report.json" --quiet "$@"
  status=$?
  set -e
  end=$(date +%s.%N)
  [ "$status" -le 1 ] || { echo "scan failed with exit $status"; exit "$status"; }
  echo "$start $end"
}

measure() {
  local tree="$1" label="$2" bytes files
  bytes=$(du -sb "$tree" | cut -f1)
  files=$(find "$tree" -type f | wc -l)
  echo "$label: $files files, $((bytes / 1048576)) MB ($tree)"
  for i in 1 2 3; do
    read -r start end < <(run "$tree")
    secs=$(echo "$end - $start" | bc -l)
    rate=$(echo "$bytes / 1048576 / $secs" | bc -l)
    findings=$(grep -c '"ruleId"' "$WORK/report.json" || true)
    printf '  run %d: %.2f s, %.1f MB/s, peak RSS %d MB, %s findings\n' "$i" "$secs" "$rate" "$(( $(tail -1 "$WORK/rss.txt") / 1024 ))" "$findings"
  done
}

measure "$TREE" "generated tree"

SRC_ZIP=""
for candidate in "${JAVA_HOME:-/nonexistent}"/lib/src.zip /usr/lib/jvm/*/lib/src.zip; do
  if [ -f "$candidate" ]; then SRC_ZIP="$candidate"; break; fi
done
if [ -n "$SRC_ZIP" ]; then
  if [ ! -d "$WORK/jdk-src" ]; then
    mkdir -p "$WORK/jdk-src" && unzip -q -o "$SRC_ZIP" -d "$WORK/jdk-src"
  fi
  cat $(find "$WORK/jdk-src" -type f | head -100000) > /dev/null
  measure "$WORK/jdk-src" "JDK sources ($SRC_ZIP)"
fi
