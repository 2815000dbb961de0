#!/bin/bash
# growth.sh - does every command stay linear in its input? Times predict, fit, compare, similar,
# squad and report on their real inputs replicated 1x, 10x and 100x and prints the growth ratios
# of the CPU time (user + system) per 10x step: ~10 is linear, a little more n log n, ~100
# quadratic. CPU time, because the wall time of a loaded shared machine measures the other
# processes. Run on demand (never in CTest):
#
#   tests/bench/growth.sh build-bench/analytics/scoutlab [../shared/data]
#
# Inputs (../shared/data): predict: tm-values-2023/france.csv (it has a club column) with a model
# fitted once on transfers-tm; fit: all of transfers-tm as one file; compare, similar, squad:
# the FBref Big-5 2024/25 file; report: stats, values and transfers together. Copy c >= 2 of
# every row gets " #c" appended to its player and club names, so the names the commands look
# for stay unique and the copies are other players (a deduplicating step cannot fold them away).
# The leagues and countries stay, so more of them pass the fee model's 25-deal level threshold
# as the file grows: the model itself gets wider (its design columns are printed per scale), and
# a fit costs ~n p^2, so fit and report grow by more than 10 per step even when every pass is
# linear in the rows (10 x (p2/p1)^2 is printed beside them as the n p^2 expectation).
#
# Knobs: BENCH_SCALES (default "1 10 100"); fit and report at 100x read a 1.7 GB transfers
# file (~5 GB RSS) and run for minutes: only with BENCH_BIG=1. BENCH_SKIP: commands left out,
# e.g. "report fit". BENCH_RUNS (default 1) runs per point, median reported. BENCH_TIMEOUT
# (default 1800 s) stops a run (shown as ">T"). Each run waits for a quiet machine first
# (quiet.sh: BENCH_MAX_LOAD, default 0.8, BENCH_WAIT_MAX, BENCH_WAIT_TOTAL). Wall and CPU seconds
# and peak RSS from /usr/bin/time; the load average before each run is printed.
set -u
SL=${1:?usage: growth.sh path/to/scoutlab [shared-data-dir]}
S=${2:-$(dirname "$0")/../../../shared/data}
SCALES=${BENCH_SCALES:-1 10 100}
RUNS=${BENCH_RUNS:-1}
TIMEOUT=${BENCH_TIMEOUT:-1800}
SKIP=" ${BENCH_SKIP:-} "
. "$(dirname "$0")/quiet.sh"
W=$(mktemp -d /tmp/sl-growth.XXXXXX)
trap 'rm -rf "$W"' EXIT
STATS="$S/fbref-big5-2024-25/players_data-2024_2025.csv"
VALUES="$S/tm-values-2023/france.csv"
TM="$S/transfers-tm"
for f in "$STATS" "$VALUES" "$TM"; do [ -e "$f" ] || { echo "growth.sh: $f is absent" >&2; exit 1; }; done

