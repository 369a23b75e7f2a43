/*
 * chart.c: cells for values on linear and log axes, lines, the rendered
 * text, SI labels, and ranges it refuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"

static void
test_cells(void **state)
{
	struct chart *c = chart_new(11, 5, 0, 10, 0, 4, 0, 0);
	int col, row;

	(void)state;
	assert_non_null(c);
	assert_int_equal(chart_cell(c, 0, 0, &col, &row), 0);
	assert_int_equal(col, 0);
	assert_int_equal(row, 4);	/* the bottom */
	assert_int_equal(chart_cell(c, 10, 4, &col, &row), 0);
	assert_int_equal(col, 10);
	assert_int_equal(row, 0);
	assert_int_equal(chart_cell(c, 5, 2, &col, &row), 0);
	assert_int_equal(col, 5);
	assert_int_equal(row, 2);
	assert_int_equal(chart_cell(c, 10.5, 2, &col, &row), -1);
	assert_int_equal(chart_cell(c, NAN, 2, &col, &row), -1);
	assert_int_equal(chart_point(c, -1, 0, '*'), -1);
	chart_free(c);

	/* Log axes: 1, 10, 100 fall at the ends and the middle. */
	c = chart_new(11, 3, 1, 100, 1, 100, 1, 1);
	assert_int_equal(chart_cell(c, 10, 10, &col, &row), 0);
	assert_int_equal(col, 5);
	assert_int_equal(row, 1);
	assert_int_equal(chart_cell(c, 0, 10, &col, &row), -1);
	chart_free(c);
}

static void
test_line_render(void **state)
{
	struct chart *c = chart_new(5, 5, 0, 4, 0, 4, 0, 0);
	char *s;

	(void)state;
	chart_line(c, 0, 0, 4, 4, '/');
	chart_point(c, 2, 2, '@');
	chart_line(c, 0, 4, 4, 4, '-');
	s = chart_render(c, "x");
	assert_string_equal(s,
	    "    4 |----/\n"
	    "      |   / \n"
	    "      |  @  \n"
	    "      | /   \n"
	    "    0 |/    \n"
	    "      +-----\n"
	    "       0 x 4\n");
	free(s);
	chart_free(c);
}

static void
test_si(void **state)
{
	char b[16];

	(void)state;
	chart_si(989e12, b, sizeof b);
	assert_string_equal(b, "989T");
	chart_si(3.35e12, b, sizeof b);
	assert_string_equal(b, "3.35T");
	chart_si(1234, b, sizeof b);
	assert_string_equal(b, "1.23k");
	chart_si(0.5, b, sizeof b);
	assert_string_equal(b, "500m");
	chart_si(7, b, sizeof b);
	assert_string_equal(b, "7");
	chart_si(0, b, sizeof b);
	assert_string_equal(b, "0");
	chart_si(-2500, b, sizeof b);
	assert_string_equal(b, "-2.5k");
	chart_si(NAN, b, sizeof b);
	assert_string_equal(b, "?");
}

static void
test_bad(void **state)
{
	(void)state;
	assert_null(chart_new(1, 5, 0, 1, 0, 1, 0, 0));
	assert_null(chart_new(5, 5, 1, 1, 0, 1, 0, 0));
	assert_null(chart_new(5, 5, 0, 1, 2, 1, 0, 0));
	assert_null(chart_new(5, 5, 0, 1, 0, 1, 1, 0));	/* log from 0 */
	assert_null(chart_new(5, 5, 0, INFINITY, 0, 1, 0, 0));
	assert_null(chart_new(5, 5, 0, 1, NAN, 1, 0, 0));
	chart_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_line_render),
		cmocka_unit_test(test_si),
		cmocka_unit_test(test_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
