#!/bin/sh
# accelscope and VisiData side by side on the same files.
#
#   sh tests/bench/compare.sh BUILDDIR ROWS...
#
# First accelscope alone, on a pseudo-terminal of 120x40 watched byte by
# byte (tests/bench/firstframe): the bundled dataset's first frame, and for
# each file the first frame and a filtered view.
#
# Then both programs the same way, one after the other, each in a tmux
# window of 120x40 whose screen is read back until it shows what is waited
# for (tmux capture-pane, about every 25 ms): VisiData draws its screen in
# pieces, so only the screen as a person sees it tells when it is done.
# For each: the first frame that shows the first row; the whole file
# loaded; a filtered view of the rows whose notes match /liquid|spot/
# (accelscope: the filter "notes ~ /liquid|spot/"; VisiData: to the notes
# column, select by regex, then open the selection); peak memory.
# VisiData (Debian package visidata) is skipped when it is not installed.
B=${1:-build}
shift
ROWS="$*"
FF=$B/bench/firstframe
PROG=$(cd "$(dirname "$B/accelscope")" && pwd)/accelscope

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# calc FORMAT EXPR: the expression's value, printed by FORMAT.
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# row LABEL VALUES...: one line of the table.
row() { printf '%-26s' "$1"; shift; printf ' %12s' "$@"; echo; }

echo "== accelscope alone (firstframe, on a pty)"
i=0
while [ $i -lt 9 ]; do
	"$FF" -w "1 Matrix" -s q -- "$PROG" | sed -n 1p
	i=$((i + 1))
done | median | sed 's/^/bundled dataset, first frame (median of 9): /; s/$/ s/'
# What starting any program costs here: --version, through the same pty.
i=0
while [ $i -lt 9 ]; do
	"$FF" -w "accelscope" -- "$PROG" --version | sed -n 1p
	i=$((i + 1))
done | median | sed 's/^/accelscope --version, for scale (median of 9): /; s/$/ s/'
# What any curses program takes to its first frame here (tests/bench/hello).
i=0
while [ $i -lt 9 ]; do
	"$FF" -w "1 Matrix" -s q -- "$B/bench/hello" "1 Matrix" | sed -n 1p
	i=$((i + 1))
done | median | sed 's/^/a curses hello, for scale (median of 9): /; s/$/ s/'

for n in $ROWS; do
	f=$B/bench/rows-$n.csv
	match=$("$PROG" view "$f" --filter 'notes ~ /liquid|spot/' \
	    --columns id --format tsv | tail -n +2 | wc -l)
	set -- $("$FF" -w "row 1 of $n" -s '&notes ~ /liquid|spot/\r' \
	    -w "$match of $n rows" -s q -- "$PROG" view "$f")
	echo "$n rows: first frame $1 s, filtered $2 s, $3 MB"
done

command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 0; }
TM="tmux -L accelscope-bench-$$ -f /dev/null"
MEM=$(mktemp)
trap '$TM kill-server 2>/dev/null; rm -f "$MEM"' EXIT

now() { date +%s.%N; }
# start COMMAND...: a window that runs COMMAND when told to (go).
start() {
	$TM kill-server 2>/dev/null
	$TM new-session -d -s b -x 120 -y 40 \
	    "read go; exec /usr/bin/time -f %M -o $MEM $*" || exit 1
	sleep 0.5
}
go() { MARK=$(now); $TM send-keys -t b Enter; }
keys() { MARK=$(now); $TM send-keys -t b -l "$1"; $TM send-keys -t b Enter; }
# await PATTERN: when the screen matches the extended regex, the seconds
# since the last mark (and a new mark).
await() {
	k=0
	until $TM capture-pane -p -t b 2>/dev/null | grep -Eq -- "$1"; do
		# Between looks, the core is left to the program measured.
		sleep 0.02
		k=$((k + 1))
		if [ $k -gt 30000 ] || ! $TM has-session -t b 2>/dev/null
		then
			echo "compare.sh: never saw /$1/" >&2
			$TM capture-pane -p -t b >&2
			exit 1
		fi
	done
	t=$(now)
	calc "%.3f" "$t - $MARK"
	MARK=$t
}
# quit KEYS: send them, wait for the program to end, print its peak MB.
quit() {
	$TM send-keys -t b "$@"
	while $TM has-session -t b 2>/dev/null; do sleep 0.05; done
	calc "%.0f" "$(tail -n 1 "$MEM") / 1024"
}

# accelscope FILE ROWS MATCH: first frame, filtered, memory.
accelscope() {
	start "$PROG" view "$1"
	go
	a1=$(await "row 1 of $2")
	keys "&notes ~ /liquid|spot/"
	a3=$(await "$3 of $2 rows")
	echo "$a1 $a3 $(quit q)"
}
# visidata FILE ROWS MATCH: first frame, all loaded, filtered, memory.
visidata() {
	start vd "$1"
	go
	v1=$(await "node-0000000")
	v2=$(await " $2 rows +•0 *\$")
	keys "cnotes"
	keys "|liquid|spot"
	s1=$(await "•$3 *\$")
	MARK=$(now)
	$TM send-keys -t b '"'
	s2=$(await "selectedref.* $3 rows")
	echo "$v1 $(calc "%.3f" "$v1 + $v2") $(calc "%.3f" "$s1 + $s2") \
	    $(quit g q)"
}
# col N: the median of column N of the lines read.
col() { awk -v n="$1" '{ print $n }' | median; }

RUNS=3
vd_version=$(vd --version 2>/dev/null | sed -n 's/.* v//p')
echo
echo "== side by side (tmux screen, every step from the keys that start it;"
echo "   the median of $RUNS runs each, taken in turn)"
[ -n "$vd_version" ] || echo "(VisiData is not installed: only accelscope)"
A=$(mktemp)
V=$(mktemp)
trap '$TM kill-server 2>/dev/null; rm -f "$MEM" "$A" "$V"' EXIT
for n in $ROWS; do
	f=$(cd "$(dirname "$B/bench/rows-$n.csv")" && pwd)/rows-$n.csv
	match=$("$PROG" view "$f" --filter 'notes ~ /liquid|spot/' \
	    --columns id --format tsv | tail -n +2 | wc -l)
	echo "-- $n rows ($(du -m "$f" | cut -f1) MB), $match match"
	row "" "first frame" "all loaded" "filtered" "memory MB"
	: >"$A"
	: >"$V"
	i=0
	while [ $i -lt $RUNS ]; do
		accelscope "$f" "$n" "$match" >>"$A" || exit 1
		[ -z "$vd_version" ] || visidata "$f" "$n" "$match" >>"$V" ||
		    exit 1
		i=$((i + 1))
	done
	a1=$(col 1 <"$A") a3=$(col 2 <"$A") am=$(col 3 <"$A")
	row accelscope "$a1 s" "$a1 s" "$a3 s" "$am"
	[ -n "$vd_version" ] || continue
	v1=$(col 1 <"$V") v2=$(col 2 <"$V") v3=$(col 3 <"$V") vm=$(col 4 <"$V")
	row "VisiData $vd_version" "$v1 s" "$v2 s" "$v3 s" "$vm"
	row "VisiData / accelscope" "$(calc "%.1fx" "$v1 / $a1")" \
	    "$(calc "%.1fx" "$v2 / $a1")" "$(calc "%.1fx" "$v3 / $a3")" \
	    "$(calc "%.1fx" "$vm / $am")"
done
