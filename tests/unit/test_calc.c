/*
 * calc.c: which requests calc_req_check() lets through to the model, on
 * the bundled dataset; table-driven, each bad case with its message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    "tokens up to 1,000,000,000";
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
		{ OUTPUT, 2.5, bad_tokens }, { OUTPUT, -0.0, NULL },
		{ MFU, -1, NULL }, { MFU, 1, NULL }, { MFU, 0x1p-1074, NULL },
		{ MFU, 0, bad_frac }, { MFU, 1.01, bad_frac },
		{ MBU, NAN, bad_frac },
		{ OVERHEAD, -1, NULL }, { OVERHEAD, 0, NULL },
		{ OVERHEAD, 1e7, NULL }, { OVERHEAD, 1e300, bad_over },
		{ PRICE, 2.5, NULL }, { PRICE, NAN, bad_over },
		{ PRICE, INFINITY, bad_over },
		{ WPREC, PREC_INT4, NULL }, { WPREC, PREC_N, "unknown precision" },
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
