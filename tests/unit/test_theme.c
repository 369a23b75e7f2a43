/*
 * theme.c: the theme file parser (table-driven: each input and its exact
 * result or exact diagnostics), the fallback after an error, choosing a
 * colour for 0, 8, 16, 88, 256 and direct-colour terminals, the xterm
 * palette, and the bundled themes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "theme.h"

static const char *const attr_words[] = { "bold", "dim", "underline",
    "reverse", "italic", "blink", "standout" };

static void
put_colours(struct buf *b, const struct theme_colour *c, size_t n)
{
	size_t i;

	if (n == 0)
		buf_puts(b, "-");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ',');
		switch (c[i].kind) {
		case THEME_C_UNSET:
			buf_puts(b, "unset");
			break;
		case THEME_C_DEFAULT:
			buf_puts(b, "default");
			break;
		case THEME_C_INDEX:
			buf_printf(b, "%u", c[i].v);
			break;
		case THEME_C_RGB:
			buf_printf(b, "#%06x", c[i].v);
			break;
		}
	}
}

/* "fg bg attrs", e.g. "#5fafff,75,6 - bold+underline". */
static void
put_style(struct buf *b, const struct theme_style *st)
{
	size_t i, n = 0;

	put_colours(b, st->fg, st->nfg);
	buf_putc(b, ' ');
	put_colours(b, st->bg, st->nbg);
	buf_putc(b, ' ');
	for (i = 0; i < sizeof attr_words / sizeof attr_words[0]; i++)
		if (st->attrs & 1u << i)
			buf_printf(b, "%s%s", n++ ? "+" : "", attr_words[i]);
	if (n == 0)
		buf_puts(b, "none");
}

