/*
 * Fuzz the CSV loader: table_load_mem() on the input, then every cell,
 * header and position of the result read back, so ASan sees each read.
 *
 * Positions are checked against the input: a cell's line and column must
 * find the place where its field starts -- its opening quote, or its text
 * followed by a delimiter -- since diagnostics and the explorer trust
 * them.
 *
 * Then the same input loaded as accelscope view does, parsed in place
 * (table_grid_buf()): it must hold the same rows and cells and report the
 * same errors at the same places.  It reads most rows the quick way, and
 * rows with a problem the careful way, with positions: read every row the
 * careful way, it must give the same grid and the same report, warnings
 * too.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "grid.h"
#include "table.h"
#include "utf8.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/*
 * The byte offset in s[0..len) of line l, character column c, counting
 * lines as the loader does (LF, CRLF or a lone CR end one) and characters
 * as bytes that are not UTF-8 continuation bytes; len when past the end.
 */
static size_t
offset_of(const char *s, size_t len, unsigned l, unsigned c)
{
	size_t i = 0;
	unsigned il = 1, ic = 1;

	while (i < len && (il < l || ic < c)) {
		unsigned char b = (unsigned char)s[i];

		if (b == '\n' || (b == '\r' && !(i + 1 < len &&
		    s[i + 1] == '\n'))) {
			il++;
			ic = 1;
		} else if (b != '\r' && (b & 0xc0) != 0x80)
			ic++;
		i++;
		/* Land on the first byte of a character, not inside one. */
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80 &&
		    il == l && ic == c)
			i++;
	}
	return i;
}

/* The cell's text must begin its field at (l, c) in the input. */
static void
check_pos(const char *in, size_t len, const char *cell, unsigned l,
    unsigned c, const char *what, size_t row, size_t col)
{
	size_t at, n = strlen(cell);

	if (l < 1 || c < 1)
		fuzz_fail("%s %zu,%zu: position %u:%u", what, row, col, l, c);
	at = offset_of(in, len, l, c);
	if (at < len && in[at] == '"')
		return;
	if (n > len - at || memcmp(in + at, cell, n) != 0)
		fuzz_fail("%s %zu,%zu at %u:%u: \"%s\" is not there", what,
		    row, col, l, c, cell);
	if (at + n < len && in[at + n] != ',' && in[at + n] != '\n' &&
	    in[at + n] != '\r')
		fuzz_fail("%s %zu,%zu at %u:%u: \"%s\" does not end there",
		    what, row, col, l, c, cell);
}

static void
check_text(const char *s, const char *what, size_t row, size_t col)
{
	size_t bad;

	/* Fields with bad bytes are reported and left out. */
	if (!utf8_valid(s, strlen(s), &bad))
		fuzz_fail("%s %zu,%zu: invalid UTF-8 kept", what, row, col);
}

/* The grid load of in[0..size) against the table load t (NULL: none). */
static void
check_grid(const char *in, size_t size, const struct table *t,
    const struct diags *tdl)
{
	struct diags dl;
	struct grid *g;
	size_t r, c, i, k, nf;
	char *buf = malloc(size + 1);
	int cancelled;
	char *a, *b;

	memcpy(buf, in, size);
	diags_init(&dl);
	g = table_grid_buf("fuzz.csv", buf, size, size + 1, NULL, &cancelled,
	    &dl);
	diags_sort(&dl);
	if ((g == NULL) != (t == NULL))
		fuzz_fail("the grid load %s, the table load %s",
		    g ? "loads" : "fails", t ? "loads" : "fails");
	/* The same errors, in the same places; the grid load may warn. */
	for (i = k = 0; i < tdl->n; i++) {
		if (tdl->v[i].level != DIAG_ERROR)
			continue;
		while (k < dl.n && dl.v[k].level != DIAG_ERROR)
			k++;
		if (k == dl.n)
			fuzz_fail("the grid load lacks an error");
		a = diag_format(&tdl->v[i]);
		b = diag_format(&dl.v[k]);
		if (strcmp(a, b) != 0)
			fuzz_fail("errors differ: \"%s\" and \"%s\"", a, b);
		free(a);
		free(b);
		k++;
	}
	if (g != NULL) {
		if (g->nrows != table_nrows(t) || g->ncols < table_ncols(t))
			fuzz_fail("grid %zu x %zu, table %zu x %zu", g->nrows,
			    g->ncols, table_nrows(t), table_ncols(t));
		for (r = 0; r < g->nrows; r++) {
			nf = table_fields(t, r);
			for (c = 0; c < g->ncols; c++)
				if (strcmp(grid_get(g, r, c), c < nf ?
				    table_cell(t, r, c) : "") != 0)
					fuzz_fail("cell %zu,%zu differs", r, c);
		}
	}
	grid_free(g);
	diags_done(&dl);
}

