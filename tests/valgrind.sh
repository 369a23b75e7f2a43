#!/bin/sh
# Every subcommand with its error paths under valgrind's memcheck.  A run
# passes when memcheck finds no invalid access, no use of an uninitialised
# value and no leak (definite, indirect or possible) and the program exits
# with the status expected.  Ends with one summary line, "N passed, N
# failed"; a failure names its log, kept, and prints the errors.
#
#   sh tests/valgrind.sh BUILDDIR
B=${1:-build}
PROG=$B/accelscope
case $PROG in /*) ;; *) PROG=$PWD/$PROG ;; esac
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (make valgrind installs it)"
	exit 1
fi
# PCRE2's JIT off (tests/nojit.c says why), built by make valgrind.
NOJIT=$(dirname "$PROG")/tests/nojit.so
for f in "$PROG" "$NOJIT"; do
	[ -f "$f" ] || { echo "valgrind: no $f (run make valgrind)"; exit 1; }
done

export LC_ALL=C.UTF-8 TERM=xterm-256color
unset ACCELSCOPE_DATA NO_COLOR
dir=$(mktemp -d "${TMPDIR:-/tmp}/accelscope-valgrind.XXXXXX")
# Nothing from the user's own files: their rows, config or themes.
XDG_DATA_HOME=$dir/data && export XDG_DATA_HOME
XDG_CONFIG_HOME=$dir/config && export XDG_CONFIG_HOME
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME/accelscope/themes"
# Two themes of the user's own, one broken.
printf '# mine\ntitle = black #ffaf00,214,yellow bold\n' \
    >"$XDG_CONFIG_HOME/accelscope/themes/mine.theme"
printf 'title = red\nheader = blue purple\n' \
    >"$XDG_CONFIG_HOME/accelscope/themes/broken.theme"

VG="env LD_PRELOAD=$NOJIT valgrind --error-exitcode=99 --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes"
JOBS=$(nproc 2>/dev/null || echo 2)

pass=0
fail=0
failed=""
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); failed="$failed $1"; echo "FAIL: $1: $2"; }

# vg NAME STATUS ARGS...: run the program with ARGS under memcheck,
# expecting exit STATUS; JOBS runs at a time.  VGENV, if set, is a list
# of NAME=VALUE for this run's environment.
started=0
vg() {
	name=$1 want=$2
	shift 2
	if grep -q "^$name " "$dir/runs" 2>/dev/null; then
		bad "$name" "two runs of that name"
		return
	fi
	echo "$name $want" >>"$dir/runs"
	# shellcheck disable=SC2086
	(env ${VGENV:-} $VG --log-file="$dir/$name.log" "$PROG" "$@" \
	    >"$dir/$name.out" 2>&1 </dev/null
	echo $? >"$dir/$name.rc") &
	started=$((started + 1))
	[ $((started % JOBS)) -ne 0 ] || wait
}

# judge NAME STATUS: the verdict on a finished run.
judge() {
	rc=$(cat "$dir/$1.rc" 2>/dev/null)
	if [ "$rc" = 99 ] || ! grep -q "ERROR SUMMARY: 0 errors" \
	    "$dir/$1.log" 2>/dev/null; then
		bad "$1" "memcheck: see $dir/$1.log"
		# The command, the errors, the leaks but those only reached
		# through another, and the leak summary.
		sed -n '/Command:/,$p' "$dir/$1.log" | awk '
		    /^==[0-9]+== *$/ { out(); next }
		    { r = r $0 "\n" }
		    function out() {
			if (r !~ /indirectly lost in|HEAP SUMMARY|Reachable b|rerun with: -s/)
				printf "%s", r
			r = ""
		    }
		    END { out() }' | head -80 | sed 's/^/  | /'
	elif [ "$rc" != "$2" ]; then
		bad "$1" "exit ${rc:-none}, expected $2"
		[ -f "$dir/$1.out" ] && head -10 "$dir/$1.out" | sed 's/^/  | /'
	else
		ok
	fi
}

echo "== subcommands under memcheck ($JOBS at a time)"
mini=tests/data/mini

vg help 0 --help
vg help-short 0 -h
vg version 0 --version
vg bad-option 2 --frobnicate
vg bad-command 2 frobnicate
vg bad-data 1 --data tests/data/nonexistent list
vg explore-no-tty 2
vg explore-bad-pane 2 --pane nope
vg explore-bad-theme 2 --theme nope

# list: every table in every format; the tables as the program names them.
tables=$("$PROG" list nosuchtable 2>&1 | sed -n 's/.*the tables are: //p' |
    tr -d ,)
[ -n "$tables" ] || bad "list" "no table names from \"list nosuchtable\""
for t in $tables; do
	for f in table csv tsv json md; do
		vg "list-$t-$f" 0 list "$t" --format "$f"
	done
done
vg list-default 0 list
vg list-filter 0 --data $mini list --filter 'memory_gb >= 100 or /東京/' \
    --columns id,memory_gb
vg list-filter-regex 0 list --sort -memory_bw_tbs \
    --filter 'vendor ~ /nvidia|amd/ and memory_gb >= 141' \
    --columns id,name,memory_gb,memory_bw_tbs
vg list-filter-not 0 list specs --sort -value --format csv \
    --filter 'not kind = vendor-spec and value > 1'
vg list-filter-flags 0 list --format json \
    --filter 'name !~ /h 1 0 0/x and not status = announced'
vg list-sort 0 --data $mini list hardware --sort=memory_gb \
    --columns=id,memory_gb
vg list-scenario 0 list --scenario realtime-latency-sla \
    --filter 'category = GPU' --format json
vg list-broken 0 --data tests/data/broken list hardware --columns id,name
vg list-bad-table 2 list hardwar
vg list-bad-format 2 list --format xml
vg list-bad-columns 2 list --columns id,nope
vg list-bad-sort 2 list --sort nope
vg list-bad-option 2 list --frobnicate
vg list-no-value 2 list --sort
vg list-extra-arg 2 list hardware specs
vg list-filter-field 2 --data $mini list \
    --filter 'vendor = Alpha and memroy_gb > 80'
vg list-filter-regex-bad 2 --data $mini list --filter 'name ~ /(東京/'
vg list-filter-paren 2 list --filter '(memory_gb > 1'
vg list-scenario-unknown 2 list --scenario fst
# Rows of the user's own: a good overlay, and a broken one that is
# reported while the rest loads.
mkdir -p "$dir/overlay/accelscope" "$dir/broken/accelscope"
cp tests/data/overlay/hardware.csv "$dir/overlay/accelscope/"
cp tests/data/broken/hardware.csv "$dir/broken/accelscope/"
VGENV="XDG_DATA_HOME=$dir/overlay"
vg list-overlay 0 --data $mini list
VGENV="XDG_DATA_HOME=$dir/broken"
vg list-overlay-broken 0 list --columns id,name
VGENV=

vg show 0 show nvidia-h100
vg show-json 0 show google-tpu-v7 --format json
vg show-csv 0 --data $mini show beta-b2 --format csv
vg show-md 0 show amd-mi300x --format md
vg show-no-figures 0 --data $mini show gamma-n
vg show-missing-id 2 show
vg show-unknown 2 show nvidia-h10
vg show-bad-format 2 show nvidia-h100 --format xml

vg diff 0 diff nvidia-h100 amd-mi300x
vg diff-four 0 diff nvidia-h100 amd-mi300x google-tpu-v7 groq-lpu
vg diff-only 0 diff nvidia-h100 nvidia-h200 --only-diff
for f in csv tsv json md; do
	vg "diff-$f" 0 --data tests/data/diff diff p1 p2 p3 --format "$f"
done
vg diff-only-csv 0 --data tests/data/diff diff p1 p2 --only-diff --format csv
vg diff-one 2 diff nvidia-h100
vg diff-five 2 --data tests/data/diff diff p1 p2 p3 p4 p1
vg diff-twice 2 --data tests/data/diff diff p1 p2 p1
vg diff-unknown 2 diff nvidia-h100 amd-mi30x
vg diff-escape 2 diff nvidia-h100 "x$(printf '\033')[31mred"

# $hw unquoted: two options and their values.
hw="--hw nvidia-h100 --model llama-3.1-8b"
vg calc 0 calc $hw
vg calc-json 0 calc --hw nvidia-h100 --model llama-3.1-70b --chips 4 \
    --batch 8 --prompt 2048 --output 512 --precision fp8 --format json
vg calc-all 0 calc --hw nvidia-h200 --model llama-3.1-70b --chips 2 \
    --batch 4 --prompt 512 --output 128 --precision fp8 --kv-precision fp8 \
    --act-precision bf16 --price 2.5 --mfu 0.4 --mbu 0.7 --overhead-us 50 \
    --format md
vg calc-int8 0 calc --hw groq-lpu --model llama-3.1-8b --precision int8
vg calc-batch-max 0 calc $hw --batch max
vg calc-sweep 0 calc --hw nvidia-h200 --model llama-3.1-8b --sweep --format csv
vg calc-sweep-json 0 calc $hw --sweep --format json
vg calc-static 0 calc $hw --batch 8 --strategy static --rate 5 --requests 200
vg calc-dynamic 0 calc $hw --batch 16 --strategy dynamic --rate 30 \
    --max-wait 50 --requests 300 --seed 7
vg calc-continuous 0 calc --hw nvidia-h100 --model llama-3.1-70b --chips 4 \
    --precision fp8 --strategy continuous --rate 4 --requests 500 --format json
vg calc-overloaded 0 calc $hw --strategy continuous --rate 1000 --requests 200
vg calc-no-hw 2 calc --model llama-3.1-70b
vg calc-unknown-hw 2 calc --hw nvidia-h10 --model llama-3.1-8b
vg calc-unknown-model 2 calc --hw nvidia-h100 --model llama-3-70b
vg calc-no-compute 2 calc --hw apple-neural-engine --model llama-3.1-70b
vg calc-bad-batch 2 calc $hw --batch lots
vg calc-bad-mbu 2 calc $hw --mbu 1.5
vg calc-bad-precision 2 calc $hw --precision fp6
vg calc-bad-strategy 2 calc $hw --strategy fifo --rate 3
vg calc-no-rate 2 calc $hw --strategy continuous
vg calc-rate-alone 2 calc $hw --rate 3
vg calc-sweep-strategy 2 calc $hw --sweep --strategy static --rate 2

vg rank 0 rank --model llama-3.1-70b
vg rank-cost 0 rank --model llama-3.1-70b --precision fp8 --by cost --format csv
vg rank-throughput 0 rank --model llama-3.1-8b --batch 8 --by throughput \
    --format json
vg rank-no-model 2 rank
vg rank-hw 2 rank --model llama-3.1-70b --hw nvidia-h100
vg rank-bad-by 2 rank --model llama-3.1-70b --by speed

# The bundled figures are off by more than the 20% median validate allows.
vg validate 1 validate
vg validate-json 1 validate --format json
vg validate-tolerance 1 validate --tolerance 10 --format csv
vg validate-bad-tolerance 2 validate --tolerance x

vg check 0 check
vg check-mini 0 check --data $mini
vg check-broken 1 check --data tests/data/broken
vg check-nodir 1 check --data tests/data/nonexistent
vg check-extra-arg 2 check extra

vg theme-list 0 theme
vg theme-list-json 0 theme --format json
for c in 0 8 16 256 direct; do
	vg "theme-dark-$c" 0 theme dark --colors "$c"
done
vg theme-light 0 theme light
vg theme-solarized-csv 0 theme solarized --colors direct --format csv
vg theme-user 0 theme mine --colors 256
vg theme-user-broken 1 theme broken
vg theme-unknown 2 theme nope
vg theme-bad-colors 2 theme dark --colors lots
vg theme-bad-format 2 theme dark --format xml
VGENV="NO_COLOR=1"
vg theme-no-color 0 theme dark
VGENV="TERM=dumb"
vg theme-dumb 0 theme high-contrast
VGENV=
wait

while read -r name want; do
	judge "$name" "$want"
done <"$dir/runs"

echo
[ "$fail" -gt 0 ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
if [ "$fail" -gt 0 ]; then
	echo "valgrind logs: $dir"
	exit 1
fi
rm -rf "$dir"
