# Sourced by the benchmark scripts. `best_of N COMMAND…` runs the command N
# times and prints its shortest wall-clock time in seconds: the machine is
# shared, so the run least disturbed is the one reported.
best_of() {
  local runs=$1
  shift
  local best=1e9 start end
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    best=$(python3 -c "print(min($end - $start, $best))")
  done
  echo "$best"
}
