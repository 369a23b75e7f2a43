#!/bin/sh
# Run one libFuzzer target for a while:
#
#   sh tests/fuzz/run.sh BUILDDIR NAME SECONDS
#
# The corpus is a fresh scratch copy of tests/fuzz/corpus/NAME/ in
# BUILDDIR/fuzz/corpus/NAME/, where libFuzzer adds what it finds until the
# next run (libFuzzer runs every input of its corpus before the clock
# starts, so a corpus kept from run to run would make each take longer);
# tests/fuzz/regress/NAME/ (the saved crashes) is read too, never written.
# Nothing new goes into the repository by itself: a crash worth keeping is
# copied to tests/fuzz/regress/NAME/ by hand, with the fix.  Prints one
# summary line; on a crash, leak or timeout prints the end of the log and
# where the input was saved, and exits 1.
B=${1:?builddir} name=${2:?target} time=${3:-60}
bin=$B/fuzz/fuzz_$name
corpus=$B/fuzz/corpus/$name
crashes=$B/fuzz/crashes/$name
log=$B/fuzz/$name.log
seeds=tests/fuzz/corpus/$name
regress=tests/fuzz/regress/$name

[ -x "$bin" ] || { echo "fuzz $name: no $bin (make fuzz builds it)"; exit 1; }
rm -rf "$corpus"
mkdir -p "$corpus" "$crashes" || exit 1
[ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
start=$B/fuzz/$name.start
: > "$start"

set -- -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1
[ -f "tests/fuzz/$name.dict" ] && set -- "$@" -dict="tests/fuzz/$name.dict"
set -- "$@" "$corpus"
[ -d "$regress" ] && set -- "$@" "$regress"

"$bin" "$@" >"$log" 2>&1
rc=$?
# "#1234 DONE cov: 567 ft: 890 corp: 12/3Kb lim: 4096 exec/s: 20 rss: 50Mb"
done=$(grep 'DONE *cov:' "$log" | tail -1)
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
cov=$(echo "$done" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(echo "$done" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
corp=$(echo "$done" | sed -n 's/.* corp: \([^ ]*\).*/\1/p')
if [ "$rc" -eq 0 ]; then
	echo "fuzz $name: ok, ${runs:-?} runs in ${time}s, ${eps:-?} exec/s," \
	    "cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}"
	rm -f "$start"
	exit 0
fi
echo "fuzz $name: FAILED (exit $rc); the end of $log:"
tail -n 60 "$log" | sed 's/^/  /'
found=$(find "$crashes" -type f -newer "$start" 2>/dev/null)
if [ -n "$found" ]; then
	for f in $found; do
		echo "fuzz $name: input saved in $f"
	done
	echo "fuzz $name: reproduce with $bin FILE; keep it in $regress/" \
	    "with the fix"
else
	echo "fuzz $name: no input saved (see $log)"
fi
rm -f "$start"
exit 1
