#!/bin/sh
# gen-man.sh BIN OUT VERSION - writes the scoutlab(1) man page from the CLI's own help texts:
# `BIN --help` gives the command list, `BIN CMD --help` each command's section, so the page
# cannot drift from the program. Run at build time (man/CMakeLists.txt); roff-escapes the text.
set -eu
bin=$1 out=$2 version=$3
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT

# Backslashes first, then a leading dot or quote would start a roff request; '-' stays a hyphen.
esc() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/-/\\-/g'; }

commands=$("$bin" --help | awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}')
{
  echo ".TH SCOUTLAB 1 \"\" \"scoutlab $version\" \"User Commands\""
  echo ".SH NAME"
  echo "scoutlab \\- player valuation and squad analytics"
  echo ".SH SYNOPSIS"
  echo ".B scoutlab"
  echo ".I COMMAND"
  echo "[options]"
  echo ".SH DESCRIPTION"
  echo ".nf"
  "$bin" --help | esc
  echo ".fi"
  echo ".SH COMMANDS"
  for c in $commands; do
    echo ".SS $c"
    echo ".nf"
    "$bin" "$c" --help | esc
    echo ".fi"
  done
  echo ".SH ENVIRONMENT"
  echo ".TP"
  echo ".B SCOUTLAB_DATADIR"
  echo "Directory of the bundled data (profiles.csv, positions\\-override.csv, plots/); replaces the"
  echo "installed share/scoutlab, which is otherwise found relative to the executable."
  echo ".TP"
  echo ".B SCOUTLAB_PLOTDIR"
  echo "Directory of the gnuplot chart templates (default: plots/ in the data directory)."
  echo ".TP"
  echo ".B SCOUTLAB_GNUPLOT"
  echo "The gnuplot program to run for charts (default: gnuplot on PATH)."
  echo ".SH EXIT STATUS"
  echo "0 ok, 1 bad data, 2 usage, 3 input/output, 4 external tool."
  echo ".SH FILES"
  echo "share/scoutlab/ under the installation prefix: role profiles, position overrides, chart"
  echo "templates and the fictional demo data (demo/)."
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
