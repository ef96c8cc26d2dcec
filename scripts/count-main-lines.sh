#!/usr/bin/env bash
# Counts the main Java code of the three modules as issue 13 measures it: files, all lines, and code lines
# (neither blank nor only comment). String and char literals are skipped over, so "http://" or "*/*"
# inside one is not taken for a comment.
# Usage: scripts/count-main-lines.sh [git revision]   (default: the work tree)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=('numbers-api-war/src/main/*.java' 'numbers-web-war/src/main/*.java' 'probe/src/main/*.java' 'src/main/*.java')
if [ $# -gt 0 ]; then
    files=$(git ls-tree -r --name-only "$1" | grep -E '^((numbers-api-war|numbers-web-war|probe)/)?src/main/.*\.java$' || true)
    show() { git show "$1:$2"; }
    rev=$1
else
    files=$(git ls-files -co --exclude-standard -- "${paths[@]}")
    show() { cat "$2"; }
    rev=""
fi
for f in $files; do show "$rev" "$f"; echo; done | awk -v files="$(echo "$files" | grep -c .)" '
{ all++; n=length($0); code=0; i=1
  while (i <= n) {
    c=substr($0,i,1); d=substr($0,i,2)
    if (inc) { if (d=="*/") { inc=0; i+=2 } else i++; continue }
    if (d=="//") break
    if (d=="/*") { inc=1; i+=2; continue }
    if (c=="\"" || c=="\x27") { q=c; code=1; i++
      while (i <= n) { e=substr($0,i,1); if (e=="\\") { i+=2; continue } ; i++; if (e==q) break }
      continue }
    if (c!=" " && c!="\t" && c!="\r") code=1
    i++
  }
  if (code) lines++ }
END { printf "files=%d lines=%d code=%d\n", files, all - files, lines }'
