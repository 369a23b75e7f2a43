/*
 * calc.c: which requests calc_req_check() lets through to the model, on
 * the bundled dataset (table-driven, each bad case with its message);
 * which efficiency row applies; the line on what bounds decode; which
 * measurements validate counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "calc.h"
#include "diag.h"
#include "bundled_fixture.h"

enum what { CHIPS, BATCH, PROMPT, OUTPUT, MFU, MBU, OVERHEAD, PRICE, WPREC,
    HW };

static const char *const bad_chips = "chips: a whole number up to "
    "1,000,000, or 0 for the fewest that hold the model";
static const char *const bad_batch = "batch: a whole number up to "
    "1,000,000,000, or the largest that fits";
static const char *const bad_tokens = "prompt and output: whole numbers of "
    "tokens up to 1,000,000,000, output at least 1";
static const char *const bad_frac = "mfu and mbu are fractions of peak, "
    "above 0 and at most 1";
static const char *const bad_over = "overhead and price: numbers from 0 to "
    "10,000,000";

static void
test_check(void **state)
{
	static const struct {
		enum what	 what;
		double		 v;
		const char	*why;	/* NULL: accepted */
	} cases[] = {
		{ CHIPS, 0, NULL }, { CHIPS, 8, NULL }, { CHIPS, 1e6, NULL },
		{ CHIPS, 1.5, bad_chips }, { CHIPS, 1e6 + 1, bad_chips },
		{ CHIPS, -1, bad_chips }, { CHIPS, NAN, bad_chips },
		{ BATCH, 0, NULL }, { BATCH, 1e9, NULL },
		{ BATCH, 0.5, bad_batch }, { BATCH, INFINITY, bad_batch },
		{ PROMPT, 0, NULL }, { PROMPT, 1e9 + 1, bad_tokens },
		{ OUTPUT, 2.5, bad_tokens }, { OUTPUT, 1, NULL },
		{ OUTPUT, 0, bad_tokens }, { OUTPUT, -0.0, bad_tokens },
		{ MFU, -1, NULL }, { MFU, 1, NULL }, { MFU, 0x1p-1074, NULL },
		{ MFU, 0, bad_frac }, { MFU, 1.01, bad_frac },
		{ MBU, NAN, bad_frac },
		{ OVERHEAD, -1, NULL }, { OVERHEAD, 0, NULL },
		{ OVERHEAD, 1e7, NULL }, { OVERHEAD, 1e300, bad_over },
		{ PRICE, 2.5, NULL }, { PRICE, NAN, bad_over },
		{ PRICE, INFINITY, bad_over },
		{ WPREC, PREC_INT4, NULL },
		{ WPREC, PREC_N, "unknown precision" },
		{ HW, 1e9, "no such hardware or model in the dataset" },
	};
	struct calc_req q;
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double v = cases[i].v;

		calc_req_init(&q, 0, 0);
		switch (cases[i].what) {
		case CHIPS:
			q.w.chips = v;
			break;
		case BATCH:
			q.w.batch = v;
			break;
		case PROMPT:
			q.w.prompt = v;
			break;
		case OUTPUT:
			q.w.output = v;
			break;
		case MFU:
			q.mfu = v;
			break;
		case MBU:
			q.mbu = v;
			break;
		case OVERHEAD:
			q.overhead_us = v;
			break;
		case PRICE:
			q.price = v;
			break;
		case WPREC:
			q.w.wprec = (enum perf_prec)v;
			break;
		case HW:
			q.hw = (size_t)v;
			break;
		}
		if (cases[i].why == NULL) {
			assert_int_equal(calc_req_check(ds, &q, &why), 0);
			assert_null(why);
		} else {
			assert_int_equal(calc_req_check(ds, &q, &why), -1);
			assert_string_equal(why, cases[i].why);
		}
	}
}

