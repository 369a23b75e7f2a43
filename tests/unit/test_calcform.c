/*
 * calcform.c: the Calculator pane's form on the bundled dataset: what the
 * fields show, how stepping and typing change them, that every change
 * recomputes, and that bad text changes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "calcform.h"
#include "diag.h"
#include "bundled_fixture.h"

static void
value_is(struct calcform *f, enum calcform_field k, int raw, const char *want)
{
	char *v = calcform_value(f, k, raw);

	assert_string_equal(v, want);
	free(v);
}

static void
set_ok(struct calcform *f, enum calcform_field k, const char *text)
{
	char *err = NULL;

	assert_int_equal(calcform_set(f, k, text, &err), 0);
	assert_null(err);
}

static void
test_defaults(void **state)
{
	struct calcform f;
	char want[32];

	(void)state;
	calcform_init(&f, ds);
	value_is(&f, CF_HW, 0, "nvidia-h100");
	value_is(&f, CF_MODEL, 0, "llama-3.1-8b");
	value_is(&f, CF_CHIPS, 0, "auto (1)");
	value_is(&f, CF_CHIPS, 1, "auto");
	value_is(&f, CF_BATCH, 0, "1");
	value_is(&f, CF_STRATEGY, 0, "none");
	value_is(&f, CF_MFU, 1, "auto");
	assert_true(f.ok);
	assert_non_null(f.sweep);
	assert_non_null(calcform_source(&f, CF_MBU));
	assert_null(calcform_source(&f, CF_BATCH));
	value_is(&f, CF_OVERHEAD, 0, "3400 us (efficiency.csv)");
	assert_string_equal(calcform_source(&f, CF_OVERHEAD),
	    "nvidia-h100-step-overhead-us-1");
	/* A chip with a host cost per sequence shows both parts. */
	set_ok(&f, CF_HW, "nvidia-b200");
	value_is(&f, CF_OVERHEAD, 0, "9.06 us/seq (efficiency.csv)");
	value_is(&f, CF_OVERHEAD, 1, "auto");
	assert_string_equal(calcform_source(&f, CF_OVERHEAD),
	    "nvidia-b200-seq-overhead-us-1");
	set_ok(&f, CF_OVERHEAD, "50");
	value_is(&f, CF_OVERHEAD, 0, "50 us");
	assert_null(calcform_source(&f, CF_OVERHEAD));
	/* Batch max: held to trtllm-bench's 4096 where more fit, and the
	   field says which; where fewer fit, just the number. */
	set_ok(&f, CF_BATCH, "max");
	set_ok(&f, CF_PROMPT, "128");
	set_ok(&f, CF_OUTPUT, "128");
	assert_true(f.r.max_batch > 4096);
	value_is(&f, CF_BATCH, 0, "max (4096, software limit)");
	value_is(&f, CF_BATCH, 1, "max");
	set_ok(&f, CF_PROMPT, "8000");
	set_ok(&f, CF_OUTPUT, "8000");
	assert_true(f.r.batch == f.r.max_batch && f.r.batch < 4096);
	snprintf(want, sizeof want, "max (%.0f)", f.r.batch);
	value_is(&f, CF_BATCH, 0, want);
	calcform_done(&f);
}

/* Every change is recomputed: the same as calc_run() on the request. */
static void
test_recompute(void **state)
{
	struct calcform f;
	struct perf_result r;
	const char *why;
	double tpot;

	(void)state;
	calcform_init(&f, ds);
	tpot = f.r.tpot_s;
	set_ok(&f, CF_MODEL, "llama-3.1-70b");
	assert_true(f.r.tpot_s > 2 * tpot);
	value_is(&f, CF_CHIPS, 0, "auto (2)");
	/* By part of a name, any case. */
	set_ok(&f, CF_HW, "MI300");
	value_is(&f, CF_HW, 0, "amd-mi300x");
	set_ok(&f, CF_BATCH, "32");
	assert_int_equal(calc_run(ds, &f.q, &r, &why), 0);
	assert_true(r.tpot_s == f.r.tpot_s);
	assert_true(f.r.batch == 32);
	/* Weights set KV and activations too, KV no narrower than 8 bits. */
	set_ok(&f, CF_WPREC, "FP4");
	value_is(&f, CF_KVPREC, 0, "fp8");
	value_is(&f, CF_APREC, 1, "fp4");
	calcform_done(&f);
}

