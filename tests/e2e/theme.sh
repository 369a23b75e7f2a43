# Themes in a real terminal: colours as each kind of terminal gets them
# (tmux records what the program sent), switching live, and a broken user
# theme reported with its position while the default theme takes over.
. tests/e2e/lib.sh

dir=$(mktemp -d)
trap '$T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
XDG_CONFIG_HOME=$dir && export XDG_CONFIG_HOME
mkdir -p "$dir/accelscope/themes"
printf 'title = red\nheader = blue purple\n' \
    > "$dir/accelscope/themes/broken.theme"
printf '# mine\ntitle = black #ffaf00,214,yellow bold\n' \
    > "$dir/accelscope/themes/mine.theme"

# colour_line N TEXT: line N's escape sequences hold TEXT.
colour_line() {
	$T capture-pane -p -e | sed -n "${1}p" | grep -qF -- "$2" ||
	    fail "line $1 has no \"$2\": $($T capture-pane -p -e |
	    sed -n "${1}p" | cat -v | cut -c1-200)"
}
no_colour() {
	$T capture-pane -p -e | grep -qE '\[(3|4)[0-8]m|[34]8;[25];' &&
	    fail "colour on screen under $1"
	return 0
}

start 160 30
# The dark theme's title bar is #303030: 24-bit, 236, or blue (4) on an
# 8-colour console.
for tc in "xterm-direct:48;2;48;48;48" "xterm-256color:48;5;236" \
    "linux:[44m"; do
	keys "TERM=${tc%%:*} $PROG --theme dark; echo EXITED:\$?" Enter
	expect "1 Matrix"
	colour_line 1 "${tc#*:}"
	keys Q
	expect "EXITED:0"
	keys clear Enter
done
# mono, and any theme under NO_COLOR: attributes only.
keys "$PROG --theme mono; echo EXITED:\$?" Enter
expect "1 Matrix"
no_colour "mono"
keys Q
expect "EXITED:0"
keys clear Enter
keys "NO_COLOR=1 $PROG --theme solarized; echo EXITED:\$?" Enter
expect "1 Matrix"
no_colour "NO_COLOR"
keys Q
expect "EXITED:0"
keys clear Enter

# Live: T goes to the next theme, :theme to any, a user theme included.
run --theme dark
expect "1 Matrix"
keys T
expect "Theme default (T for the next"
keys ':' 'theme li' Tab
expect ":theme light"
keys Enter
expect "Theme light"
colour_line 1 "48;5;24m"
keys ':' 'theme mine' Enter
expect "Theme mine"
colour_line 1 "48;5;214m"
# A broken theme: its first problem, where it is, and the default theme.
keys ':' 'theme broken' Enter
expect 'broken.theme:2:15: error: bad colour "purple"'
expect "using the default theme"
keys 3
expect "row 1 of 41"
keys ':' 'theme nope' Enter
expect 'unknown theme "nope" (themes: broken, dark, default'
keys Q
expect "EXITED:0"
keys clear Enter

# The same at start-up, from --theme and from the config file.
run --theme broken
expect "using the default theme"
keys 2
expect "scenario 1 of"
keys Q
expect "EXITED:0"
keys clear Enter
printf 'theme broken\n' > "$dir/accelscope/config"
run
expect "broken.theme:2:15: error"
keys Q
expect "EXITED:0"
exit 0
