#!/bin/bash
# growth.sh - does every command stay linear in its input? Times predict, fit, compare, similar,
# squad and report on their real inputs replicated 1x, 10x and 100x and prints the growth ratios
# (time at 10x / time at 1x, ...). A linear command shows ~10 per step; n log n a little more;
# a quadratic one ~100. Run on demand (never in CTest):
#
#   tests/bench/growth.sh build-bench/analytics/scoutlab [../shared/data]
#
# Inputs (../shared/data): predict: tm-values-2023/france.csv (it has a club column) with a model
# fitted once on transfers-tm; fit: all of transfers-tm as one file; compare, similar, squad:
# the FBref Big-5 2024/25 file; report: stats, values and transfers together. Copy c >= 2 of
# every row gets " #c" appended to its player and club names, so the names the commands look
# for stay unique and the copies are other players (a deduplicating step cannot fold them away).
# BENCH_SCALES (default "1 10 100") picks the scales; fit and report at 100x read a 1.7 GB
# transfers file and run for many minutes: they run only with BENCH_BIG=1. BENCH_RUNS (default
# 1) runs per point, median reported. Wall seconds and peak RSS from /usr/bin/time.
set -u
SL=${1:?usage: growth.sh path/to/scoutlab [shared-data-dir]}
S=${2:-$(dirname "$0")/../../../shared/data}
SCALES=${BENCH_SCALES:-1 10 100}
RUNS=${BENCH_RUNS:-1}
# BENCH_SKIP: commands left out, e.g. "report fit" (report at 10x ran over 15 minutes here).
SKIP=" ${BENCH_SKIP:-} "
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

# time_cmd LABEL CMD...: prints "wall_s peak_MiB" (median over RUNS), output discarded.
time_cmd() {
  local walls=() mems=() i
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f "%e %M" -o "$W/time" "$@" > /dev/null 2> "$W/err" || { echo "FAILED: $* ($(tail -2 "$W/err"))" >&2; echo "NA NA"; return; }
    read -r wall kb < "$W/time"
    walls+=("$wall"); mems+=("$((kb / 1024))")
  done
  local mw mm
  mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  mm=$(printf '%s\n' "${mems[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$mw $mm"
}

echo "# growth.sh $(date -u +%Y-%m-%dT%H:%MZ) $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null) scoutlab=$SL runs=$RUNS load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$SL" fit --transfers "$TM" -o "$W/tm.slm" --folds 1 > /dev/null 2>&1 || { echo "growth.sh: fitting the predict model failed" >&2; exit 1; }
declare -A T M
for k in $SCALES; do
  replicate "$STATS" "$W/stats$k.csv" "$k" Player Squad
  replicate "$VALUES" "$W/values$k.csv" "$k" Player club
  big=1; [ "$k" -ge 100 ] && [ "${BENCH_BIG:-0}" != 1 ] && big=0
  case "$SKIP" in *" fit "*) [ "$big" = 1 ] && case "$SKIP" in *" report "*) big=0 ;; esac ;; esac
  [ "$big" = 1 ] && replicate "$TM" "$W/tm$k.csv" "$k" name club
  echo "# scale ${k}x: stats $(($(stat -c %s "$W/stats$k.csv") / 1024)) KiB, values $(($(stat -c %s "$W/values$k.csv") / 1024)) KiB$([ "$big" = 1 ] && echo ", transfers $(($(stat -c %s "$W/tm$k.csv") / 1048576)) MiB"); load $(cut -d' ' -f1 /proc/loadavg)"
  read -r T[predict,$k] M[predict,$k] < <(time_cmd "$SL" predict --model "$W/tm.slm" "$W/values$k.csv")
  if [ "$big" = 1 ] && [[ "$SKIP" != *" fit "* ]]; then
    read -r T[fit,$k] M[fit,$k] < <(time_cmd "$SL" fit --transfers "$W/tm$k.csv" -o "$W/fit$k.slm" --folds 1)
  else T[fit,$k]=NA; M[fit,$k]=NA; fi
  read -r T[compare,$k] M[compare,$k] < <(time_cmd "$SL" compare --stats "$W/stats$k.csv" "Leonardo Balerdi" "Lucas Beraldo" "Willian Pacho")
  read -r T[similar,$k] M[similar,$k] < <(time_cmd "$SL" similar --stats "$W/stats$k.csv" "Leonardo Balerdi")
  read -r T[squad,$k] M[squad,$k] < <(time_cmd "$SL" squad --stats "$W/stats$k.csv" Marseille)
  if [ "$big" = 1 ] && [[ "$SKIP" != *" report "* ]]; then
    read -r T[report,$k] M[report,$k] < <(time_cmd "$SL" report --player "Leonardo Balerdi" --bid 25m --season 2024 \
      --stats "$W/stats$k.csv" --values "$W/values$k.csv" --transfers "$W/tm$k.csv" -o "$W/report$k")
  else T[report,$k]=NA; M[report,$k]=NA; fi
  for c in predict fit compare similar squad report; do echo "#   $c ${k}x: ${T[$c,$k]} s, ${M[$c,$k]} MiB"; done
  rm -f "$W/tm$k.csv"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || a == 0) print "-"; else printf "%.1f", b / a }'; }
printf '\n| command | %s | growth per 10x step | peak MiB at each scale |\n|---|%s---|---|\n' \
  "$(for k in $SCALES; do printf '%sx s | ' "$k"; done | sed 's/ | $//')" "$(for k in $SCALES; do printf -- '---:|'; done)"
for c in predict fit compare similar squad report; do
  prev=; steps=; times=; mems=
  for k in $SCALES; do
    times="$times${T[$c,$k]} | "; mems="$mems${M[$c,$k]} "
    [ -n "$prev" ] && steps="$steps$(ratio "${T[$c,$prev]}" "${T[$c,$k]}") "
    prev=$k
  done
  printf '| %s | %s%s | %s |\n' "$c" "$times" "${steps:--}" "$mems"
done
