/*
 * perf.c: the inference model against hand-computed cases, properties
 * that must hold whatever the figures, and bad inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "perf.h"

/* Llama 3.1 70B as its configuration gives it. */
static const struct perf_model llama70 = {
	70e9, 70e9, 80, 8192, 64, 8, 128, 0, 0, 0
};
/* Mixtral 8x7B: 46.7B total, 12.9B active, 8 experts, 2 active. */
static const struct perf_model mixtral = {
	46.7e9, 12.9e9, 32, 4096, 32, 8, 128, 8, 2, 0
};

static void
h100(struct perf_hw *h)
{
	memset(h, 0, sizeof *h);
	h->peak[PREC_BF16] = h->peak[PREC_FP16] = 989e12;
	h->peak[PREC_FP8] = 1979e12;
	h->mem_bytes = 80e9;
	h->mem_bw = 3.35e12;
	h->link_bw = 450e9;
	h->power_w = 700;
	h->price_h = 10;
}

static void
eff(struct perf_eff *e)
{
	memset(e, 0, sizeof *e);
	e->mfu = e->mfu_decode = 0.5;
	e->mbu = 0.6;
	e->link = 1;
	e->allreduce_s = 6e-6;
	e->mem_fraction = 0.9;
}

static void
work(struct perf_work *w, double chips, double batch)
{
	memset(w, 0, sizeof *w);
	w->chips = chips;
	w->batch = batch;
	w->prompt = 1000;
	w->output = 200;
	w->wprec = w->kvprec = w->aprec = PREC_BF16;
}

static void
test_kv(void **state)
{
	(void)state;
	/* 2 x 80 layers x 8 KV heads x 128 x 2 bytes. */
	assert_true(perf_kv_per_token(&llama70, PREC_BF16) == 327680);
	assert_true(perf_kv_per_token(&llama70, PREC_FP8) == 163840);
	/* MLA: 61 layers x 576 latent values x 2 bytes. */
	{
		struct perf_model ds = llama70;

		ds.layers = 61;
		ds.kv_latent = 576;
		assert_true(perf_kv_per_token(&ds, PREC_BF16) == 61 * 576 * 2);
	}
}

static void
test_moe(void **state)
{
	double one, all;

	(void)state;
	/* One token touches the active parameters; many touch them all. */
	one = perf_weights_touched(&mixtral, 1, PREC_BF16);
	all = perf_weights_touched(&mixtral, 4096, PREC_BF16);
	assert_true(fabs(one - 12.9e9 * 2) < 1e3);
	assert_true(fabs(all - 46.7e9 * 2) < 1e6);
	assert_true(perf_weights_touched(&llama70, 1, PREC_BF16) == 140e9);
}

static void
test_hand(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	double mem;

	(void)state;
	h100(&h);
	eff(&e);
	work(&w, 4, 1);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.fits);
	assert_true(fabs(r.weights_per_chip - 35e9) < 1);
	/* Decode at batch 1 reads the weights and 1100 tokens of KV. */
	mem = (140e9 + 1100 * 327680.0) / (4 * 3.35e12 * 0.6);
	assert_true(fabs(r.decode.memory_s - mem) < 1e-9);
	assert_int_equal(r.decode.bound, BOUND_MEMORY);
	/* Two all-reduces per layer of 8192 bf16 values over 4 chips. */
	assert_true(fabs(r.decode.comm_s - 160 * (6e-6 + 1.5 * 16384 /
	    450e9)) < 1e-12);
	assert_true(fabs(r.tpot_s - (mem + r.decode.comm_s)) < 1e-12);
	/* FP8 products write BF16, and that is what is all-reduced. */
	w.aprec = PREC_FP8;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(fabs(r.decode.comm_s - 160 * (6e-6 + 1.5 * 16384 /
	    450e9)) < 1e-12);
	w.aprec = PREC_BF16;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	/* Prefill is compute-bound at 1000 tokens. */
	assert_int_equal(r.prefill.bound, BOUND_COMPUTE);
	assert_true(fabs(r.prefill.compute_s - (2 * 70e9 * 1000 + 2 * 80 *
	    1000.0 * 1000 * 64 * 128) / (4 * 989e12 * 0.5)) < 1e-9);
	/* Max batch: (4 x 72 GB - 140 GB) / (1200 x 327680 B). */
	assert_true(r.max_batch == floor((4 * 72e9 - 140e9) /
	    (1200 * 327680.0)));
	/* Cost: 4 chips x $10/h over the tokens per second. */
	assert_true(fabs(r.cost_per_mtok - 40.0 / 3600 / r.tokens_per_s *
	    1e6) < 1e-6);
	assert_true(fabs(r.joules_per_token - 2800 / r.tokens_per_s) < 1e-9);
}