static void
test_adjust(void **state)
{
	struct calcform f;

	(void)state;
	calcform_init(&f, ds);
	calcform_adjust(&f, CF_BATCH, 1);
	value_is(&f, CF_BATCH, 0, "2");
	calcform_adjust(&f, CF_BATCH, -1);
	calcform_adjust(&f, CF_BATCH, -1);
	value_is(&f, CF_BATCH, 0, "1");
	/* Doubling past the largest batch that fits lands on max. */
	set_ok(&f, CF_BATCH, "256");
	calcform_adjust(&f, CF_BATCH, 1);
	value_is(&f, CF_BATCH, 1, "max");
	calcform_adjust(&f, CF_BATCH, -1);
	value_is(&f, CF_BATCH, 0, "256");
	/* Chips: auto, then doubling; below 1 is auto again. */
	calcform_adjust(&f, CF_CHIPS, 1);
	value_is(&f, CF_CHIPS, 0, "2");
	calcform_adjust(&f, CF_CHIPS, -1);
	calcform_adjust(&f, CF_CHIPS, -1);
	value_is(&f, CF_CHIPS, 1, "auto");
	/* Hardware wraps round. */
	f.q.hw = 0;
	calcform_adjust(&f, CF_HW, -1);
	assert_int_equal(f.q.hw, dataset_count(ds, DS_HARDWARE) - 1);
	/* Strategy cycles through none; choosing one on batch 1 takes the
	   largest batch that fits, and runs the simulation. */
	set_ok(&f, CF_BATCH, "1");
	calcform_adjust(&f, CF_HW, 1);
	calcform_adjust(&f, CF_STRATEGY, -1);
	value_is(&f, CF_STRATEGY, 0, "continuous");
	value_is(&f, CF_BATCH, 1, "max");
	assert_true(f.sim_ok);
	assert_true(f.sr.throughput > 0);
	calcform_adjust(&f, CF_STRATEGY, 1);
	value_is(&f, CF_STRATEGY, 0, "none");
	/* Efficiencies step by 0.05 from the dataset's value. */
	calcform_adjust(&f, CF_MBU, 1);
	assert_true(fabs(f.q.mbu - (f.eff.mbu + 0.05)) < 1e-9);
	calcform_done(&f);
}

/*
 * Software: the default, then each that efficiency.csv has rows of for the
 * chip; its rows apply first.  On Cerebras the August 2024 software's
 * per-layer latency is the older, slower one.
 */
static void
test_software(void **state)
{
	struct calcform f;
	double fast;

	(void)state;
	calcform_init(&f, ds);
	value_is(&f, CF_SOFTWARE, 0, "default");
	/* H100 has no software-specific rows: stepping stays on default. */
	calcform_adjust(&f, CF_SOFTWARE, 1);
	value_is(&f, CF_SOFTWARE, 0, "default");
	set_ok(&f, CF_HW, "cerebras-wse-3");
	set_ok(&f, CF_MODEL, "llama-3.1-70b");
	assert_true(f.ok);
	fast = f.r.tokens_per_s_user;
	assert_null(calcform_source(&f, CF_SOFTWARE));
	calcform_adjust(&f, CF_SOFTWARE, 1);
	value_is(&f, CF_SOFTWARE, 0, "cerebras-inference-2024-08");
	assert_string_equal(calcform_source(&f, CF_SOFTWARE),
	    "wafer-scale-layer-latency-us-1");
	assert_true(f.ok);
	assert_true(f.r.tokens_per_s_user < fast / 4);
	calcform_adjust(&f, CF_SOFTWARE, 1);
	value_is(&f, CF_SOFTWARE, 0, "default");
	assert_true(fabs(f.r.tokens_per_s_user - fast) < 1e-9 * fast);
	calcform_adjust(&f, CF_SOFTWARE, -1);
	value_is(&f, CF_SOFTWARE, 1, "cerebras-inference-2024-08");
	/* Typed: any case, part of a name, or default. */
	set_ok(&f, CF_SOFTWARE, "default");
	value_is(&f, CF_SOFTWARE, 1, "default");
	set_ok(&f, CF_SOFTWARE, "2024-08");
	value_is(&f, CF_SOFTWARE, 1, "cerebras-inference-2024-08");
	/* Kept on a chip it has no rows for, which it then leaves as is. */
	set_ok(&f, CF_HW, "nvidia-h100");
	value_is(&f, CF_SOFTWARE, 0, "cerebras-inference-2024-08 (no rows "
	    "here)");
	value_is(&f, CF_SOFTWARE, 1, "cerebras-inference-2024-08");
	assert_null(calcform_source(&f, CF_SOFTWARE));
	assert_true(f.ok);
	calcform_done(&f);
}

