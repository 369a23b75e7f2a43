# Helpers for the terminal tests: run the real program in tmux at a fixed
# size, send keys, read the screen.  Sourced by tests/e2e/*.sh.
PROG=${PROG:-build/accelscope}
case $PROG in /*) ;; *) PROG=$PWD/$PROG ;; esac
T="tmux -L accelscope-e2e-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null' EXIT

# start W H: a shell in a W x H terminal, with nothing of the user's.
start() {
	$T new-session -d -x "$1" -y "$2" \
	    "env -i PATH=/usr/bin:/bin HOME=$HOME TERM=xterm-256color \
	    LC_ALL=${E2E_LC_ALL:-C.UTF-8} \
	    XDG_DATA_HOME=${XDG_DATA_HOME:-/nonexistent} \
	    XDG_CONFIG_HOME=${XDG_CONFIG_HOME:-/nonexistent} \
	    PS1='$ ' sh"
	$T set-option -g status off
	$T resize-window -x "$1" -y "$2" 2>/dev/null
}
screen() { $T capture-pane -p; }
# click X Y: a left click at column X, line Y (1-based), as an xterm
# sends it (SGR mode): press then release.
click() {
	$T send-keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")"
	$T send-keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"
}
# wheel up|down X Y
wheel() {
	b=64
	[ "$1" = down ] && b=65
	$T send-keys -l "$(printf '\033[<%d;%d;%dM' "$b" "$2" "$3")"
}
keys() { $T send-keys "$@"; }
# run ARGS: start the program from the shell; its exit status is echoed.
run() { keys "$PROG $* ; echo EXITED:\$?" Enter; }
resize() { $T resize-window -x "$1" -y "$2"; }

fail() {
	printf 'FAIL: %s\n' "$*"
	screen | sed 's/^/  | /'
	exit 1
}
# expect TEXT: wait up to 5 s for TEXT on the screen.
expect() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "expected \"$1\""
}
# expect_selected TEXT: wait up to 5 s for the cursor's row ("> ") to hold
# TEXT; TEXT may be on the screen before the cursor gets there.
expect_selected() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -F '> ' | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the cursor did not reach \"$1\""
}
# press_until KEY TEXT N: press KEY until TEXT is on the screen, at most
# N times (a pause after each for the screen to catch up).
press_until() {
	i=0
	until screen | grep -qF -- "$2"; do
		[ $i -lt "$3" ] || fail "$2: not there after $3 presses of $1"
		keys "$1"
		sleep 0.15
		i=$((i + 1))
	done
}
# expect_not TEXT: wait up to 5 s for TEXT to be off the screen (keys
# sent just before may not have been drawn yet).
expect_not() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "did not expect \"$1\""
}
# line N: line N (1-based) of the screen.
line() { screen | sed -n "${1}p"; }