/*
 * The products with the weights and attention are kernels run one after
 * the other, each bound on its own: at batch 256 the products are bound
 * by compute and attention by reading the KV cache, and the step is the
 * sum of the two, longer than either total over its rate.
 */
static void
test_kernels(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	double lc, lm, ac, am;

	(void)state;
	h100(&h);
	eff(&e);
	work(&w, 4, 256);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	/* 1100 tokens of context on average. */
	lc = 256 * 2 * 70e9 / (4 * 989e12 * 0.5);
	lm = 140e9 / (4 * 3.35e12 * 0.6);
	ac = 256 * 4 * 80 * 1100.0 * 64 * 128 / (4 * 989e12 * 0.5);
	am = 256 * 1100 * 327680.0 / (4 * 3.35e12 * 0.6);
	assert_true(lc > lm && am > ac);
	assert_float_equal(r.decode.linear_s, lc, 1e-12);
	assert_float_equal(r.decode.attention_s, am, 1e-12);
	assert_float_equal(r.tpot_s, lc + am + r.decode.comm_s, 1e-12);
	assert_true(r.tpot_s > fmax(r.decode.compute_s, r.decode.memory_s) +
	    r.decode.comm_s);
	assert_int_equal(r.decode.bound, BOUND_COMPUTE);
	/* Batch 1 reads both and computes little: memory-bound. */
	work(&w, 4, 1);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_int_equal(r.decode.bound, BOUND_MEMORY);
}

static void
test_fit(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;

	(void)state;
	h100(&h);
	eff(&e);
	work(&w, 1, 1);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_false(r.fits);
	assert_true(r.max_batch == 0);
	assert_true(r.chips_needed == 2);
	/* chips 0: the fewest that hold it. */
	work(&w, 0, 1);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.chips == 2 && r.fits);
	/* batch 0: the largest that fits. */
	work(&w, 4, 0);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.batch == r.max_batch && r.fits);
	/* ... up to the serving software's limit, which a batch asked
	   for does not meet; a limit above what fits changes nothing. */
	assert_true(r.max_batch > 100);
	e.max_batch = 100.7;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.batch == 100 && r.max_batch > 100 && r.fits);
	work(&w, 4, 120);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.batch == 120);
	e.max_batch = 1e8;
	work(&w, 4, 0);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.batch == r.max_batch);
	e.max_batch = -1;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	e.max_batch = NAN;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
}

/* More bandwidth never slows decode. */
static void
test_bandwidth_monotone(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	double bw, last = HUGE_VAL, b;

	(void)state;
	eff(&e);
	for (b = 1; b <= 256; b *= 4) {
		last = HUGE_VAL;
		for (bw = 0.5e12; bw <= 20e12; bw *= 1.3) {
			h100(&h);
			h.mem_bw = bw;
			work(&w, 4, b);
			assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r,
			    &why), 0);
			assert_true(r.tpot_s <= last);
			last = r.tpot_s;
		}
	}
}

/* A curve with a dip, as measured kernels have: 0.1 at 128, 0.05 at 256. */
static void
curve(struct perf_eff *e)
{
	static const double tok[] = { 128, 256, 1024 };
	static const double f[] = { 0.1, 0.05, 0.4 };

	e->ncurve = 3;
	memcpy(e->curve_tokens, tok, sizeof tok);
	memcpy(e->curve_mfu, f, sizeof f);
}

