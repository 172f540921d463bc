#!/usr/bin/env bash
# Throughput of `sprawl mask` on a 100 MB CI console log, next to `sed -E` with one pattern on the same
# log, plus `sprawl scan log` on it with a small heap (memory stays constant whatever the log's size).
# The log comes from bench/GenerateLog.java (Jenkins timestamps, ANSI colours, Maven/npm/docker output,
# set -x traces, JSON lines; credential words on ~1 line in 25; a planted GitHub token every 4,000 lines:
# plain, exported, split by a colour code, or base64-encoded in a basic-auth header).
# Usage: bench/mask.sh [MEGABYTES] [--dense]    (default 100; logs are reused between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-100}"
DENSE="${2:-}"
WORK=bench/work
LOG="$WORK/ci-$MB${DENSE:+-dense}.log"
JAR=target/sprawl.jar
RUNS="${RUNS:-3}"
JAVA_OPTS="${JAVA_OPTS:-}"

[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p "$WORK"
if [ ! -f "$LOG" ]; then
  java bench/GenerateLog.java "$LOG" "$MB" $DENSE > "$WORK/planted-$(basename "$LOG").txt"
fi
PLANTED=$(cat "$WORK/planted-$(basename "$LOG").txt" 2>/dev/null || echo "?")
BYTES=$(stat -c %s "$LOG")
LINES=$(wc -l < "$LOG")
cat "$LOG" > /dev/null   # page cache warm: measure the filters, not the disk
echo "log: $LOG, $((BYTES / 1048576)) MB, $LINES lines, $PLANTED planted tokens; $(nproc) cores"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # prints seconds of wall time of "$@" reading $LOG
  local start end
  start=$(date +%s.%N)
  "$@" < "$LOG" > "$WORK/out.log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

SED=$(for i in $(seq "$RUNS"); do timed sed -E 's/ghp_[A-Za-z0-9]{36}/****/g'; done | median)
MASK=$(for i in $(seq "$RUNS"); do timed java $JAVA_OPTS -jar "$JAR" mask; done | median)
# start-up (JVM, rule pack compile) on empty input: a filter in a live pipe pays it once per build
STARTUP=$(for i in $(seq "$RUNS"); do start=$(date +%s.%N); java $JAVA_OPTS -jar "$JAR" mask < /dev/null > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; done | median)
/usr/bin/time -f "%M" -o "$WORK/rss.txt" java $JAVA_OPTS -jar "$JAR" mask < "$LOG" > "$WORK/masked.log"
RSS=$(tail -1 "$WORK/rss.txt")

OUT_LINES=$(wc -l < "$WORK/masked.log")
LEFT=$(grep -c 'ghp_' "$WORK/masked.log" || true)
# the base64 forms too: decode every basic-auth header left and look for a token in it
LEFT_B64=$(grep -o 'Basic [A-Za-z0-9+/=]*' "$WORK/masked.log" | cut -d' ' -f2 | while read -r b; do echo "$b" | base64 -d 2>/dev/null; echo; done | grep -c 'ghp_' || true)
printf "sed -E (one pattern):  %6.2f s  %7.1f MB/s\n" "$SED" "$(echo "$BYTES / 1048576 / $SED" | bc -l)"
printf "sprawl mask:           %6.2f s  %7.1f MB/s  (%.2fx sed's time), peak RSS %d MB\n" "$MASK" \
  "$(echo "$BYTES / 1048576 / $MASK" | bc -l)" "$(echo "$MASK / $SED" | bc -l)" "$((RSS / 1024))"
printf "  after start-up (%.2f s): %7.1f MB/s\n" "$STARTUP" "$(echo "$BYTES / 1048576 / ($MASK - $STARTUP)" | bc -l)"
echo "lines in $LINES, out $OUT_LINES; planted tokens left in the output: $LEFT plain, $LEFT_B64 base64"

# scan log: the same 128 MB heap is enough for any log size (chunks of 256 KB, 64 context lines; the rule pack itself needs ~70 MB)
start=$(date +%s.%N)
set +e
/usr/bin/time -f "%M" -o "$WORK/rss.txt" java -Xmx128m $JAVA_OPTS -jar "$JAR" scan log "$LOG" --format json --output "$WORK/log.json" --quiet
status=$?
set -e
end=$(date +%s.%N)
[ "$status" -le 1 ] || { echo "scan log failed with exit $status"; exit "$status"; }
FOUND=$(python3 -c "import json,sys; print(json.load(open('$WORK/log.json'))['summary']['findings'])")
printf "sprawl scan log -Xmx128m: %6.2f s, peak RSS %d MB, %s findings\n" "$(echo "$end - $start" | bc -l)" \
  "$(( $(tail -1 "$WORK/rss.txt") / 1024 ))" "$FOUND"
