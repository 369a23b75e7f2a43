#!/bin/sh
# accelscope and VisiData on the same files, each on a pseudo-terminal of
# 120x40 (tests/bench/firstframe): the time to the first frame, to the
# whole file loaded, and to a filtered view (the rows whose notes match
# /liquid|spot/), and peak memory.  VisiData (Debian package visidata) is
# skipped when it is not installed.  The bundled dataset's first frame too.
#
#   sh tests/bench/compare.sh BUILDDIR ROWS...
B=${1:-build}
shift
FF=$B/bench/firstframe
PROG=$B/accelscope

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# calc FORMAT EXPR: the expression's value, printed by FORMAT.
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# row LABEL VALUES...: one line of the table.
row() { printf '%-28s' "$1"; shift; printf ' %10s' "$@"; echo; }

echo "== the bundled dataset: first frame (median of 9)"
i=0
while [ $i -lt 9 ]; do
	"$FF" -w "1 Matrix" -s q -- "$PROG" | sed -n 1p
	i=$((i + 1))
done | median | sed 's/^/accelscope  /; s/$/ s/'

for n in "$@"; do
	f=$B/bench/rows-$n.csv
	# The rows that match, as the filter language counts them.
	match=$("$PROG" view "$f" --filter 'notes ~ /liquid|spot/' \
	    --columns id --format tsv | tail -n +2 | wc -l)
	echo "== $n rows ($(du -m "$f" | cut -f1) MB), $match match"
	row "" "first frame" "all loaded" "filtered" "memory MB"
	set -- $("$FF" -w "row 1 of $n" -s '&notes ~ /liquid|spot/\r' \
	    -w "$match of $n rows" -s q -- "$PROG" view "$f")
	row accelscope "$1 s" "$1 s" "$2 s" "$3"
	a_first=$1 a_filter=$2
	command -v vd >/dev/null 2>&1 || continue
	# To the notes column, then select by regex and open the selection,
	# typed at once.
	set -- $("$FF" -w "node-0000000" -w " $n rows" -s 'cnotes\r' -p 0.5 \
	    -s '|liquid|spot\r"' -w " $match rows" -s 'gq' -- vd "$f")
	row "VisiData $(vd --version 2>/dev/null | sed 's/.* v//')" \
	    "$1 s" "$(calc "%.3f s" "$1 + $2")" "$3 s" "$4"
	row "VisiData / accelscope" "$(calc "%.1fx" "$1 / $a_first")" \
	    "$(calc "%.1fx" "($1 + $2) / $a_first")" \
	    "$(calc "%.1fx" "$3 / $a_filter")" ""
done
