# Every file in tests/data/bad/ through `scoutlab check`: the output (numbers to a relative 1e-12,
# text exactly), messages and exit status are in <name>.expected (SL_UPDATE_GOLDEN=1 rewrites them; review the diff).
. "$SL_TESTS/cli/lib.sh"
dir="$SL_TEST_DATA/bad"
run() { # file -> normalised stdout+stderr and status
  "$SCOUTLAB" check "$1" 2>&1
  echo "exit status $?"
}
for f in "$dir"/*.csv; do
  got=$(run "$f" | sed "s|$dir/||g")
  exp="${f%.csv}.expected"
  if [ "${SL_UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$got" > "$exp"; continue; fi
  [ -f "$exp" ] || { fail "no expected output for $f"; continue; }
  expect_num_eq "$got" "$(cat "$exp")" "$(basename "$f")"
done

# Cases that cannot be committed as files: a directory, an unreadable file, a 50 MB field,
# a million columns.
tmp=$(mktemp -d); trap 'chmod -R u+rw "$tmp"; rm -rf "$tmp"' EXIT
mkdir "$tmp/dir.csv"
out=$("$SCOUTLAB" check "$tmp/dir.csv" 2>&1); st=$?
expect_eq "$st" 3 "directory: I/O exit status"
expect_contains "$out" "dir.csv: cannot read: Is a directory" "directory message"

printf 'a\n1\n' > "$tmp/unreadable.csv"; chmod 000 "$tmp/unreadable.csv"
if [ "$(id -u)" -ne 0 ]; then
  out=$("$SCOUTLAB" check "$tmp/unreadable.csv" 2>&1); st=$?
  expect_eq "$st" 3 "unreadable: I/O exit status"
  expect_contains "$out" "cannot open: Permission denied" "unreadable message"
else
  echo "note: running as root, chmod 000 does not stop reads: unreadable files are covered by /proc/self/mem in bad_commands.sh" >&2
fi

{ printf 'player,notes\nA,"'; head -c 52428800 /dev/zero | tr '\0' 'x'; printf '"\n'; } > "$tmp/bigfield.csv"
out=$("$SCOUTLAB" check "$tmp/bigfield.csv" 2>&1); st=$?
expect_eq "$st" 1 "50 MB field: data exit status"
expect_contains "$out" "bigfield.csv:2:2: a field longer than 16777216 bytes" "50 MB field message"

awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "c%d,", i; print "last" }' > "$tmp/wide.csv"
out=$("$SCOUTLAB" check "$tmp/wide.csv" 2>&1); st=$?
expect_eq "$st" 1 "million columns: data exit status"
expect_contains "$out" "wide.csv:1:20001: more than 20000 columns in the header" "million columns message"
finish
