#!/bin/sh
# Writes palmyra's man page: help2man on `palmyra --help`, with a section per
# command from `palmyra help COMMAND`, and the files and variables it reads.
#
#   make_man.sh BUILD/palmyra OUT.1
set -e
binary=$1
out=$2
include=$(mktemp)
trap 'rm -f "$include"' EXIT
{
  echo "[COMMANDS]"
  for command in code analyze validate export show stats dict completion; do
    echo ".SS \"palmyra $command\""
    echo ".nf"
    "$binary" help "$command" | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B PALMYRA_DATA_DIR, PALMYRA_MODEL_DIR, PALMYRA_WORDNET_DIR"
  echo "Folders of the dictionaries and tables, of the tagger model and gazetteer, and of"
  echo "WordNet, when the options do not name them (default: the installed"
  echo "share/palmyra/data and share/palmyra/model, else the build's)."
  echo ".TP"
  echo ".B NO_COLOR, TERM=dumb"
  echo "The progress line without escape sequences."
  echo "[EXIT STATUS]"
  echo "0 when everything was read, coded and written; 1 when anything was lost or"
  echo "skipped for an error; 2 for a usage error or when nothing could be started."
} > "$include"
help2man --no-info --no-discard-stderr --name="turn news articles into coded event data" \
  --include="$include" --output="$out" "$binary"