/* Write text to dir/name; the path goes to path (64 bytes). */
static void
write_file(char *path, const char *dir, const char *name, const char *text)
{
	FILE *f;

	snprintf(path, 64, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The bundled dataset with dir's files over it, which must load clean. */
static struct dataset *
load_overlay(const char *dir)
{
	struct dataset_opts o = { NULL, NULL, NULL };
	struct dataset *d;
	struct diags dl;

	o.overlay = dir;
	diags_init(&dl);
	d = dataset_load(&o, &dl);
	assert_non_null(d);
	assert_int_equal(dl.errors, 0);
	diags_done(&dl);
	return d;
}

/* efficiency.csv of rows in a new directory dir (a mkdtemp template; the
   file's path goes to path), over the bundled dataset. */
static struct dataset *
eff_overlay(char *dir, char *path, const char *rows)
{
	assert_non_null(mkdtemp(dir));
	write_file(path, dir, "efficiency.csv", rows);
	return load_overlay(dir);
}

/* Free d and remove what eff_overlay() made. */
static void
eff_overlay_done(struct dataset *d, const char *dir, const char *path)
{
	dataset_free(d);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/*
 * Which efficiency row applies: the chip's scope before its category's
 * before "any", and within a scope a row at the precision in use before
 * one at any; and the curve from the first scope with points at that
 * precision.  The rows are the user's additions, after the bundled ones.
 */
static void
test_eff_lookup(void **state)
{
	static const char rows[] =
	    "id,scope,quantity,precision,tokens,value,unit,source\n"
	    "t1,any,mfu_prefill,,,0.11,fraction,stas00-ml-eng-accelerator\n"
	    "t2,GPU,mfu_prefill,bf16,,0.22,fraction,stas00-ml-eng-accelerator\n"
	    "t3,nvidia-h100,mfu_prefill,bf16,,0.44,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "t4,GPU,mfu_decode,bf16,1024,0.4,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "t5,GPU,mfu_decode,bf16,128,0.2,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "t6,nvidia-h100,mfu_decode,fp8,64,0.05,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "t7,nvidia-b100,mbu_attention,fp8,,0.7,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "t8,nvidia-h100,seq_overhead_us,,,25,us,"
	    "stas00-ml-eng-accelerator\n"
	    "t9,nvidia-b100,max_batch,,,300,sequences,"
	    "stas00-ml-eng-accelerator\n";
	struct dataset *d;
	struct perf_eff e;
	const char *src[CALC_NEFF];
	char dir[] = "/tmp/accelscope-test-XXXXXX", path[64];
	long h100, b100, a100;

	(void)state;
	d = eff_overlay(dir, path, rows);
	h100 = dataset_find(d, DS_HARDWARE, "nvidia-h100");
	b100 = dataset_find(d, DS_HARDWARE, "nvidia-b100");
	a100 = dataset_find(d, DS_HARDWARE, "nvidia-a100");
	assert_true(h100 >= 0 && b100 >= 0 && a100 >= 0);

	/* The chip's own row at bf16 beats its row at any precision. */
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, NULL, &e, src);
	assert_float_equal(e.mfu, 0.44, 1e-12);
	assert_string_equal(src[0], "t3");
	/* No chip row at bf16 for the curve: the category's, in order. */
	assert_int_equal(e.ncurve, 2);
	assert_float_equal(e.curve_tokens[0], 128, 0);
	assert_float_equal(e.curve_mfu[0], 0.2, 1e-12);
	assert_float_equal(e.curve_tokens[1], 1024, 0);
	assert_string_equal(src[1], "t4");
	/* At fp8: the chip's bundled row at any precision comes first. */
	calc_eff(d, (size_t)h100, PREC_FP8, PREC_FP8, NULL, &e, src);
	assert_string_equal(src[0], "nvidia-h100-mfu-prefill-1");
	assert_int_equal(e.ncurve, 1);
	assert_float_equal(e.curve_mfu[0], 0.05, 1e-12);
	/* B100 has no row of its own: the category's at bf16. */
	calc_eff(d, (size_t)b100, PREC_BF16, PREC_BF16, NULL, &e, src);
	assert_float_equal(e.mfu, 0.22, 1e-12);
	assert_int_equal(e.ncurve, 2);
	/* At fp16 neither: the bundled "any" row, then no curve. */
	calc_eff(d, (size_t)b100, PREC_FP16, PREC_FP16, NULL, &e, src);
	assert_string_equal(src[0], "any-mfu-prefill-1");
	assert_int_equal(e.ncurve, 0);
	/* Attention's bandwidth goes by the KV cache's precision. */
	calc_eff(d, (size_t)b100, PREC_BF16, PREC_FP8, NULL, &e, src);
	assert_float_equal(e.mbu_attention, 0.7, 1e-12);
	assert_string_equal(src[8], "t7");
	calc_eff(d, (size_t)b100, PREC_FP8, PREC_BF16, NULL, &e, src);
	assert_true(e.mbu_attention == 0 && src[8] == NULL);
	/* No host cost per sequence but where a row gives one. */
	assert_true(e.seq_overhead_s == 0 && src[CALC_SEQ_OVERHEAD] == NULL);
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, NULL, &e, src);
	assert_float_equal(e.seq_overhead_s, 25e-6, 1e-15);
	assert_string_equal(src[CALC_SEQ_OVERHEAD], "t8");
	/* A limit on the batch: H100's bundled row, B100's from t9, and
	   none where no row gives one. */
	assert_float_equal(e.max_batch, 4096, 0);
	assert_string_equal(src[CALC_MAX_BATCH], "nvidia-h100-max-batch-1");
	calc_eff(d, (size_t)b100, PREC_BF16, PREC_BF16, NULL, &e, src);
	assert_float_equal(e.max_batch, 300, 0);
	assert_string_equal(src[CALC_MAX_BATCH], "t9");
	calc_eff(d, (size_t)a100, PREC_BF16, PREC_BF16, NULL, &e, src);
	assert_true(e.max_batch == 0 && src[CALC_MAX_BATCH] == NULL);
	eff_overlay_done(d, dir, path);
}

/*
 * Software: a row that names the run's software comes before one that
 * names none, even one scoped more narrowly; a row that names another
 * software never applies; the names are listed once each, for the chip or
 * for all; calc_req_check() takes only names the dataset gives.
 */
static void
test_eff_software(void **state)
{
	static const char rows[] =
	    "id,scope,quantity,precision,tokens,software,value,unit,source\n"
	    "s1,GPU,mfu_prefill,,,eng-a,0.31,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "s2,nvidia-h100,mfu_prefill,bf16,,eng-b,0.32,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "s3,any,step_overhead_us,,,eng-a,777,us,"
	    "stas00-ml-eng-accelerator\n"
	    "s4,GPU,mfu_decode,bf16,64,eng-a,0.03,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "s5,GPU,mfu_decode,bf16,512,eng-a,0.3,fraction,"
	    "stas00-ml-eng-accelerator\n"
	    "s6,cerebras-wse-3,mfu_prefill,,,eng-a,0.33,fraction,"
	    "stas00-ml-eng-accelerator\n";
	struct dataset *d;
	struct perf_eff e, base;
	struct calc_req q;
	const char *src[CALC_NEFF], *names[4], *why;
	char dir[] = "/tmp/accelscope-test-XXXXXX", path[64];
	long h100, wse;

	(void)state;
	d = eff_overlay(dir, path, rows);
	h100 = dataset_find(d, DS_HARDWARE, "nvidia-h100");
	wse = dataset_find(d, DS_HARDWARE, "cerebras-wse-3");
	assert_true(h100 >= 0 && wse >= 0);

	/* None named: the bundled rows, as before. */
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, NULL, &base, src);
	assert_string_equal(src[0], "nvidia-h100-mfu-prefill-1");
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, "", &e, src);
	assert_string_equal(src[0], "nvidia-h100-mfu-prefill-1");
	/* eng-a: its category row beats the chip's own generic one; its
	   "any" overhead beats the chip's; its curve replaces the chip's. */
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, "eng-a", &e, src);
	assert_float_equal(e.mfu, 0.31, 1e-12);
	assert_string_equal(src[0], "s1");
	assert_float_equal(e.overhead_s, 777e-6, 1e-15);
	assert_string_equal(src[CALC_OVERHEAD], "s3");
	assert_int_equal(e.ncurve, 2);
	assert_float_equal(e.curve_mfu[0], 0.03, 1e-12);
	assert_string_equal(src[1], "s4");
	/* What eng-a gives nothing for stays the generic row's. */
	assert_float_equal(e.mbu, base.mbu, 0);
	/* eng-b: its own row; s1, s3 and the curve of eng-a do not apply. */
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, "eng-b", &e, src);
	assert_string_equal(src[0], "s2");
	assert_float_equal(e.overhead_s, base.overhead_s, 0);
	assert_int_equal(e.ncurve, base.ncurve);
	/* At fp8 s2 (bf16) does not apply: the generic rows do. */
	calc_eff(d, (size_t)h100, PREC_FP8, PREC_FP8, "eng-b", &e, src);
	assert_string_equal(src[0], "nvidia-h100-mfu-prefill-1");
	/* A name no row gives: the generic rows. */
	calc_eff(d, (size_t)h100, PREC_BF16, PREC_BF16, "eng-z", &e, src);
	assert_string_equal(src[0], "nvidia-h100-mfu-prefill-1");

	/* Names, once each, in file order: for H100 the bundled Cerebras
	   one is not among them. */
	assert_int_equal(calc_softwares(d, h100, names, 4), 2);
	assert_string_equal(names[0], "eng-a");
	assert_string_equal(names[1], "eng-b");
	assert_int_equal(calc_softwares(d, wse, names, 4), 2);
	assert_string_equal(names[0], "cerebras-inference-2024-08");
	assert_string_equal(names[1], "eng-a");
	/* All: more than max are counted, not written. */
	assert_int_equal(calc_softwares(d, -1, names, 1), 3);
	assert_string_equal(names[0], "cerebras-inference-2024-08");
	assert_true(calc_software_known(d, "eng-b"));
	/* A measurement's name is known too; a name no row gives is not,
	   nor the empty one. */
	assert_true(calc_software_known(d, "cerebras-inference-2024-10"));
	assert_false(calc_software_known(d, "eng-z"));
	assert_false(calc_software_known(d, ""));
	calc_req_init(&q, (size_t)h100, 0);
	q.software = "eng-a";
	assert_int_equal(calc_req_check(d, &q, &why), 0);
	q.software = "eng-z";
	assert_int_equal(calc_req_check(d, &q, &why), -1);
	assert_string_equal(why, "software: not one that efficiency.csv or "
	    "measurements.csv names");
	eff_overlay_done(d, dir, path);
}

