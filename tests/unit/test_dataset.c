/*
 * dataset.c: loading, validation, overlays, preferred figures and
 * conflicts, on the fixture datasets in tests/data/; and the bundled
 * dataset's completeness: every system the seed articles name has a row,
 * and every figure resolves to a source with an address.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bundled.h"
#include "dataset.h"

#ifndef TESTDATA
#define TESTDATA "tests/data"
#endif

static struct dataset *
load_dir(const char *dir, const char *overlay, struct diags *dl)
{
	struct dataset_opts o = { dir, overlay, NULL };

	diags_init(dl);
	return dataset_load(&o, dl);
}

static void
test_mini_loads(void **state)
{
	struct diags dl;
	struct dataset *ds = load_dir(TESTDATA "/mini", NULL, &dl);
	long hw, m;

	(void)state;
	assert_non_null(ds);
	assert_int_equal(dl.n, 0);
	assert_int_equal(dataset_count(ds, DS_HARDWARE), 3);
	assert_int_equal(dataset_count(ds, DS_SPECS), 8);
	hw = dataset_find(ds, DS_HARDWARE, "alpha-x1");
	m = dataset_find(ds, DS_METRICS, "memory_gb");
	assert_true(hw >= 0 && m >= 0);
	/* The vendor figure is preferred over the seed's claim... */
	assert_true(dataset_preferred(ds, (size_t)hw, (size_t)m)->value == 80);
	/* ...and the disagreement is kept and marked. */
	assert_true(dataset_conflict(ds, (size_t)hw, (size_t)m));
	m = dataset_find(ds, DS_METRICS, "tdp_w");
	assert_false(dataset_conflict(ds, (size_t)hw, (size_t)m));
	assert_false(dataset_higher_better(ds, (size_t)m));
	assert_int_equal(ds->source_figures[dataset_find(ds, DS_SOURCES,
	    "vend-a")], 3);
	assert_int_equal(dataset_find(ds, DS_HARDWARE, "nope"), -1);
	assert_string_equal(dataset_suggest(ds, DS_HARDWARE, "alpha-x2"),
	    "alpha-x1");
	dataset_free(ds);
	diags_done(&dl);
}

static void
test_broken_reports_and_keeps_the_rest(void **state)
{
	struct diags dl;
	struct dataset *ds = load_dir(TESTDATA "/broken", NULL, &dl);
	size_t i;
	int seen_dup = 0;

	(void)state;
	assert_non_null(ds);
	assert_int_equal(dl.errors, 16);
	/* Good rows survive bad neighbours. */
	assert_int_equal(dataset_count(ds, DS_HARDWARE), 3);
	assert_int_equal(dataset_count(ds, DS_SPECS), 8);
	assert_int_equal(dataset_count(ds, DS_SCENARIOS), 0);
	for (i = 0; i < dl.n; i++) {
		char *s = diag_format(&dl.v[i]);

		if (strstr(s, "hardware.csv:5:1: error: duplicate id "
		    "\"alpha-x1\" (first at line 2)") != NULL)
			seen_dup = 1;
		free(s);
	}
	assert_true(seen_dup);
	dataset_free(ds);
	diags_done(&dl);
}

static void
test_overlay_replaces_and_adds(void **state)
{
	struct diags dl;
	struct dataset *ds = load_dir(TESTDATA "/mini",
	    TESTDATA "/overlay", &dl);
	long hw;

	(void)state;
	assert_non_null(ds);
	assert_int_equal(dl.n, 0);
	assert_int_equal(dataset_count(ds, DS_HARDWARE), 4);
	hw = dataset_find(ds, DS_HARDWARE, "beta-b2");
	assert_string_equal(dataset_field(ds, DS_HARDWARE, (size_t)hw,
	    HW_STATUS), "shipping");
	assert_true(dataset_find(ds, DS_HARDWARE, "mine-1") >= 0);
	dataset_free(ds);
	diags_done(&dl);
}

static void
test_missing_dir(void **state)
{
	struct diags dl;
	char *s;

	(void)state;
	assert_null(load_dir(TESTDATA "/nonexistent", NULL, &dl));
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, TESTDATA "/nonexistent: error: not a dataset "
	    "directory");
	free(s);
	diags_done(&dl);
}

/* From memory: the optional tables may be left out, the others not. */
static void
test_files_in_memory(void **state)
{
	static const char hw[] = "id,name,vendor,category,status,deployment\n"
	    "x1,X One,Xco,GPU,shipping,on-prem\n";
	const struct bundled_file files[] = {
		{ "hardware.csv", hw, sizeof hw - 1 },
		{ NULL, NULL, 0 }
	};
	struct dataset_opts o = { NULL, NULL, files };
	struct dataset *ds;
	struct diags dl;
	size_t i;
	char *s;

	(void)state;
	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	assert_non_null(ds);
	assert_string_equal(ds->origin, "memory");
	assert_int_equal(dataset_count(ds, DS_HARDWARE), 1);
	/* sources, metrics, specs, comparisons, matrix, analysis,
	   scenarios: the tables every dataset has. */
	assert_int_equal(dl.errors, 7);
	for (i = 0; i < dl.n; i++)
		assert_null(strstr(dl.v[i].msg, "models.csv"));
	s = diag_format(&dl.v[0]);
	assert_non_null(strstr(s, "missing: every dataset has"));
	free(s);
	dataset_free(ds);
	diags_done(&dl);
}

