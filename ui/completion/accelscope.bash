# bash completion for accelscope(1)                         -*- shell-script -*-
#
# Plain bash (compgen, no bash-completion helpers needed).  Installed by
# 'make install' where bash-completion looks for it, or source it yourself.
# Subcommands and their options follow ui/args.c and ui/cli.c, which
# tests/complete.sh checks.  Ids (hardware, models, scenarios) and themes
# come from the program itself, with the --data given on the line, errors
# discarded.

# Run the program the user is completing for, quietly, on the dataset a
# --data on the line names.
_accelscope_run()
{
	local prog=${_accelscope_prog:-accelscope}

	[[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
	if [[ -n $_accelscope_data ]]; then
		command "$prog" --data "$_accelscope_data" "$@" </dev/null \
		    2>/dev/null
	else
		command "$prog" "$@" </dev/null 2>/dev/null
	fi
}

# The first column of a table, without its header line.
_accelscope_ids()
{
	_accelscope_run list "$1" --columns id --format tsv | tail -n +2
}

# The serving software names efficiency.csv gives, and "default".
_accelscope_softwares()
{
	_accelscope_run list efficiency --columns software --format tsv |
	    tail -n +2 | sort -u | grep .
	echo default
}

# The column names of a table, or of the CSV file view is given.
_accelscope_columns()
{
	if [[ $cmd == view ]]; then
		[[ -n $1 ]] || return
		_accelscope_run view "$(_accelscope_dequote "$1")" \
		    --format tsv | head -n 1 | tr '\t' '\n'
	else
		_accelscope_run list "${1:-hardware}" --format tsv | head -n 1 |
		    tr '\t' '\n'
	fi
}

# Theme names: 'accelscope theme' prints NAME<TAB>ORIGIN a line.
_accelscope_themes()
{
	local name rest

	_accelscope_run theme | while IFS=$'\t' read -r name rest; do
		printf '%s\n' "$name"
	done
}

# A word as the shell will pass it: quotes removed, a leading ~/ expanded.
_accelscope_dequote()
{
	local w=$1

	case $w in
	\'*\') w=${w:1:${#w}-2} ;;
	\"*\") w=${w:1:${#w}-2} ;;
	*) w=${w//\\/} ;;
	esac
	[[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
	printf '%s' "$w"
}

# The options of a subcommand (none: the global ones) that take a value.
_accelscope_argopts()
{
	# The workload options of calc and rank; rank refuses --hw.
	local wl="--model --chips --batch --prompt --output --precision
	    --kv-precision --act-precision --price --mfu --mbu --overhead-us
	    --software --format --data"

	case $1 in
	"") echo "--data --theme --pane --filter" ;;
	list) echo "--sort --columns --format --data --filter --scenario" ;;
	view) echo "--sort --columns --format --filter" ;;
	show) echo "--format --data" ;;
	diff) echo "--format --data" ;;
	calc) echo "--hw $wl --strategy --rate --max-wait --requests --seed" ;;
	rank) echo "$wl --by" ;;
	validate) echo "--format --data --tolerance" ;;
	check) echo "--data" ;;
	theme) echo "--format --colors" ;;
	esac
}

# The options of a subcommand that take no value.
_accelscope_flags()
{
	case $1 in
	"") echo "--no-mouse --help --version" ;;
	diff) echo "--only-diff" ;;
	calc) echo "--sweep" ;;
	esac
}

_accelscope_takes_arg()
{
	local o

	for o in $(_accelscope_argopts "$1"); do
		[[ $o == "$2" ]] && return 0
	done
	return 1
}

# Add the lines of stdin that start with $2 to COMPREPLY, each prefixed
# with $1.  Fed by '< <(...)': a pipe would run it in a subshell.
_accelscope_add()
{
	local pre=$1 cur=$2 w

	while IFS= read -r w; do
		[[ -n $w && $w == "$cur"* ]] && COMPREPLY+=("$pre$w")
	done
}

# Add the words among $3... that start with $2 to COMPREPLY, each prefixed
# with $1.
_accelscope_words()
{
	local pre=$1 cur=$2

	shift 2
	COMPREPLY+=($(compgen -P "$pre" -W "$*" -- "$cur"))
}

# The value of option $1, from the partial word $2; every reply prefixed
# with $3.
_accelscope_value()
{
	local opt=$1 cur=$2 pre=$3 table

	case $opt in
	--data)
		compopt -o filenames 2>/dev/null
		_accelscope_add "$pre" "" < <(compgen -d -- "$cur")
		;;
	--format) _accelscope_words "$pre" "$cur" table csv tsv json md ;;
	--strategy) _accelscope_words "$pre" "$cur" static dynamic continuous ;;
	--by) _accelscope_words "$pre" "$cur" cost latency throughput ;;
	--precision | --kv-precision | --act-precision)
		_accelscope_words "$pre" "$cur" fp32 fp16 bf16 fp8 int8 fp4 int4
		;;
	--batch) _accelscope_words "$pre" "$cur" max ;;
	--pane)
		_accelscope_words "$pre" "$cur" matrix scenarios specs diff \
		    calculator sources
		;;
	--theme) _accelscope_add "$pre" "$cur" < <(_accelscope_themes) ;;
	--colors) _accelscope_words "$pre" "$cur" 0 8 16 256 direct ;;
	--hw) _accelscope_add "$pre" "$cur" < <(_accelscope_ids hardware) ;;
	--model) _accelscope_add "$pre" "$cur" < <(_accelscope_ids models) ;;
	--software) _accelscope_add "$pre" "$cur" < <(_accelscope_softwares) ;;
	--scenario)
		_accelscope_add "$pre" "$cur" < <(_accelscope_ids scenarios)
		;;
	--sort)
		# [-]COLUMN of the table being listed.
		table=${_accelscope_pos[0]}
		if [[ $cur == -* ]]; then
			pre=$pre- cur=${cur#-}
		fi
		_accelscope_add "$pre" "$cur" < <(_accelscope_columns "$table")
		;;
	--columns)
		# A comma-separated list: complete its last item.
		table=${_accelscope_pos[0]}
		if [[ $cur == *,* ]]; then
			pre=$pre${cur%,*}, cur=${cur##*,}
		fi
		compopt -o nospace 2>/dev/null
		_accelscope_add "$pre" "$cur" < <(_accelscope_columns "$table")
		;;
	esac
	# --filter, --rate and the other numbers: nothing to offer.
}

