#!/usr/bin/env bash
# Wall time of `sprawl scan git` on a large history next to `git log -p -U0 --full-history --all` (what
# gitleaks and TruffleHog read) on the same repository in the same run, the peak RSS of both, and a
# check that the scan found every GitHub token the history added.
#
# Usage: bench/scan-history.sh [COMMITS]     generate (once, ~5 min) and use a COMMITS-commit history (default 50000)
#        REPO=/path/to/repo bench/scan-history.sh   use any repository you have instead
# The Java heap is capped at 1 GB (HEAP=...), so a run that needed more would fail here.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMITS="${1:-50000}"
RUNS="${RUNS:-3}"
HEAP="${HEAP:-1g}"
WORK=bench/work
JAR=target/sprawl.jar
mkdir -p "$WORK"
[ -f "$JAR" ] || mvn -q -B -DskipTests package
export XDG_CONFIG_HOME="$PWD/$WORK/xdg-config"

REPO="${REPO:-$WORK/history-$COMMITS}"
if [ ! -d "$REPO" ]; then
  echo "generating a $COMMITS-commit history in $REPO (once; several minutes)..."
  java bench/GenerateHistory.java "$REPO" "$COMMITS"
fi
echo "repository: $REPO"
echo "  commits: $(git -C "$REPO" rev-list --all --count), refs: $(git -C "$REPO" for-each-ref | wc -l), pack: $(du -sh "$REPO" | cut -f1)"

# warm the page cache and the JIT-free parts of both tools once
git -C "$REPO" log -p -U0 --full-history --all > /dev/null

seconds() { echo "$2 - $1" | bc -l; }

time_git() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/git-rss.txt" git -C "$REPO" log -p -U0 --full-history --all > "$WORK/git-log.txt"
  end=$(date +%s.%N)
  seconds "$start" "$end"
}

time_sprawl() {
  local start end status
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -f "%M" -o "$WORK/sprawl-rss.txt" java -Xmx"$HEAP" -jar "$JAR" scan git "$REPO" \
      --format json --output "$WORK/history.json" --quiet
  status=$?
  set -e
  end=$(date +%s.%N)
  [ "$status" -le 1 ] || { echo "sprawl scan git failed with exit $status" >&2; exit "$status"; }
  seconds "$start" "$end"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

git_times=(); sprawl_times=()
for i in $(seq "$RUNS"); do
  g=$(time_git); s=$(time_sprawl)
  git_times+=("$g"); sprawl_times+=("$s")
  printf "run %d: git log -p %6.2f s (%d MB RSS)   sprawl scan git %6.2f s (%d MB RSS)\n" "$i" "$g" \
      $(( $(tail -1 "$WORK/git-rss.txt") / 1024 )) "$s" $(( $(tail -1 "$WORK/sprawl-rss.txt") / 1024 ))
done
gm=$(printf "%s\n" "${git_times[@]}" | median)
sm=$(printf "%s\n" "${sprawl_times[@]}" | median)
printf "median: git log -p -U0 --full-history --all %.2f s, sprawl scan git %.2f s (heap capped at %s): ratio %.2f\n" \
    "$gm" "$sm" "$HEAP" "$(echo "$sm / $gm" | bc -l)"

# every (file, token) pair the history added, as git itself prints it, against what the scan reported
python3 - "$WORK/history.json" "$WORK/git-log.txt" <<'EOF'
import json, re, sys
added, path = set(), None
with open(sys.argv[2], encoding="utf-8", errors="replace") as log:
    for line in log:
        if line.startswith("+++ "):
            path = line[6:].rstrip("\n") if line.startswith("+++ b/") else None
        elif line.startswith("+") and path:
            added.update((path, t) for t in re.findall(r"ghp_[A-Za-z0-9]{36}", line))
report = json.load(open(sys.argv[1]))
tokens = [f for f in report["findings"] if f["ruleId"] == "github-pat-classic"]
intro = sum(1 + len(f.get("otherOccurrences", [])) for f in tokens)
print(f"github tokens: {len(tokens)} findings ({intro} introductions); git log -p added {len(added)} distinct (file, token) pairs"
      + ("  -> agree" if len(tokens) == len(added) else "  -> DIFFER"))
print(f"all findings: {report['summary']['findings']}, hunks scanned: {report['summary']['scanned']}, "
      f"MB scanned: {report['summary']['bytes'] / 1048576:.1f}, skipped: {report['summary']['skipped']}")
EOF
rm -f "$WORK/git-log.txt"