# replicate IN OUT K COLUMN...: the header, then K copies of the rows (names suffixed " #c").
replicate() {
  /usr/bin/python3 - "$@" <<'PY'
import csv, glob, os, sys
src, out, k, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
files = sorted(f for f in glob.glob(os.path.join(src, "**", "*.csv"), recursive=True)
               if os.path.getsize(f) > 0) if os.path.isdir(src) else [src]
header, rows = None, []
for f in files:
    with open(f, newline="", encoding="utf-8") as fh:
        r = csv.reader(fh)
        h = next(r)
        if header is None: header = h
        if h != header: continue  # every transfers-tm file has the same header
        rows.extend(r)
idx = [header.index(c) for c in cols if c in header]
with open(out, "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(header)
    for c in range(1, k + 1):
        for row in rows:
            if c > 1:
                row = list(row)
                for i in idx:
                    if i < len(row) and row[i]: row[i] = row[i].strip() + " #%d" % c
            w.writerow(row)
PY
}

# time_cmd CMD...: prints "wall_s cpu_s peak_MiB load" (medians over RUNS; the load average
# before the last run); the last run's stdout is kept in $W/out. ">T >T NA load" on timeout.
time_cmd() {
  local walls=() cpus=() mems=() i rc
  for ((i = 0; i < RUNS; i++)); do
    wait_quiet
    timeout "$TIMEOUT" /usr/bin/time -f "%e %U %S %M" -o "$W/time" "$@" > "$W/out" 2> "$W/err"
    rc=$?
    [ "$rc" = 124 ] && { echo ">$TIMEOUT >$TIMEOUT NA $QUIET_LOAD"; return; }
    [ "$rc" = 0 ] || { echo "FAILED: $* ($(tail -2 "$W/err"))" >&2; echo "NA NA NA $QUIET_LOAD"; return; }
    read -r wall user sys kb < "$W/time"
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"); mems+=("$((kb / 1024))")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $(printf '%s\n' "${mems[@]}" | median) $QUIET_LOAD"
}

# fit_columns: "deals columns" of the fee model whose summary is in $W/out (columns = deals -
# residual df, from "coefficients (log EUR; OLS, N deals, ... on DF df)").
fit_columns() {
  sed -n 's/^coefficients (log EUR; [A-Za-z]*, \([0-9]*\) deals,.* on \([0-9]*\) df).*/\1 \2/p' "$W/out" |
    awk '{ print $1, $1 - $2 }' | head -1
}

echo "# growth.sh $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null) scoutlab=$SL runs=$RUNS load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$SL" fit --transfers "$TM" -o "$W/tm.slm" --folds 1 > /dev/null 2>&1 || { echo "growth.sh: fitting the predict model failed" >&2; exit 1; }
declare -A T C M L P
COMMANDS="predict fit compare similar squad report"
for k in $SCALES; do
  replicate "$STATS" "$W/stats$k.csv" "$k" Player Squad
  replicate "$VALUES" "$W/values$k.csv" "$k" Player club
  big=1; [ "$k" -ge 100 ] && [ "${BENCH_BIG:-0}" != 1 ] && big=0
  case "$SKIP" in *" fit "*) case "$SKIP" in *" report "*) big=0 ;; esac ;; esac
  [ "$big" = 1 ] && replicate "$TM" "$W/tm$k.csv" "$k" name club
  echo "# scale ${k}x: stats $(($(stat -c %s "$W/stats$k.csv") / 1024)) KiB, values $(($(stat -c %s "$W/values$k.csv") / 1024)) KiB$([ "$big" = 1 ] && echo ", transfers $(($(stat -c %s "$W/tm$k.csv") / 1048576)) MiB")"
  for c in $COMMANDS; do
    T[$c,$k]=NA; C[$c,$k]=NA; M[$c,$k]=NA; L[$c,$k]=-
    case "$SKIP" in *" $c "*) continue ;; esac
    case $c in fit | report) [ "$big" = 1 ] || continue ;; esac
    case $c in
    predict) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" predict --model "$W/tm.slm" "$W/values$k.csv") ;;
    fit) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" fit --transfers "$W/tm$k.csv" -o "$W/fit$k.slm" --folds 1)
      P[$k]=$(fit_columns); P[$k]=${P[$k]:-NA NA} ;;
    compare) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" compare --stats "$W/stats$k.csv" "Leonardo Balerdi" "Lucas Beraldo" "Willian Pacho") ;;
    similar) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" similar --stats "$W/stats$k.csv" "Leonardo Balerdi") ;;
    squad) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" squad --stats "$W/stats$k.csv" Marseille) ;;
    report) read -r T[$c,$k] C[$c,$k] M[$c,$k] L[$c,$k] < <(time_cmd "$SL" report --player "Leonardo Balerdi" --bid 25m --season 2024 \
      --stats "$W/stats$k.csv" --values "$W/values$k.csv" --transfers "$W/tm$k.csv" -o "$W/report$k") ;;
    esac
    echo "#   $c ${k}x: ${T[$c,$k]} s wall, ${C[$c,$k]} s CPU, ${M[$c,$k]} MiB (load average before: ${L[$c,$k]})$([ "$c" = fit ] && [ -n "${P[$k]:-}" ] && echo "; ${P[$k]% *} deals, ${P[$k]#* } model columns")"
  done
  rm -f "$W/tm$k.csv" "$W/stats$k.csv"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || a == 0) print "-"; else printf "%.1f", b / a }'; }
# n p^2 expectation of a 10x step from p1 to p2 model columns
np2() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9]+$/ || b !~ /^[0-9]+$/ || a == 0) print "-"; else printf "%.1f", 10 * (b / a) ^ 2 }'; }
printf '\n| command |'; for k in $SCALES; do printf ' %sx: wall s (CPU s) |' "$k"; done
printf ' CPU growth per 10x step | peak MiB |\n|---|'
for k in $SCALES; do printf -- '---:|'; done; printf -- '---|---|\n'
for c in $COMMANDS; do
  prev=; steps=; mems=
  printf '| %s |' "$c"
  for k in $SCALES; do
    printf ' %s (%s) |' "${T[$c,$k]}" "${C[$c,$k]}"; mems="$mems${M[$c,$k]} "
    [ -n "$prev" ] && steps="$steps$(ratio "${C[$c,$prev]}" "${C[$c,$k]}") "
    prev=$k
  done
  printf ' %s | %s |\n' "${steps:--}" "$mems"
done
widths=; expects=; prev=
for k in $SCALES; do
  [ -n "${P[$k]:-}" ] || continue
  widths="$widths ${k}x ${P[$k]#* },"
  [ -n "$prev" ] && expects="$expects $(np2 "${P[$prev]#* }" "${P[$k]#* }"),"
  prev=$k
done
if [ -n "$expects" ]; then echo "fee model design columns:${widths%,}; a fit costing n p^2 would grow by${expects%,} per step"
elif [ -n "$widths" ]; then echo "fee model design columns:${widths%,}"; fi
echo "load averages seen before the runs: $(for c in $COMMANDS; do for k in $SCALES; do echo "${L[$c,$k]}"; done; done | grep -v '^-$' | sort -g | sed -n '1p;$p' | paste -sd- -)"
