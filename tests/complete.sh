#!/usr/bin/env bash
# The shell completions, checked against the program they complete.
#
#   bash tests/complete.sh BUILDDIR
#
# bash: ui/completion/accelscope.bash is sourced and _accelscope called the
# way bash calls it (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT).  zsh,
# when installed: the same command lines completed in an interactive zsh
# (tests/complete.zsh).  Each check prints "ok NAME" or "FAIL NAME" and
# what differed; the exit status is the number of failures, at most 100.
#
# Expectations come from the program and its sources where they can: the
# subcommands and global options from ui/args.c, each subcommand's options
# from ui/cli.c, table names, formats, precisions and panes from the
# program's own error messages, ids from the dataset.
B=$(cd "${1:-build}" && pwd) || exit 100
cd "$(dirname "$0")/.." || exit 100
export LC_ALL=C.UTF-8
fails=0
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

pass() { echo "ok $1"; }
fail() {
	echo "FAIL $1"
	shift
	printf '  %s\n' "$@"
	fails=$((fails + 1))
}

# A stand-in for the program that answers 'theme' itself (NAME<TAB>ORIGIN,
# as 'accelscope theme' prints) and hands everything else to the real one;
# it logs the arguments of each call.
mkdir "$tmp/bin"
cat > "$tmp/bin/accelscope" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >> "$tmp/calls"
for a; do
	if [ "\$a" = theme ]; then
		printf 'dark\tbundled\nmidnight\t%s\n' "\$HOME/.config/x"
		exit 0
	fi
done
exec "$B/accelscope" "\$@"
EOF
chmod +x "$tmp/bin/accelscope"
export PATH="$tmp/bin:$PATH"
unset ACCELSCOPE_DATA

# A dataset of its own, to show that --data on the line is honoured.
mkdir "$tmp/data" "$tmp/data/sub dir"
cp dataset/*.csv "$tmp/data/"
echo 'zz-test-chip,ZZ Test Chip,ZZ,GPU,shipping,on-prem,,' \
    >> "$tmp/data/hardware.csv"
D=$tmp/data
# A CSV file of its own for view.
printf 'id,mem_gb,vendor\na,80,X\n' > "$tmp/fleet.csv"

# What the sources and the program say.
commands=$(sed -n 's/.*{ "\([a-z]*\)", cli_[a-z]* }.*/\1/p' ui/args.c)
globals=$(grep -o '"--[a-z][a-z-]*' ui/args.c | tr -d '"' | sort -u)
# The options a subcommand's cli_NAME() in ui/cli.c passes to opts_parse.
cli_opts() {
	awk -v fn="cli_$1" '
	/^#define WORKLOAD_OPTS/ { inw = 1 }
	inw { w = w $0; if ($0 !~ /\\$/) inw = 0; next }
	index($0, fn "(") == 1 { inf = 1 }
	inf { f = f $0 }
	inf && /^}/ { inf = 0 }
	END {
		if (f ~ /WORKLOAD_OPTS/)
			f = f w
		while (match(f, /"[a-z-]+", [01], NULL, 0 }/)) {
			s = substr(f, RSTART + 1)
			f = substr(f, RSTART + RLENGTH)
			sub(/".*/, "", s)
			print "--" s
		}
	}' ui/cli.c | sort -u
}
# The list in parentheses or after "are: " of an error message.
listed() { sed -n "s/.*$1//p" | tr -d '()",' | tr ' ' '\n' | grep . | sort; }
tables=$("$B/accelscope" list no-such-table 2>&1 | listed 'tables are: ')
formats=$("$B/accelscope" list --format no-such 2>&1 | listed 'one of: ')
precs=$("$B/accelscope" calc --hw nvidia-h100 --model llama-3.1-8b \
    --precision no-such 2>&1 | listed 'precision "no-such" ')
panes=$("$B/accelscope" --pane no-such 2>&1 | listed 'panes: ' |
    tr '[:upper:]' '[:lower:]')
hardware=$("$B/accelscope" list hardware --columns id --format tsv | tail -n +2)
scenarios=$("$B/accelscope" list scenarios --columns id --format tsv |
    tail -n +2)
for v in commands globals tables formats precs panes hardware scenarios; do
	if [ -z "${!v}" ]; then
		fail "expectations" "could not find the $v"
		exit 100
	fi