/* A grid load of in[0..size), the quick way or not; its report in dl. */
static struct grid *
grid_load(const char *in, size_t size, int quick, struct diags *dl)
{
	char *buf = malloc(size + 1);
	struct grid *g;
	int cancelled;

	memcpy(buf, in, size);
	table_quick = quick;
	g = table_grid_buf("fuzz.csv", buf, size, size + 1, NULL, &cancelled,
	    dl);
	table_quick = 1;
	return g;
}

/* Two reports, the same line for line. */
static void
same_report(const struct diags *q, const struct diags *c, const char *what)
{
	size_t i;
	char *a, *b;

	if (q->n != c->n)
		fuzz_fail("the quick %s load reports %zu, the careful %zu",
		    what, q->n, c->n);
	for (i = 0; i < q->n; i++) {
		a = diag_format(&q->v[i]);
		b = diag_format(&c->v[i]);
		if (strcmp(a, b) != 0 || q->v[i].level != c->v[i].level)
			fuzz_fail("reports differ: \"%s\" and \"%s\"", a, b);
		free(a);
		free(b);
	}
}

/*
 * The quick table load against the careful one: the same cells at the same
 * positions, the same report.
 */
static void
check_quick_table(const char *in, size_t size)
{
	struct diags qdl, cdl;
	struct table *q, *c;
	size_t r, k, nf;
	unsigned ql, qc, cl, cc;

	diags_init(&qdl);
	diags_init(&cdl);
	q = table_load_mem("fuzz.csv", in, size, &qdl);
	table_quick = 0;
	c = table_load_mem("fuzz.csv", in, size, &cdl);
	table_quick = 1;
	if ((q == NULL) != (c == NULL))
		fuzz_fail("the quick table load %s, the careful one %s",
		    q ? "loads" : "fails", c ? "loads" : "fails");
	same_report(&qdl, &cdl, "table");
	if (q != NULL) {
		if (table_nrows(q) != table_nrows(c) ||
		    table_ncols(q) != table_ncols(c))
			fuzz_fail("quick table %zu x %zu, careful %zu x %zu",
			    table_nrows(q), table_ncols(q), table_nrows(c),
			    table_ncols(c));
		for (r = (size_t)-1; r == (size_t)-1 || r < table_nrows(q);
		    r++) {
			nf = r == (size_t)-1 ? table_ncols(q) :
			    table_fields(q, r);
			if (r != (size_t)-1 && nf != table_fields(c, r))
				fuzz_fail("row %zu: %zu fields, careful %zu",
				    r, nf, table_fields(c, r));
			for (k = 0; k < nf; k++) {
				table_pos(q, r, k, &ql, &qc);
				table_pos(c, r, k, &cl, &cc);
				if (ql != cl || qc != cc)
					fuzz_fail("cell %zu,%zu at %u:%u, "
					    "careful %u:%u", r, k, ql, qc, cl,
					    cc);
				if (r != (size_t)-1 && strcmp(table_cell(q,
				    r, k), table_cell(c, r, k)) != 0)
					fuzz_fail("cell %zu,%zu differs", r, k);
			}
		}
	}
	table_free(q);
	table_free(c);
	diags_done(&qdl);
	diags_done(&cdl);
}

