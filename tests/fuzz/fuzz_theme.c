/*
 * Fuzz theme files: theme_parse() on the input, then every role's colours
 * resolved and attributes taken for terminals of 0, 8, 16, 88 and 256
 * colours and a direct-colour one, as the explorer and the theme command
 * do.
 *
 * Checked: a failed parse leaves the fallback's styles and reports at
 * most 20 errors and a note; alternatives stay within THEME_MAXALT; a
 * resolved colour is the default (-1) or one the terminal has.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "theme.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int
same_colours(const struct theme_colour *a, const struct theme_colour *b,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].kind != b[i].kind || a[i].v != b[i].v)
			return 0;
	return 1;
}

static int
same_style(const struct theme_style *a, const struct theme_style *b)
{
	return a->nfg == b->nfg && a->nbg == b->nbg && a->attrs == b->attrs &&
	    same_colours(a->fg, b->fg, THEME_MAXALT) &&
	    same_colours(a->bg, b->bg, THEME_MAXALT);
}

static void
resolve(const struct theme_colour *alt, size_t n, int ncolours, int direct)
{
	int c = theme_resolve(alt, n, ncolours, direct);

	if (c < -1)
		fuzz_fail("colour %d", c);
	if (direct && c > 0xffffff)
		fuzz_fail("direct colour %#x", (unsigned)c);
	if (!direct && c >= (ncolours < 256 ? ncolours : 256))
		fuzz_fail("colour %d on a terminal of %d", c, ncolours);
	if (ncolours < 8 && c != -1)
		fuzz_fail("colour %d without colours", c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		int	ncolours, direct;
	} terms[] = {
		{ 0, 0 }, { 8, 0 }, { 16, 0 }, { 88, 0 }, { 256, 0 },
		{ 0x1000000, 1 },
	};
	struct theme th, fb;
	struct diags dl;
	size_t i, k;
	int r, rc;

	diags_init(&dl);
	rc = theme_parse(&th, "fuzz", (const char *)data, size, "fuzz.theme",
	    &dl);
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.v[i]));
	if (rc != 0) {
		if (dl.errors < 1 || dl.errors > 20 || dl.n > dl.errors + 1)
			fuzz_fail("failed with %zu errors, %zu diagnostics",
			    dl.errors, dl.n);
		theme_init_fallback(&fb);
		for (r = 0; r < THEME_NROLES; r++)
			if (!same_style(&th.role[r], &fb.role[r]))
				fuzz_fail("a failed parse is not the "
				    "fallback (role %d)", r);
		theme_done(&fb);
	} else if (dl.errors != 0)
		fuzz_fail("parsed with %zu errors", dl.errors);
	for (r = 0; r < THEME_NROLES; r++) {
		const struct theme_style *st = &th.role[r];

		if (theme_role_name((enum theme_role)r) == NULL ||
		    theme_role_by_name(theme_role_name((enum theme_role)r)) !=
		    r)
			fuzz_fail("role %d has no name", r);
		if (st->nfg > THEME_MAXALT || st->nbg > THEME_MAXALT)
			fuzz_fail("role %d: %zu and %zu alternatives", r,
			    st->nfg, st->nbg);
		for (k = 0; k < sizeof terms / sizeof terms[0]; k++) {
			resolve(st->fg, st->nfg, terms[k].ncolours,
			    terms[k].direct);
			resolve(st->bg, st->nbg, terms[k].ncolours,
			    terms[k].direct);
			if (theme_attrs(&th, (enum theme_role)r,
			    terms[k].ncolours) & ~0x7fu)
				fuzz_fail("role %d: unknown attributes", r);
		}
	}
	theme_done(&th);
	diags_done(&dl);
	return 0;
}
