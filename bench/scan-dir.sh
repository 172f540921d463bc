#!/usr/bin/env bash
# Throughput of `sprawl scan dir` on a large generated tree (>= 200 MB of mixed source and config).
# Usage: bench/scan-dir.sh [MEGABYTES]   (default 220; the tree is reused between runs)
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
BYTES=$(du -sb "$TREE" | cut -f1)
FILES=$(find "$TREE" -type f | wc -l)
# warm the page cache so the figure measures the scanner, not the disk
cat $(find "$TREE" -type f | head -100000) > /dev/null

run() {
  local start end status
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f "%M" -o "$WORK/rss.txt" java -jar "$JAR" scan dir "$TREE" --format json --output "$WORK/report.json" --quiet "$@"
  status=$?
  set -e
  end=$(date +%s.%N)
  [ "$status" -le 1 ] || { echo "scan failed with exit $status"; exit "$status"; }
  echo "$start $end"
}

echo "tree: $FILES files, $((BYTES / 1048576)) MB ($TREE)"
for i in 1 2 3; do
  read -r start end < <(run)
  secs=$(echo "$end - $start" | bc -l)
  rate=$(echo "$BYTES / 1048576 / $secs" | bc -l)
  findings=$(grep -c '"ruleId"' "$WORK/report.json" || true)
  printf 'run %d: %.2f s, %.1f MB/s, peak RSS %d MB, %s findings\n' "$i" "$secs" "$rate" "$(( $(tail -1 "$WORK/rss.txt") / 1024 ))" "$findings"
done