static void
test_parse_number(void **state)
{
	static const struct { const char *s; int ok; double v; } cases[] = {
		{ "80", 0, 80 }, { " 1.5 ", 0, 1.5 }, { "1e3", 0, 1000 },
		{ "-2", 0, -2 }, { "", -1, 0 }, { "nan", -1, 0 },
		{ "inf", -1, 0 }, { "1e309", -1, 0 }, { "0x10", -1, 0 },
		{ "12abc", -1, 0 }, { "1,000", -1, 0 },
	};
	size_t i;
	double v;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse_number(cases[i].s, &v), cases[i].ok);
		if (cases[i].ok == 0)
			assert_true(v == cases[i].v);
	}
}

/*
 * Plain decimals are read without strtod(); they must come out as it reads
 * them, to the bit: chosen cases (the last digit of 15, halfway cases, a
 * negative zero), then 20,000 drawn at random.
 */
static void
test_parse_number_exact(void **state)
{
	static const char *const cases[] = {
		"0.1", "0.2", "0.3", "1.005", "0.898", "2.675", "-0",
		"-0.0", "123456789012345", "999999999999999",
		"0.000000000000001", "3.14159265358979", "+7.25", "8.1 ",
		"0.5000000000001", "1.", "1.0000000000000000", "0012.50",
		"1234567890.12345", "4503599627370497",
	};
	char buf[40];
	double v, want;
	size_t i, n;
	unsigned long long x = 88172645463325252ull;
	int j, digits, point;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse_number(cases[i], &v), 0);
		want = strtod(cases[i], NULL);
		assert_memory_equal(&v, &want, sizeof v);
	}
	for (i = 0; i < 20000; i++) {
		/* xorshift64: the same numbers every run */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		digits = 1 + (int)(x % 15);
		point = (int)((x >> 8) % (unsigned)(digits + 1));
		n = 0;
		if ((x >> 20) & 1)
			buf[n++] = '-';
		for (j = 0; j < digits; j++) {
			if (j == point && j > 0)
				buf[n++] = '.';
			buf[n++] = (char)('0' + (x >> (24 + 2 * j % 36)) % 10);
		}
		buf[n] = '\0';
		assert_int_equal(parse_number(buf, &v), 0);
		want = strtod(buf, NULL);
		if (memcmp(&v, &want, sizeof v) != 0)
			print_error("\"%s\": %.17g, strtod %.17g\n", buf, v,
			    want);
		assert_memory_equal(&v, &want, sizeof v);
	}
}

/* Every system the seed articles name, by id. */
static const char *const seed_systems[] = {
	"nvidia-a100", "nvidia-h100", "nvidia-h200", "nvidia-b100",
	"nvidia-b200", "nvidia-gb200", "nvidia-rubin", "nvidia-rubin-ultra",
	"nvidia-jetson-agx-orin", "nvidia-jetson-agx-thor", "amd-mi300x",
	"amd-mi325x", "amd-mi450", "amd-mi455x", "amd-rdna5",
	"google-tpu-v5p", "google-tpu-v6e", "google-tpu-v7",
	"google-edge-tpu", "aws-inferentia2", "aws-inferentia3",
	"aws-trainium", "aws-trainium2", "aws-trainium3", "aws-trainium4",
	"microsoft-maia-100", "microsoft-maia-200", "meta-mtia-v1",
	"meta-mtia-v2", "groq-lpu", "groq-lpx", "cerebras-wse-3",
	"graphcore-ipu", "intel-gaudi2", "intel-gaudi3", "sambanova-sn40l",
	"qualcomm-hexagon-npu", "apple-neural-engine", "siliconflow",
	"openai-broadcom",
};

static void
test_bundled_complete(void **state)
{
	struct diags dl;
	struct dataset *ds = load_dir(NULL, NULL, &dl);
	size_t i, n;

	(void)state;
	assert_non_null(ds);
	for (i = 0; i < dl.n; i++) {
		char *s = diag_format(&dl.v[i]);

		print_error("%s\n", s);
		free(s);
	}
	assert_int_equal(dl.n, 0);
	for (i = 0; i < sizeof seed_systems / sizeof seed_systems[0]; i++) {
		if (dataset_find(ds, DS_HARDWARE, seed_systems[i]) < 0)
			print_error("no hardware row for %s\n",
			    seed_systems[i]);
		assert_true(dataset_find(ds, DS_HARDWARE, seed_systems[i]) >=
		    0);
	}
	/* Every figure has a source; every non-seed source an address. */
	n = dataset_count(ds, DS_SPECS);
	assert_true(n > 200);
	for (i = 0; i < n; i++) {
		const struct spec *s = &ds->spec[i];
		const char *url = dataset_field(ds, DS_SOURCES, s->source,
		    SRC_URL);
		const char *kind = dataset_field(ds, DS_SOURCES, s->source,
		    SRC_KIND);

		assert_true(s->source < dataset_count(ds, DS_SOURCES));
		if (strcmp(kind, "seed") != 0 && *url == '\0')
			print_error("figure %zu: source without an address\n",
			    i);
		assert_true(strcmp(kind, "seed") == 0 || *url != '\0');
		/* Seed claims cite seeds, and only seed claims do. */
		assert_int_equal(s->kind == KIND_SEED,
		    strcmp(kind, "seed") == 0);
	}
	dataset_free(ds);
	diags_done(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_loads),
		cmocka_unit_test(test_broken_reports_and_keeps_the_rest),
		cmocka_unit_test(test_overlay_replaces_and_adds),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test(test_files_in_memory),
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_parse_number_exact),
		cmocka_unit_test(test_bundled_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