static void
test_decode_curve(void **state)
{
	struct perf_eff e;

	(void)state;
	eff(&e);
	assert_float_equal(perf_decode_mfu(&e, 4096), 0.5, 1e-12);
	curve(&e);
	/* Held below the first point and after the last. */
	assert_float_equal(perf_decode_mfu(&e, 1), 0.1, 1e-12);
	assert_float_equal(perf_decode_mfu(&e, 128), 0.1, 1e-12);
	assert_float_equal(perf_decode_mfu(&e, 1e6), 0.4, 1e-12);
	/* The dip is never worse than computing in steps of 128. */
	assert_float_equal(perf_decode_mfu(&e, 256), 0.1, 1e-12);
	/* Half way from 256 to 1024 in log tokens: 0.05 + 0.35 / 2. */
	assert_float_equal(perf_decode_mfu(&e, 512), 0.225, 1e-12);
	assert_float_equal(perf_decode_mfu(&e, 1024), 0.4, 1e-12);
}

/*
 * A mixture of experts reads its curve twice: the shared products at the
 * batch, each expert's at the tokens routed to it.  Mixtral at batch 64:
 * 2 of 8 experts, so 16 tokens an expert.
 */
static void
test_moe_curve(void **state)
{
	static const double tok[] = { 16, 64 };
	static const double f[] = { 0.1, 0.4 };
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	double pe, xf, all;

	(void)state;
	h100(&h);
	eff(&e);
	e.ncurve = 2;
	memcpy(e.curve_tokens, tok, sizeof tok);
	memcpy(e.curve_mfu, f, sizeof f);
	work(&w, 1, 64);
	assert_int_equal(perf_eval(&h, &mixtral, &e, &w, &r, &why), 0);
	/* Each expert 5.633e9 parameters; two a token, 2 FLOPs each. */
	pe = (46.7e9 - 12.9e9) / 6;
	xf = 64 * 2 * 2 * pe;
	all = 64 * (2 * 12.9e9 + 4 * 32 * 1100 * 32 * 128.0);
	assert_float_equal(r.decode.flops, all, all * 1e-12);
	assert_float_equal(r.decode.compute_s, (all - xf) / (989e12 * 0.4) +
	    xf / (989e12 * 0.1), 1e-15);
	/* A dense model reads it once, at the batch. */
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_float_equal(r.decode.compute_s, r.decode.flops /
	    (989e12 * 0.4), 1e-15);
}

/*
 * Aggregate throughput never falls as batch grows, while it fits: with
 * one fraction of peak, and with a curve that dips.  The curve's run has
 * room for 2,048 short sequences, and decode is compute-bound at the end.
 */
static void
test_batch_monotone(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	double b, last;
	const struct perf_model *models[] = { &llama70, &mixtral, &mixtral };
	size_t k;

	(void)state;
	for (k = 0; k < 3; k++) {
		h100(&h);
		eff(&e);
		if (k == 2) {
			h.mem_bytes = 800e9;
			curve(&e);
		}
		last = 0;
		for (b = 1; b <= 2048; b++) {
			work(&w, k == 2 ? 1 : 4, b);
			if (k == 2)
				w.prompt = w.output = 16;
			assert_int_equal(perf_eval(&h, models[k], &e, &w, &r,
			    &why), 0);
			if (!r.fits)
				break;
			assert_true(r.tokens_per_s >= last * (1 - 1e-12));
			last = r.tokens_per_s;
		}
		assert_true(b > 2);
	}
	assert_true(b > 2048);
	assert_int_equal(r.decode.bound, BOUND_COMPUTE);
}

static void
test_sram(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;

	(void)state;
	memset(&h, 0, sizeof h);
	h.peak[PREC_INT8] = 720e12;
	h.peak[PREC_BF16] = 188e12;
	h.sram_bytes = 230e6;
	h.mem_bw = 80e12;
	eff(&e);
	e.layer_s = 40e-6;
	work(&w, 0, 1);
	w.wprec = w.kvprec = w.aprec = PREC_INT8;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(r.sram_only);
	/* 70 GB of int8 weights and one sequence in 207 MB per chip. */
	assert_true(r.chips == ceil((70e9 + 1200 * 163840.0) / 207e6));
	assert_int_equal(r.decode.bound, BOUND_PIPELINE);
	assert_true(r.decode.comm_s == 0);
	assert_true(fabs(r.decode.pipeline_s - 80 * 40e-6) < 1e-12);
}

/*
 * The host's work per step: a fixed part and a part for each sequence of
 * the batch, in prefill and in decode alike, added to the kernels' time.
 */
