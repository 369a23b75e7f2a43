# The Calculator pane: the form recomputes on every change, typed values,
# bad values kept out, the charts and the ranking, in a terminal.
. tests/e2e/lib.sh

start 120 44
run --pane calculator
expect "5 Calculator"
expect "Hardware    nvidia-h100"
expect "Model       llama-3.1-8b"
expect "Throughput"
expect "memory-bound:"
# The chart starts on the latency-throughput curve.
expect "Per-user against aggregate tokens/s"

# Type a model by part of its name; the results follow.
keys j Enter C-u "llama-3.1-70b" Enter
expect "Model       llama-3.1-70b"
expect "Chips       auto (2)"
# Two chips: the all-reduces appear in the explanation or the figures.
expect "tokens/s per user"

# A bad number is refused, with the field unchanged.
keys j Enter C-u "many" Enter
expect "Chips: a whole number from 1 to 1,000,000, or auto; not \"many\" (unchanged)"
expect "Chips       auto (2)"
# Right doubles: 4 chips.
keys l
expect "Chips       4"
keys h h h
expect "Chips       auto (2)"

# Batch to max, then a simulation under load.
keys j j j j Enter C-u max Enter
expect "Batch       max ("
keys j j j j l
expect "Strategy    static"
keys l l
expect "Strategy    continuous"
expect "Under load    continuous batching"
expect "TTFT p50/p99"
keys j Enter C-u 1000 Enter
expect "Rate        1000 requests/s"
expect "OVERLOADED"
keys Enter C-u 0.5 Enter
expect "Rate        0.5 requests/s"
expect "Achieved"
expect_not "OVERLOADED"

# An efficiency override and back to the dataset's value.
keys j j l
expect "MFU         0."
keys Enter C-u auto Enter
expect "(efficiency.csv)"
expect "from efficiency.csv row"

# The charts: roofline with its ridge, then the rankings.
keys v
expect "Roofline per chip"
expect "ridge at"
keys v
expect "Every chip for llama-3.1-70b"
expect "by latency"
keys v
expect "by cost"
keys v
expect "by throughput"
keys v
expect "Per-user against aggregate tokens/s"

# An 80 x 24 window: the results take their short forms, and all of
# them, under load too, fit beside the form.
keys g Enter C-u nvidia-h100 Enter
expect "Hardware    nvidia-h100"
resize 80 24
expect "Under load  continuous, 0.5 req/s"
expect "Memory      70 GB/chip, 0.419 GB/seq"
expect "Cost        \$"
expect "Achieved    "
resize 80 30
# The status line is longer than 80 columns: its cut is marked.
i=0
until line 30 | grep -q "Left/Right step.*…$"; do
	sleep 0.1
	i=$((i + 1))
	[ $i -lt 50 ] || fail "the status line was cut without a mark"
done
# Taller, the charts come back, their titles wrapped rather than cut.
resize 80 50
expect "Per-user against aggregate"
screen | grep -A1 "^Per-user against aggregate" | tr '\n' ' ' |
    grep -q "(\* each doubling, @ this batch)" ||
    fail "the curve's title was cut at 80 columns, not wrapped"
resize 120 44

# A chip whose host cost is per sequence shows it whole, at 80 columns.
resize 80 30
keys g Enter C-u nvidia-gb200 Enter
expect "Overhead    29.4 us/seq (efficiency.csv)"
resize 120 44

# The serving software: on Cerebras, the August 2024 release's figures
# (slower), then back to the default, the current release's.
keys g Enter C-u cerebras-wse-3 Enter
expect "Hardware    cerebras-wse-3"
keys j Enter C-u llama-3.1-70b Enter j j j j j Enter C-u 1 Enter
expect "Batch       1"
expect "Software    default"
keys G l
expect "Software    cerebras-inference-2024-08"
expect "449.4 tokens/s per user"
expect "Software: from efficiency.csv row wafer-scale-layer-latency-us-1"
keys h
expect "Software    default"
expect "2088 tokens/s per user"

# A chip that cannot hold the model says so.
keys g Enter C-u apple-neural-engine Enter
expect "Hardware    apple-neural-engine"
keys q
expect "EXITED:0"
exit 0
