/*
 * view.c: the grids `list` and `show` print, on the mini fixture: metric
 * columns hold the preferred figure, conflicts are marked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "view.h"

static int
setup(void **state)
{
	return fixture_setup(state, "mini", NULL);
}

static const char *
cell(const struct grid *g, const char *key, const char *col)
{
	long c = grid_find_column(g, col);
	size_t r;

	assert_true(c >= 0);
	for (r = 0; r < g->nrows; r++)
		if (strcmp(grid_get(g, r, 0), key) == 0)
			return grid_get(g, r, (size_t)c);
	fail_msg("no row %s", key);
	return NULL;
}

static void
test_hardware(void **state)
{
	struct grid *g = view_list(*state, DS_HARDWARE);

	assert_int_equal(g->nrows, 3);
	/* Vendor spec beats the seed's 96. */
	assert_string_equal(cell(g, "alpha-x1", "memory_gb"), "80");
	assert_string_equal(cell(g, "alpha-x1", "bf16_tflops"), "989.5");
	assert_string_equal(cell(g, "gamma-n", "memory_gb"), "");
	assert_string_equal(cell(g, "beta-b2", "status"), "announced");
	assert_true(grid_find_column(g, "notes") >= 0);
	grid_free(g);
}

static void
test_specs(void **state)
{
	struct grid *g = view_list(*state, DS_SPECS);
	long cv = grid_find_column(g, "value");
	long cc = grid_find_column(g, "conflict");
	long cp = grid_find_column(g, "preferred");
	size_t r, conflicts = 0, preferred = 0;

	assert_true(cv >= 0 && cc >= 0 && cp >= 0);
	assert_int_equal(g->nrows, 8);
	for (r = 0; r < g->nrows; r++) {
		if (strcmp(grid_get(g, r, (size_t)cc), "yes") == 0) {
			conflicts++;
			assert_string_equal(grid_get(g, r, 0), "alpha-x1");
		}
		if (strcmp(grid_get(g, r, (size_t)cp), "yes") == 0)
			preferred++;
	}
	assert_int_equal(conflicts, 2);	/* both alpha-x1 memory rows */
	assert_int_equal(preferred, 7);	/* one per chip and metric */
	grid_free(g);
}

static void
test_figures(void **state)
{
	const struct dataset *ds = *state;
	long hw = dataset_find(ds, DS_HARDWARE, "alpha-x1");
	struct grid *g;
	size_t r, bang = 0;

	assert_true(hw >= 0);
	g = view_hardware_figures(ds, (size_t)hw);
	assert_int_equal(g->nrows, 4);
	for (r = 0; r < g->nrows; r++)
		if (strcmp(grid_get(g, r, 0), "!") == 0) {
			bang++;
			assert_string_equal(grid_get(g, r, 2), "96");
		}
	assert_int_equal(bang, 1);
	grid_free(g);
	g = view_hardware_fields(ds, (size_t)hw);
	assert_string_equal(cell(g, "vendor", "value"), "Alpha");
	grid_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hardware),
		cmocka_unit_test(test_specs),
		cmocka_unit_test(test_figures),
	};

	return cmocka_run_group_tests(tests, setup, fixture_teardown);
}