/* The quick grid load against the careful one: the same in every way. */
static void
check_quick(const char *in, size_t size)
{
	struct diags qdl, cdl;
	struct grid *q, *c;
	size_t r, k;

	diags_init(&qdl);
	diags_init(&cdl);
	q = grid_load(in, size, 1, &qdl);
	c = grid_load(in, size, 0, &cdl);
	if ((q == NULL) != (c == NULL))
		fuzz_fail("the quick grid load %s, the careful one %s",
		    q ? "loads" : "fails", c ? "loads" : "fails");
	same_report(&qdl, &cdl, "grid");
	if (q != NULL) {
		if (q->nrows != c->nrows || q->ncols != c->ncols)
			fuzz_fail("quick grid %zu x %zu, careful %zu x %zu",
			    q->nrows, q->ncols, c->nrows, c->ncols);
		for (k = 0; k < q->ncols; k++)
			if (strcmp(q->head[k], c->head[k]) != 0 ||
			    q->type[k] != c->type[k])
				fuzz_fail("column %zu differs", k);
		for (r = 0; r < q->nrows; r++)
			for (k = 0; k < q->ncols; k++)
				if (strcmp(grid_get(q, r, k),
				    grid_get(c, r, k)) != 0)
					fuzz_fail("cell %zu,%zu differs", r, k);
	}
	grid_free(q);
	grid_free(c);
	diags_done(&qdl);
	diags_done(&cdl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *s;
	struct diags dl;
	struct table *t;
	size_t nc, nr, r, c, nf, i;
	unsigned l, col, prev_l = 0;
	char *m;

	diags_init(&dl);
	t = table_load_mem("fuzz.csv", in, size, &dl);
	for (i = 0; i < dl.n; i++) {
		m = diag_format(&dl.v[i]);
		free(m);
	}
	diags_sort(&dl);
	check_grid(in, size, t, &dl);
	check_quick(in, size);
	check_quick_table(in, size);
	if (t == NULL) {
		if (dl.errors == 0)
			fuzz_fail("no table and no error");
		diags_done(&dl);
		return 0;
	}
	/* Positions count from after a byte-order mark. */
	if (size >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0) {
		in += 3;
		size -= 3;
	}
	nc = table_ncols(t);
	nr = table_nrows(t);
	if (nc == 0)
		fuzz_fail("a header with no columns");
	for (c = 0; c < nc; c++) {
		s = table_header(t, c);
		check_text(s, "header", 0, c);
		table_pos(t, (size_t)-1, c, &l, &col);
		check_pos(in, size, s, l, col, "header", 0, c);
		if (table_column(t, s) > (long)c)
			fuzz_fail("table_column(\"%s\") after %zu", s, c);
		prev_l = l;
	}
	if (table_header(t, nc) != NULL)
		fuzz_fail("a header past the last column");
	for (r = 0; r < nr; r++) {
		nf = table_fields(t, r);
		if (nf == 0)
			fuzz_fail("row %zu has no fields", r);
		for (c = 0; c <= nf + 1; c++) {
			s = table_cell(t, r, c);
			table_pos(t, r, c, &l, &col);
			if (c >= nf) {
				if (*s != '\0')
					fuzz_fail("cell %zu,%zu past the row",
					    r, c);
				continue;
			}
			check_text(s, "cell", r, c);
			check_pos(in, size, s, l, col, "cell", r, c);
			if (l < prev_l)
				fuzz_fail("cell %zu,%zu: line %u before %u",
				    r, c, l, prev_l);
			prev_l = l;
		}
	}
	if (*table_cell(t, nr, 0) != '\0')
		fuzz_fail("a cell past the last row");
	table_free(t);
	diags_done(&dl);
	return 0;
}
