#!/bin/sh
# install_test.sh BUILD_DIR SOURCE_DIR: installs into a scratch prefix and
# checks what a user of the installed copy gets. Fails with a message on
# the first thing missing or wrong.
set -e
build=$1
source=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$prefix" > /dev/null
[ -x "$prefix/bin/palmyra" ] || fail "no bin/palmyra"
[ -f "$prefix/share/palmyra/data/ontology/cameo.tsv" ] || fail "no installed data"
[ -f "$prefix/share/palmyra/model/tagger.bin" ] || fail "no installed model"
[ -f "$prefix/share/bash-completion/completions/palmyra" ] || fail "no bash completion"
if command -v help2man > /dev/null; then
  [ -f "$prefix/share/man/man1/palmyra.1" ] || fail "no man page"
  grep -q 'palmyra export' "$prefix/share/man/man1/palmyra.1" || fail "man page without commands"
fi
# The installed binary codes an article, with its own data and model
# (the gazetteer index is compiled into the user's cache on first use).
export XDG_CACHE_HOME="$prefix/cache"
unset PALMYRA_DATA_DIR PALMYRA_MODEL_DIR
printf 'Headline\n\nRussian jets bombed rebel positions near Idlib on Monday.\n' > "$prefix/a.txt"
out=$("$prefix/bin/palmyra" code --date 2016-03-17 "$prefix/a.txt" 2> "$prefix/err") ||
  fail "installed binary failed: $(cat "$prefix/err")"
echo "$out" | grep -q '"code":"195"' || fail "installed binary coded: $out"
# ... and reads the installed tables, not the source tree's: without its
# CAMEO table it cannot start.
rm "$prefix/share/palmyra/data/ontology/cameo.tsv"
if "$prefix/bin/palmyra" code "$prefix/a.txt" > /dev/null 2>&1; then
  fail "the installed binary did not read its installed data"
fi
# Completion: bash completes commands and options from the installed script.
if command -v bash > /dev/null; then
  got=$(bash -c ". '$prefix/share/bash-completion/completions/palmyra'
    COMP_WORDS=(palmyra exp); COMP_CWORD=1; _palmyra; echo \"\${COMPREPLY[*]}\"")
  [ "$got" = "export" ] || fail "completion of 'palmyra exp' gave '$got'"
  got=$(bash -c ". '$prefix/share/bash-completion/completions/palmyra'
    COMP_WORDS=(palmyra code --max-a); COMP_CWORD=2; _palmyra; echo \"\${COMPREPLY[*]}\"")
  [ "$got" = "--max-article-bytes" ] || fail "completion of 'palmyra code --max-a' gave '$got'"
fi
echo "install_test: installed and used from $prefix"
