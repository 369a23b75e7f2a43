# Marking chips, the Diff pane, jumping between differences, only the
# differences, a row's sources, in a terminal.
. tests/e2e/lib.sh

start 140 40
run --pane diff
expect "4 Diff"
expect "No chips to compare yet"

# Mark H100 and MI300X in Specs (a filter narrows the list first).
keys 3 '&' 'name ~ /H100|MI300X/' Enter
expect "2 of 41 rows"
keys g Space
expect "1 marked"
keys Space
expect "2 marked: d diffs"
keys d
expect "4 Diff"
expect "NVIDIA H100 SXM5 80GB"
expect "AMD Instinct MI300X"
# The baseline is the first marked; the best carries '*'.
expect "192 ×2.40 *"
expect "leads"
# :w writes what diff --format csv prints, not the marks on screen.
out=$(mktemp -d)
keys ':' "w $out/d.csv" Enter
expect "Wrote "
"$PROG" diff nvidia-h100 amd-mi300x --format csv | cmp -s - "$out/d.csv" ||
    fail ":w of the Diff is not diff --format csv"
rm -rf "$out"
keys_at_row() { screen | grep '^>' ; }

# The cursor starts on vendor; } jumps to the next row that differs,
# past category, status and deployment (the same for both).
keys_at_row | grep -q "vendor" || fail "the diff does not start at vendor"
keys '}'
sleep 0.2
keys_at_row | grep -q "software" || fail "} did not skip to software"
keys '}'
sleep 0.2
keys_at_row | grep -q "year" || fail "} did not reach year"
keys '{'
sleep 0.2
keys_at_row | grep -q "software" || fail "{ did not go back"

# D: only the rows that differ; scaleup_chips (8 and 8) goes away.
expect "scaleup_chips"
keys D
expect "(only these shown)"
expect_not "scaleup_chips"
expect_not "category"
keys D
expect "scaleup_chips"

# Enter on a metric row: each chip's figures with their sources.
keys '}' '}'
sleep 0.2
keys_at_row | grep -q "process_nm" || fail "not on process_nm"
keys Enter
expect "Diff detail"
expect "Figure"
expect "Source"
expect "Lower is better"
keys Escape

# With nothing marked, d takes the chip under the cursor and the next.
keys 3 M
expect_not "marked: d diffs"
keys Escape g d
expect "NVIDIA A100 80GB SXM4"
expect "NVIDIA H100 SXM5 80GB"

# Five marks are too many; the marks stay.
keys 3 g Space Space Space Space Space d
expect "5 marked: a diff takes 2 to 4 chips (M clears the marks)"
expect "3 Specs"
keys M q
expect "EXITED:0"
exit 0