static int
style_equal(const struct theme_style *a, const struct theme_style *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

static int
equal_fallback(const struct theme *th)
{
	struct theme fb;
	int r, same = 1;

	theme_init_fallback(&fb);
	for (r = 0; r < THEME_NROLES; r++)
		same &= style_equal(&th->role[r], &fb.role[r]);
	theme_done(&fb);
	return same;
}

/*
 * Parse text (len bytes) as "t.theme": every role that differs from the
 * fallback as "role=fg bg attrs", joined by "; ", or the diagnostics, one
 * a line.  After an error th must be the fallback.
 */
static char *
run_len(const char *text, size_t len)
{
	struct theme th, fb;
	struct diags dl;
	struct buf b;
	size_t i;
	int r, rc;
	char *m;

	buf_init(&b);
	diags_init(&dl);
	theme_init_fallback(&fb);
	rc = theme_parse(&th, "test", text, len, "t.theme", &dl);
	if (rc == 0) {
		assert_int_equal(dl.n, 0);
		assert_string_equal(th.name, "test");
		for (r = 0; r < THEME_NROLES; r++) {
			if (style_equal(&th.role[r], &fb.role[r]))
				continue;
			buf_printf(&b, "%s%s=", b.len ? "; " : "",
			    theme_role_name((enum theme_role)r));
			put_style(&b, &th.role[r]);
		}
	} else {
		assert_int_equal(rc, -1);
		assert_true(dl.errors > 0);
		assert_true(equal_fallback(&th));
		assert_string_equal(th.name, "fallback");
		for (i = 0; i < dl.n; i++) {
			m = diag_format(&dl.v[i]);
			buf_printf(&b, "%s%s", i ? "\n" : "", m);
			free(m);
		}
	}
	theme_done(&th);
	theme_done(&fb);
	diags_done(&dl);
	return buf_take(&b);
}

static char *
run(const char *text)
{
	return run_len(text, strlen(text));
}

static const struct {
	const char	*text;
	const char	*want;	/* changed roles, or the exact diagnostics */
} cases[] = {
	/* Nothing, blanks and comments. */
	{ "", "" },
	{ "\n\n   \n\t\n", "" },
	{ "# a comment\n   # an indented one\n#\n", "" },
	/* Colours: names, numbers, #rrggbb, default, "-". */
	{ "heading = cyan default bold", "heading=6 default bold" },
	{ "select = - - bold", "select=- - bold" },
	{ "select = - - reverse", "" },
	{ "title = red", "title=1 - none" },
	{ "title=red", "title=1 - none" },
	{ "TITLE = RED BLUE", "title=1 4 none" },
	{ "title = black red", "title=0 1 none" },
	{ "normal = green yellow", "normal=2 3 none" },
	{ "normal = blue magenta", "normal=4 5 none" },
	{ "normal = cyan white", "normal=6 7 none" },
	{ "normal = bright-black bright-red", "normal=8 9 none" },
	{ "normal = bright-green bright-yellow", "normal=10 11 none" },
	{ "normal = bright-blue bright-magenta", "normal=12 13 none" },
	{ "normal = bright-cyan bright-white", "normal=14 15 none" },
	{ "normal = grey gray", "normal=8 8 none" },
	{ "normal = 0 255", "normal=0 255 none" },
	{ "normal = 007 16", "normal=7 16 none" },
	{ "normal = #ABCDEF #00ff0a", "normal=#abcdef #00ff0a none" },
	{ "normal = default -", "normal=default - none" },
	{ "normal = - default", "normal=- default none" },
	/* Alternatives, best first, up to four. */
	{ "heading = #5fafff,75,cyan", "heading=#5fafff,75,6 - none" },
	{ "match = #000000,16,black,default #ffd75f,221,yellow bold",
	    "match=#000000,16,0,default #ffd75f,221,3 bold" },
	/* Attributes; "normal" clears; a role line replaces the fallback. */
	{ "mark = bold blink standout dim reverse italic underline",
	    "mark=- - bold+dim+underline+reverse+italic+blink+standout" },
	{ "mark = bold normal underline", "mark=- - underline" },
	{ "title = normal", "title=- - none" },
	{ "select = reverse", "" },
	{ "select = bold underline", "select=- - bold+underline" },
	{ "title = Bold", "title=- - bold" },
	{ "title = red bold", "title=1 - bold" },
	{ "tab-on = bright-black,grey white underline italic",
	    "tab-on=8,8 7 underline+italic" },
	/* Trailing comments: a lone # after a blank. */
	{ "error = red # the error colour", "error=1 - none" },
	{ "error = red #", "error=1 - none" },
	{ "error = red\t#\tthe error colour", "error=1 - none" },
	{ "error = #ff0000 # not #00ff00", "error=#ff0000 - none" },
	{ "error = red #00ff00", "error=1 #00ff00 none" },
	/* Line ends, a byte order mark, blanks. */
	{ "\xef\xbb\xbfheading = blue\r\nmark = yellow\r\n",
	    "heading=4 - none; mark=3 - none" },
	{ "  heading\t=\tblue\tbold  \r\n", "heading=4 - bold" },
	{ "heading = cyan\nmark = yellow bold\n",
	    "heading=6 - none; mark=3 - bold" },
	{ "heading = cyan\n\n# c\nmark = yellow bold",
	    "heading=6 - none; mark=3 - bold" },
	/* Every role by name. */
	{ "normal = 1\ntitle = 2\ntab = 3\ntab-on = 4\nstatus = 5\n"
	    "header = 6\nheading = 7\nselect = 8\nmark = 9\nbest = 10\n"
	    "dim = 11\nerror = 12\nmatch = 13",
	    "normal=1 - none; title=2 - none; tab=3 - none; tab-on=4 - none; "
	    "status=5 - none; header=6 - none; heading=7 - none; "
	    "select=8 - none; mark=9 - none; best=10 - none; dim=11 - none; "
	    "error=12 - none; match=13 - none" },

	/* Errors: each at the line and column of its token. */
	{ "titel = red", "t.theme:1:1: error: unknown role \"titel\" (did you "
	    "mean title?)" },
	{ "tabon = red", "t.theme:1:1: error: unknown role \"tabon\" (did you "
	    "mean tab-on?)" },
	{ "  frobnicate = red", "t.theme:1:3: error: unknown role "
	    "\"frobnicate\"" },
	{ "title red", "t.theme:1:7: error: expected \"=\" after title, found "
	    "\"red\"" },
	{ "title", "t.theme:1:6: error: expected \"=\" after title" },
	{ "title  ", "t.theme:1:8: error: expected \"=\" after title" },
	{ "hello world", "t.theme:1:7: error: expected \"=\" after hello, "
	    "found \"world\"" },
	{ "= red", "t.theme:1:1: error: expected a role before \"=\"" },
	{ "title =", "t.theme:1:7: error: expected colours or attributes "
	    "after \"=\"" },
	{ "title = # nothing", "t.theme:1:7: error: expected colours or "
	    "attributes after \"=\"" },
	{ "title = 256", "t.theme:1:9: error: bad colour \"256\": numbers go "
	    "from 0 to 255" },
	{ "title = 99999999999999999999999", "t.theme:1:9: error: bad colour "
	    "\"99999999999999999999999\": numbers go from 0 to 255" },
	{ "title = 12a", "t.theme:1:9: error: bad colour \"12a\"" },
	{ "title = #12345", "t.theme:1:9: error: bad colour \"#12345\": "
	    "expected #rrggbb" },
	{ "title = #1234567", "t.theme:1:9: error: bad colour \"#1234567\": "
	    "expected #rrggbb" },
	{ "title = #gg0000", "t.theme:1:9: error: bad colour \"#gg0000\": "
	    "expected #rrggbb" },
	{ "title = red #gg", "t.theme:1:13: error: bad colour \"#gg\": "
	    "expected #rrggbb" },
	{ "title = red #comment", "t.theme:1:13: error: bad colour "
	    "\"#comment\": expected #rrggbb" },
	{ "title = purple", "t.theme:1:9: error: bad colour \"purple\"" },
	{ "title = gren", "t.theme:1:9: error: bad colour \"gren\" (did you "
	    "mean green?)" },
	{ "title = bright-gren", "t.theme:1:9: error: bad colour "
	    "\"bright-gren\" (did you mean bright-green?)" },
	{ "title = bld", "t.theme:1:9: error: bad colour \"bld\" (did you "
	    "mean bold?)" },
	{ "title = red,gren", "t.theme:1:13: error: bad colour \"gren\" (did "
	    "you mean green?)" },
	{ "title = red,green,blue,cyan,white", "t.theme:1:29: error: too many "
	    "alternatives (at most 4)" },
	{ "title = red,,blue", "t.theme:1:13: error: empty colour "
	    "alternative" },
	{ "title = red,", "t.theme:1:13: error: empty colour alternative" },
	{ "title = ,red", "t.theme:1:9: error: empty colour alternative" },
	{ "title = -,red", "t.theme:1:9: error: \"-\" stands alone, it cannot "
	    "be an alternative" },
	{ "title = red blink bold blod", "t.theme:1:24: error: unknown "
	    "attribute \"blod\" (did you mean bold?)" },
	{ "title = - - frobnicate", "t.theme:1:13: error: unknown attribute "
	    "\"frobnicate\"" },
	{ "title = red blue green", "t.theme:1:18: error: unknown attribute "
	    "\"green\" (a role has two colours "
	    "at most)" },
	{ "title = red bold blue", "t.theme:1:18: error: unknown attribute "
	    "\"blue\" (a role has two colours "
	    "at most)" },
	{ "title = - - - reverse", "t.theme:1:13: error: unknown attribute "
	    "\"-\" (a role has two colours "
	    "at most)" },
	{ "title = red\nTitle = blue", "t.theme:2:1: error: title set again "
	    "(first set on line 1)" },
	{ "heading = \xe9t\xe9", "t.theme:1:11: error: invalid UTF-8" },
	{ "# caf\xc3\xa9 \xff\nheading = red", "t.theme:1:8: error: invalid "
	    "UTF-8" },
	/* Columns count characters, not bytes; one line, two errors. */
	{ "\xc3\xa9\xc3\xa9 = red - blod", "t.theme:1:1: error: unknown role "
	    "\"\xc3\xa9\xc3\xa9\"\nt.theme:1:12: error: unknown attribute "
	    "\"blod\" (did you mean bold?)" },
	/* Where an attribute may stand too, attributes are suggested first. */
	{ "title = red blod", "t.theme:1:13: error: bad colour \"blod\" (did "
	    "you mean bold?)" },
	{ "title = red blu", "t.theme:1:13: error: bad colour \"blu\" (did "
	    "you mean blue?)" },
	{ "t\xc3\xa9tle = red", "t.theme:1:1: error: unknown role "
	    "\"t\xc3\xa9tle\" (did you mean title?)" },
	/* The examples in accelscope-theme(5). */
	{ "# mine: bolder headings, and errors that stand out\n"
	    "heading = #5fafff,75,bright-cyan,cyan - bold underline\n"
	    "error   = bright-white,white red bold   # white on red\n",
	    "heading=#5fafff,75,14,6 - bold+underline; error=15,7 1 bold" },
	{ "# mine\ntitle = red\ntitel = red\nheading = #12345\nerror = 256\n"
	    "match = red,,blue\ntitle red\n",
	    "t.theme:3:1: error: unknown role \"titel\" (did you mean title?)\n"
	    "t.theme:4:11: error: bad colour \"#12345\": expected #rrggbb\n"
	    "t.theme:5:9: error: bad colour \"256\": numbers go from 0 to 255\n"
	    "t.theme:6:13: error: empty colour alternative\n"
	    "t.theme:7:7: error: expected \"=\" after title, found \"red\"" },
	/* Every problem is reported; a good line is not kept. */
	{ "heading = cyan\ntitel = red\nmark = purple\n\nbest = a,b,c,d,e\n"
	    "dim = red blue green blod",
	    "t.theme:2:1: error: unknown role \"titel\" (did you mean title?)\n"
	    "t.theme:3:8: error: bad colour \"purple\"\n"
	    "t.theme:5:8: error: bad colour \"a\"\n"
	    "t.theme:5:10: error: bad colour \"b\"\n"
	    "t.theme:5:12: error: bad colour \"c\"\n"
	    "t.theme:5:14: error: bad colour \"d\"\n"
	    "t.theme:5:16: error: too many alternatives (at most 4)\n"
	    "t.theme:6:16: error: unknown attribute \"green\" (a role has two "
	    "colours at most)\n"
	    "t.theme:6:22: error: unknown attribute \"blod\" (did you mean "
	    "bold?)" },
};

static void
test_cases(void **state)
{
	size_t i, bad = 0;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = run(cases[i].text);
		if (strcmp(got, cases[i].want) != 0) {
			print_error("case %zu \"%s\":\ngot  \"%s\"\n"
			    "want \"%s\"\n", i, cases[i].text, got,
			    cases[i].want);
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
	assert_true(sizeof cases / sizeof cases[0] >= 60);
}

/* Inputs a string literal cannot hold: NULs, long lines, a cut buffer. */
static void
test_bytes(void **state)
{
	static const char nul[] = "title = red\nheading = b\0lue\n";
	char line[1100], *got;

	(void)state;
	got = run_len(nul, sizeof nul - 1);
	assert_string_equal(got, "t.theme:2:12: error: NUL byte in the file");
	free(got);

	/* Only len bytes are read. */
	got = run_len("heading = redXXX", 13);
	assert_string_equal(got, "heading=1 - none");
	free(got);

	/* 1000 bytes is the longest line, its line end not counted. */
	memset(line, ' ', sizeof line);
	memcpy(line, "title = red", 11);
	memcpy(line + 1000, "\r\n", 2);
	got = run_len(line, 1002);
	assert_string_equal(got, "title=1 - none");
	free(got);
	memcpy(line + 1000, " \nheading = purple", 18);
	got = run_len(line, 1018);
	assert_string_equal(got, "t.theme:1:1001: error: line longer than "
	    "1000 bytes\nt.theme:2:11: error: bad colour \"purple\"");
	free(got);
	/* The column counts characters, even past the limit. */
	memset(line, 'x', sizeof line);
	memcpy(line, "\xc3\xa9", 2);
	got = run_len(line, 1001);
	assert_string_equal(got, "t.theme:1:1000: error: line longer than "
	    "1000 bytes");
	free(got);

	/* No file name: positions alone. */
	{
		struct theme th;
		struct diags dl;
		char *m;

		diags_init(&dl);
		assert_int_equal(theme_parse(&th, NULL, "x = red", 7, NULL,
		    &dl), -1);
		m = diag_format(&dl.v[0]);
		assert_string_equal(m, "1:1: error: unknown role \"x\"");
		free(m);
		theme_done(&th);
		diags_done(&dl);
		assert_int_equal(theme_parse(&th, NULL, "", 0, NULL, &dl), 0);
		assert_string_equal(th.name, "");
		theme_done(&th);
	}
}

/* At most 20 errors, then a note, and the rest of the file is not read. */
static void
test_many_errors(void **state)
{
	struct theme th;
	struct diags dl;
	struct buf b;
	char *m;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 30; i++)
		buf_puts(&b, "x = red\n");
	diags_init(&dl);
	assert_int_equal(theme_parse(&th, "many", b.s, b.len, "m.theme", &dl),
	    -1);
	assert_int_equal(dl.errors, 20);
	assert_int_equal(dl.n, 21);
	m = diag_format(&dl.v[19]);
	assert_string_equal(m, "m.theme:20:1: error: unknown role \"x\"");
	free(m);
	m = diag_format(&dl.v[20]);
	assert_string_equal(m, "m.theme:21:1: note: too many errors; the rest "
	    "of the file is not checked");
	free(m);
	assert_true(equal_fallback(&th));
	theme_done(&th);
	diags_done(&dl);
	buf_done(&b);
}

/* Whatever the bytes, the parser ends, and th is a theme. */
static void
test_garbage(void **state)
{
	static const char alphabet[] = "=#,- \t\r\n\0\xc3\xa9\xff"
	    "0123456789abcdefgrtlbmnx";
	char text[200];
	struct theme th;
	struct diags dl;
	unsigned seed = 1;
	size_t i, n;
	int k;

	(void)state;
	for (k = 0; k < 3000; k++) {
		n = (size_t)(k % 200);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) %
			    (sizeof alphabet - 1)];
		}
		diags_init(&dl);
		if (theme_parse(&th, "g", text, n, "g.theme", &dl) != 0)
			assert_true(equal_fallback(&th));
		else
			assert_int_equal(dl.n, 0);
		theme_done(&th);
		diags_done(&dl);
	}
}