static void
test_seq_overhead(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r0, r;
	const char *why;

	(void)state;
	h100(&h);
	eff(&e);
	work(&w, 4, 64);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r0, &why), 0);
	assert_true(r0.decode.overhead_s == 0);
	e.overhead_s = 1e-3;
	e.seq_overhead_s = 10e-6;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	/* 1 ms + 64 x 10 us = 1.64 ms, on each step. */
	assert_true(fabs(r.decode.overhead_s - 1.64e-3) < 1e-12);
	assert_true(fabs(r.prefill.overhead_s - 1.64e-3) < 1e-12);
	assert_true(fabs(r.tpot_s - (r0.tpot_s + 1.64e-3)) < 1e-12);
	assert_true(fabs(r.ttft_s - (r0.ttft_s + 1.64e-3)) < 1e-12);
	/* Per sequence, it does not amortise: at batch 640 it is 10x. */
	w.batch = 640;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(fabs(r.decode.overhead_s - 7.4e-3) < 1e-12);
	/* Negative or not finite is refused. */
	e.seq_overhead_s = -1e-6;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	e.seq_overhead_s = NAN;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
}

static void
test_bad(void **state)
{
	struct perf_hw h;
	struct perf_eff e;
	struct perf_work w;
	struct perf_result r;
	const char *why;
	static const double bad[] = { NAN, INFINITY, -1, 1e300 };
	size_t i;

	(void)state;
	/* A curve out of order, or longer than its arrays. */
	h100(&h);
	eff(&e);
	curve(&e);
	work(&w, 4, 1);
	e.curve_tokens[1] = 128;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	curve(&e);
	e.ncurve = PERF_CURVE_MAX + 1;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	curve(&e);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		h100(&h);
		eff(&e);
		work(&w, 4, 1);
		w.prompt = bad[i];
		assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
		assert_non_null(why);
		work(&w, 4, 1);
		e.mbu = bad[i];
		assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
		/* A curve's fraction or tokens. */
		eff(&e);
		curve(&e);
		e.curve_mfu[1] = bad[i];
		assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
		curve(&e);
		e.curve_tokens[2] = bad[i];
		assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why),
		    isfinite(bad[i]) && bad[i] > 0 ? 0 : -1);
		eff(&e);
		h.mem_bw = bad[i];
		if (!(isfinite(bad[i]) && bad[i] > 0))
			assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r,
			    &why), -1);
		else {
			/* Absurd but finite: a finite answer. */
			assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r,
			    &why), 0);
			assert_true(isfinite(r.tpot_s) && r.tpot_s > 0);
		}
	}
	h100(&h);
	eff(&e);
	work(&w, 4, 1);
	w.prompt = w.output = 0;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	/* No compute figure at any precision it could run at. */
	work(&w, 4, 1);
	memset(h.peak, 0, sizeof h.peak);
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	/* FP8 without an FP8 figure runs at the BF16 one. */
	h100(&h);
	h.peak[PREC_FP8] = 0;
	w.aprec = PREC_FP8;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_int_equal(r.aprec_used, PREC_BF16);
	/* An MFU of 2.2e-308 (fuzz_calc): a prefill of about 1e305 s, whose
	   milliseconds overflow; so would a model of 1e-300 parameters make
	   tokens per second per user. */
	h100(&h);
	eff(&e);
	work(&w, 4, 1);
	e.mfu = e.mfu_decode = 2.2250738585072014e-308;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), -1);
	assert_string_equal(why, "the figures give no finite result");
	e.mfu = e.mfu_decode = 1e-290;
	assert_int_equal(perf_eval(&h, &llama70, &e, &w, &r, &why), 0);
	assert_true(isfinite(r.ttft_s * 1e3) && isfinite(r.e2e_s * 1e3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kv),
		cmocka_unit_test(test_moe),
		cmocka_unit_test(test_hand),
		cmocka_unit_test(test_kernels),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_bandwidth_monotone),
		cmocka_unit_test(test_batch_monotone),
		cmocka_unit_test(test_decode_curve),
		cmocka_unit_test(test_moe_curve),
		cmocka_unit_test(test_sram),
		cmocka_unit_test(test_seq_overhead),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
