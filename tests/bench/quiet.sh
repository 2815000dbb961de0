# quiet.sh - sourced by the benchmark scripts: wait for a quiet machine before each measurement.
# The machine is shared (other people's fuzzers and valgrind runs), so a timing taken under load
# measures them, not us. wait_quiet polls the 1-minute load average every BENCH_POLL seconds
# until it is below BENCH_MAX_LOAD, for at most BENCH_WAIT_MAX seconds; then it measures anyway
# and says so. BENCH_WAIT_TOTAL (seconds, default unlimited) caps the waiting of a whole script
# run, for a machine that never gets quiet: once spent, later runs start at once (and the loads
# they saw are reported). It sets QUIET_LOAD to the load average seen when the measurement started, and
# appends it to the file named by QUIET_LOG (if set) so a run can report the range it saw.
BENCH_MAX_LOAD=${BENCH_MAX_LOAD:-0.8}
BENCH_POLL=${BENCH_POLL:-30}
BENCH_WAIT_MAX=${BENCH_WAIT_MAX:-1200}
BENCH_WAIT_TOTAL=${BENCH_WAIT_TOTAL:-}
QUIET_WAITED=0

wait_quiet() {
  local waited=0 load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$BENCH_MAX_LOAD" 'BEGIN { exit !(l < m) }'; then break; fi
    if [ "$waited" -ge "$BENCH_WAIT_MAX" ] || { [ -n "$BENCH_WAIT_TOTAL" ] && [ "$QUIET_WAITED" -ge "$BENCH_WAIT_TOTAL" ]; }; then
      echo "  (load average still $load after ${waited} s: measuring anyway)" >&2
      break
    fi
    [ "$waited" -eq 0 ] && echo "  waiting for load average < $BENCH_MAX_LOAD (now $load)..." >&2
    sleep "$BENCH_POLL"
    waited=$((waited + BENCH_POLL))
    QUIET_WAITED=$((QUIET_WAITED + BENCH_POLL))
  done
  QUIET_LOAD=$load
  [ -n "${QUIET_LOG:-}" ] && echo "$load" >> "$QUIET_LOG"
  return 0
}

# Median of the numbers on stdin (one per line); the mean of the middle two for an even count.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "min-max" of the loads in QUIET_LOG.
load_range() {
  sort -g "$QUIET_LOG" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'
}
