/*
 * sim.c: the batching simulation on cases worked by hand, its determinism,
 * the overload signal, and bad configurations.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sim.h"

/* Prefill 0.1 s and a decode step 0.01 s, whatever the batch; counts the
   calls by kind and remembers the largest decode batch. */
struct flat {
	size_t	calls[2];
	size_t	max_k;
};

static double
flat(void *arg, int kind, size_t k)
{
	struct flat *f = arg;

	f->calls[kind]++;
	if (kind == 1 && k > f->max_k)
		f->max_k = k;
	return kind == 0 ? 0.1 : 0.01;
}

/* A batch costs more the larger it is, as on hardware. */
static double
linear(void *arg, int kind, size_t k)
{
	(void)arg;
	return kind == 0 ? 0.02 * (double)k : 0.01 + 1e-4 * (double)k;
}

static double
broken(void *arg, int kind, size_t k)
{
	(void)arg;
	(void)kind;
	return k > 2 ? NAN : 0.1;
}

static void
cfg(struct sim_cfg *c, enum sim_strategy s, double rate, size_t slots,
    size_t output, size_t requests)
{
	memset(c, 0, sizeof *c);
	c->strategy = s;
	c->rate = rate;
	c->slots = slots;
	c->output = output;
	c->requests = requests;
	c->seed = 1;
}

/* A request served alone: the prefill (0.1 s), then 0.01 s a token. */
static void
assert_lone(const struct sim_result *r)
{
	assert_true(fabs(r->ttft_p50 - 0.1) < 1e-9);
	assert_true(fabs(r->tpot_p99 - 0.01) < 1e-9);
	assert_true(fabs(r->e2e_p99 - 0.12) < 1e-9);
}

/* Requests a thousand seconds apart never meet: each alone costs the
   prefill, then output - 1 steps, with every strategy. */
static void
test_alone(void **state)
{
	struct sim_cfg c;
	struct sim_result r;
	struct flat f;
	const char *why;
	int s;

	(void)state;
	for (s = 0; s < SIM_N; s++) {
		memset(&f, 0, sizeof f);
		cfg(&c, (enum sim_strategy)s, 1e-3, 1, 3, 50);
		assert_int_equal(sim_run(&c, flat, &f, &r, &why), 0);
		assert_lone(&r);
		assert_true(fabs(r.ttft_p99 - 0.1) < 1e-9);
		assert_true(fabs(r.mean_batch - 1) < 1e-12);
		assert_int_equal(f.max_k, 1);
		assert_false(r.overloaded);
	}
	/* Dynamic batching holds a lone request for the whole wait. */
	cfg(&c, SIM_DYNAMIC, 1e-3, 4, 3, 50);
	c.max_wait_s = 0.5;
	assert_int_equal(sim_run(&c, flat, &f, &r, &why), 0);
	assert_true(fabs(r.ttft_p50 - 0.6) < 1e-9);
	assert_true(fabs(r.e2e_p99 - 0.62) < 1e-9);
}

/*
 * At a rate so low that the arrival times are about 1e290 s, a batch's
 * cost is far below their rounding: the latencies, measured from each
 * arrival, keep it, and the throughput of a lone request is finite.
 * Lower still, the arrival times overflow: an error, not infinities.
 */
static void
test_low_rate(void **state)
{
	struct sim_cfg c;
	struct sim_result r;
	struct flat f;
	const char *why;
	int s;

	(void)state;
	for (s = 0; s < SIM_N; s++) {
		memset(&f, 0, sizeof f);
		cfg(&c, (enum sim_strategy)s, 1e-290, 1, 3, 1);
		assert_int_equal(sim_run(&c, flat, &f, &r, &why), 0);
		assert_lone(&r);
		assert_true(fabs(r.throughput - 3 / 0.12) < 1e-6);
		cfg(&c, (enum sim_strategy)s, 1e-307, 1, 3, 1000);
		assert_int_equal(sim_run(&c, flat, &f, &r, &why), -1);
		assert_string_equal(why, "the simulation's times are not "
		    "finite: the rate is too low or a batch's cost too high");
		assert_true(r.throughput == 0);
	}
}

/*
 * Eight requests at once (a billion a second), four slots, three tokens.
 * Continuous: the first arrives alone (prefill to 0.1); the other three
 * join (prefill to 0.2), two steps to 0.22; the last four 0.32 and 0.34.
 * Static: two full batches, 0.1/0.12 and 0.22/0.24.
 */
