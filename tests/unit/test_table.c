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

#include "bundled.h"
#include "grid.h"
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
	static const char in[] = "id,text\nx,\"two\nlines\"\n"
	    "y,\xc3\xa9t\xc3\xa9\nz,after\n";
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

/*
 * Two loads of one table the same: header, rows, every cell and its
 * position.  Returns the cells compared.
 */
static size_t
same_table(const struct table *q, const struct table *c)
{
	size_t r, k, nf, n = 0;
	unsigned ql, qc, cl, cc;

	assert_int_equal(table_ncols(q), table_ncols(c));
	assert_int_equal(table_nrows(q), table_nrows(c));
	for (r = (size_t)-1; r == (size_t)-1 || r < table_nrows(q); r++) {
		nf = r == (size_t)-1 ? table_ncols(q) : table_fields(q, r);
		if (r != (size_t)-1)
			assert_int_equal(nf, table_fields(c, r));
		for (k = 0; k < nf; k++, n++) {
			assert_string_equal(r == (size_t)-1 ?
			    table_header(q, k) : table_cell(q, r, k),
			    r == (size_t)-1 ? table_header(c, k) :
			    table_cell(c, r, k));
			table_pos(q, r, k, &ql, &qc);
			table_pos(c, r, k, &cl, &cc);
			assert_int_equal(ql, cl);
			assert_int_equal(qc, cc);
		}
	}
	return n;
}

/*
 * Rows with quoted fields, read a line at a time without libcsv where they
 * allow it: the cells and positions a careful load (table_quick 0) finds,
 * and for one, those worked out by hand.
 */
static void
test_quoted_rows(void **state)
{
	static const char *const in[] = {
		"id,text,n\n\"a,b\",\"c\",1\n\"\",x,\"\"\n",
		"id,text,n\r\n"
		    "\"\xc3\xa9t\xc3\xa9, \xc3\xa9t\xc3\xa9 and more\","
		    "\"long plain text, well past eight bytes\",2\r\n",
		"id,text,n\nx,\"say \"\"hi\"\"\",3\ny,\"z\",4\n",
		"id,text,n\nx,\"a\" ,5\ny,\"b\",6\n",
		"id,text,n\nx,\"a\",b,7\ny,\"c\",8\n",
		"id,text,n\nx,\"two\nlines\",9\ny,\"c\",10\n",
		"id,text,n\nx,ab\"c,11\ny,\"c\",12",
	};
	struct diags qdl, cdl;
	struct table *q, *c;
	size_t i;
	unsigned ql, qc;
	char *qd, *cd;

	(void)state;
	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		diags_init(&qdl);
		diags_init(&cdl);
		q = table_load_mem("q.csv", in[i], strlen(in[i]), &qdl);
		table_quick = 0;
		c = table_load_mem("q.csv", in[i], strlen(in[i]), &cdl);
		table_quick = 1;
		qd = all_diags(&qdl);
		cd = all_diags(&cdl);
		assert_string_equal(qd, cd);
		assert_non_null(q);
		assert_non_null(c);
		same_table(q, c);
		free(qd);
		free(cd);
		table_free(q);
		table_free(c);
		diags_done(&qdl);
		diags_done(&cdl);
	}
	/* The second input, by hand: two cells with commas in quotes. */
	diags_init(&qdl);
	q = table_load_mem("q.csv", in[1], strlen(in[1]), &qdl);
	assert_int_equal(qdl.n, 0);
	assert_string_equal(table_cell(q, 0, 0),
	    "\xc3\xa9t\xc3\xa9, \xc3\xa9t\xc3\xa9 and more");
	assert_string_equal(table_cell(q, 0, 1),
	    "long plain text, well past eight bytes");
	table_pos(q, 0, 1, &ql, &qc);
	assert_int_equal(ql, 2);
	assert_int_equal(qc, 21);
	table_pos(q, 0, 2, &ql, &qc);
	assert_int_equal(qc, 62);
	table_free(q);
	diags_done(&qdl);
}

/*
 * A grid load writes each field's text over its bytes.  A short row with a
 * quoted field is read quickly, then again field by field; the row after it
 * must be read from its own bytes, untouched (it once met a NUL written
 * over its comma and was left out).
 */
static void
test_quoted_grid(void **state)
{
	static const char in[] = "id,name,vendor,category,status,"
	    "deployment,software,notes\n"
	    "alpha-x1,Alpha X,GPU,shipping,on-prem,\"CUDA, cuDNN\",A GPU\n"
	    "beta-b2,Beta B2,Beta,ASIC,announced,cloud-only,Beta SDK,"
	    "\"An \"\"ASIC\"\", announced\"\n";
	static const char *const want[2][8] = {
		{ "alpha-x1", "Alpha X", "GPU", "shipping", "on-prem",
		  "CUDA, cuDNN", "A GPU", "" },
		{ "beta-b2", "Beta B2", "Beta", "ASIC", "announced",
		  "cloud-only", "Beta SDK", "An \"ASIC\", announced" },
	};
	struct diags dl;
	struct grid *g;
	char *buf;
	size_t r, c;
	int cancelled, quick;

	(void)state;
	for (quick = 1; quick >= 0; quick--) {
		buf = malloc(sizeof in);
		memcpy(buf, in, sizeof in);
		diags_init(&dl);
		table_quick = quick;
		g = table_grid_buf("g.csv", buf, sizeof in - 1, sizeof in,
		    NULL, &cancelled, &dl);
		table_quick = 1;
		assert_non_null(g);
		assert_int_equal(g->nrows, 2);
		for (r = 0; r < 2; r++)
			for (c = 0; c < 8; c++)
				assert_string_equal(grid_get(g, r, c),
				    want[r][c]);
		/* The short row, said once. */
		assert_int_equal(dl.n, 1);
		assert_int_equal(dl.v[0].line, 2);
		grid_free(g);
		diags_done(&dl);
	}
}

/*
 * The bundled tables the build parsed (mkbundled) are what parsing the
 * bundled text at run time gives: every cell, at the same position.
 */
static void
test_bundled_parts(void **state)
{
	const struct bundled_file *b;
	const struct table_parts *p;
	struct diags dl;
	struct table *q, *c;
	size_t n = 0;

	(void)state;
	for (b = bundled_files, p = bundled_parts; b->name != NULL; b++, p++) {
		assert_non_null(p->name);
		assert_string_equal(p->name, b->name);
		diags_init(&dl);
		c = table_load_mem(b->name, b->data, b->len, &dl);
		assert_int_equal(dl.n, 0);
		q = table_from_parts(b->name, p);
		n += same_table(q, c);
		/* Not its own: nothing to hand over, nothing freed twice. */
		assert_null(table_take_text(q));
		table_free(q);
		table_free(c);
		diags_done(&dl);
	}
	assert_null(p->name);
	assert_true(n > 5000);	/* it did compare: 8,600 cells and more */
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
		cmocka_unit_test(test_quoted_rows),
		cmocka_unit_test(test_quoted_grid),
		cmocka_unit_test(test_bundled_parts),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
