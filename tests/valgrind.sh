#!/bin/sh
# Every subcommand with its error paths, then scripted explorer sessions,
# under valgrind's memcheck.  A run passes when memcheck finds no invalid
# access, no use of an uninitialised value and no leak (definite, indirect
# or possible: ncurses keeps "still reachable" memory until exit by design)
# and the program exits with the status expected.  Ends with one summary
# line, "N passed, N failed"; a failure names its log, kept, and prints the
# errors.
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
T="tmux -L accelscope-vg-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null' EXIT
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
    --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes
    --suppressions=$PWD/tests/valgrind.supp"
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
			if (r !~ /indirectly lost in|HEAP SUMMARY/ &&
			    r !~ /Reachable blocks|rerun with: -s/)
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
vg calc-no-compute 1 calc --hw apple-neural-engine --model llama-3.1-70b
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

# Two bundled cases are beyond the ±50% validate allows: it exits 1.
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
# view: any CSV, printed; and hostile files, each refused or reported.
vcsv=$dir/fleet.csv
printf 'host,chip,mem_gb,note\nn1,H100,80,"rack 4, row 2"\nn2,MI300X,192,\nn3,H100,80.0,x,extra\nn4\n' >"$vcsv"
vg view-table 0 view "$vcsv"
vg view-shortcut 0 "$vcsv" --format json
vg view-filter-sort 0 view "$vcsv" --filter 'mem_gb > 50 and chip ~ /h1/' \
    --sort -mem_gb --columns host,mem_gb --format csv
vg view-bad-filter 2 view "$vcsv" --filter 'memory > 1'
vg view-bad-column 2 view "$vcsv" --sort nope
vg view-missing 1 view "$dir/none.csv"
vg view-directory 1 view "$dir"
for f in nul-in-header unterminated-quote invalid-utf8 utf16le \
    duplicate-header ragged-long ragged-short empty escape-osc; do
	case $f in
	nul-in-header|unterminated-quote|invalid-utf8|utf16le|empty) st=1 ;;
	*) st=0 ;;
	esac
	vg "view-bad-$f" $st view "tests/data/bad/$f.csv"
done
VGENV="NO_COLOR=1"
vg theme-no-color 0 theme dark
VGENV="TERM=dumb"
vg theme-dumb 0 theme high-contrast
VGENV=
wait

while read -r name want; do
	judge "$name" "$want"
done <"$dir/runs"
: >"$dir/runs"

