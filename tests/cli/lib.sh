# Shared helpers for the CLI tests (sourced, not a test itself: no .sh suffix would be globbed,
# so this file is excluded by name in tests/CMakeLists.txt).
set -u
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect_eq() { # got expected what
  if [ "$1" != "$2" ]; then fail "$3"; printf '  got:      %s\n  expected: %s\n' "$1" "$2" >&2; fi
}
expect_contains() { # haystack needle what
  case "$1" in *"$2"*) ;; *) fail "$3"; printf '  output does not contain: %s\n' "$2" >&2; printf '%s\n' "$1" | head -20 >&2 ;; esac
}
need_shared() { # path
  if [ ! -e "$SL_SHARED_DATA/$1" ]; then echo "skipped: $SL_SHARED_DATA/$1 is absent" >&2; exit 77; fi
}
finish() { if [ "$fails" -ne 0 ]; then echo "$fails failures" >&2; exit 1; fi; echo ok; exit 0; }