/* Bad text: a message naming the field and the text, nothing changed. */
static void
test_bad(void **state)
{
	static const struct {
		enum calcform_field k;
		const char *text, *err;
	} cases[] = {
		{ CF_HW, "no-such-chip",
		    "no hardware matches \"no-such-chip\"" },
		{ CF_MODEL, "", "no model matches \"\"" },
		{ CF_CHIPS, "0", "Chips: a whole number from 1 to 1,000,000, "
		    "or auto; not \"0\"" },
		{ CF_BATCH, "2.5", "Batch: a whole number from 1 to "
		    "1,000,000,000, or max; not \"2.5\"" },
		{ CF_OUTPUT, "-1", "Output: a whole number of tokens from 1 "
		    "to 1,000,000,000; not \"-1\"" },
		{ CF_OUTPUT, "0", "Output: a whole number of tokens from 1 "
		    "to 1,000,000,000; not \"0\"" },
		{ CF_PROMPT, "nan", "Prompt: a whole number of tokens up to "
		    "1,000,000,000; not \"nan\"" },
		{ CF_PROMPT, "1000000001", "Prompt: a whole number of tokens "
		    "up to 1,000,000,000; not \"1000000001\"" },
		{ CF_WPREC, "fp12", "precisions: fp32, fp16, bf16, fp8, int8, "
		    "fp4, int4; not \"fp12\"" },
		{ CF_STRATEGY, "fifo", "strategies: none, static, dynamic, "
		    "continuous; not \"fifo\"" },
		{ CF_RATE, "0", "Rate: requests per second, above 0 and at "
		    "most 1,000,000,000; not \"0\"" },
		{ CF_RATE, "2e9", "Rate: requests per second, above 0 and at "
		    "most 1,000,000,000; not \"2e9\"" },
		{ CF_MAXWAIT, "-1", "Max wait: milliseconds, from 0 to "
		    "1,000,000,000; not \"-1\"" },
		{ CF_MFU, "1.5", "MFU: a fraction above 0 and at most 1, or "
		    "auto; not \"1.5\"" },
		{ CF_PRICE, "inf", "Price: a number from 0 to 10,000,000, or "
		    "auto; not \"inf\"" },
		{ CF_OVERHEAD, "10000001", "Overhead: a number from 0 to "
		    "10,000,000, or auto; not \"10000001\"" },
		{ CF_SOFTWARE, "vllm-9", "Software: "
		    "cerebras-inference-2024-08, or default; not \"vllm-9\"" },
	};
	struct calcform f;
	struct calc_req before;
	size_t i;
	char *err;

	(void)state;
	calcform_init(&f, ds);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		before = f.q;
		assert_int_equal(calcform_set(&f, cases[i].k, cases[i].text,
		    &err), -1);
		assert_string_equal(err, cases[i].err);
		free(err);
		assert_memory_equal(&before, &f.q, sizeof before);
	}
	/* Around a good value, spaces do not matter. */
	set_ok(&f, CF_PROMPT, "  2048 ");
	value_is(&f, CF_PROMPT, 0, "2048");
	/* What calc takes, the form takes: 2M output tokens, a prompt of
	   100M tokens; the simulation says what it needs. */
	set_ok(&f, CF_OUTPUT, "2000000");
	assert_true(f.ok);
	set_ok(&f, CF_STRATEGY, "continuous");
	assert_true(f.ok && !f.sim_ok);
	assert_string_equal(f.sim_why, "the simulation needs 1 to 1,000,000 "
	    "output tokens");
	set_ok(&f, CF_PROMPT, "100000000");
	value_is(&f, CF_PROMPT, 0, "100000000");
	/* Stepping goes on from there, and stops where typing does. */
	calcform_adjust(&f, CF_PROMPT, 1);
	value_is(&f, CF_PROMPT, 0, "200000000");
	set_ok(&f, CF_PROMPT, "1000000000");
	calcform_adjust(&f, CF_PROMPT, 1);
	value_is(&f, CF_PROMPT, 0, "1000000000");
	calcform_done(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_recompute),
		cmocka_unit_test(test_adjust),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_software),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