static void
test_burst(void **state)
{
	struct sim_cfg c;
	struct sim_result r;
	struct flat f;
	const char *why;

	(void)state;
	memset(&f, 0, sizeof f);
	cfg(&c, SIM_CONTINUOUS, 1e9, 4, 3, 8);
	assert_int_equal(sim_run(&c, flat, &f, &r, &why), 0);
	assert_true(fabs(r.ttft_p50 - 0.2) < 1e-6);
	assert_true(fabs(r.ttft_p99 - 0.32) < 1e-6);
	assert_true(fabs(r.e2e_p50 - 0.22) < 1e-6);
	assert_true(fabs(r.e2e_p99 - 0.34) < 1e-6);
	assert_true(fabs(r.mean_batch - 4) < 1e-12);
	assert_int_equal(f.calls[0], 3);
	assert_int_equal(f.calls[1], 4);
	assert_true(fabs(r.throughput - 24 / 0.34) < 1e-3);

	cfg(&c, SIM_STATIC, 1e9, 4, 3, 8);
	assert_int_equal(sim_run(&c, flat, &f, &r, &why), 0);
	assert_true(fabs(r.ttft_p50 - 0.1) < 1e-6);
	assert_true(fabs(r.ttft_p99 - 0.22) < 1e-6);
	assert_true(fabs(r.e2e_p99 - 0.24) < 1e-6);
	assert_true(fabs(r.tpot_p50 - 0.01) < 1e-9);
}

/* The same seed gives the same figures, bit for bit; another seed does
   not. */
static void
test_deterministic(void **state)
{
	struct sim_cfg c;
	struct sim_result a, b;
	const char *why;
	int s;

	(void)state;
	for (s = 0; s < SIM_N; s++) {
		cfg(&c, (enum sim_strategy)s, 20, 32, 64, 2000);
		c.max_wait_s = 0.05;
		c.seed = 7;
		assert_int_equal(sim_run(&c, linear, NULL, &a, &why), 0);
		assert_int_equal(sim_run(&c, linear, NULL, &b, &why), 0);
		assert_memory_equal(&a, &b, sizeof a);
		c.seed = 8;
		assert_int_equal(sim_run(&c, linear, NULL, &b, &why), 0);
		assert_true(a.e2e_p99 != b.e2e_p99);
	}
}

/* Below capacity the run delivers what is offered; far above it, the
   wait grows and the run says so. */
static void
test_load(void **state)
{
	struct sim_cfg c;
	struct sim_result r;
	const char *why;

	(void)state;
	/* Capacity at 32 slots: 32 x 64 tokens per (0.64 + 63 x 0.0132) s,
	   about 1,400 tokens/s or 22 requests/s. */
	cfg(&c, SIM_CONTINUOUS, 5, 32, 64, 4000);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), 0);
	assert_false(r.overloaded);
	assert_true(fabs(r.throughput / r.offered - 1) < 0.05);
	cfg(&c, SIM_CONTINUOUS, 100, 32, 64, 4000);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), 0);
	assert_true(r.overloaded);
	assert_true(r.throughput < 0.5 * r.offered);
	/* Continuous batching answers sooner than waiting for full
	   batches at the same load. */
	{
		struct sim_result st;

		cfg(&c, SIM_STATIC, 5, 32, 64, 4000);
		assert_int_equal(sim_run(&c, linear, NULL, &st, &why), 0);
		cfg(&c, SIM_CONTINUOUS, 5, 32, 64, 4000);
		assert_int_equal(sim_run(&c, linear, NULL, &r, &why), 0);
		assert_true(r.ttft_p99 < st.ttft_p99);
	}
}

static void
test_quantile(void **state)
{
	double v[] = { 5, 1, 4, 2, 3, 6, 7, 8, 9, 10 };

	(void)state;
	assert_true(sim_quantile(v, 10, 0.5) == 5);
	assert_true(sim_quantile(v, 10, 0.99) == 10);
	assert_true(sim_quantile(v, 10, 0.01) == 1);
	assert_true(sim_quantile(v, 0, 0.5) == 0);
}

static void
test_bad(void **state)
{
	struct sim_cfg c;
	struct sim_result r;
	const char *why;

	(void)state;
	cfg(&c, SIM_CONTINUOUS, 0, 4, 3, 8);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	assert_non_null(why);
	c.rate = NAN;
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	c.rate = INFINITY;
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	cfg(&c, SIM_CONTINUOUS, 1, 0, 3, 8);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	cfg(&c, SIM_CONTINUOUS, 1, 4, 0, 8);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	cfg(&c, SIM_CONTINUOUS, 1, 4, 3, 0);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	cfg(&c, SIM_CONTINUOUS, 1, 4, 1000000, 1000);
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	cfg(&c, SIM_DYNAMIC, 1, 4, 3, 8);
	c.max_wait_s = -1;
	assert_int_equal(sim_run(&c, linear, NULL, &r, &why), -1);
	/* A cost that turns NaN for larger batches stops the run. */
	cfg(&c, SIM_CONTINUOUS, 1e9, 4, 3, 8);
	assert_int_equal(sim_run(&c, broken, NULL, &r, &why), -1);
	assert_int_equal(sim_strategy_by_name("continuous"), SIM_CONTINUOUS);
	assert_int_equal(sim_strategy_by_name("Continuous"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alone),
		cmocka_unit_test(test_low_rate),
		cmocka_unit_test(test_burst),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_quantile),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
