# Find, filter, an invalid filter, and scenario filtering, in a terminal.
. tests/e2e/lib.sh

start 120 40
run --pane specs
expect "3 Specs"
total=$("$PROG" list hardware --format tsv | tail -n +2 | wc -l)
want=$("$PROG" list hardware --filter 'vendor = NVIDIA and memory_gb > 100' \
    --format tsv | tail -n +2 | wc -l)

# & filters live; the status line counts the rows.
keys '&' 'vendor = NVIDIA and memory_gb > 100'
expect "&vendor = NVIDIA and memory_gb > 100"
keys Enter
expect "vendor = NVIDIA and memory_gb > 100: $want of $total rows"
expect "NVIDIA H200"
expect_not "AMD Instinct"

# An invalid filter keeps the last good one and shows the error's column.
# (The prompt opens on the current filter.)
keys '&' ' and (category = GPU'
expect "1:41: error: unbalanced parenthesis: no closing )"
expect "NVIDIA H200"
keys Escape
expect "vendor = NVIDIA and memory_gb > 100: $want of $total rows"
keys '&' C-u 'memroy_gb > 1'
expect '1:1: error: unknown field "memroy_gb" (did you mean memory_gb?)'
keys Escape
expect "vendor = NVIDIA and memory_gb > 100: $want of $total rows"
# Enter on an invalid one: the filter from before &, not the last good
# prefix typed ("name" alone would select one row).
keys '&' C-u 'name ~ /(bad/' Enter
expect "bad regex: missing closing parenthesis (the filter is as it was)"
keys C-l
expect "vendor = NVIDIA and memory_gb > 100: $want of $total rows"

# &! inverts.
keys '&' C-u '!category = GPU' Enter
expect "not category = GPU"
expect "Google TPU v7"
expect_not "NVIDIA H200"
# An empty filter clears it.
keys '&' C-u Enter
expect " of $total  column"

# History: Up recalls the last filter.
keys '&' Up
expect "&!category = GPU"
keys Escape
expect " of $total  column"

# Find with n / N, wrapping around with a notice.
keys / 'trainium' Enter
expect_selected "Trainium"
press_until n "Search wrapped to the top" 10
keys N
expect "Search wrapped to the bottom"
keys / 'nosuchchip' Enter
expect "Not found: nosuchchip"
keys / '(bad' Enter
expect "bad regex"

# Find in the Matrix and in a detail screen.
keys 1 / 'Ironwood' Enter
expect_selected "Training Performance"
keys Enter / 'JAX' Enter
expect "Matrix detail"
keys Escape

# In a chip's detail, n goes from match to match and wraps, also when the
# matches are on the last screenful (where the screen itself stays put).
keys 3 g Enter / 'Date' Enter
expect "the match on"
press_until n "Search wrapped to the top" 20
keys n
expect "the match on"
keys Escape

# A scenario's filter applied in Specs; Esc clears it.
keys 2 f
expect "scenario High-Volume LLM Inference"
expect "Google Cloud TPU v5p"
expect_not "NVIDIA H100"
keys Escape
expect " of $total  column"
keys q
expect "EXITED:0"

# --filter at start-up, and a bad one.
keys clear Enter
run --filter "'category = TPU'"
expect "category = TPU: "
expect "Google Cloud TPU v6e"
keys q
expect "EXITED:0"
keys clear Enter
run --filter "'memroy_gb > 1'"
expect "did you mean memory_gb?"
expect "EXITED:2"
exit 0
