# Under a memory limit (ulimit -v) scoutlab works or stops with a message; it never spins in
# OpenBLAS (issue 16). Before: OpenBLAS's worker thread could not map its 128 MiB buffer and
# retried for ever, so every command, even --version, hung under 80-190 MiB; a fit hung under
# ~320 MiB. Now the program restarts itself with one OpenBLAS thread under a limit
# (analytics/cli/blas_threads.c) and a fit checks the room for the buffer first
# (analytics/lib/runtime_blas.c). docs/limits.md lists the minimum per command.
. "$SL_TESTS/cli/lib.sh"
small=102400  # KiB (100 MiB): above what squad needs on the demo data (~66 MiB), below a fit (~205 MiB)
roomy=409600  # KiB (400 MiB): a fit with room to spare
wait_s=120    # seconds: a hang is a failure, not a stuck suite
d="$SL_DATASETS"

# No limit can be set here, or this build cannot run under one at all (the sanitizers reserve
# terabytes of shadow memory; valgrind too): nothing to test.
if ! (ulimit -v "$roomy" 2> /dev/null && timeout "$wait_s" "$SCOUTLAB" --version > /dev/null 2>&1); then
  echo "skipped: this scoutlab cannot run under ulimit -v $roomy (sanitizer or valgrind build, or no limits here)" >&2
  exit 77
fi

limited() { # KiB cmd...: runs cmd under the limit; stdout to $out.txt, stderr to $out.err, status in $rc
  local kib=$1
  shift
  (ulimit -v "$kib" && exec timeout "$wait_s" "$@") > "$w/out.txt" 2> "$w/out.err"
  rc=$?
}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT

limited "$small" "$SCOUTLAB" --version
expect_eq "$rc" 0 "--version under 100 MiB (124 = hung)"

squad=(squad --stats "$d/players.csv" --season 2024 "Ambermouth City")
"$SCOUTLAB" "${squad[@]}" --format json > "$w/squad.json"
limited "$small" "$SCOUTLAB" "${squad[@]}" --format json
expect_eq "$rc" 0 "squad under 100 MiB (124 = hung)"
expect_golden "$w/squad.json" "$w/out.txt" "squad under 100 MiB gives what it gives without a limit"

message="not enough address space for the linear algebra: OpenBLAS maps 1 work buffer of 128 MiB at once"
ols=(ols "$d/transfers.csv" --y fee --x age,market_value)
limited "$small" "$SCOUTLAB" "${ols[@]}"
expect_eq "$rc" 1 "ols under 100 MiB: bad data's status, not a hang (124)"
expect_contains "$(cat "$w/out.err")" "$message" "ols under 100 MiB says why"
expect_contains "$(cat "$w/out.err")" "(ulimit -v) leaves no room for; raise the limit by at least 144 MiB" "ols says by how much"

limited "$small" "$SCOUTLAB" fit --transfers "$d/transfers.csv" -o "$w/m.slm"
expect_eq "$rc" 1 "fit under 100 MiB: an error, not a hang (124)"
expect_contains "$(cat "$w/out.err")" "$message" "fit says why (not 'no setting could be fitted')"
[ -e "$w/m.slm" ] && fail "fit under 100 MiB left a model file"

"$SCOUTLAB" "${ols[@]}" --format json > "$w/ols.json"
limited "$roomy" "$SCOUTLAB" "${ols[@]}" --format json
expect_eq "$rc" 0 "ols under 400 MiB"
expect_golden "$w/ols.json" "$w/out.txt" "ols under 400 MiB gives what it gives without a limit"

# A thread count the user set is lowered to what the limit has room for, with a note, instead of
# hanging (CI's run with OPENBLAS_NUM_THREADS=$(nproc) hung every command of this test).
limited "$small" env -u OMP_NUM_THREADS -u GOTO_NUM_THREADS OPENBLAS_NUM_THREADS=4 "$SCOUTLAB" --version
expect_eq "$rc" 0 "--version with 4 BLAS threads asked under 100 MiB (124 = hung)"
expect_contains "$(cat "$w/out.err")" \
  "scoutlab: note: 4 BLAS threads need about 600 MiB of address space, more than the limit of 100 MiB (ulimit -v): running with 1" \
  "the lowered thread count is said"
limited "$roomy" env -u OPENBLAS_NUM_THREADS -u GOTO_NUM_THREADS OMP_NUM_THREADS=8 "$SCOUTLAB" "${ols[@]}" --format json
expect_eq "$rc" 0 "ols with OMP_NUM_THREADS=8 under 400 MiB (124 = hung)"
expect_contains "$(cat "$w/out.err")" "8 BLAS threads need about 1144 MiB" "OMP_NUM_THREADS counts as OpenBLAS reads it"
expect_contains "$(cat "$w/out.err")" "limit of 400 MiB (ulimit -v): running with 2" "two fit in 400 MiB"
expect_golden "$w/ols.json" "$w/out.txt" "ols on the lowered thread count gives the same answer"
limited "$roomy" env -u OMP_NUM_THREADS -u GOTO_NUM_THREADS OPENBLAS_NUM_THREADS=2 "$SCOUTLAB" --version
expect_eq "$rc" 0 "--version with 2 BLAS threads under 400 MiB"
expect_eq "$(cat "$w/out.err")" "" "a count the limit has room for is kept without a note"

finish
