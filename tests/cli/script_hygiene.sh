# The test scripts themselves depend on neither the locale, the time zone nor the path: every other
# tests/cli/*.sh runs again with its own environment under a decimal-comma locale (de_DE.UTF-8,
# which .ci/setup test generates), TZ=Pacific/Chatham (UTC+12:45/+13:45) and every path it is
# given (tests, data, the scoutlab binary) under a directory whose name has a space. The product
# is pinned to LC_ALL=C and TZ=UTC here through a wrapper, so a failure is the script's own: an
# unquoted path, an awk/printf that prints "1,5", a date that moves with the zone. The product
# under those locales and zones is .ci/run's job (the whole suite under LC_ALL=de_DE.UTF-8 and
# TZ=Pacific/Chatham, and again from a checkout in a directory with a space).
. "$SL_TESTS/cli/lib.sh"
if [ "${SL_SANITIZED:-0}" = 1 ]; then
  echo "skipped: a sanitizer build (the scripts are the same; the plain build checks them)" >&2
  exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
space="$tmp/with space"
mkdir -p "$space/bin"
# Symlinks are enough: every path a script builds from SL_TESTS, SL_TEST_DATA, ... has the space.
ln -s "$SL_TESTS" "$space/tests"
ln -s "$SL_DATASETS" "$space/datasets"
ln -s "$SL_PLOTS" "$space/plots"
ln -s "$SL_SHARED_DATA" "$space/shared"
cat > "$space/bin/scoutlab" <<EOF
#!/bin/sh
LC_ALL=C TZ=UTC exec "$SCOUTLAB" "\$@"
EOF
cp "$NUMDIFF" "$space/bin/numdiff"
chmod +x "$space/bin/scoutlab"

# A locale whose decimal separator is a comma: de_DE.UTF-8, or any other generated one.
comma_locale=""
for l in de_DE.UTF-8 $(locale -a 2>/dev/null | grep -iE '^(de|fr|es|it|nl|pt|ru)_.*utf-?8$'); do
  if [ "$(LC_ALL=$l command printf '%.1f' 1 2>/dev/null)" = "1,0" ]; then comma_locale=$l; break; fi
done
if [ -z "$comma_locale" ]; then
  echo "note: no decimal-comma locale is generated (.ci/setup test generates de_DE.UTF-8): scripts run under C" >&2
  comma_locale=C
fi

n=0
for s in "$space"/tests/cli/*.sh; do
  name=$(basename "$s" .sh)
  case $name in lib | script_hygiene) continue ;; esac
  out=$(cd "$space" && LC_ALL=$comma_locale TZ=Pacific/Chatham SCOUTLAB="$space/bin/scoutlab" \
    NUMDIFF="$space/bin/numdiff" SL_TESTS="$space/tests" SL_TEST_DATA="$space/tests/data" \
    SL_DATASETS="$space/datasets" SL_PLOTS="$space/plots" SL_SHARED_DATA="$space/shared" bash "$s" 2>&1)
  st=$?
  case $st in
    0 | 77) n=$((n + 1)) ;;
    *) fail "$name.sh under LC_ALL=$comma_locale, TZ=Pacific/Chatham, from '$space' (status $st)"
       printf '%s\n' "$out" | grep -v '^ok$' | tail -15 | sed 's/^/    /' >&2 ;;
  esac
done
[ "$n" -gt 0 ] || [ "$fails" -gt 0 ] || fail "no test script found under $space/tests/cli"
echo "$n scripts pass under LC_ALL=$comma_locale, TZ=Pacific/Chatham and a path with a space" >&2
finish
