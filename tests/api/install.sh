#!/bin/sh
# install.sh BUILD_DIR SOURCE_DIR - the installed tree works on its own, anywhere:
#   cmake --install into a fresh prefix, then MOVE the tree elsewhere (so nothing can come from
#   the build or source tree by absolute path), and from an unrelated directory:
#   - `scoutlab report` on the installed demo data (profiles, overrides, templates found in
#     ../share/scoutlab), `squad` keeps its quality component, `compare` and `similar` run;
#   - the C and C++ examples build with `pkg-config --cflags --libs scoutlab` and run;
#   - the examples build with find_package(scoutlab) (CMake package);
#   - the Python module imports from the installed tree and values the demo player;
#   - the man page renders; the bash completion loads; the README and docs/ are installed.
set -eu
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/first" >"$tmp/install.log"
mv "$tmp/first" "$tmp/moved"
P=$tmp/moved
D=$P/share/scoutlab/demo
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
unset SCOUTLAB_DATADIR SCOUTLAB_PLOTDIR
bad=0
check() { if ! "$@"; then echo "FAIL: $*"; bad=1; fi; }

# 0. The manual is installed beside the examples.
check test -s "$P/share/doc/scoutlab/README.md"
check test -s "$P/share/doc/scoutlab/docs/fee-model.md"
check test -s "$P/share/doc/scoutlab/docs/json.md"

# 1. The CLI.
check "$P/bin/scoutlab" --version
"$P/bin/scoutlab" report --player "Tobías Quirandel" --bid 25m --stats "$D/players.csv" --values "$D/values.csv" \
  --contracts "$D/contracts.csv" --transfers "$D/transfers.csv" --season 2024 -o "$tmp/report" >"$tmp/report.out" 2>&1 ||
  { echo "FAIL: report"; cat "$tmp/report.out"; bad=1; }
check test -s "$tmp/report/report.html"
check grep -q "Fair fee" "$tmp/report.out"
if grep -q "warning" "$tmp/report.out"; then echo "FAIL: report warned:"; cat "$tmp/report.out"; bad=1; fi
"$P/bin/scoutlab" squad --stats "$D/players.csv" --player "Tobías Quirandel" >"$tmp/squad.out" 2>&1 ||
  { echo "FAIL: squad"; cat "$tmp/squad.out"; bad=1; }
grep -E "^quality +[0-9]" "$tmp/squad.out" >/dev/null ||
  { echo "FAIL: squad lost its quality component:"; cat "$tmp/squad.out"; bad=1; }
"$P/bin/scoutlab" compare --stats "$D/players.csv" "Tobías Quirandel" "Diogo Lourça" >"$tmp/compare.out" 2>&1 ||
  { echo "FAIL: compare"; cat "$tmp/compare.out"; bad=1; }
"$P/bin/scoutlab" similar --stats "$D/players.csv" "Tobías Quirandel" >"$tmp/similar.out" 2>&1 ||
  { echo "FAIL: similar"; cat "$tmp/similar.out"; bad=1; }
if command -v gnuplot >/dev/null; then
  "$P/bin/scoutlab" chart radar --stats "$D/players.csv" "Tobías Quirandel" "Diogo Lourça" -o "$tmp/radar.png" >"$tmp/chart.out" 2>&1 ||
    { echo "FAIL: chart"; cat "$tmp/chart.out"; bad=1; }
fi

# 2. The examples with pkg-config (RUNPATH to the moved lib: nothing else knows where it is).
export PKG_CONFIG_PATH=$P/lib/pkgconfig
flags=$(pkg-config --cflags --libs scoutlab)
check cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$P/share/doc/scoutlab/examples/value_player.c" $flags \
  -Wl,-rpath,"$P/lib" -o "$tmp/value_player"
check "$tmp/value_player" "$D" "$tmp/example-report"
check test -s "$tmp/example-report/report.md"
if command -v c++ >/dev/null; then
  check c++ -std=c++11 -Wall -Wextra -Werror "$P/share/doc/scoutlab/examples/value_player.cpp" $flags \
    -Wl,-rpath,"$P/lib" -o "$tmp/value_player_cxx"
  check "$tmp/value_player_cxx" "$D"
  # One player, one answer: the C and C++ examples read the same files the same way.
  c_fee=$("$tmp/value_player" "$D" "$tmp/example-report2" | sed -n 's/.*fair fee EUR \([0-9]*\).*/\1/p')
  cxx_fee=$("$tmp/value_player_cxx" "$D" | sed -n 's/.*fair fee EUR \([0-9]*\).*/\1/p')
  [ -n "$c_fee" ] && [ "$c_fee" = "$cxx_fee" ] || { echo "FAIL: C gives '$c_fee', C++ '$cxx_fee'"; bad=1; }
fi

# 3. find_package(scoutlab).
if cmake -S "$P/share/doc/scoutlab/examples" -B "$tmp/ex-build" -DCMAKE_PREFIX_PATH="$P" >"$tmp/ex.log" 2>&1 &&
  cmake --build "$tmp/ex-build" >>"$tmp/ex.log" 2>&1; then
  check "$tmp/ex-build/value_player_cxx" "$D"
else
  echo "FAIL: examples with find_package(scoutlab)"; cat "$tmp/ex.log"; bad=1
fi
# scoutlab_DATADIR names the installed data (a static link's sl_data_file needs it).
mkdir -p "$tmp/dd" && cat >"$tmp/dd/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.16)
project(dd C)
find_package(scoutlab REQUIRED)
if(NOT EXISTS "${scoutlab_DATADIR}/profiles.csv")
  message(FATAL_ERROR "scoutlab_DATADIR '${scoutlab_DATADIR}' holds no profiles.csv")
endif()
CM
cmake -S "$tmp/dd" -B "$tmp/dd/b" -DCMAKE_PREFIX_PATH="$P" >"$tmp/dd.log" 2>&1 ||
  { echo "FAIL: scoutlab_DATADIR"; cat "$tmp/dd.log"; bad=1; }

# 4. Python, from the installed tree only.
if [ -x /usr/bin/python3 ]; then
  PYTHONPATH=$P/lib/python3/dist-packages /usr/bin/python3 -c '
import sys, scoutlab
d = sys.argv[1]
v = scoutlab.value("Tobías Quirandel", bid=25e6, transfers=[d + "/transfers.csv"], data=[d + "/values.csv"])
assert v["fair_fee"] > 1e6 and v["fee_low"] < v["fair_fee"] < v["fee_high"], v
print("python (installed): %s fair fee %.0f" % (v["player"], v["fair_fee"]))' "$D" || { echo "FAIL: python"; bad=1; }
fi

# 5. Man page and completion.
check test -s "$P/share/man/man1/scoutlab.1"
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$P/share/man/man1/scoutlab.1" 2>&1 | grep -q "scoutlab value" || { echo "FAIL: man page"; bad=1; }
fi
check bash -c ". '$P/share/bash-completion/completions/scoutlab' && complete -p scoutlab"
exit $bad
