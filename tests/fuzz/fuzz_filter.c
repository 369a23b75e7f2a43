/*
 * Fuzz the filter language: the input (up to a NUL) is an expression,
 * compiled against a small fixed grid of text and number columns and
 * matched against every row; then the same text as a find pattern, as
 * the explorer's / search compiles it, matched against every cell.
 *
 * Checked: a failed compile leaves exactly one diagnostic, on line 1 at a
 * column inside the expression or just after it; a filter remembers its
 * text; filter_grid() keeps exactly the rows filter_match() says match
 * and reports its first regex failure;
 * a find match lies inside the text matched.
 */
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "find.h"
#include "fuzz.h"
#include "grid.h"
#include "utf8.h"

#define NCOLS 6

static const char *const heads[NCOLS] = {
	"id", "vendor", "memory_gb", "tdp_w", "notes", "year"
};
static const enum grid_type types[NCOLS] = {
	GRID_TEXT, GRID_TEXT, GRID_NUMBER, GRID_NUMBER, GRID_TEXT, GRID_NUMBER
};
static const char *const rows[][NCOLS] = {
	{ "nvidia-h100", "NVIDIA", "80", "700", "Hopper; SXM5", "2022" },
	{ "amd-mi300x", "AMD", "192", "750", "CDNA 3, 8 XCDs", "2023" },
	{ "groq-lpu", "Groq", "", "", "230 MB SRAM, no HBM", "" },
	{ "google-tpu-v7", "Google", "192", "", "Ironwood \xe2\x80\x94 TPU",
	  "2025" },
	{ "x", "\xc3\x89tienne", "-1.5e3", "0x10", "tab\there \"quoted\"",
	  "nan" },
	{ "", "", "1e308", "inf", "", "-0" },
};
#define NROWS (sizeof rows / sizeof rows[0])

static struct grid *
fixture(void)
{
	struct grid *g = grid_new(NCOLS);
	size_t r, c;

	for (c = 0; c < NCOLS; c++)
		grid_column(g, c, heads[c], types[c]);
	for (r = 0; r < NROWS; r++) {
		grid_add_row(g);
		for (c = 0; c < NCOLS; c++)
			grid_set(g, r, c, rows[r][c]);
	}
	return g;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
check_diag(const struct diags *dl, const char *expr, const char *what)
{
	size_t len = strlen(expr);
	size_t chars;

	if (dl->n != 1 || dl->errors != 1)
		fuzz_fail("%s: %zu diagnostics, not 1", what, dl->n);
	/* Columns count characters; invalid UTF-8 counts a byte each. */
	chars = utf8_chars(expr, len);
	if (dl->v[0].line != 1 || dl->v[0].col < 1 ||
	    dl->v[0].col > chars + 1)
		fuzz_fail("%s: diagnostic at %u:%u, expression of %zu "
		    "characters", what, dl->v[0].line, dl->v[0].col, chars);
	free(diag_format(&dl->v[0]));
}

static void
filter(const char *expr)
{
	struct grid *g = fixture();
	struct filter *f;
	struct diags dl;
	int match[NROWS], x;
	size_t r, kept, failed;

	diags_init(&dl);
	if ((f = filter_compile(expr, g, &dl)) == NULL) {
		check_diag(&dl, expr, "filter");
		diags_done(&dl);
		grid_free(g);
		return;
	}
	if (dl.n != 0)
		fuzz_fail("filter compiled with %zu diagnostics", dl.n);
	if (strcmp(filter_text(f), expr) != 0)
		fuzz_fail("filter_text() differs from the expression");
	for (r = 0, kept = 0; r < NROWS; r++) {
		x = filter_match(f, g, r, &dl);
		if (x < -1 || x > 1)
			fuzz_fail("filter_match() gave %d", x);
		match[r] = x;
		kept += x == 1;
	}
	diags_done(&dl);
	diags_init(&dl);
	failed = filter_grid(f, g, &dl);
	if (g->nrows != kept)
		fuzz_fail("filter_grid() kept %zu rows, filter_match() %zu",
		    g->nrows, kept);
	for (r = 0, kept = 0; r < NROWS; r++)
		if (match[r] == 1 && strcmp(grid_get(g, kept++, 0),
		    rows[r][0]) != 0)
			fuzz_fail("filter_grid() kept the wrong rows");
	/* The first regex failure is reported, not every row's. */
	if ((failed > 0) != (dl.n == 1) || dl.n > 1)
		fuzz_fail("%zu regex failures, %zu diagnostics", failed, dl.n);
	filter_free(f);
	diags_done(&dl);
	grid_free(g);
}

static void
find(const char *pat)
{
	struct finder *f;
	struct diags dl;
	size_t r, c, start, end;
	const char *s;

	diags_init(&dl);
	if ((f = finder_new(pat, &dl)) == NULL) {
		check_diag(&dl, pat, "find");
		diags_done(&dl);
		return;
	}
	if (strcmp(finder_pattern(f), pat) != 0)
		fuzz_fail("finder_pattern() differs from the pattern");
	for (r = 0; r < NROWS; r++)
		for (c = 0; c < NCOLS; c++) {
			s = rows[r][c];
			if (finder_match(f, s, &start, &end) &&
			    (start > end || end > strlen(s)))
				fuzz_fail("find match [%zu, %zu) outside "
				    "\"%s\"", start, end, s);
		}
	finder_free(f);
	diags_done(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *expr = malloc(size + 1);

	if (expr == NULL)
		return 0;
	memcpy(expr, data, size);
	expr[size] = '\0';
	filter(expr);
	find(expr);
	free(expr);
	return 0;
}