/*
 * --overhead-us is the host's whole cost per step: on a chip whose rows
 * give a cost per sequence (B200's), it replaces that too.
 */
static void
test_overhead_override(void **state)
{
	struct calc_req q;
	struct perf_result r;
	const char *why;
	long hw = dataset_find(ds, DS_HARDWARE, "nvidia-b200");
	long m = dataset_find(ds, DS_MODELS, "llama-3.1-8b");

	(void)state;
	assert_true(hw >= 0 && m >= 0);
	calc_req_init(&q, (size_t)hw, (size_t)m);
	q.w.batch = 64;
	assert_int_equal(calc_run(ds, &q, &r, &why), 0);
	assert_float_equal(r.decode.overhead_s, 64 * 9.06e-6, 1e-12);
	q.overhead_us = 100;
	assert_int_equal(calc_run(ds, &q, &r, &why), 0);
	assert_float_equal(r.decode.overhead_s, 100e-6, 1e-15);
	assert_float_equal(r.prefill.overhead_s, 100e-6, 1e-15);
}

/*
 * Batch "max" on B200 stops at trtllm-bench's 4096 where more fit, and
 * says so; a batch asked for, or one that is all that fits, says nothing.
 */
static void
test_batch_limit(void **state)
{
	struct calc_req q;
	struct perf_result r;
	const char *why;
	char *s, want[128];
	long hw = dataset_find(ds, DS_HARDWARE, "nvidia-b200");
	long m = dataset_find(ds, DS_MODELS, "llama-3.1-8b");

	(void)state;
	assert_true(hw >= 0 && m >= 0);
	calc_req_init(&q, (size_t)hw, (size_t)m);
	q.w.wprec = q.w.aprec = q.w.kvprec = PREC_FP8;
	q.w.prompt = q.w.output = 128;
	q.w.batch = 0;
	assert_int_equal(calc_run(ds, &q, &r, &why), 0);
	assert_true(r.max_batch > 4096 && r.batch == 4096 && r.fits);
	assert_non_null(s = calc_batch_note(&q, &r));
	snprintf(want, sizeof want, "Batch 4096: the serving software's "
	    "largest (max_batch, efficiency.csv); %.0f would fit.",
	    r.max_batch);
	assert_string_equal(s, want);
	free(s);
	q.w.batch = 5000;
	assert_int_equal(calc_run(ds, &q, &r, &why), 0);
	assert_true(r.batch == 5000 && r.fits);
	assert_null(calc_batch_note(&q, &r));
	/* Long sequences: fewer than 4096 fit, and that is the batch. */
	q.w.batch = 0;
	q.w.prompt = q.w.output = 8000;
	assert_int_equal(calc_run(ds, &q, &r, &why), 0);
	assert_true(r.batch == r.max_batch && r.batch < 4096);
	assert_null(calc_batch_note(&q, &r));
}

