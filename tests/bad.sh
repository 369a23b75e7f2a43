#!/bin/sh
# Hostile input: every file in tests/data/bad, and a few made here that
# cannot live in git (a 1 MB field, 10,000 columns, a FIFO, a directory,
# an unreadable file), each answered with positioned diagnostics and a
# clean exit: status 0, 1 or 2, no signal, no hang.  What the program says
# is compared with tests/golden/bad/NAME.out.
#
#   NAME.csv    accelscope view NAME.csv [the words of tests/golden/bad/NAME.args]
#   ds-NAME/    its files laid over a copy of tests/data/mini; then
#               accelscope --data ds-NAME check, or the arguments in
#               ds-NAME/args (one per line)
#   ov-NAME/    its files as the user's additions to the bundled dataset
#               ($XDG_DATA_HOME/accelscope), then the arguments in ov-NAME/args
#
# Prints "ok NAME" or "FAIL NAME" for each.  UPDATE=1 rewrites the goldens.
#
#   sh tests/bad.sh PROG
PROG=$1
case $PROG in /*) ;; *) PROG=$PWD/$PROG ;; esac
top=$PWD
gold=$top/tests/golden/bad
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

# check NAME CMD...: run CMD in a scratch directory, compare with the golden.
check() {
	name=$1
	shift
	out=$tmp/out
	(cd "$tmp/run" && timeout 20 "$@" >"$out.std" 2>"$out.err"
	echo "exit $?" >>"$out.std")
	# Temporary paths would differ each run.
	cat "$out.std" "$out.err" | sed "s|$tmp/run/||g" >"$out"
	st=$(sed -n 's/^exit \([0-9]*\)$/\1/p' "$out.std")
	if [ -n "$UPDATE" ]; then
		cp "$out" "$gold/$name.out"
	fi
	case $st in
	0|1|2) ;;
	*) echo "FAIL $name: exit status $st (a crash, a signal or a hang)"
	   return ;;
	esac
	if cmp -s "$out" "$gold/$name.out"; then
		echo "ok $name"
	else
		echo "FAIL $name"
		diff -u "$gold/$name.out" "$out" | head -20
	fi
}

# fresh: an empty scratch directory to run in.
fresh() {
	chmod -R u+rwx "$tmp/run" 2>/dev/null
	rm -rf "$tmp/run" && mkdir "$tmp/run"
}

for f in tests/data/bad/*.csv; do
	n=${f##*/}
	n=${n%.csv}
	fresh
	cp "$f" "$tmp/run/"
	set -- "$PROG" view "$n.csv"
	if [ -f "$gold/$n.args" ]; then
		while IFS= read -r line || [ -n "$line" ]; do
			set -- "$@" "$line"
		done <"$gold/$n.args"
	fi
	check "$n" "$@"
done

for d in tests/data/bad/ds-*/ tests/data/bad/ov-*/; do
	d=${d%/}
	n=${d##*/}
	fresh
	case $n in
	ds-*)	cp -R tests/data/mini "$tmp/run/$n"
		for f in "$d"/*.csv; do cp "$f" "$tmp/run/$n/"; done
		set -- "$PROG" --data "$n" ;;
	ov-*)	mkdir -p "$tmp/run/xdg/accelscope"
		for f in "$d"/*.csv; do cp "$f" "$tmp/run/xdg/accelscope/"; done
		set -- env XDG_DATA_HOME="$tmp/run/xdg" "$PROG" ;;
	esac
	if [ -f "$d/args" ]; then
		while IFS= read -r line || [ -n "$line" ]; do
			set -- "$@" "$line"
		done <"$d/args"
	else
		set -- "$@" check
	fi
	check "$n" "$@"
done

# Made here.
fresh
awk 'BEGIN { printf "id,name,value\na,\""; for (i = 0; i < 1048576; i++)
    printf "%c", 97 + i % 26; printf "\",1\nb,Beta,2\n" }' >"$tmp/run/huge-field.csv"
# The field is loaded whole: its length, then the rows without it.
check huge-field sh -c "\"$PROG\" view huge-field.csv --format csv |
    awk -F, 'NR == 2 { print length(\$2) }';
    \"$PROG\" view huge-field.csv --columns id,value"

fresh
awk 'BEGIN { printf "id,name\na,\""; for (i = 0; i < 300000; i++)
    printf "x\n"; printf "\"\nb,c\n" }' >"$tmp/run/lines-in-field.csv"
# 300,000 line ends inside one quoted field; the row after it in place.
check lines-in-field sh -c "\"$PROG\" view lines-in-field.csv --format csv |
    wc -l; \"$PROG\" view lines-in-field.csv --columns id"

fresh
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "c%d%s", i,
    i < 10000 ? "," : "\n"; for (r = 0; r < 3; r++) for (i = 1; i <= 10000; i++)
    printf "%d%s", r * i, i < 10000 ? "," : "\n" }' >"$tmp/run/wide.csv"
check wide "$PROG" view wide.csv --columns c1,c5000,c10000 --sort -c10000

fresh
mkfifo "$tmp/run/fifo.csv"
check fifo-no-writer "$PROG" view fifo.csv

fresh
mkdir "$tmp/run/dir.csv"
check directory "$PROG" view dir.csv

fresh
check missing "$PROG" view missing.csv

fresh
ln -s loop.csv "$tmp/run/loop.csv"
check symlink-loop "$PROG" view loop.csv

fresh
check device "$PROG" view /dev/null

fresh
echo 'id,name' >"$tmp/run/unreadable.csv"
chmod 000 "$tmp/run/unreadable.csv"
if [ "$(id -u)" -eq 0 ]; then
	# root reads anything: read it as nobody instead, with a copy of
	# the program nobody can run wherever this checkout lies.
	cp "$PROG" "$tmp/accelscope"
	chmod 755 "$tmp" "$tmp/run" "$tmp/accelscope"
	check unreadable setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$tmp/accelscope" view unreadable.csv
else
	check unreadable "$PROG" view unreadable.csv
fi

fresh
mkdir "$tmp/run/data"
check data-not-a-dataset "$PROG" --data data check
fresh
echo x >"$tmp/run/data"
check data-is-a-file "$PROG" --data data check