# The explorer, in tmux: the program under memcheck in a terminal of W x H.
# tty.sh runs it as process NAME.pid, then writes its status to NAME.rc.
cat >"$dir/tty.sh" <<'EOF'
n=$1
shift
sh -c 'echo $$ >"$0"; exec "$@"' "$n.pid" "$@"
echo $? >"$n.rc"
EOF
# tty_start NAME W H ARGS...
tty_start() {
	S=$1
	w=$2 h=$3
	shift 3
	echo "$S" >>"$dir/runs"
	# shellcheck disable=SC2086
	$T start-server \; set-option -g status off \; \
	    new-session -d -s "$S" -x "$w" -y "$h" env -i PATH="$PATH" \
	    HOME="$dir" TERM="${VGTERM:-xterm-256color}" LC_ALL=C.UTF-8 \
	    XDG_DATA_HOME="$XDG_DATA_HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	    sh "$dir/tty.sh" "$dir/$S" $VG --log-file="$dir/$S.log" \
	    "$PROG" "$@"
	$T resize-window -t "$S" -x "$w" -y "$h" 2>/dev/null
}
screen() { $T capture-pane -p -t "$S"; }
keys() { $T send-keys -t "$S" "$@"; }
# see TEXT [SECONDS]: wait for TEXT on the screen, 30 s unless told:
# under memcheck the program runs some twenty times slower.
see() {
	i=0
	while [ $i -lt $((${2:-30} * 10)) ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "$S: no \"$1\" on the screen:"
	screen | sed 's/^/  | /'
	return 1
}
# gone TEXT: wait for TEXT to leave the screen.
gone() {
	i=0
	while [ $i -lt 300 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "$S: \"$1\" stays on the screen:"
	screen | sed 's/^/  | /'
	return 1
}
# click X Y: a left click at column X, line Y (1-based), as xterm sends it.
click() {
	keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")"
	keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"
}
# tty_end NAME STATUS: wait up to a minute for the program to exit, then
# judge the run.
tty_end() {
	i=0
	while [ ! -s "$dir/$1.rc" ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	$T kill-session -t "$1" 2>/dev/null
	if [ -s "$dir/$1.rc" ]; then
		judge "$1" "$2"
	else
		bad "$1" "still running a minute after it was told to quit"
	fi
}

# The chips in the Specs pane, for its status line.
nhw=$("$PROG" list hardware --format tsv | tail -n +2 | wc -l)
nhw=$((nhw + 0))

# A session through every pane, with a config file (one line of it bad)
# and a user theme.  Returns 1 where the screen is not as expected.
session() {
	see "1 Matrix" 120 || return 1
	see 'mouse: "maybe" is neither on nor off' || return 1
	# Matrix: rows, a detail, the comparisons, a find.
	keys j C-n j k Enter
	see "Matrix detail" || return 1
	keys Escape
	see "dimension 3 of" || return 1
	keys c
	see "GPU vs TPU" || return 1
	keys C
	see "Comparison 1 of 3" || return 1
	keys / 'memory|power' Enter n n N
	see "dimension 5 of" || return 1
	keys / 'nosuchthing' Enter
	see "Not found: nosuchthing" || return 1
	# Scenarios: a detail, then the hardware that fits, in Specs.
	keys Tab
	see "[ACCEL]" || return 1
	keys Enter
	see "Rationale" || return 1
	keys q
	see "scenario 1 of" || return 1
	keys f
	see "scenario High-Volume LLM Inference:" || return 1
	keys Escape
	see "of $nhw  column" || return 1
	# Specs: move, sort, a detail with a find, filters good and bad.
	keys PgDn G g C-d C-u l l s s
	see "descending" || return 1
	keys Enter
	see "Specs detail" || return 1
	keys Space / source Enter n
	gone "lines 1-" || return 1
	keys q
	see "column " || return 1
	keys '&' 'vendor = NVIDIA and memory_gb > 100' Enter
	see "vendor = NVIDIA and memory_gb > 100:" || return 1
	keys '&' ' and (category = GPU'
	see "unbalanced parenthesis" || return 1
	keys Escape
	keys '&' C-u '!category = GPU' Enter
	see "not category = GPU" || return 1
	keys '&' Up
	see "&!category = GPU" || return 1
	keys C-u Enter
	keys '&' C-u 'name ~ /H100|MI300X/' Enter
	see "/H100|MI300X/: 2 of" || return 1
	# Two marks, then Diff: the rows that differ, a detail.
	keys g Space Space
	see "2 marked" || return 1
	keys d
	see "11 differ" || return 1
	keys '}' '}' '{' D
	see "(only these shown)" || return 1
	keys D Enter
	see "Diff detail" || return 1
	keys Escape 3 M Escape
	see "of $nhw  column" || return 1
	# Calculator: fields typed, stepped and refused; a strategy under
	# load; every chart.
	keys 5
	see "Hardware    nvidia-h100" || return 1
	keys j Enter C-u "llama-3.1-70b" Enter
	see "Model       llama-3.1-70b" || return 1
	keys j Enter C-u "many" Enter
	see "(unchanged)" || return 1
	keys l h j j j j Enter C-u max Enter
	see "Batch       max (" || return 1
	keys j j j j l l l
	see "TTFT p50/p99" || return 1
	keys j Enter C-u 1000 Enter
	see "OVERLOADED" || return 1
	keys v v v
	see "by cost" || return 1
	keys v v g Enter C-u apple-neural-engine Enter
	see "Hardware    apple-neural-engine" || return 1
	# Sources: a detail; copy a row.
	keys 6 j Enter
	see "Sources detail" || return 1
	keys Escape y
	see "with OSC 52" || return 1
	keys BTab
	see "Hardware    apple-neural-engine" || return 1
	keys Tab
	see "column figures" || return 1
	keys 1
	see "Comparison 1 of 3" || return 1
	keys 2
	see "scenario 1 of" || return 1
	keys 4
	see "differ" || return 1
	keys 6
	see "column figures" || return 1
	# The prompt: themes, exports, the mouse, bindings, completion,
	# mistakes.
	keys : 'theme dark' Enter
	see "Theme dark" || return 1
	keys T
	see "(T for the next" || return 1
	keys 3 : "w $dir/specs.json" Enter
	see "Wrote $nhw rows" || return 1
	keys : "w $dir/specs.json" Enter
	see "specs.json: " || return 1
	keys : "w! ~/specs.csv" Enter : "w $dir/specs.xml" Enter
	see "name the file" || return 1
	keys : 'mouse off' Enter
	see "Mouse off" || return 1
	keys : 'mouse on' Enter
	see "Mouse on" || return 1
	keys : 'bind C-p up' Enter
	see "C-p runs up now" || return 1
	keys : 'unbind C-p' Enter : 'th' Tab Tab
	see "high-contrast" || return 1
	keys Escape : 'frobnicate' Enter
	see 'unknown command or action "frobnicate"' || return 1
	keys : 'pane nope' Enter
	see "unknown pane" || return 1
	keys : 'bind Fx up' Enter
	see '"Fx" is not a key name' || return 1
	keys : Up
	see ":bind Fx up" || return 1
	keys Escape : "w $dir/nonexistent/x.json" Enter
	see "cannot write" || return 1
	keys / '東京' Enter
	see "Not found: 東京" || return 1
	keys : 'pane matrix' Enter
	see "Comparison 1 of 3" || return 1
	keys f
	see "f works in the Scenarios pane" || return 1
	keys d
	see "d works in Specs" || return 1
	keys '&'
	see "Filters apply to the table panes" || return 1
	# The mouse: a tab, a row, the wheel.
	click "$(screen | head -1 | awk '{ print index($0, "3 Specs") }')" 1
	see "of $nhw  column" || return 1
	keys g
	see "row 1 of $nhw" || return 1
	click 5 8
	see "row 5 of $nhw" || return 1
	keys -l "$(printf '\033[<65;5;8M')"
	see "row 8 of $nhw" || return 1
	click 60 2
	see "sorted by" || return 1
	keys g
	see "row 1 of $nhw" || return 1
	# Help, a redraw, a resize down to too small and back.
	keys '?'
	see "Move up one row" || return 1
	keys j PgDn Escape C-l
	resize 80 24
	see "row 1 of $nhw" || return 1
	resize 20 5
	see "small" || return 1
	resize 120 40
	see "row 1 of $nhw" || return 1
	keys q
}
resize() { $T resize-window -t "$S" -x "$1" -y "$2"; }

echo "== the explorer under memcheck"
# Refused before the screen is taken: a bad --filter, a dumb terminal.
tty_start explore-bad-filter 120 40 --filter '(memory_gb >'
tty_end explore-bad-filter 2
VGTERM=dumb tty_start explore-dumb 120 40
tty_end explore-dumb 2

cat >"$XDG_CONFIG_HOME/accelscope/config" <<'EOF'
# the session under memcheck
theme mine
bind C-n down
bind x none
mouse maybe
EOF
tty_start explore 120 40
if ! session; then
	bad "explore" "the session stopped where the screen above differs"
	keys Escape Escape Q
fi
tty_end explore 0
if sh tests/parse.sh json <"$dir/specs.json" >/dev/null 2>&1 &&
    [ -f "$dir/specs.csv" ]; then
	ok
else
	bad "explore-export" ":w wrote no $dir/specs.json or ~/specs.csv"
fi
rm -f "$XDG_CONFIG_HOME/accelscope/config"

# A CSV file in the explorer: sort, find, filter, marks, the row diff,
# a detail, an export.
tty_start explore-view 120 30 view "$vcsv"
if see "2 warnings, the first at 4:16" 120; then
	keys l s s / H100 Enter '&' 'mem_gb >= 80' Enter
	see "of 4 rows" || bad "explore-view" "no filter"
	keys Escape g Space j Space d
	see "differ" || bad "explore-view" "no diff"
	keys D Enter Escape 1 Enter Escape : "w $dir/view.csv" Enter q
else
	bad "explore-view" "no first frame"
	keys Q
fi
tty_end explore-view 0

# Quitting on SIGTERM frees as much as quitting with q; exit 128 + 15.
tty_start explore-signal 100 30 --pane sources --filter 'figures > 5' \
    --theme solarized --no-mouse
if see "figures > 5: " 120; then
	keys '&' Enter 5 v / tokens Enter : 'pane scenarios' Enter
	see "[ACCEL]" || bad "explore-signal" "no Scenarios pane"
	kill -TERM "$(cat "$dir/$S.pid")"
else
	bad "explore-signal" "no first frame"
	keys Q
fi
tty_end explore-signal 143

echo
[ "$fail" -gt 0 ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
if [ "$fail" -gt 0 ]; then
	echo "valgrind logs: $dir"
	exit 1
fi
rm -rf "$dir"
