# accelscope view FILE.csv, and accelscope FILE.csv: any CSV in the
# explorer's table, with find, filter, sort, marks, the diff of marked rows
# and a row's detail.
. tests/e2e/lib.sh

csv=$(mktemp -d)/fleet.csv
trap '$T kill-server 2>/dev/null; rm -rf "${csv%/*}"' EXIT
cat >"$csv" <<'EOF'
host,chip,mem_gb,region,note
n01,H100,80,us-east,"rack 4, row 2"
n02,MI300X,192,us-west,
n03,H100,80.0,eu-west,spare
n04,Gaudi 3,128,us-east,"says ""hot"""
n05,TPU v5e,16,us-central,
EOF

start 120 30
run "$csv"
expect "1 Table"
expect "2 Diff"
expect "fleet.csv"
expect "row 1 of 5"
# The numbers are a number column: right-aligned.
line 3 | grep -q "n01  *H100  *80 " || fail "the first row is not as in the file"

# Sort by mem_gb (the cursor is on chip; l moves right): ascending.
keys l s
expect "n05"
line 3 | grep -q "n05" || fail "sorting by mem_gb did not put n05 first"
keys s
sleep 0.2
line 3 | grep -q "n02" || fail "a second s did not sort descending"
keys s

# Find, then the filter language on the file's own columns.
keys / spare Enter
expect "n03"
keys '&' 'mem_gb >= 100 and region ~ /^us/' Enter
expect "2 of 5 rows"
expect "n02"
expect "n04"
expect_not "n01"
keys Escape
expect "row 2 of 5"

# A bad filter names the column it does not know.
keys '&' 'memory > 3' Enter
expect 'unknown field "memory"'
keys Escape

# Marks and the diff: n01 and n03 agree on mem_gb (80 and 80.0).
keys g Space j Space
expect "2 marked: d diffs"
keys d
expect "2 Diff"
expect "column"
screen | grep -q '^.\*  *host' && screen | grep -q '^ \*  *region' ||
    fail "host and region should differ"
screen | grep -q '^    *mem_gb' || fail "80 and 80.0 should agree"
expect "3 differ"
keys D
expect "only these shown"
expect_not "mem_gb"
keys D

# A row's detail.
keys 1 G Enter
expect "Table: row 5"
expect "TPU v5e"
expect "1 empty field not shown"
keys q q
expect "EXITED:0"

# accelscope view on a file it cannot read says why, before any screen.
run view /nonexistent/x.csv
expect "x.csv: error: cannot open: No such file or directory"
expect "EXITED:1"

# Ctrl-C while loading cancels, even a pipe that is slow to come.
fifo=${csv%/*}/slow.csv
mkfifo "$fifo"
(printf 'a,b\n1,2\n'; exec sleep 30) >"$fifo" &
writer=$!
keys clear Enter
run view "$fifo"
sleep 0.5
keys C-c
expect "loading $fifo cancelled"
expect "EXITED:130"
kill $writer 2>/dev/null

# Rows left out: said on the status line, listed after q, and exit 1.
printf 'id,name\na,"open\n' >"${csv%/*}/bad.csv"
keys clear Enter
run "${csv%/*}/bad.csv"
expect "1 problem at 2:3, rows left out; it is listed when you quit"
screen | grep -q "unterminated quoted field" &&
    fail "the problem was listed under the explorer, not after it"
keys q
expect "bad.csv:2:3: error: unterminated quoted field; row skipped"
expect "EXITED:1"

# A big table (over a million cells) is filtered on Enter, not at each
# key: the filter is checked as it is typed, and the rows stay until Enter.
big=${csv%/*}/big.csv
{ echo n,sq; awk 'BEGIN { for (i = 1; i <= 600000; i++) print i "," i * i }'; } \
    >"$big"
keys clear Enter
run "$big"
expect "row 1 of 600000"
keys '&' 'sq > 4'
expect "(a big table: Enter filters)"
line 3 | grep -q '^>  *1  *1 *$' || fail "the rows changed before Enter"
keys ' and nosuch > 1'
expect 'unknown field "nosuch"'
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace BSpace BSpace BSpace BSpace
expect "(a big table: Enter filters)"
keys Enter
expect "599998 of 600000 rows"
keys q
expect "EXITED:0"
