# Data that tries to drive the terminal: tests/data/hostile holds ESC, CSI,
# OSC (a title, a clipboard write), DCS, BEL, C1 controls, a lone CR and a
# right-to-left override in names, notes, the matrix, a scenario, a source
# and an analysis passage.  Every pane and detail must show them escaped;
# the terminal must not obey any of them.
. tests/e2e/lib.sh

start 150 40
$T set-option -g set-clipboard on
$T select-pane -T clean
run --data "$PWD/tests/data/hostile" --pane specs
expect "3 Specs"
# The name, escaped, in the table, and the row after it intact.
expect 'Evil\e[31mRED\e]0;pwned\x07\u009B2J'
expect 'Beta B2'

# check_terminal WHAT [ALT]: ALT is 1 inside the explorer (its alternate
# screen), 0 at the shell.
check_terminal() {
	[ "$($T display -p '#{pane_title}')" = clean ] ||
	    fail "$1: the data set the title"
	[ "$($T display -p '#{window_bell_flag}')" = 0 ] ||
	    fail "$1: the data rang the bell"
	[ "$($T display -p '#{alternate_on}')" = "${2:-1}" ] ||
	    fail "$1: the data switched screens"
	$T list-buffers | grep -q . && fail "$1: the data wrote the clipboard"
	# No character of the data reached the screen raw.
	screen | grep -q "$(printf '\033')" && fail "$1: a raw ESC"
	return 0
}
check_terminal specs

# Its detail: the notes with the OSC 52 and the screen clear.
keys g Enter
expect 'Evil\e[31mRED\e]0;pwned\x07\u009B2J\x08\u202ERTL'
expect 'notes\e]52;c;cHduZWQ=\x07\e[2J\ePdcs\e\end'
check_terminal detail
keys Escape

keys 1
expect 'Fast\e[5mblink\e[0m'
check_terminal matrix
# The analysis passage, with its lone CR shown as \r.
keys Enter
expect 'Because.\rOVERWRITTEN'
check_terminal analysis
keys Escape

keys 2
expect 'Fast\x07things\e[?1049h'
check_terminal scenarios

keys 6
expect 'Alpha\u009D0;c1title\u009Cdatasheet'
check_terminal sources

# The Diff of the hostile chip and another.
keys 3 g Space j Space d
expect "4 Diff"
expect 'Evil\e[31mRED'
check_terminal diff

keys q
expect "EXITED:0"

# Subcommands writing to a terminal escape whatever the format; to a pipe,
# CSV keeps the bytes (the golden tests check that).
for f in table csv tsv md json; do
	keys clear Enter
	run --data "$PWD/tests/data/hostile" list hardware --format $f \
	    --columns id,name,notes
	expect "EXITED:0"
	case $f in
	json) expect 'Evil\u001b[31mRED' ;;
	*) expect 'Evil\e[31mRED\e]0;pwned\x07' ;;
	esac
	check_terminal "list --format $f" 0
done
keys clear Enter
run --data "$PWD/tests/data/hostile" show alpha-x1
expect "EXITED:0"
expect 'Evil\e[31mRED\e]0;pwned\x07\u009B2J\x08\u202ERTL (alpha-x1)'
check_terminal show 0
