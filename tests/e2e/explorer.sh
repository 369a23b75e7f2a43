# The explorer as a person uses it: panes, detail, sorting, help, resize,
# quitting.
. tests/e2e/lib.sh

# Not on a terminal: it says so and points at the commands.
out=$("$PROG" </dev/null 2>&1); st=$?
[ $st -eq 2 ] || { echo "FAIL: no terminal: exit $st"; exit 1; }
echo "$out" | grep -q "accelscope list" || { echo "FAIL: no hint"; exit 1; }

start 120 40
run
# Matrix
expect "1 Matrix"
expect "Primary Design Goal"
expect "AI Accelerators"
expect "GPU Computing"
keys c
expect "GPU vs TPU"
keys C
expect "Comparison 1 of 3"
keys j Enter
expect "Matrix detail"
expect "Source"
keys Escape
expect "dimension 2 of"

# Scenarios
keys 2
expect "High-Volume LLM Inference"
expect "[ACCEL]"
keys Enter
expect "Rationale"
expect "Hardware that fits"
keys q
expect "scenario 1 of"

# Specs: sort by memory bandwidth, descending.
keys 3
expect "NVIDIA H100"
expect "row 1 of"
press_until l "column memory_bw_tbs" 30
keys s
expect "sorted by memory_bw_tbs ascending"
keys s
expect "sorted by memory_bw_tbs descending"
top=$("$PROG" list hardware --sort -memory_bw_tbs --columns name \
    --format tsv | sed -n 2p | cut -c1-30)
keys g
sleep 0.2
line 4 | grep -qF -- "$top" || fail "first row is not $top"
keys Enter
expect "Specs detail"
expect "Figures"
expect "memory_bw_tbs"
keys Escape
keys s
expect "column memory_bw_tbs  a announced"
expect_not "sorted by"
# Unsorted again, the cursor stays on the chip it was on.
screen | grep -F '> ' | grep -qF -- "$top" || fail "cursor left $top"

# Sources
keys 6
first=$("$PROG" list sources --columns title --format tsv | sed -n 2p)
expect "$first"
keys Enter
expect "Figures citing it"
keys Escape

# Help
keys '?'
expect "Move up one row"
# At 80 columns a long line wraps under its text instead of being cut.
resize 80 40
expect "in Calculator, step down"
screen | grep -q "^ \{6,\}\[left\] *$" ||
    fail "the help's long lines were cut at 80 columns, not wrapped"
keys Escape
expect "column figures"
# A table cell cut by its column ends in a mark.
screen | sed -n '3,20p' | grep -q "…$" ||
    fail "a title cut at 80 columns was not marked"
resize 120 40
expect "6 Sources"

# Resize to tiny sizes and back: the state is kept.
keys j j
expect "row 3 of"
resize 10 4
expect "Terminal"
resize 2 1
sleep 0.3
resize 120 40
expect "row 3 of"
expect "6 Sources"

# Quit leaves the shell usable.
keys q
expect "EXITED:0"
keys "stty -a | tr ' ' '\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo" Enter
expect "icanon echo"

# Ctrl-C and SIGTERM restore the terminal too.
keys clear Enter
run --pane specs
expect "3 Specs"
keys C-c
expect "EXITED:130"
keys clear Enter
run
expect "1 Matrix"
pkill -TERM -f "^$PROG" || fail "no process to terminate"
expect "EXITED:143"
keys "stty -a | tr ' ' '\n' | grep -x -e icanon -e echo | tr '\n' ' '; echo" Enter
expect "icanon echo"

# Start-up options.
keys clear Enter
run --pane sources
expect "6 Sources"
expect "figures"
keys q
expect "EXITED:0"
keys clear Enter
run --pane nonsense
expect "unknown pane"
expect "EXITED:2"
exit 0
