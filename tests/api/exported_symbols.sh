#!/bin/sh
# exported_symbols.sh LIB INCLUDE_DIR... - every symbol libscoutlab.so exports is an sl_ name
# declared in a public header (include/scoutlab/*.h, the generated version.h): private helpers
# stay hidden (-fvisibility=hidden; the headers' SL_BEGIN_DECLS exports what they declare).
set -eu
lib=$1
shift
command -v nm >/dev/null || { echo "skip: nm not found (apt-get install binutils)"; exit 77; }
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort -u)
declared=$(cat "$@" | grep -oE '\bsl_[A-Za-z0-9_]+' | sort -u)
n=$(printf '%s\n' "$exported" | grep -c . || true)
bad=0
for s in $exported; do
  case $s in
    sl_*) printf '%s\n' "$declared" | grep -qx "$s" || { echo "exported but not in a public header: $s"; bad=1; } ;;
    _init | _fini | _edata | _end | __bss_start) ;;
    *) echo "exported symbol without the sl_ prefix: $s"; bad=1 ;;
  esac
done
[ "$n" -gt 100 ] || { echo "only $n exported symbols: is the public API hidden too?"; bad=1; }
echo "$n exported symbols checked"
exit $bad
