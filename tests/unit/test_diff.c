/*
 * diff.c: alignment, direction, ratios and differences, tolerance,
 * missing values, conflicts, leads, and the grids, on the diff fixture.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "detail.h"
#include "diff.h"
#include "fixture.h"

static int
setup(void **state)
{
	size_t problems;
	int r = fixture_setup(state, "diff", &problems);

	assert_int_equal(problems, 0);
	return r;
}

/* A diff of the named parts, in order. */
static struct diff *
make(const struct dataset *ds, const char *const *ids, size_t n)
{
	size_t hw[DIFF_MAX + 1], i;

	for (i = 0; i < n; i++) {
		long h = dataset_find(ds, DS_HARDWARE, ids[i]);

		assert_true(h >= 0);
		hw[i] = (size_t)h;
	}
	return diff_new(ds, hw, n, DIFF_TOLERANCE);
}

static long
row_of(const struct diff *d, const char *label)
{
	size_t i;

	for (i = 0; i < d->nrows; i++)
		if (strcmp(d->row[i].label, label) == 0)
			return (long)i;
	return -1;
}

static void
expect_cell(const struct diff *d, const char *label, size_t col,
    const char *want)
{
	long r = row_of(d, label);
	char *t;

	assert_true(r >= 0);
	t = diff_cell_text(d, (size_t)r, col);
	assert_string_equal(t, want);
	free(t);
}

static void
test_close(void **state)
{
	(void)state;
	assert_true(diff_close(100, 105, 0.05));
	assert_false(diff_close(100, 106, 0.05));
	assert_true(diff_close(3.35, 3.4, 0.05));
	assert_true(diff_close(0, 0, 0.05));
	assert_false(diff_close(0, 1e-9, 0.05));
	assert_true(diff_close(-10, -10.2, 0.05));
}

static void
test_count(void **state)
{
	static const char *const ids[] = { "p1", "p2", "p3", "p4", "p1" };

	assert_null(make(*state, ids, 1));
	assert_null(make(*state, ids, 5));
}

static void
test_two(void **state)
{
	static const char *const ids[] = { "p1", "p2" };
	struct diff *d = make(*state, ids, 2);
	long r;

	assert_non_null(d);
	/* Five fields, then the five metrics both or either has. */
	assert_int_equal(d->nrows, 10);
	assert_string_equal(d->row[0].label, "vendor");
	assert_int_equal(d->row[0].kind, DIFF_FIELD);
	assert_false(d->row[0].differs);
	/* Higher is better, ratio to the first column. */
	expect_cell(d, "memory_gb", 0, "80!");
	expect_cell(d, "memory_gb", 1, "141 ×1.76 *");
	r = row_of(d, "memory_gb");
	assert_true(d->row[r].c[0].conflict);
	assert_false(d->row[r].c[1].conflict);
	assert_true(d->row[r].differs);
	/* Within the tolerance: no best, not a difference. */
	expect_cell(d, "memory_bw_tbs", 1, "3.4 ≈");
	r = row_of(d, "memory_bw_tbs");
	assert_false(d->row[r].differs);
	assert_false(d->row[r].c[0].best || d->row[r].c[1].best);
	/* Equal: the same. */
	expect_cell(d, "tdp_w", 1, "700 ≈");
	/* A zero baseline has no ratio; the other value is still best. */
	expect_cell(d, "sram_mb", 0, "0");
	expect_cell(d, "sram_mb", 1, "50 *");
	/* Years compare by difference, exactly. */
	expect_cell(d, "year", 1, "2024 +2 *");
	assert_int_equal(d->lead[0], 0);
	assert_int_equal(d->lead[1], 3);
	assert_int_equal(d->ranked, 3);
	diff_free(d);
}

static void
test_lower_and_missing(void **state)
{
	static const char *const ids[] = { "p1", "p3" };
	struct diff *d = make(*state, ids, 2);
	long r;

	/* Lower is better for power. */
	expect_cell(d, "tdp_w", 1, "350 ×0.50 *");
	expect_cell(d, "tdp_w", 0, "700");
	/* Unknown: a dash, and the row differs without a best. */
	expect_cell(d, "memory_gb", 1, "—");
	r = row_of(d, "memory_gb");
	assert_true(d->row[r].differs);
	assert_false(d->row[r].c[0].best);
	/* Same year: equal, so no difference shown. */
	expect_cell(d, "year", 1, "2022 ≈");
	assert_false(d->row[row_of(d, "year")].differs);
	expect_cell(d, "software", 1, "Beta SDK");
	assert_true(d->row[row_of(d, "software")].differs);
	diff_free(d);
}

