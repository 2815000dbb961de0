#!/bin/sh
# gen-completion.sh BIN OUT - writes a bash completion script for scoutlab from its help texts:
# the commands from `BIN --help`, each command's options (every --word) from `BIN CMD --help`.
set -eu
bin=$1 out=$2
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
commands=$("$bin" --help | awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}')
{
  echo "# bash completion for scoutlab (generated from its --help texts by man/gen-completion.sh)"
  echo "_scoutlab() {"
  echo "  local cur=\${COMP_WORDS[COMP_CWORD]} cmd=\${COMP_WORDS[1]} opts"
  echo "  if [ \"\$COMP_CWORD\" -eq 1 ]; then"
  echo "    COMPREPLY=(\$(compgen -W \"$(echo $commands) help --help --version\" -- \"\$cur\"))"
  echo "    return"
  echo "  fi"
  echo "  case \$cmd in"
  for c in $commands; do
    opts=$("$bin" "$c" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | tr '\n' ' ')
    echo "    $c) opts=\"$opts--help\" ;;"
  done
  echo "    *) opts=\"\" ;;"
  echo "  esac"
  echo "  case \$cur in"
  echo "    -*) COMPREPLY=(\$(compgen -W \"\$opts\" -- \"\$cur\")) ;;"
  echo "    *) COMPREPLY=(\$(compgen -f -- \"\$cur\")) ;;"
  echo "  esac"
  echo "}"
  echo "complete -o filenames -F _scoutlab scoutlab"
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
