# Shared helpers for the CLI tests (sourced, not a test itself: no .sh suffix would be globbed,
# so this file is excluded by name in tests/CMakeLists.txt).
set -u
fails=0
# The scripts' own awk, printf and sort use the C locale whatever the product runs under (.ci/run
# runs the suite under LC_ALL=de_DE.UTF-8, where bash's printf reads "1.5" as invalid and awk
# prints "1,50"): the product sees the caller's locale, the script's arithmetic never does.
awk() { LC_ALL=C command awk "$@"; }
printf() { LC_ALL=C builtin printf "$@"; }
sort() { LC_ALL=C command sort "$@"; }
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect_eq() { # got expected what
  if [ "$1" != "$2" ]; then fail "$3"; printf '  got:      %s\n  expected: %s\n' "$1" "$2" >&2; fi
}
# Numbers compared with a relative tolerance, everything else exactly (tests/tools/numdiff.h):
# never a 17-digit text diff, which breaks on the next machine's BLAS kernel. Extra arguments go
# to numdiff (--rel 1e-9 where R is the reference, --abs A for values that are zero exactly).
expect_num_eq() { # got expected what [numdiff options...]
  local got=$1 exp=$2 what=$3
  shift 3
  if ! "$NUMDIFF" "$@" <(printf '%s\n' "$exp") <(printf '%s\n' "$got") >&2; then
    fail "$what"
    printf '  got:      %s\n  expected: %s\n' "$got" "$exp" >&2
  fi
}
expect_golden() { # golden-file output-file what [numdiff options...]; JSON by value for *.json
  local golden=$1 output=$2 what=$3
  shift 3
  if ! "$NUMDIFF" "$@" "$golden" "$output" >&2; then fail "$what"; fi
}
expect_contains() { # haystack needle what
  case "$1" in *"$2"*) ;; *) fail "$3"; printf '  output does not contain: %s\n' "$2" >&2; printf '%s\n' "$1" | head -20 >&2 ;; esac
}
expect_not_contains() { # haystack needle what
  case "$1" in *"$2"*) fail "$3: found '$2'" ;; esac
}
need_shared() { # path
  if [ ! -e "$SL_SHARED_DATA/$1" ]; then echo "skipped: $SL_SHARED_DATA/$1 is absent" >&2; exit 77; fi
}
finish() { if [ "$fails" -ne 0 ]; then echo "$fails failures" >&2; exit 1; fi; echo ok; exit 0; }
