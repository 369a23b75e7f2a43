/*
 * grid.c: the text forms (table aligned by display width, CSV that parses
 * back through libcsv, TSV, JSON, Markdown), sorting and column selection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "grid.h"
#include "table.h"

static struct grid *
sample(void)
{
	struct grid *g = grid_new(3);
	size_t r;

	grid_column(g, 0, "name", GRID_TEXT);
	grid_column(g, 1, "mem", GRID_NUMBER);
	grid_column(g, 2, "note", GRID_TEXT);
	r = grid_add_row(g);
	grid_set(g, r, 0, "b");
	grid_set(g, r, 1, "80");
	grid_set(g, r, 2, "plain");
	r = grid_add_row(g);
	grid_set(g, r, 0, "東京");
	grid_set(g, r, 1, "192.5");
	grid_set(g, r, 2, "comma, \"quote\"\nnewline");
	r = grid_add_row(g);
	grid_set(g, r, 0, "A");
	grid_set(g, r, 2, "esc\x1b[31m|tab\t");
	return g;
}

static void
test_table(void **state)
{
	struct grid *g = sample();
	char *s = grid_format(g, GRID_TABLE);

	(void)state;
	/* Wide characters count two columns; numbers align right; control
	 * characters become visible escapes. */
	assert_string_equal(s,
	    "name    mem  note\n"
	    "b        80  plain\n"
	    "東京  192.5  comma, \"quote\"\\nnewline\n"
	    "A            esc\\e[31m|tab\\t\n");
	free(s);
	grid_free(g);
}

static void
test_csv_round_trip(void **state)
{
	struct grid *g = sample();
	char *s = grid_format(g, GRID_CSV);
	struct diags dl;
	struct table *t;
	size_t r, c;

	(void)state;
	diags_init(&dl);
	t = table_load_mem("out.csv", s, strlen(s), &dl);
	assert_non_null(t);
	assert_int_equal(dl.n, 0);
	assert_int_equal(table_nrows(t), 3);
	for (r = 0; r < 3; r++)
		for (c = 0; c < 3; c++)
			assert_string_equal(table_cell(t, r, c),
			    grid_get(g, r, c));
	table_free(t);
	diags_done(&dl);
	free(s);
	grid_free(g);
}

static void
test_tsv_json_md(void **state)
{
	struct grid *g = sample();
	char *s;

	(void)state;
	s = grid_format(g, GRID_TSV);
	assert_string_equal(s, "name\tmem\tnote\nb\t80\tplain\n"
	    "東京\t192.5\tcomma, \"quote\"\\nnewline\n"
	    "A\t\tesc\x1b[31m|tab\\t\n");
	free(s);
	s = grid_format(g, GRID_JSON);
	assert_string_equal(s, "[\n"
	    "  {\"name\": \"b\", \"mem\": 80, \"note\": \"plain\"},\n"
	    "  {\"name\": \"東京\", \"mem\": 192.5, \"note\": "
	    "\"comma, \\\"quote\\\"\\nnewline\"},\n"
	    "  {\"name\": \"A\", \"mem\": null, \"note\": "
	    "\"esc\\u001b[31m|tab\\t\"}\n]\n");
	free(s);
	s = grid_format(g, GRID_MD);
	assert_string_equal(s, "| name | mem | note |\n|---|---:|---|\n"
	    "| b | 80 | plain |\n"
	    "| 東京 | 192.5 | comma, \"quote\"\\nnewline |\n"
	    "| A |  | esc\\e[31m\\|tab\\t |\n");
	free(s);
	grid_free(g);
}

/* A one-column grid of type ty holding v[0..n). */
static struct grid *
column_of(enum grid_type ty, const char *const *v, size_t n)
{
	struct grid *g = grid_new(1);
	size_t i, r;

	grid_column(g, 0, "x", ty);
	for (i = 0; i < n; i++) {
		r = grid_add_row(g);
		grid_set(g, r, 0, v[i]);
	}
	return g;
}

static void
test_order(void **state)
{
	static const char *const nums[] = { "10", "-2.5", "", "1e3", "0",
	    "-0", "n/a", "-1e3", "2", "10" };
	/* After sorting: the rows, by number; equal ones in row order. */
	static const size_t up[] = { 7, 1, 4, 5, 8, 0, 9, 3, 2, 6 };
	static const size_t down[] = { 3, 0, 9, 8, 4, 5, 1, 7, 2, 6 };
	static const char *const texts[] = {
	    "node-0000000000012b", "Node-0000000000012A", "node-00000000000012",
	    "", "alpha", "ALPHA", "node-0000000000012" };
	static const size_t tup[] = { 4, 5, 2, 6, 1, 0, 3 };
	size_t idx[10], i;
	struct grid *g;

	(void)state;
	g = column_of(GRID_NUMBER, nums, 10);
	for (i = 0; i < 10; i++)
		idx[i] = i;
	grid_order(g, idx, 10, 0, 0);
	for (i = 0; i < 10; i++)
		assert_int_equal(idx[i], up[i]);
	grid_order(g, idx, 10, 0, 1);
	for (i = 0; i < 10; i++)
		assert_int_equal(idx[i], down[i]);
	grid_free(g);

	/* Text alike in its first 16 bytes is compared whole, case-blind. */
	g = column_of(GRID_TEXT, texts, 7);
	for (i = 0; i < 7; i++)
		idx[i] = 6 - i;
	grid_order(g, idx, 7, 0, 0);
	for (i = 0; i < 7; i++)
		assert_int_equal(idx[i], tup[i]);
	grid_free(g);
}

static void
test_sort_select(void **state)
{
	struct grid *g = sample();
	char *bad;

	(void)state;
	grid_sort(g, 1, 0);
	assert_string_equal(grid_get(g, 0, 0), "b");
	assert_string_equal(grid_get(g, 1, 0), "東京");
	assert_string_equal(grid_get(g, 2, 0), "A");	/* empty last */
	grid_sort(g, 1, 1);
	assert_string_equal(grid_get(g, 0, 0), "東京");
	assert_string_equal(grid_get(g, 2, 0), "A");	/* still last */
	grid_sort(g, 0, 0);
	assert_string_equal(grid_get(g, 0, 0), "A");	/* case-blind */
	assert_string_equal(grid_get(g, 1, 0), "b");
	assert_int_equal(grid_select(g, "note,name", &bad), 0);
	assert_int_equal(g->ncols, 2);
	assert_string_equal(g->head[0], "note");
	assert_string_equal(grid_get(g, 1, 1), "b");
	assert_int_equal(grid_select(g, "name,nope", &bad), -1);
	assert_string_equal(bad, "nope");
	free(bad);
	assert_int_equal(grid_format_by_name("json"), GRID_JSON);
	assert_int_equal(grid_format_by_name("xml"), -1);
	grid_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_tsv_json_md),
		cmocka_unit_test(test_sort_select),
		cmocka_unit_test(test_order),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