static void
test_roles(void **state)
{
	static const char *const names[THEME_NROLES] = { "normal", "title",
	    "tab", "tab-on", "status", "header", "heading", "select", "mark",
	    "best", "dim", "error", "match" };
	int r;

	(void)state;
	for (r = 0; r < THEME_NROLES; r++) {
		assert_string_equal(theme_role_name((enum theme_role)r),
		    names[r]);
		assert_int_equal(theme_role_by_name(names[r]), r);
	}
	assert_int_equal(theme_role_by_name("TAB-ON"), THEME_TAB_ON);
	assert_int_equal(theme_role_by_name("tabon"), -1);
	assert_int_equal(theme_role_by_name(""), -1);
	assert_null(theme_role_name(THEME_NROLES));
}

/* The fallback: the program's look without colour. */
static void
test_fallback(void **state)
{
	static const struct {
		enum theme_role	 r;
		unsigned	 attrs;
	} want[] = {
		{ THEME_NORMAL, 0 },
		{ THEME_TITLE, THEME_A_REVERSE },
		{ THEME_TAB, THEME_A_REVERSE },
		{ THEME_TAB_ON, THEME_A_BOLD | THEME_A_UNDERLINE },
		{ THEME_STATUS, THEME_A_REVERSE },
		{ THEME_HEADER, THEME_A_BOLD | THEME_A_UNDERLINE },
		{ THEME_HEADING, THEME_A_BOLD },
		{ THEME_SELECT, THEME_A_REVERSE },
		{ THEME_MARK, THEME_A_BOLD },
		{ THEME_BEST, THEME_A_BOLD },
		{ THEME_DIM, THEME_A_DIM },
		{ THEME_ERROR, THEME_A_BOLD },
		{ THEME_MATCH, THEME_A_BOLD | THEME_A_UNDERLINE },
	};
	struct theme th;
	size_t i;

	(void)state;
	theme_init_fallback(&th);
	assert_string_equal(th.name, "fallback");
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(th.role[want[i].r].attrs, want[i].attrs);
		assert_int_equal(th.role[want[i].r].nfg, 0);
		assert_int_equal(th.role[want[i].r].nbg, 0);
		assert_int_equal(th.role[want[i].r].fg[0].kind,
		    THEME_C_UNSET);
	}
	theme_done(&th);
	assert_null(th.name);
}