/*
 * The line on what bounds decode, from a step's two kernels: times lc and
 * lm for the products' FLOPs and weights, ac and am for attention's FLOPs
 * and KV cache, in a step of total.
 */
static void
explain_is(double lc, double lm, double ac, double am, double total,
    enum perf_bound bound, const char *want)
{
	struct perf_result r;
	char *s;

	memset(&r, 0, sizeof r);
	r.decode.linear_s = fmax(lc, lm);
	r.decode.attention_s = fmax(ac, am);
	r.decode.linear_compute = lc >= lm;
	r.decode.attention_compute = ac >= am;
	r.decode.total_s = total;
	r.decode.bound = bound;
	s = calc_explain(&r);
	assert_string_equal(s, want);
	free(s);
}

static void
test_explain(void **state)
{
	(void)state;
	/* The bound's kernel first; a share that rounds to 0 is "<1%". */
	explain_is(1, 7, 0.001, 0.03, 10, BOUND_MEMORY, "memory-bound: 70% "
	    "of the step reads weights, <1% reads the KV cache");
	explain_is(6, 5, 0.1, 3, 10, BOUND_COMPUTE, "compute-bound: 60% of "
	    "the step computes the products with the weights, 30% reads the "
	    "KV cache");
	explain_is(3, 2, 0.1, 5, 10, BOUND_MEMORY, "memory-bound: 50% of the "
	    "step reads the KV cache, 30% computes the products with the "
	    "weights");
}