done
sorted() { printf '%s\n' $* | grep . | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# The bash completion of a command line, completed at its end: the
# matches, sorted, on one line.  Words split as readline does with the
# default COMP_WORDBREAKS ('=' a word of its own; no quoting in these).
source ui/completion/accelscope.bash
comp_bash() {
	local line=$1 w p
	COMP_WORDS=()
	for w in $line; do
		while [[ $w == *=* ]]; do
			p=${w%%=*}
			[[ -n $p ]] && COMP_WORDS+=("$p")
			COMP_WORDS+=("=")
			w=${w#*=}
		done
		[[ -n $w ]] && COMP_WORDS+=("$w")
	done
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_accelscope accelscope "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}" 2>> "$tmp/stderr"
	((${#COMPREPLY[@]})) || return 0
	printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# The checks, a line each and '|' between the fields: NAME, LINE, then
# what bash offers and what zsh offers (the same when there is no fourth
# field); a leading '~' asks only that these be among the matches, '!' that
# none of these be.
checks=$tmp/checks
: > "$checks"
add() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "${4-$3}" >> "$checks"; }

# The subcommands are ui/args.c's (theme is coming; the stand-in has it).
add subcommands 'accelscope ' "$(sorted $commands theme)"
add subcommand-prefix 'accelscope c' 'calc check'
add global-options 'accelscope --' "~$(sorted $globals)"
add global-options-new 'accelscope --' "~--theme --no-mouse"
for c in $commands; do
	want=$(cli_opts "$c")
	# rank takes every chip: it refuses --hw, so it is not offered.
	[ "$c" = rank ] && want=$(printf '%s\n' $want | grep -vx -- --hw)
	add "options-$c" "accelscope $c --" "$(sorted $want)"
done
add calc-strategy-sweep 'accelscope calc --' '~--strategy --sweep'
add calc-hw 'accelscope calc --hw nvidia-h1' nvidia-h100
add calc-hw-equals 'accelscope calc --hw=nvidia-h1' nvidia-h100
add calc-model 'accelscope calc --model llama-3.1-' \
    'llama-3.1-405b llama-3.1-70b llama-3.1-8b'
add rank-model 'accelscope rank --chips 8 --model llama-3.1-4' llama-3.1-405b
add calc-hw-all 'accelscope calc --model llama-3.1-8b --hw ' \
    "$(sorted $hardware)"
add list-tables 'accelscope list ' "$(sorted $tables)"
add list-format 'accelscope list --format ' "$(sorted $formats)"
add list-format-equals 'accelscope list models --format=j' json
add show-format 'accelscope show nvidia-h100 --format ' "$(sorted $formats)"
add list-scenario 'accelscope list --scenario ' "$(sorted $scenarios)"
add list-after-table 'accelscope list specs ' "~--sort --format"
add list-sort 'accelscope list models --sort par' params_b
add list-sort-desc 'accelscope list models --sort -par' -params_b params_b
add list-columns 'accelscope list models --columns id,par' id,params_b params_b
add calc-precision 'accelscope calc --precision ' "$(sorted $precs)"
add calc-kv-precision 'accelscope calc --kv-precision fp' 'fp16 fp32 fp4 fp8'
add calc-strategy 'accelscope calc --strategy ' 'continuous dynamic static'
add calc-batch 'accelscope calc --batch ' max
add calc-software 'accelscope calc --software ' \
    "$(sorted default $(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++)
    if ($i == "software") c = i } NR > 1 && $c != "" { print $c }' \
    dataset/efficiency.csv | sort -u))"
add calc-number 'accelscope calc --rate ' ''
add rank-by 'accelscope rank --by ' 'cost latency throughput'
add show-id 'accelscope show nvidia-h10' nvidia-h100
add show-one-id 'accelscope show nvidia-h100 nvidia-h' ''
add diff-ids 'accelscope diff nvidia-h100 nvidia-h' \
    "~$(sorted $(printf '%s\n' $hardware | grep '^nvidia-h' |
    grep -vx nvidia-h100))"
add diff-once 'accelscope diff nvidia-h100 nvidia-h' '!nvidia-h100'
add pane 'accelscope --pane ' "$(sorted $panes)"
add theme-option 'accelscope --theme ' 'dark midnight'
add theme-command 'accelscope theme m' midnight
add data-dir "accelscope --data $D/su" "$D/sub dir" "sub\\ dir"
add data-global "accelscope --data $D calc --hw zz" zz-test-chip
add data-equals "accelscope --data=$D show zz" zz-test-chip
add data-subcommand "accelscope diff --data $D nvidia-h100 zz" zz-test-chip
add data-default 'accelscope show zz' ''
add data-missing 'accelscope --data /nonexistent/dir show ' '!nvidia-h100'
add view-file "accelscope view $tmp/fle" "$tmp/fleet.csv" "fleet.csv"
add view-sort "accelscope view $tmp/fleet.csv --sort me" mem_gb
add view-sort-desc "accelscope view $tmp/fleet.csv --sort -v" -vendor vendor
add view-columns "accelscope view $tmp/fleet.csv --columns id,v" \
    id,vendor vendor

# bash
: > "$tmp/stderr"
while IFS='|' read -r name line wb wz; do
	got=$(comp_bash "$line")
	case $wb in
	"~"*)
		miss=""
		for w in ${wb#"~"}; do
			[[ " $got " == *" $w "* ]] || miss="$miss $w"
		done
		[ -z "$miss" ] || { fail "bash/$name" "$line" "missing:$miss"; continue; }
		;;
	"!"*)
		for w in ${wb#"!"}; do
			[[ " $got " == *" $w "* ]] &&
			    { fail "bash/$name" "$line" "offers $w"; continue 2; }
		done
		;;
	*)
		[ "$got" = "$wb" ] ||
		    { fail "bash/$name" "$line" "want: $wb" "got:  $got"; continue; }
		;;
	esac
	pass "bash/$name"
done < "$checks"

# With '=' not breaking words, the value is completed with its option.
got=$(COMP_WORDBREAKS=$' \t\n"\'><;|&(:' comp_bash 'accelscope calc --hw=nvidia-h1')
if [ "$got" = --hw=nvidia-h100 ]; then pass bash/equals-unbroken; else
	fail bash/equals-unbroken "got: $got"; fi
# The ids are asked of the dataset --data names, and of no other.
: > "$tmp/calls"
comp_bash "accelscope calc --data $D --hw zz" > /dev/null
if grep -qx -- "--data $D list hardware --columns id --format tsv" \
    "$tmp/calls"; then pass bash/data-passed; else
	fail bash/data-passed "calls: $(cat "$tmp/calls")"; fi
if [ -s "$tmp/stderr" ]; then
	fail bash/quiet "$(head -5 "$tmp/stderr")"
else
	pass bash/quiet
fi

# zsh
if ! command -v zsh > /dev/null 2>&1; then
	echo "(zsh not installed: its completion not checked)"
	exit $((fails > 100 ? 100 : fails))
fi
if zsh -n ui/completion/_accelscope; then pass zsh/syntax; else
	fail zsh/syntax; fi
cut -d'|' -f2 "$checks" | HOME=$tmp timeout 120 zsh -f tests/complete.zsh \
    ui/completion > "$tmp/zsh.out" 2> "$tmp/zsh.err"
n=0
while IFS='|' read -r name line wb wz; do
	n=$((n + 1))
	got=$(sed -n "${n}p" "$tmp/zsh.out")
	case $wz in
	"~"*)
		miss=""
		for w in ${wz#"~"}; do
			[[ " $got " == *" $w "* ]] || miss="$miss $w"
		done
		[ -z "$miss" ] || { fail "zsh/$name" "$line" "missing:$miss"; continue; }
		;;
	"!"*)
		for w in ${wz#"!"}; do
			[[ " $got " == *" $w "* ]] &&
			    { fail "zsh/$name" "$line" "offers $w"; continue 2; }
		done
		[ "$got" != TIMEOUT ] ||
		    { fail "zsh/$name" "$line" "no answer"; continue; }
		;;
	*)
		[ "$got" = "$wz" ] ||
		    { fail "zsh/$name" "$line" "want: $wz" "got:  $got"; continue; }
		;;
	esac
	pass "zsh/$name"
done < "$checks"
if [ -s "$tmp/zsh.err" ]; then
	fail zsh/quiet "$(head -5 "$tmp/zsh.err")"
else
	pass zsh/quiet
fi
exit $((fails > 100 ? 100 : fails))