# Hardware ids not among the words given.
_accelscope_other_hw()
{
	local w p

	while IFS= read -r w; do
		for p in "$@"; do
			[[ $p == "$w" ]] && continue 2
		done
		printf '%s\n' "$w"
	done < <(_accelscope_ids hardware)
}

_accelscope()
{
	local -a words _accelscope_pos=()
	local cword=0 i w n cmd="" dashdash="" valopt="" cur opt pre
	local _accelscope_prog=${COMP_WORDS[0]} _accelscope_data=""

	COMPREPLY=()
	# Put back together the --opt=value that COMP_WORDBREAKS split.
	words=()
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		n=${#words[@]}
		if ((n > 1)) && [[ $w == "=" && ${words[n - 1]} == --* &&
		    ${words[n - 1]} != *=* ]]; then
			words[n - 1]+=$w
		elif ((n > 1 && i > 1)) && [[ ${COMP_WORDS[i - 1]} == "=" &&
		    ${words[n - 1]} == --*= ]]; then
			words[n - 1]+=$w
		else
			words+=("$w")
		fi
		((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
	done
	((cword == 0)) && return 0
	cur=${words[cword]}

	# What the words before the cursor say: the subcommand, its
	# positionals, --data, and whether the cursor is on an option's value.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		if [[ -n $dashdash || $w != -?* ]]; then
			if [[ -z $cmd ]]; then
				cmd=$w
			else
				_accelscope_pos+=("$w")
			fi
			continue
		fi
		if [[ $w == -- && -n $cmd ]]; then
			dashdash=1
			continue
		fi
		opt=${w%%=*}
		if [[ $w == --data=* ]]; then
			_accelscope_data=$(_accelscope_dequote "${w#*=}")
		elif [[ $w == --data ]] && ((i + 1 < cword)); then
			_accelscope_data=$(_accelscope_dequote "${words[i + 1]}")
		fi
		if [[ $w != *=* ]] && _accelscope_takes_arg "$cmd" "$opt"; then
			((i + 1 == cword)) && valopt=$opt
			((i++))
		fi
	done

	if [[ -n $valopt ]]; then
		_accelscope_value "$valopt" "$cur" ""
		return 0
	fi
	if [[ -z $dashdash && $cur == --*=* ]]; then
		# The value glued to its option: complete the part after '='.
		# Where '=' breaks words, readline replaces only that part.
		opt=${cur%%=*}
		pre=""
		[[ $COMP_WORDBREAKS == *=* ]] || pre=$opt=
		_accelscope_takes_arg "$cmd" "$opt" &&
		    _accelscope_value "$opt" "${cur#*=}" "$pre"
		return 0
	fi

	n=${#_accelscope_pos[@]}
	if [[ -n $dashdash || $cur != -* ]]; then
		case $cmd in
		"")
			_accelscope_words "" "$cur" list show diff calc rank \
			    validate check theme view
			return 0
			;;
		list)
			((n == 0)) && _accelscope_words "" "$cur" sources metrics \
			    hardware specs comparisons matrix analysis scenarios \
			    models measurements prices efficiency
			;;
		show)
			((n == 0)) && _accelscope_add "" "$cur" \
			    < <(_accelscope_ids hardware)
			;;
		diff)
			# Two to four chips, each once.
			((n < 4)) && _accelscope_add "" "$cur" \
			    < <(_accelscope_other_hw "${_accelscope_pos[@]}")
			;;
		theme)
			((n == 0)) && _accelscope_add "" "$cur" \
			    < <(_accelscope_themes)
			;;
		view)
			# A CSV file, or a directory on the way to one.
			if ((n == 0)); then
				compopt -o filenames 2>/dev/null
				_accelscope_add "" "" < <(compgen -d -- "$cur"
				    compgen -f -X '!*.[cC][sS][vV]' -- "$cur")
			fi
			;;
		esac
		# A positional was due here, or after '--' only positionals.
		((${#COMPREPLY[@]} > 0)) || [[ -n $dashdash ]] && return 0
	fi
	_accelscope_words "" "$cur" $(_accelscope_argopts "$cmd") \
	    $(_accelscope_flags "$cmd")
	return 0
}

complete -F _accelscope accelscope