static void
test_four(void **state)
{
	static const char *const ids[] = { "p4", "p1", "p2", "p3" };
	struct diff *d = make(*state, ids, 4);
	long r;

	/* The baseline knows only its year: no ratios anywhere else. */
	expect_cell(d, "memory_gb", 2, "141 *");
	expect_cell(d, "year", 1, "2022 -3");
	expect_cell(d, "year", 0, "2025 *");
	expect_cell(d, "software", 0, "—");
	/* Tied best: both within the tolerance of the lowest. */
	r = row_of(d, "tdp_w");
	assert_true(d->row[r].c[3].best);
	assert_false(d->row[r].c[1].best);
	/* Bandwidth: all known values close, so no best. */
	r = row_of(d, "memory_bw_tbs");
	assert_false(d->row[r].c[1].best || d->row[r].c[2].best ||
	    d->row[r].c[3].best);
	assert_true(d->row[r].differs);	/* the baseline's is unknown */
	diff_free(d);
}

static void
test_next(void **state)
{
	static const char *const ids[] = { "p1", "p2" };
	struct diff *d = make(*state, ids, 2);
	long r, first;

	first = diff_next(d, -1, 1);
	assert_string_equal(d->row[first].label, "year");
	r = diff_next(d, first, 1);
	assert_string_equal(d->row[r].label, "memory_gb");
	r = diff_next(d, r, 1);
	assert_string_equal(d->row[r].label, "sram_mb");
	assert_int_equal(diff_next(d, r, 1), -1);
	assert_int_equal(diff_next(d, first, -1), -1);
	assert_int_equal(diff_next(d, r, -1), row_of(d, "memory_gb"));
	diff_free(d);
}

static void
test_grids(void **state)
{
	static const char *const ids[] = { "p1", "p2" };
	struct diff *d = make(*state, ids, 2);
	struct grid *g;
	char *s;

	g = diff_grid(d, 0, 1);
	s = grid_format(g, GRID_CSV);
	assert_string_equal(s,
	    "field,unit,direction,p1,p2,p2_ratio,best,conflict,differs\n"
	    "year,year,higher,2022,2024,,p2,,yes\n"
	    "memory_gb,GB,higher,80,141,1.762,p2,p1,yes\n"
	    "sram_mb,MB,higher,0,50,,p2,,yes\n"
	    "leads,,,0,3,,,,\n");
	free(s);
	grid_free(g);

	g = diff_grid(d, 1, 0);
	assert_int_equal(g->ncols, 4);
	assert_string_equal(g->head[2], "Part One");
	assert_int_equal(g->nrows, d->nrows + 1);
	assert_string_equal(grid_get(g, g->nrows - 1, 0), "leads");
	assert_string_equal(grid_get(g, g->nrows - 1, 3), "3 of 3");
	grid_free(g);
	diff_free(d);
}

static void
test_detail(void **state)
{
	static const char *const ids[] = { "p1", "p3" };
	struct diff *d = make(*state, ids, 2);
	struct doc *doc = detail_diff_row(d, (size_t)row_of(d, "memory_gb"));
	char *s = doc_text(doc);

	/* Both of p1's figures with their sources; p3 has none. */
	assert_non_null(strstr(s, "80 GB (vendor-spec, preferred)"));
	assert_non_null(strstr(s, "96 GB (seed-claim)"));
	assert_non_null(strstr(s, "https://alpha.example/x1"));
	assert_non_null(strstr(s, "\"96GB\""));
	assert_non_null(strstr(s, "No figure in the dataset."));
	free(s);
	doc_free(doc);
	diff_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_two),
		cmocka_unit_test(test_lower_and_missing),
		cmocka_unit_test(test_four),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_grids),
		cmocka_unit_test(test_detail),
	};

	return cmocka_run_group_tests(tests, setup, fixture_teardown);
}
