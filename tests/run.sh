#!/bin/sh
# Run every test: the cmocka unit tests, the CLI golden tests, the fuzz
# targets over their corpora, the man page lint, make install and
# uninstall into a scratch directory, the shell completions, then the
# terminal tests when tmux is there.  Ends with one summary line,
# "N passed, N failed".
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

echo "== hostile input"
# tests/bad.sh prints "ok NAME" or "FAIL NAME" and what differed.
log=$(mktemp)
sh tests/bad.sh "$PROG" >"$log" 2>&1
n=0
while IFS= read -r line; do
	case $line in
	"ok "*) ok; n=$((n + 1)) ;;
	"FAIL "*) bad "bad/${line#FAIL }"; n=$((n + 1)) ;;
	*) echo "$line" ;;
	esac
done <"$log"
[ "$n" -ge 60 ] || bad "bad.sh: only $n hostile inputs ran"
rm -f "$log"

echo "== fuzz corpora replay"
# Each fuzz target, built without libFuzzer, over its seed corpus and the
# inputs that once made it fail (tests/fuzz/regress/NAME/): one pass each.
for t in "$B"/fuzz/replay_*; do
	[ -x "$t" ] || continue
	name=${t##*/replay_}
	set --
	for f in tests/fuzz/corpus/"$name"/* tests/fuzz/regress/"$name"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	log=$(mktemp)
	if "$t" "$@" >"$log" 2>&1; then ok; else
		bad "fuzz/$name"
		tail -n 20 "$log"
	fi
	rm -f "$log"
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

echo "== a locale that writes 3,5 for 3.5"
# Only the character set comes from the environment: a German locale must
# neither refuse the dataset's "0.869" nor print "0,5".
loc=$(mktemp -d)
if localedef -i de_DE -f UTF-8 "$loc/de_DE.UTF-8" >/dev/null 2>&1; then
	for cmd in "check" \
	    "calc --hw nvidia-h100 --model llama-3.1-8b --mfu 0.5" \
	    "list efficiency --format json" "validate"; do
		# shellcheck disable=SC2086
		want=$("$PROG" $cmd 2>&1; echo "exit $?")
		# shellcheck disable=SC2086
		got=$(LOCPATH=$loc LC_ALL=de_DE.UTF-8 "$PROG" $cmd 2>&1
		    echo "exit $?")
		if [ "$got" = "$want" ]; then ok; else
			bad "de_DE: $cmd"
			printf '%s\n' "$got" | head -5
		fi
	done
else
	bad "de_DE: localedef could not build the locale (package locales)"
fi
rm -rf "$loc"

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

echo "== a reader that stops early"
# cmd | head -1: nothing on stderr, and the status the whole run has
# (or death by SIGPIPE, as for cat), whether SIGPIPE is left alone or
# ignored (then writes fail with EPIPE).
while IFS= read -r cmd; do
	err=$(mktemp)
	eval "\"\$PROG\" $cmd" >/dev/null 2>&1
	want=$?
	for ign in no yes; do
		got=$( (
			[ $ign = yes ] && trap '' PIPE
			eval "\"\$PROG\" $cmd" 2>"$err"
			echo "status $?" >"$err.rc"
		) | head -c 1 >/dev/null; cat "$err.rc")
		got=${got#status }
		if [ ! -s "$err" ] && { [ "$got" = "$want" ] ||
		    { [ $ign = no ] && [ "$got" = 141 ]; }; }; then
			ok
		else
			bad "pipe ($ign): $cmd"
			echo "  status $got, wanted $want; stderr:"
			cat "$err"
		fi
	done
	rm -f "$err" "$err.rc"
done <<'EOF_CMDS'
list specs
list specs --format json
list hardware --format csv
show nvidia-h100
diff nvidia-h100 amd-mi300x google-tpu-v5p
calc --hw nvidia-h100 --model llama-3.1-70b --chips 4 --sweep
calc --hw nvidia-h100 --model llama-3.1-8b --strategy continuous --rate 20
rank --model llama-3.1-8b
validate
theme dark
--help
EOF_CMDS

echo "== man pages"
for m in man/*.[1-9]; do
	if mandoc -Tlint -Wwarning "$m"; then ok; else bad "lint ${m##*/}"; fi
	if man -l "$m" >/dev/null 2>&1 </dev/null; then ok; else
		bad "render ${m##*/}"; fi
done

echo "== install and uninstall"
# Into a scratch DESTDIR, from the binary this run tests: make must find
# $B/accelscope up to date, or install would rebuild it with other flags.
dest=$(mktemp -d)
log=$dest.log
man_to=$dest/usr/share/man
if ! make -s -q B="$B" "$B/accelscope" >/dev/null 2>&1; then
	bad "install: $B/accelscope is out of date (run make first)"
