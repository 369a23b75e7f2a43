#!/usr/bin/env zsh
# Drive the zsh completion (ui/completion/_accelscope) the way a person
# does: an interactive zsh in a pseudo-terminal (zsh/zpty), compinit, a
# command line typed and completion asked for.  compadd is wrapped to write
# the matches it adds to a file; nothing is listed or inserted.
#
#   zsh -f tests/complete.zsh COMPLETION_DIR < LINES
#
# For each line of input (a command line, completed at its end), prints one
# line: the matches, sorted, separated by spaces; "TIMEOUT" when the shell
# did not answer.  The program comes from $PATH.
zmodload zsh/zpty || exit 1
dir=${1:A}
tmp=$(mktemp -d) || exit 1
out=$tmp/matches

zpty z zsh -f -i || exit 1
zpty -w z "PS1='' RPS1='' PS2=''; unsetopt beep; fpath=(${(q)dir} \$fpath)"
zpty -w z "autoload -Uz compinit; compinit -u -d ${(q)tmp}/zcompdump"
# Internal calls (-O, -A, -D) only filter; the others add matches.
zpty -w z "compadd() { if (( \${@[(I)-[OAD]]} )); then
  builtin compadd \"\$@\"; return; fi
  local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >> ${(q)out}
  builtin compadd \"\$@\"; }"
zpty -w z "_ct_post() { compstate[list]=''; compstate[insert]=''; }"
zpty -w z "_ct() { : >| ${(q)out}; comppostfuncs=(_ct_post)
  zle complete-word; print -r -- --end-- >> ${(q)out}; BUFFER=''; }"
zpty -w z "zle -N _ct; bindkey '^T' _ct; print -r -- --ready-- >| ${(q)out}"

# Wait for the marker $1 in the file of matches; 1 after 20 seconds.
wait_for() {
	local i
	for (( i = 0; i < 400; i++ )); do
		[[ -f $out ]] && grep -qx -- $1 $out && return 0
		sleep 0.05
		# Drain what the shell echoes so that it never blocks.
		zpty -rt z junk 2>/dev/null
	done
	return 1
}

if ! wait_for --ready--; then
	print "zsh did not start" >&2
	zpty -d z
	rm -rf $tmp
	exit 1
fi
while IFS= read -r line; do
	: >| $out
	zpty -w -n z "$line"$'\x14'
	if wait_for --end--; then
		print -r -- ${(j: :)${(ou)${(f)"$(grep -vx -- --end-- $out)"}}}
	else
		print TIMEOUT
	fi
done
zpty -d z
rm -rf $tmp