/* The note validate gives measurement id in g, or NULL. */
static const char *
validate_note(const struct grid *g, const char *id)
{
	size_t r;

	for (r = 0; r < g->nrows; r++)
		if (strcmp(grid_get(g, r, 0), id) == 0)
			return grid_get(g, r, 7);
	return NULL;
}

/*
 * A measurement an efficiency figure was calibrated on is shown, said
 * so, and left out of the summary: it matches by construction.  An id
 * that only begins with the calibrating one's is counted as usual.
 */
static void
test_validate_calibrating(void **state)
{
	static const char meas[] =
	    "id,hardware,chips,model,precision,tp,batch,concurrency,"
	    "input_tokens,output_tokens,metric,value,source\n"
	    "cal-1,nvidia-h100,1,llama-3.1-8b,bf16,1,1,1,128,128,tpot_ms,9,"
	    "stas00-ml-eng-accelerator\n"
	    "cal-10,nvidia-h100,1,llama-3.1-8b,bf16,1,1,1,128,128,tpot_ms,"
	    "0.09,stas00-ml-eng-accelerator\n";
	static const char eff[] =
	    "id,scope,quantity,precision,tokens,value,unit,source,note\n"
	    "t-cal,nvidia-h100,allreduce_latency_us,,,6,us,"
	    "stas00-ml-eng-accelerator,calibrated on measurement cal-1: a "
	    "test\n";
	struct calc_summary s0, s1;
	struct dataset *d;
	struct grid *g;
	char dir[] = "/tmp/accelscope-test-XXXXXX", mpath[64], epath[64];
	const char *note;

	(void)state;
	grid_free(calc_validate(ds, 50, &s0, NULL));
	assert_non_null(mkdtemp(dir));
	write_file(mpath, dir, "measurements.csv", meas);
	write_file(epath, dir, "efficiency.csv", eff);
	d = load_overlay(dir);

	g = calc_validate(d, 50, &s1, NULL);
	assert_int_equal(s1.calibrating, s0.calibrating + 1);
	assert_int_equal(s1.n, s0.n + 1);
	assert_int_equal(s1.skipped, s0.skipped);
	assert_non_null(note = validate_note(g, "cal-1"));
	assert_string_equal(note, "calibrates t-cal; not counted");
	/* cal-10's published 0.09 ms is far below any prediction: counted,
	   it is the worst case and beyond the tolerance. */
	assert_non_null(validate_note(g, "cal-10"));
	assert_int_equal(s1.beyond, s0.beyond + 1);
	assert_string_equal(s1.worst_id, "cal-10");
	grid_free(g);
	dataset_free(d);
	assert_int_equal(unlink(mpath), 0);
	assert_int_equal(unlink(epath), 0);
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_eff_lookup),
		cmocka_unit_test(test_eff_software),
		cmocka_unit_test(test_overhead_override),
		cmocka_unit_test(test_batch_limit),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_validate_calibrating),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
