# Terminal craft in a real terminal: the config file and key binding, the
# : prompt with Tab completion, :w export, y (OSC 52), the mouse, ASCII
# stand-ins, and terminals the explorer cannot use.
. tests/e2e/lib.sh

dir=$(mktemp -d)
trap '$T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
XDG_CONFIG_HOME=$dir/config && export XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/accelscope"

# A config with a bad line: reported with its position; the rest applies.
cat > "$XDG_CONFIG_HOME/accelscope/config" <<'CFG'
# test config
pane specs
bind x page-down
mouse maybe
CFG
start 120 40
$T set-option -g set-clipboard on
run
expect "config:4:7: error: mouse: \"maybe\" is neither on nor off"
keys g
expect "row 1 of 41"
# x was bound to page-down; the help lists it under page-down.
keys x
expect_not "row 1 of 41"
keys g '?'
expect "PgDn, C-f, x"
keys q

# : runs actions by name; Tab completes and lists.
keys ':' 'pane-ma' Tab
expect ":pane-matrix"
keys Enter
expect "Comparison 1 of"
# Several candidates: the first goes in, all are listed, Tab cycles.
keys ':' 'next-c' Tab
expect ":next-chart   next-chart next-comparison"
keys Tab
expect ":next-comparison   next-chart next-comparison"
keys Tab
expect ":next-chart   "
keys Tab
expect ":next-comparison"
keys Enter
expect "Comparison 2 of"
keys ':' 'frobnicate' Enter
expect "1:1: error: unknown command or action \"frobnicate\""
# bind at the prompt, then the key does it.
keys ':' 'bind z pane-sources' Enter
expect "z runs pane-sources now"
keys z
expect "6 Sources"

# :w writes the view whole; it never overwrites without w!.
keys 3 '&' 'vendor = AMD' Enter
expect "vendor = AMD:"
keys ':' "w $dir/amd.csv" Enter
expect "Wrote "
n=$(tail -n +2 "$dir/amd.csv" | wc -l)
want=$("$PROG" list hardware --filter 'vendor = AMD' --format tsv | tail -n +2 |
    wc -l)
[ "$n" -eq "$want" ] || fail "amd.csv has $n rows, want $want"
grep -q "^name," "$dir/amd.csv" || fail "amd.csv has no header"
echo keep > "$dir/keep.md"
keys ':' "w $dir/keep.md" Enter
expect "the file exists (w! overwrites it)"
[ "$(cat "$dir/keep.md")" = keep ] || fail "keep.md was overwritten"
keys ':' "w! $dir/keep.md" Enter
expect "Wrote "
grep -q '^| name' "$dir/keep.md" || fail "keep.md is not Markdown"
# The Calculator's results in JSON: what calc --format json prints.
keys 5 ':' "w $dir/calc.json" Enter
expect "Wrote 32 rows of Calculator"
"$PROG" calc --hw nvidia-h100 --model llama-3.1-8b --format json |
    cmp -s - "$dir/calc.json" || fail "calc.json is not calc's JSON"
keys 3
keys ':' "w $dir/x.txt" Enter
expect "name the file .csv, .tsv, .md or .json"
[ -e "$dir/x.txt" ] && fail "x.txt was written"
ls -A "$dir" | grep -q '^\.accelscope-' && fail "a temporary file was left"

# y copies the row with OSC 52; tmux (set-clipboard on) keeps it.
keys g y
expect "with OSC 52"
$T show-buffer | grep -q "AMD" || fail "the clipboard has no AMD row"

# The mouse: a tab, a header (sorts), a row, the wheel.
keys Escape
click 62 1
expect "Result"
click 40 1
keys g
expect "row 1 of 41"
click 48 2
expect "sorted by category ascending"
click 10 8
expect "row 5 of 41"
wheel down 10 10
expect "row 8 of 41"
wheel up 10 10
expect "row 5 of 41"
# Mouse off: the terminal is told to stop reporting it (tmux knows).
mouse() { $T display -p '#{mouse_standard_flag}#{mouse_sgr_flag}'; }
[ "$(mouse)" = 11 ] || fail "mouse reporting is not on: $(mouse)"
keys ':' 'mouse off' Enter
expect "Mouse off"
[ "$(mouse)" = 00 ] || fail "mouse reporting is still on: $(mouse)"
keys ':' 'mouse on' Enter
expect "Mouse on"
[ "$(mouse)" = 11 ] || fail "mouse reporting is not back on: $(mouse)"
keys Q
expect "EXITED:0"

# --no-mouse: never turned on.
run --no-mouse --pane specs
keys g
expect "row 1 of 41"
[ "$(mouse)" = 00 ] || fail "--no-mouse: mouse reporting is on: $(mouse)"
keys Q
expect "EXITED:0"
$T kill-server 2>/dev/null
sleep 0.5

# Not UTF-8: ASCII stand-ins; the Diff legend shows ~ and x, not ≈ and ×.
rm -f "$XDG_CONFIG_HOME/accelscope/config"
E2E_LC_ALL=C start 120 40
run --pane specs
expect "row 1 of 41"
keys d
expect "~ within 5%"
expect_not "≈"
keys Q
expect "EXITED:0"

# Terminals the explorer cannot use are refused with a reason.
keys "TERM=dumb $PROG; echo EXITED:\$?" Enter
expect "cannot move the cursor"
expect "EXITED:2"
keys "TERM=no-such-terminal $PROG; echo EXITED:\$?" Enter
expect "is unknown here"
exit 0