static void
test_palette(void **state)
{
	static const struct {
		int		index;
		unsigned	rgb;
	} want[] = {
		{ 0, 0x000000 }, { 1, 0xcd0000 }, { 7, 0xe5e5e5 },
		{ 8, 0x7f7f7f }, { 9, 0xff0000 }, { 12, 0x5c5cff },
		{ 15, 0xffffff }, { 16, 0x000000 }, { 17, 0x00005f },
		{ 24, 0x005f87 }, { 75, 0x5fafff }, { 196, 0xff0000 },
		{ 226, 0xffff00 }, { 231, 0xffffff }, { 232, 0x080808 },
		{ 244, 0x808080 }, { 255, 0xeeeeee }, { -1, 0 }, { 256, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		if (theme_palette_rgb(want[i].index) != want[i].rgb)
			fail_msg("palette %d: got #%06x, want #%06x",
			    want[i].index, theme_palette_rgb(want[i].index),
			    want[i].rgb);
}

#define DIRECT (-1)	/* in the table: a direct-colour terminal */

static const struct {
	const char	*colours;	/* as written in a theme file */
	int		 ncolours;	/* DIRECT for direct colour */
	int		 want;
} resolve_cases[] = {
	/* No colour at all. */
	{ "red", 0, -1 }, { "red", 1, -1 }, { "red", 2, -1 },
	{ "#ff0000", 0, -1 }, { "196", 1, -1 },
	/* Default and unset, everywhere. */
	{ "default", 8, -1 }, { "default", 256, -1 },
	{ "default", DIRECT, -1 }, { "-", 256, -1 }, { "-", DIRECT, -1 },
	/* Names. */
	{ "red", 8, 1 }, { "red", 16, 1 }, { "red", 256, 1 },
	{ "red", DIRECT, 1 }, { "white", 8, 7 },
	{ "bright-red", 8, 1 }, { "bright-white", 8, 7 }, { "grey", 8, 0 },
	{ "bright-red", 16, 9 }, { "bright-red", 256, 9 },
	/* Indexes; 16-255 degrade through their RGB. */
	{ "75", 256, 75 }, { "75", 16, 12 }, { "75", 8, 6 },
	{ "196", 16, 9 }, { "196", 8, 1 }, { "232", 16, 0 },
	{ "255", 16, 7 }, { "231", 16, 15 }, { "231", 8, 7 },
	/* 88 colours: indexes above 15 mean other colours there. */
	{ "75", 88, 12 }, { "9", 88, 9 }, { "#ff0000", 88, 9 },
	/* #rrggbb: exact on direct, nearest elsewhere. */
	{ "#5fafff", DIRECT, 0x5fafff }, { "#5fafff", 256, 75 },
	{ "#5fafff", 16, 12 }, { "#5fafff", 8, 6 },
	{ "#ff0000", DIRECT, 0xff0000 }, { "#ff0000", 256, 196 },
	{ "#ff0000", 16, 9 }, { "#ff0000", 8, 1 },
	{ "#000000", 256, 16 }, { "#ffffff", 256, 231 },
	{ "#808080", 256, 244 }, { "#080808", 256, 232 },
	{ "#eeeeee", 256, 255 }, { "#767676", 256, 243 },
	{ "#002b36", 256, 234 }, { "#073642", 256, 235 },
	{ "#fdf6e3", 256, 230 }, { "#d0d0d0", 256, 252 },
	{ "#ffffff", 16, 15 }, { "#ffffff", 8, 7 }, { "#000000", 8, 0 },
	{ "#ff0000", 1 << 24, 196 },
	/* Below 8 is an ANSI colour to xterm-direct: nudged to 8. */
	{ "#000000", DIRECT, 8 }, { "#000007", DIRECT, 8 },
	{ "#000008", DIRECT, 8 }, { "#000100", DIRECT, 0x100 },
	/* Indexes on direct: 0-7 stay, the rest become their RGB. */
	{ "1", DIRECT, 1 }, { "0", DIRECT, 0 }, { "9", DIRECT, 0xff0000 },
	{ "196", DIRECT, 0xff0000 }, { "16", DIRECT, 8 },
	{ "232", DIRECT, 0x080808 },
	/* Alternatives: the first shown exactly. */
	{ "#5fafff,75,cyan", DIRECT, 0x5fafff },
	{ "#5fafff,75,cyan", 256, 75 }, { "#5fafff,75,cyan", 16, 6 },
	{ "#5fafff,75,cyan", 8, 6 },
	{ "#5fafff,bright-cyan,cyan", 16, 14 },
	{ "#5fafff,bright-cyan,cyan", 8, 6 },
	{ "75,default", 16, -1 }, { "75,default", 256, 75 },
	{ "bright-red,red", 8, 1 }, { "bright-red,red", 16, 9 },
	{ "default,red", 256, -1 },
	/* None exact: the first alternative degrades. */
	{ "#5fafff,226", 16, 12 }, { "bright-blue,#5fafff", 8, 4 },
	{ "196,bright-green", 8, 1 },
};

static void
test_resolve(void **state)
{
	struct theme th;
	struct diags dl;
	char *text;
	size_t i;
	int got, nc, direct;

	(void)state;
	for (i = 0; i < sizeof resolve_cases / sizeof resolve_cases[0];
	    i++) {
		text = xasprintf("normal = %s", resolve_cases[i].colours);
		diags_init(&dl);
		assert_int_equal(theme_parse(&th, "r", text, strlen(text),
		    NULL, &dl), 0);
		direct = resolve_cases[i].ncolours == DIRECT;
		nc = direct ? 1 << 24 : resolve_cases[i].ncolours;
		got = theme_resolve(th.role[THEME_NORMAL].fg,
		    th.role[THEME_NORMAL].nfg, nc, direct);
		if (got != resolve_cases[i].want)
			fail_msg("case %zu \"%s\" on %d%s: got %d (%#x), want "
			    "%d (%#x)", i, resolve_cases[i].colours, nc,
			    direct ? " direct" : "", got, (unsigned)got,
			    resolve_cases[i].want,
			    (unsigned)resolve_cases[i].want);
		theme_done(&th);
		diags_done(&dl);
		free(text);
	}
	/* Unset storage and no alternatives at all. */
	{
		struct theme_colour c[2];

		memset(c, 0, sizeof c);
		assert_int_equal(theme_resolve(c, 0, 256, 0), -1);
		assert_int_equal(theme_resolve(c, 1, 256, 1), -1);
	}
}

/* WCAG relative luminance and contrast ratio. */
static double
lum(unsigned rgb)
{
	double c[3];
	int i;

	for (i = 0; i < 3; i++) {
		c[i] = (double)(rgb >> (16 - 8 * i) & 0xff) / 255.0;
		c[i] = c[i] <= 0.03928 ? c[i] / 12.92 :
		    pow((c[i] + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast(unsigned a, unsigned b)
{
	double la = lum(a), lb = lum(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The RGB a style shows on a direct-colour terminal, else def. */
static unsigned
shown(const struct theme_colour *c, size_t n, unsigned def)
{
	int v = theme_resolve(c, n, 1 << 24, 1);

	if (v < 0)
		return def;
	return v < 8 ? theme_palette_rgb(v) : (unsigned)v;
}

static void
load(struct theme *th, const char *name)
{
	struct diags dl;
	const char *text;
	size_t len, i;
	char *m;

	text = theme_bundled(name, &len);
	assert_non_null(text);
	diags_init(&dl);
	if (theme_parse(th, name, text, len, name, &dl) != 0) {
		for (i = 0; i < dl.n; i++) {
			m = diag_format(&dl.v[i]);
			print_error("%s\n", m);
			free(m);
		}
		fail_msg("bundled theme %s does not parse", name);
	}
	assert_int_equal(dl.n, 0);
	diags_done(&dl);
}

static void
test_bundled(void **state)
{
	static const char *const required[] = { "dark", "default",
	    "high-contrast", "light", "mono", "solarized" };
	const char *const *names;
	struct theme th, fb;
	size_t n, i, j, len;
	int r;

	(void)state;
	names = theme_bundled_names(&n);
	assert_true(n >= 6);
	assert_null(names[n]);
	for (i = 1; i < n; i++)
		assert_true(strcmp(names[i - 1], names[i]) < 0);
	for (i = 0; i < sizeof required / sizeof required[0]; i++) {
		for (j = 0; j < n && strcmp(names[j], required[i]) != 0; j++)
			;
		assert_true(j < n);
	}
	assert_null(theme_bundled("nope", &len));
	assert_null(theme_bundled("dark.theme", NULL));
	assert_non_null(theme_bundled("dark", NULL));

	theme_init_fallback(&fb);
	for (i = 0; i < n; i++) {
		const char *text = theme_bundled(names[i], &len);

		/* Each starts with a comment saying what it is for. */
		assert_true(len > 2 && text[0] == '#' && text[1] == ' ');
		assert_int_equal(strlen(text), len);
		load(&th, names[i]);
		assert_string_equal(th.name, names[i]);
		/* On a terminal without colour every colour is default. */
		for (r = 0; r < THEME_NROLES; r++) {
			assert_int_equal(theme_resolve(th.role[r].fg,
			    th.role[r].nfg, 0, 0), -1);
			assert_int_equal(theme_resolve(th.role[r].bg,
			    th.role[r].nbg, 0, 0), -1);
		}
		/* Elsewhere no text is the colour of its background. */
		for (j = 0; j < 4; j++) {
			static const int nc[] = { 8, 16, 256, 1 << 24 };
			int fg, bg;

			for (r = 0; r < THEME_NROLES; r++) {
				fg = theme_resolve(th.role[r].fg,
				    th.role[r].nfg, nc[j], j == 3);
				bg = theme_resolve(th.role[r].bg,
				    th.role[r].nbg, nc[j], j == 3);
				if (fg >= 0 && fg == bg)
					fail_msg("%s %s on %d colours: %#x on "
					    "itself", names[i],
					    theme_role_name(
					    (enum theme_role)r), nc[j], fg);
			}
		}
		theme_done(&th);
	}

	/* mono is the fallback, written out. */
	load(&th, "mono");
	assert_true(equal_fallback(&th));
	theme_done(&th);

	/*
	 * default keeps the program's attributes and the terminal's own
	 * colours but for its four accents, on the default background.
	 */
	load(&th, "default");
	for (r = 0; r < THEME_NROLES; r++) {
		assert_int_equal(th.role[r].attrs, fb.role[r].attrs);
		assert_int_equal(theme_resolve(th.role[r].bg, th.role[r].nbg,
		    256, 0), -1);
	}
	assert_int_equal(theme_resolve(th.role[THEME_MARK].fg,
	    th.role[THEME_MARK].nfg, 8, 0), 3);
	assert_int_equal(theme_resolve(th.role[THEME_HEADING].fg,
	    th.role[THEME_HEADING].nfg, 8, 0), 6);
	assert_int_equal(theme_resolve(th.role[THEME_ERROR].fg,
	    th.role[THEME_ERROR].nfg, 8, 0), 1);
	assert_int_equal(theme_resolve(th.role[THEME_BEST].fg,
	    th.role[THEME_BEST].nfg, 8, 0), 2);
	assert_int_equal(theme_resolve(th.role[THEME_NORMAL].fg,
	    th.role[THEME_NORMAL].nfg, 256, 0), -1);
	theme_done(&th);
	theme_done(&fb);

	/*
	 * Readable: in truecolor, text on the terminal's background (taken
	 * as black for dark, white for light) and on its own background.
	 */
	{
		static const struct {
			const char	*name;
			unsigned	 termfg, termbg;
			double		 min;
		} readable[] = {
			{ "dark", 0xffffff, 0x000000, 4.5 },
			{ "light", 0x000000, 0xffffff, 4.5 },
			{ "solarized", 0x839496, 0x002b36, 2.5 },
			{ "high-contrast", 0xffffff, 0x000000, 7.0 },
		};
		unsigned fg, bg;
		double c;

		for (i = 0; i < sizeof readable / sizeof readable[0]; i++) {
			load(&th, readable[i].name);
			for (r = 0; r < THEME_NROLES; r++) {
				bg = shown(th.role[r].bg, th.role[r].nbg,
				    readable[i].termbg);
				fg = shown(th.role[r].fg, th.role[r].nfg,
				    readable[i].termfg);
				c = contrast(fg, bg);
				if (c < readable[i].min)
					fail_msg("%s %s: #%06x on #%06x: "
					    "contrast %.2f < %.1f",
					    readable[i].name,
					    theme_role_name(
					    (enum theme_role)r), fg, bg, c,
					    readable[i].min);
			}
			theme_done(&th);
		}
	}
}

/* Without colour a role keeps the fallback's attributes too. */
static void
test_attrs(void **state)
{
	static const char text[] = "select = white blue\nmark = yellow - "
	    "italic\n";
	struct theme th;
	struct diags dl;

	(void)state;
	diags_init(&dl);
	assert_int_equal(theme_parse(&th, "t", text, sizeof text - 1, "t",
	    &dl), 0);
	assert_int_equal(theme_attrs(&th, THEME_SELECT, 256), 0);
	assert_int_equal(theme_attrs(&th, THEME_SELECT, 8), 0);
	assert_int_equal(theme_attrs(&th, THEME_SELECT, 0), THEME_A_REVERSE);
	assert_int_equal(theme_attrs(&th, THEME_MARK, 16), THEME_A_ITALIC);
	assert_int_equal(theme_attrs(&th, THEME_MARK, 2), THEME_A_ITALIC |
	    THEME_A_BOLD);
	theme_done(&th);
	diags_done(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_fallback),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_bundled),
		cmocka_unit_test(test_attrs),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
