/*
 * table.c: CSV through libcsv, positions, and the diagnostics for bad CSV
 * (table-driven: input, then the exact diagnostics and what loads).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "table.h"

/* All diagnostics, one per line. */
static char *
all_diags(struct diags *dl)
{
	size_t i, len = 1;
	char *out = calloc(1, 1), *s;

	for (i = 0; i < dl->n; i++) {
		s = diag_format(&dl->v[i]);
		len += strlen(s) + 1;
		out = realloc(out, len);
		strcat(out, s);
		strcat(out, "\n");
		free(s);
	}
	return out;
}

struct bad_case {
	const char	*input;
	size_t		 len;		/* 0: strlen(input) */
	const char	*diags;
	long		 rows;		/* data rows loaded, or -1: no table */
};

static const struct bad_case bad_cases[] = {
	{ "", 0, "t.csv:1:1: error: empty file: a header line is required\n",
	  -1 },
	{ "a,b\n", 0, "", 0 },
	{ "a,b\n1,2\n", 0, "", 1 },
	{ "\xef\xbb\xbf" "a,b\n1,2\n", 0, "", 1 },
	{ "a,b\r\n1,2\r\n3,4\r\n", 0, "", 2 },
	{ "a,b\r1,2\r3,4\r", 0, "", 2 },
	{ "a,b\n1,\"x\ny\"\n3,4\n", 0, "", 2 },
	{ "a,b\n1,\"unterminated\n", 0,
	  "t.csv:2:3: error: unterminated quoted field; row skipped\n", 0 },
	{ "a,b\n1,x\"y\n3,4\n", 0,
	  "t.csv:2:4: error: unexpected '\"' in an unquoted field; row "
	  "skipped\n", 1 },
	{ "a,b\n1,\"x\"y\n3,4\n", 0,
	  "t.csv:2:6: error: unexpected character after a closing quote; "
	  "row skipped\n", 1 },
	{ "a,b\n1,x\xff\n3,4\n", 0,
	  "t.csv:2:4: error: invalid UTF-8 byte 0xFF in field; row "
	  "skipped\n", 1 },
	{ "a,b\n1,x\0y\n3,4\n", 14,
	  "t.csv:2:4: error: NUL byte in field; row skipped\n", 1 },
	{ "a,b\n\xc3\xa9t\xc3\xa9,\xff\n", 0,
	  "t.csv:2:5: error: invalid UTF-8 byte 0xFF in field; row "
	  "skipped\n", 0 },
	{ "\n\na,b\n\n1,2\n\n", 0, "", 1 },
};

static void
test_bad_csv(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct diags dl;
		struct table *t;
		char *got;

		diags_init(&dl);
		t = table_load_mem("t.csv", c->input,
		    c->len ? c->len : strlen(c->input), &dl);
		got = all_diags(&dl);
		if (strcmp(got, c->diags) != 0)
			print_error("case %zu: got\n%s\nwant\n%s\n", i, got,
			    c->diags);
		assert_string_equal(got, c->diags);
		if (c->rows < 0)
			assert_null(t);
		else {
			assert_non_null(t);
			assert_int_equal(table_nrows(t), c->rows);
		}
		free(got);
		table_free(t);
		diags_done(&dl);
	}
}

static void
test_positions(void **state)
{
	static const char in[] = "id,text\nx,\"two\nlines\"\ny,\xc3\xa9t\xc3\xa9\n"
	    "z,after\n";
	struct diags dl;
	struct table *t;
	unsigned line, col;

	(void)state;
	diags_init(&dl);
	t = table_load_mem("p.csv", in, sizeof in - 1, &dl);
	assert_non_null(t);
	assert_int_equal(dl.n, 0);
	assert_int_equal(table_ncols(t), 2);
	assert_int_equal(table_nrows(t), 3);
	assert_string_equal(table_header(t, 1), "text");
	assert_int_equal(table_column(t, "text"), 1);
	assert_int_equal(table_column(t, "nope"), -1);
	assert_string_equal(table_cell(t, 0, 1), "two\nlines");
	table_pos(t, 0, 1, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	table_pos(t, 1, 0, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 1);
	table_pos(t, 2, 1, &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(col, 3);
	table_free(t);
	diags_done(&dl);
}

static void
test_ragged(void **state)
{
	static const char in[] = "a,b,c\n1,2\n1,2,3,4\n";
	struct diags dl;
	struct table *t;
	unsigned line, col;

	(void)state;
	diags_init(&dl);
	t = table_load_mem("r.csv", in, sizeof in - 1, &dl);
	assert_non_null(t);
	assert_int_equal(table_fields(t, 0), 2);
	assert_int_equal(table_fields(t, 1), 4);
	assert_string_equal(table_cell(t, 0, 2), "");
	table_pos(t, 0, 2, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	table_free(t);
	diags_done(&dl);
}

static void
test_file_errors(void **state)
{
	struct diags dl;
	char *got;

	(void)state;
	diags_init(&dl);
	assert_null(table_load_file("/nonexistent/x.csv", "x.csv", &dl));
	assert_null(table_load_file("/", "dir", &dl));
	got = all_diags(&dl);
	assert_string_equal(got,
	    "x.csv: error: cannot open: No such file or directory\n"
	    "dir: error: is a directory, not a CSV file\n");
	free(got);
	diags_done(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_csv),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
