#!/bin/bash
# squad_bench.sh - is `scoutlab squad` (and the chart and report that share its quality scores)
# O(n log n) in the rows of the stats file? On demand, never in CTest (issue 16):
#
#   tests/bench/squad_bench.sh build-bench/analytics/scoutlab [ROWS...]
#
# gen_squad.c replicates season 2024 of the bundled demo data (datasets/players.csv, 2,421 rows)
# to each size (default 12500 25000 50000 100000 200000 rows; copies get " #c" after player and
# club names, the leagues stay, so each league's peer pool grows with the file). Then it times,
# per size:
#   squad   scoutlab squad --stats FILE --season 2024 "Ambermouth City"
#   chart   scoutlab chart squad --stats FILE "Ambermouth City" -o x.svg   (only with gnuplot)
#   report  scoutlab report --club "Ambermouth City" --stats FILE --season 2024 --model demo.slm
#           --no-charts   (the model fitted once on datasets/transfers.csv, not timed)
# and prints the median wall and CPU (user + system) seconds (BENCH_RUNS runs, default 1), peak
# RSS, and the growth per 2x rows of the CPU time (the wall time of a loaded machine measures the
# other processes): ~2 is linear, ~2.1 n log n, ~4 quadratic. BENCH_SKIP="chart report" leaves some out;
# BENCH_TIMEOUT (default 300 s) stops a run that takes longer (reported as "> T").
# Each run waits for a quiet machine first (quiet.sh: BENCH_MAX_LOAD, BENCH_WAIT_MAX).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/quiet.sh"
SL=$(realpath "${1:?usage: squad_bench.sh path/to/scoutlab [ROWS...]}")
shift
SIZES=${*:-12500 25000 50000 100000 200000}
RUNS=${BENCH_RUNS:-1}
TIMEOUT=${BENCH_TIMEOUT:-300}
SKIP=" ${BENCH_SKIP:-} "
CLUB="Ambermouth City"
command -v gnuplot > /dev/null || SKIP="$SKIP chart "
W=$(mktemp -d /tmp/sl-squad-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
cc -std=c11 -O2 -o "$W/gen_squad" "$here/gen_squad.c" || exit 1
(cd "$root" && "$SL" fit --transfers datasets/transfers.csv -o "$W/demo.slm" > /dev/null) || { echo "squad_bench.sh: fit failed" >&2; exit 1; }

# timed CMD...: "wall_s cpu_s peak_MiB load" (medians over RUNS; the load average before the last
# run), output discarded; ">T NA NA load" on timeout.
timed() {
  local walls=() cpus=() mems=() i
  for ((i = 0; i < RUNS; i++)); do
    wait_quiet
    (cd "$root" && timeout "$TIMEOUT" /usr/bin/time -f "%e %U %S %M" -o "$W/time" "$@" > /dev/null 2> "$W/err")
    local rc=$?
    [ "$rc" = 124 ] && { echo ">$TIMEOUT >$TIMEOUT NA $QUIET_LOAD"; return; }
    [ "$rc" = 0 ] || { echo "FAILED: $* ($(tail -2 "$W/err"))" >&2; echo "NA NA NA $QUIET_LOAD"; return; }
    read -r wall user sys kb < "$W/time"
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"); mems+=("$((kb / 1024))")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $(printf '%s\n' "${mems[@]}" | median) $QUIET_LOAD"
}

echo "# squad_bench.sh $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$root" rev-parse --short HEAD 2>/dev/null) scoutlab=$SL runs=$RUNS, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A T C M L
COMMANDS="squad chart report"
for n in $SIZES; do
  f="$W/stats$n.csv"
  "$W/gen_squad" "$root/datasets/players.csv" 2024 "$n" > "$f" || exit 1
  for c in $COMMANDS; do
    case "$SKIP" in *" $c "*) T[$c,$n]=NA; C[$c,$n]=NA; M[$c,$n]=NA; continue ;; esac
    case $c in
    squad) read -r T[$c,$n] C[$c,$n] M[$c,$n] L[$c,$n] < <(timed "$SL" squad --stats "$f" --season 2024 "$CLUB") ;;
    chart) read -r T[$c,$n] C[$c,$n] M[$c,$n] L[$c,$n] < <(timed "$SL" chart squad --stats "$f" "$CLUB" -o "$W/squad$n.svg") ;;
    report) read -r T[$c,$n] C[$c,$n] M[$c,$n] L[$c,$n] < <(timed "$SL" report --club "$CLUB" --stats "$f" --season 2024 \
      --model "$W/demo.slm" --no-charts --quiet -o "$W/report$n") ;;
    esac
    echo "#   $c $n rows: ${T[$c,$n]} s wall, ${C[$c,$n]} s CPU, ${M[$c,$n]} MiB (load average before: ${L[$c,$n]})"
  done
  rm -f "$f"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || a == 0) print "-"; else printf "%.1f", b / a }'; }
printf '\n| command |'; for n in $SIZES; do printf ' %s rows: wall s (CPU s) |' "$n"; done
printf ' CPU growth per 2x rows | peak MiB |\n|---|'
for n in $SIZES; do printf -- '---:|'; done; printf -- '---|---|\n'
for c in $COMMANDS; do
  case "$SKIP" in *" $c "*) continue ;; esac
  prev=; steps=; mems=
  printf '| %s |' "$c"
  for n in $SIZES; do
    printf ' %s (%s) |' "${T[$c,$n]}" "${C[$c,$n]}"; mems="$mems${M[$c,$n]} "
    [ -n "$prev" ] && steps="$steps$(ratio "${C[$c,$prev]}" "${C[$c,$n]}") "
    prev=$n
  done
  printf ' %s | %s |\n' "${steps:--}" "$mems"
done
