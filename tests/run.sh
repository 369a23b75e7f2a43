#!/bin/sh
# Run every test: the cmocka unit tests, the CLI golden tests, the man page
# lint, then the terminal tests when tmux is there.  Ends with one summary
# line, "N passed, N failed".
#
#   sh tests/run.sh BUILDDIR          run all
#   UPDATE=1 sh tests/run.sh BUILDDIR  rewrite the golden files from output
B=${1:-build}
PROG=$B/accelscope && export PROG
pass=0
fail=0
failed=""
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); failed="$failed $1"; echo "FAIL: $1"; }

export LC_ALL=C.UTF-8
unset ACCELSCOPE_DATA NO_COLOR
# Nothing from the user's own files may leak into the tests.
XDG_DATA_HOME=$(mktemp -d) && export XDG_DATA_HOME
XDG_CONFIG_HOME=$XDG_DATA_HOME && export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT

echo "== unit tests"
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	if "$t"; then ok; else bad "${t##*/}"; fi
done

echo "== golden CLI tests"
# Each tests/golden/NAME.args holds the arguments, one per line; NAME.out
# holds what the program printed (stdout, then stderr) and its exit status.
for a in tests/golden/*.args; do
	name=${a%.args}
	out=$(mktemp)
	set --
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done < "$a"
	{ "$PROG" "$@" 2>"$out.err"; echo "exit $?"; } > "$out.std"
	cat "$out.std" "$out.err" > "$out"
	if [ -n "$UPDATE" ]; then
		cp "$out" "$name.out"
	fi
	if cmp -s "$out" "$name.out"; then
		ok
	else
		bad "golden/${name##*/}"
		diff -u "$name.out" "$out" | head -20
	fi
	rm -f "$out" "$out.std" "$out.err"
done

echo "== colours by TERM"
# What terminfo says each terminal has must pick the same colours as
# naming the count: 8 on linux and xterm, 256, 24-bit, none on dumb.
for tc in linux:8 xterm:8 xterm-256color:256 xterm-direct:direct dumb:0; do
	t=${tc%%:*} n=${tc#*:}
	for th in dark light solarized; do
		if [ "$(TERM=$t "$PROG" theme $th)" = \
		    "$("$PROG" theme $th --colors $n)" ]; then
			ok
		else
			bad "term-$t-$th"
		fi
	done
done
# NO_COLOR means none, whatever the terminal.
if [ "$(NO_COLOR=1 TERM=xterm-256color "$PROG" theme dark)" = \
    "$("$PROG" theme dark --colors 0)" ]; then ok; else bad "no-color"; fi

echo "== output formats parse back"
for f in csv json; do
	for t in hardware specs sources scenarios matrix; do
		if "$PROG" list "$t" --format "$f" |
		    sh tests/parse.sh "$f" >/dev/null 2>&1; then
			ok
		else
			bad "parse-$t-$f"
		fi
	done
done

echo "== man pages"
for m in man/*.[1-9]; do
	if mandoc -Tlint -Wwarning "$m"; then ok; else bad "lint ${m##*/}"; fi
	if man -l "$m" >/dev/null 2>&1 </dev/null; then ok; else
		bad "render ${m##*/}"; fi
done

if [ -d tests/e2e ] && command -v tmux >/dev/null 2>&1; then
	echo "== terminal tests"
	for t in tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		if sh "$t"; then ok; else bad "e2e/${t##*/}"; fi
	done
fi

echo
[ "$fail" -gt 0 ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
