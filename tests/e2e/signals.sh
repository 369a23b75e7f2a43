# Signals: SIGINT, SIGTERM and SIGHUP end the explorer with the terminal
# given back as it was; Ctrl-Z suspends it and fg redraws it.
. tests/e2e/lib.sh

start 120 30
shell=$($T display -p '#{pane_pid}')

# The explorer's pid: the shell's child.
prog_pid() {
	i=0
	while [ $i -lt 50 ]; do
		p=$(pgrep -P "$shell" | head -1)
		[ -n "$p" ] && { echo "$p"; return; }
		sleep 0.1
		i=$((i + 1))
	done
	fail "no explorer process"
}

# The terminal as the shell had it: main screen, cursor shown, no mouse
# reporting, keys in normal mode.
terminal_restored() {
	[ "$($T display -p '#{alternate_on}')" = 0 ] ||
	    fail "$1: still on the alternate screen"
	[ "$($T display -p '#{cursor_flag}')" = 1 ] ||
	    fail "$1: the cursor is hidden"
	[ "$($T display -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = 000 ] ||
	    fail "$1: mouse reporting is still on"
	[ "$($T display -p '#{keypad_cursor_flag}')" = 0 ] ||
	    fail "$1: the cursor keys are still in application mode"
}

for sig in INT TERM HUP; do
	keys clear Enter
	run --pane specs
	expect "3 Specs"
	[ "$($T display -p '#{alternate_on}')" = 1 ] ||
	    fail "the explorer is not on the alternate screen"
	kill -s $sig "$(prog_pid)"
	case $sig in INT) n=130 ;; TERM) n=143 ;; HUP) n=129 ;; esac
	expect "EXITED:$n"
	terminal_restored "SIG$sig"
	# The shell takes typing as before: echo on, lines end with Enter.
	keys "echo typed-$sig" Enter
	expect "typed-$sig"
done

# Ctrl-C at the keyboard is SIGINT.
keys clear Enter
run --pane specs
expect "3 Specs"
keys C-c
expect "EXITED:130"
terminal_restored "Ctrl-C"

# Ctrl-Z: back at the shell with the terminal restored; fg redraws the
# pane where it was, and the mouse comes back on.
keys clear Enter
keys "$PROG --pane specs" Enter
expect "3 Specs"
keys j j
keys C-z
expect "Stopped"
terminal_restored "Ctrl-Z"
keys clear Enter
expect '$'
keys fg Enter
expect "3 Specs"
expect "row 3 of 41"
[ "$($T display -p '#{alternate_on}#{mouse_standard_flag}')" = 11 ] ||
    fail "after fg: not back on the alternate screen with the mouse"
keys q
expect '$'

# Ctrl-Z that lands while a frame is being drawn (keys typed ahead of it)
# still stops the explorer, every time.
keys clear Enter
keys "$PROG --pane specs" Enter
expect "3 Specs"
n=0
while [ $n -lt 15 ]; do
	keys j j j j k k k k
	keys C-z
	expect "Stopped"
	keys clear Enter
	keys fg Enter
	expect "3 Specs"
	n=$((n + 1))
done
keys q
expect '$'