elif make -s install B="$B" DESTDIR="$dest" PREFIX=/usr >"$log" 2>&1; then
	ok
	for f in usr/bin/accelscope usr/share/accelscope/dataset/hardware.csv \
	    usr/share/bash-completion/completions/accelscope \
	    usr/share/zsh/site-functions/_accelscope; do
		if [ -f "$dest/$f" ]; then ok; else bad "install: no /$f"; fi
	done
	if [ "$("$dest/usr/bin/accelscope" --version)" = \
	    "$("$PROG" --version)" ]; then ok; else bad "install: binary"; fi
	for m in man/*.[1-9]; do
		n=${m##*/}
		s=${n##*.}
		if [ "$(MANPATH=$man_to man -w "$s" "${n%.*}" 2>/dev/null)" = \
		    "$man_to/man$s/$n" ]; then ok; else
			bad "install: man -w $s ${n%.*}"; fi
	done
	if MANPAGER=cat PAGER=cat COLUMNS=80 man -M "$man_to" accelscope \
	    </dev/null 2>/dev/null | grep -q 'site-functions/_accelscope'
	then ok; else bad "install: man -M accelscope"; fi
	# The installed completions, with the installed program.
	got=$(PATH=$dest/usr/bin:$PATH bash -c '. "$1"
	    COMP_WORDS=(accelscope calc --hw nvidia-h1) COMP_CWORD=3
	    _accelscope accelscope nvidia-h1 --hw; echo "${COMPREPLY[*]}"' \
	    sh "$dest/usr/share/bash-completion/completions/accelscope" 2>&1)
	if [ "$got" = nvidia-h100 ]; then ok; else
		bad "install: bash completion"; echo "  got: $got"; fi
	if command -v zsh >/dev/null 2>&1; then
		got=$(echo 'accelscope calc --hw nvidia-h1' |
		    PATH=$dest/usr/bin:$PATH timeout 60 zsh -f \
		    tests/complete.zsh "$dest/usr/share/zsh/site-functions" \
		    2>&1)
		if [ "$got" = nvidia-h100 ]; then ok; else
			bad "install: zsh completion"; echo "  got: $got"; fi
	fi
	# Other programs' files in the shared directories stay.
	touch "$dest/usr/bin/other" "$man_to/man1/other.1" \
	    "$dest/usr/share/bash-completion/completions/other" \
	    "$dest/usr/share/zsh/site-functions/_other"
	if make -s uninstall B="$B" DESTDIR="$dest" PREFIX=/usr >"$log" 2>&1
	then ok; else bad "uninstall"; cat "$log"; fi
	left=$(cd "$dest" && find . ! -type d | sort | tr '\n' ' ')
	if [ "$left" = "./usr/bin/other ./usr/share/bash-completion/completions/other ./usr/share/man/man1/other.1 ./usr/share/zsh/site-functions/_other " ]
	then ok; else bad "uninstall: left behind or removed"; echo "  $left"; fi
	# The completion directories can be put elsewhere.
	rm -rf "$dest" && mkdir "$dest"
	if make -s install B="$B" DESTDIR="$dest" PREFIX=/opt/a \
	    BASHCOMPDIR=/etc/bash_completion.d ZSHCOMPDIR=/opt/zsh >"$log" 2>&1 &&
	    [ -f "$dest/etc/bash_completion.d/accelscope" ] &&
	    [ -f "$dest/opt/zsh/_accelscope" ] &&
	    make -s uninstall B="$B" DESTDIR="$dest" PREFIX=/opt/a \
	    BASHCOMPDIR=/etc/bash_completion.d ZSHCOMPDIR=/opt/zsh \
	    >>"$log" 2>&1 && [ -z "$(find "$dest" ! -type d)" ]
	then ok; else bad "install: BASHCOMPDIR, ZSHCOMPDIR"; cat "$log"; fi
else
	bad "install"
	cat "$log"
fi
rm -rf "$dest" "$log"

echo "== shell completion"
# tests/complete.sh prints "ok NAME" or "FAIL NAME" and what differed.
if command -v bash >/dev/null 2>&1; then
	log=$(mktemp)
	bash tests/complete.sh "$B" >"$log" 2>&1
	rc=$?
	n=0
	while IFS= read -r line; do
		case $line in
		"ok "*) ok; n=$((n + 1)) ;;
		"FAIL "*) bad "complete/${line#FAIL }"; n=$((n + 1)) ;;
		*) echo "$line" ;;
		esac
	done <"$log"
	[ "$n" -gt 0 ] && [ "$rc" -lt 100 ] || bad "complete.sh"
	rm -f "$log"
fi

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
