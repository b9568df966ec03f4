#!/usr/bin/env bash
# Compares two release binaries side by side on the benchmark corpus of
# scripts/bench.sh: the whole corpus with JSON output, then one 100 KB
# document, process start included. The two run by turns, and which goes
# first alternates from one round to the next, so a busy moment of this shared
# machine falls on both alike; the medians are compared. It also checks that
# both write the same JSON (the profile's SHA-256 aside).
#
#   scripts/bench_ab.sh OLD NEW [RUNS] [FILES] [KB]
#
# OLD is typically the release binary of the starting commit, built in a
# second worktree and copied aside (for example to /tmp/klausul-before).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: scripts/bench_ab.sh OLD NEW [RUNS] [FILES] [KB]" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
runs=${3:-30}
files=${4:-500}
kb=${5:-100}
corpus=target/bench-corpus-$files-$kb
[ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" "$files" "$kb"
one="$corpus/$(ls "$corpus" | sed -n 1p)"
# The same JSON, but for the profile's SHA-256: an edit to a rule file
# changes that without changing the work.
same_json() {
  python3 - "$old" "$new" "$corpus" <<'PY'
import json, subprocess, sys
def report(binary):
    out = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", sys.argv[3]],
                         capture_output=True, check=True).stdout
    data = json.loads(out)
    data["profile"].pop("sha256", None)
    return data
sys.exit(0 if report(sys.argv[1]) == report(sys.argv[2]) else 1)
PY
}
if ! same_json; then
  echo "bench_ab: the two binaries write different JSON for $corpus" >&2
  exit 1
fi
# The kernel of this machine drops idle cached files within seconds.
cat "$corpus"/* > /dev/null
python3 - "$old" "$new" "$corpus" "$one" "$runs" <<'PY'
import resource, statistics, subprocess, sys, time
old, new, corpus, one, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])

def timed(binary, target):
    """Wall time, and the CPU time (user + system) of the run and its threads."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "check", "--format", "json", target],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu

def compare(label, target):
    times = {old: [], new: []}
    for i in range(runs):
        order = (old, new) if i % 2 == 0 else (new, old)
        for binary in order:
            times[binary].append(timed(binary, target))
    print(f"{label} ({runs} runs of each, by turns):")
    # CPU time is the steadier of the two on a shared machine: another
    # tenant's load lengthens the wall time far more than the work.
    for name, k in (("wall", 0), ("cpu ", 1)):
        a = [t[k] for t in times[old]]
        b = [t[k] for t in times[new]]
        m_old, m_new = statistics.median(a), statistics.median(b)
        print(f"  {name}: median {m_old * 1000:.1f} -> {m_new * 1000:.1f} ms "
              f"({(m_new / m_old - 1) * 100:+.1f} %), best {min(a) * 1000:.1f} -> "
              f"{min(b) * 1000:.1f} ms")

compare("corpus", corpus)
compare("one document", one)
PY
