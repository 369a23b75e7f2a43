/*
 * Colour themes: the theme file parser, the fallback look, choosing a
 * colour a terminal can show, and the bundled themes; see theme.h.
 *
 * The parser reads a line at a time and checks every token of it, so that
 * one pass reports every problem, each at its line and column.  A line
 * with an error changes nothing; any error at all leaves the fallback.
 */
#include "theme.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bundled.h"
#include "dataset.h"
#include "utf8.h"
#include "xmalloc.h"

#define THEME_MAXLINE	1000	/* bytes, without the line end */
#define THEME_MAXERRORS	20

static const char *const role_names[THEME_NROLES] = {
	"normal", "title", "tab", "tab-on", "status", "header", "heading",
	"select", "mark", "best", "dim", "error", "match"
};

/* The attributes of a terminal without colour: the program's plain look. */
static const unsigned fallback_attrs[THEME_NROLES] = {
	[THEME_NORMAL] = 0,
	[THEME_TITLE] = THEME_A_REVERSE,
	[THEME_TAB] = THEME_A_REVERSE,
	[THEME_TAB_ON] = THEME_A_BOLD | THEME_A_UNDERLINE,
	[THEME_STATUS] = THEME_A_REVERSE,
	[THEME_HEADER] = THEME_A_BOLD | THEME_A_UNDERLINE,
	[THEME_HEADING] = THEME_A_BOLD,
	[THEME_SELECT] = THEME_A_REVERSE,
	[THEME_MARK] = THEME_A_BOLD,
	[THEME_BEST] = THEME_A_BOLD,
	[THEME_DIM] = THEME_A_DIM,
	[THEME_ERROR] = THEME_A_BOLD,
	[THEME_MATCH] = THEME_A_BOLD | THEME_A_UNDERLINE,
};

/* Colour names; the index is the palette index. */
static const char *const colour_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue", "bright-magenta", "bright-cyan", "bright-white"
};

static const struct {
	const char	*name;
	unsigned	 bit;	/* 0: "normal", which clears */
} attr_names[] = {
	{ "bold", THEME_A_BOLD },
	{ "dim", THEME_A_DIM },
	{ "underline", THEME_A_UNDERLINE },
	{ "reverse", THEME_A_REVERSE },
	{ "italic", THEME_A_ITALIC },
	{ "blink", THEME_A_BLINK },
	{ "standout", THEME_A_STANDOUT },
	{ "normal", 0 },
};
#define NATTRS (sizeof attr_names / sizeof attr_names[0])

/* The standard xterm colours 0-15. */
static const unsigned xterm16[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
	0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff,
	0x00ffff, 0xffffff
};

const char *
theme_role_name(enum theme_role r)
{
	if ((unsigned)r >= THEME_NROLES)
		return NULL;
	return role_names[r];
}

int
theme_role_by_name(const char *name)
{
	int r;

	for (r = 0; r < THEME_NROLES; r++)
		if (strcasecmp(name, role_names[r]) == 0)
			return r;
	return -1;
}

void
theme_init_fallback(struct theme *th)
{
	int r;

	memset(th, 0, sizeof *th);
	th->name = xstrdup("fallback");
	for (r = 0; r < THEME_NROLES; r++)
		th->role[r].attrs = fallback_attrs[r];
}

void
theme_done(struct theme *th)
{
	free(th->name);
	memset(th, 0, sizeof *th);
}

/* Parsing. */

struct parser {
	const char	*file;
	struct diags	*dl;
	size_t		 errors;
	int		 stopped;	/* too many errors: read no further */
	unsigned	 line;
	const char	*s;		/* the current line */
	size_t		 len;
	unsigned	 set_on[THEME_NROLES];	/* line a role was set on */
};

static void
error_at(struct parser *p, size_t at, const char *fmt, ...) PRINTFLIKE(3, 4);

/* Report a problem at byte at of the current line. */
static void
error_at(struct parser *p, size_t at, const char *fmt, ...)
{
	unsigned col = (unsigned)utf8_chars(p->s, at) + 1;
	va_list ap;
	char *m;

	if (p->stopped)
		return;
	if (p->errors == THEME_MAXERRORS) {
		diags_add(p->dl, DIAG_NOTE, p->file, p->line, col,
		    "too many errors; the rest of the file is not checked");
		p->stopped = 1;
		return;
	}
	p->errors++;
	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	diags_add(p->dl, DIAG_ERROR, p->file, p->line, col, "%s", m);
	free(m);
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 1 if s[0..n) is word, case-blind. */
static int
word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* The attribute bit s[0..n) names (0 for "normal") or -1. */
static int
attr_lookup(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NATTRS; i++)
		if (word_is(s, n, attr_names[i].name))
			return (int)attr_names[i].bit;
	return -1;
}

enum cerr { C_OK, C_RANGE, C_HEX, C_NAME };

/* Parse one alternative s[0..n) (not empty, not "-") into c. */
static enum cerr
colour_one(const char *s, size_t n, struct theme_colour *c)
{
	unsigned v = 0;
	size_t i;
	int h;

	c->v = 0;
	if (s[0] == '#') {
		if (n != 7)
			return C_HEX;
		for (i = 1; i < 7; i++) {
			if ((h = hexval(s[i])) < 0)
				return C_HEX;
			v = v << 4 | (unsigned)h;
		}
		c->kind = THEME_C_RGB;
		c->v = v;
		return C_OK;
	}
	if (s[0] >= '0' && s[0] <= '9') {
		for (i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return C_NAME;
			if (v <= 255)
				v = v * 10 + (unsigned)(s[i] - '0');
		}
		if (v > 255)
			return C_RANGE;
		c->kind = THEME_C_INDEX;
		c->v = v;
		return C_OK;
	}
	if (word_is(s, n, "default")) {
		c->kind = THEME_C_DEFAULT;
		return C_OK;
	}
	if (word_is(s, n, "grey") || word_is(s, n, "gray")) {
		c->kind = THEME_C_INDEX;
		c->v = 8;
		return C_OK;
	}
	for (i = 0; i < 16; i++)
		if (word_is(s, n, colour_names[i])) {
			c->kind = THEME_C_INDEX;
			c->v = (unsigned)i;
			return C_OK;
		}
	return C_NAME;
}

/* " (did you mean X?)" for word among the colour (and attribute) names. */
static char *
colour_hint(const char *word, int attrs)
{
	const char *cand[16 + 3 + NATTRS];
	const char *s;
	size_t n = 0, i;

	/* Attributes first: they win a tie ("blod" is bold, not blue). */
	if (attrs)
		for (i = 0; i < NATTRS; i++)
			cand[n++] = attr_names[i].name;
	for (i = 0; i < 16; i++)
		cand[n++] = colour_names[i];
	cand[n++] = "default";
	cand[n++] = "grey";
	cand[n++] = "gray";
	s = suggest(word, cand, n);
	return s != NULL ? xasprintf(" (did you mean %s?)", s) : xstrdup("");
}

/*
 * Parse the colour token at byte off, n bytes, of the current line into
 * alt and *nalt, reporting each problem; attrs is set when an attribute
 * could stand here too.
 */
static void
colour_parse(struct parser *p, size_t off, size_t n, int attrs,
    struct theme_colour *alt, size_t *nalt)
{
	const char *t = p->s + off;
	size_t i, j, k = 0;
	enum cerr e;
	char *word, *hint;
	int bad = 0;

	memset(alt, 0, THEME_MAXALT * sizeof *alt);
	*nalt = 0;
	if (n == 1 && t[0] == '-')
		return;
	for (i = 0; i <= n; i = j + 1, k++) {
		for (j = i; j < n && t[j] != ','; j++)
			;
		if (k == THEME_MAXALT) {
			error_at(p, off + i, "too many alternatives (at most "
			    "%d)", THEME_MAXALT);
			return;
		}
		if (j == i) {
			error_at(p, off + i, "empty colour alternative");
			bad = 1;
			continue;
		}
		word = xstrndup(t + i, j - i);
		if (strcmp(word, "-") == 0) {
			error_at(p, off + i, "\"-\" stands alone, it cannot "
			    "be an alternative");
			bad = 1;
		} else if ((e = colour_one(word, j - i, &alt[k])) != C_OK) {
			if (e == C_RANGE)
				error_at(p, off + i, "bad colour \"%s\": "
				    "numbers go from 0 to 255", word);
			else if (e == C_HEX)
				error_at(p, off + i, "bad colour \"%s\": "
				    "expected #rrggbb", word);
			else {
				hint = colour_hint(word, attrs && n == j - i);
				error_at(p, off + i, "bad colour \"%s\"%s",
				    word, hint);
				free(hint);
			}
			bad = 1;
		}
		free(word);
	}
	if (!bad)
		*nalt = k;
}

/* 1 if the colour token t, n bytes, parses; nothing is reported. */
static int
colour_quiet(const char *t, size_t n)
{
	struct theme_colour c;
	size_t i, j, k = 0;

	if (n == 1 && t[0] == '-')
		return 1;
	for (i = 0; i <= n; i = j + 1, k++) {
		for (j = i; j < n && t[j] != ','; j++)
			;
		if (k == THEME_MAXALT || j == i ||
		    colour_one(t + i, j - i, &c) != C_OK)
			return 0;
	}
	return 1;
}

/* The next token from *at: its offset and length; 0 at the end. */
static size_t
token(const struct parser *p, size_t *at, size_t *start)
{
	size_t i = *at, j;

	while (i < p->len && blank(p->s[i]))
		i++;
	for (j = i; j < p->len && !blank(p->s[j]); j++)
		;
	*start = i;
	*at = j;
	return j - i;
}

/* Parse the current line; a role it sets goes into th. */
static void
parse_line(struct parser *p, struct theme *th)
{
	struct theme_style st;
	size_t i, at, start, n, rs, rn, eq, errors = p->errors, ncol = 0;
	int role, a, inattrs = 0;
	char *word, *hint;
	const char *sug;

	/* Comments: a whole line, or a lone "#" after a blank. */
	for (i = 0; i < p->len && blank(p->s[i]); i++)
		;
	if (i == p->len || p->s[i] == '#')
		return;
	for (i = 1; i < p->len; i++)
		if (p->s[i] == '#' && blank(p->s[i - 1]) &&
		    (i + 1 == p->len || blank(p->s[i + 1]))) {
			p->len = i;
			break;
		}

	/* The role, then "=". */
	for (rs = 0; blank(p->s[rs]); rs++)
		;
	for (i = rs; i < p->len && !blank(p->s[i]) && p->s[i] != '='; i++)
		;
	rn = i - rs;
	if (rn == 0) {
		error_at(p, rs, "expected a role before \"=\"");
		return;
	}
	word = xstrndup(p->s + rs, rn);
	while (i < p->len && blank(p->s[i]))
		i++;
	if (i == p->len || p->s[i] != '=') {
		at = i;
		n = token(p, &at, &start);
		if (n == 0)
			error_at(p, i, "expected \"=\" after %s", word);
		else {
			char *found = xstrndup(p->s + start, n);

			error_at(p, start, "expected \"=\" after %s, found "
			    "\"%s\"", word, found);
			free(found);
		}
		free(word);
		return;
	}
	eq = i;
	at = i + 1;
	if ((role = theme_role_by_name(word)) < 0) {
		sug = suggest(word, role_names, THEME_NROLES);
		error_at(p, rs, "unknown role \"%s\"%s%s%s", word,
		    sug ? " (did you mean " : "", sug ? sug : "",
		    sug ? "?)" : "");
	} else if (p->set_on[role] != 0)
		error_at(p, rs, "%s set again (first set on line %u)",
		    role_names[role], p->set_on[role]);
	else
		p->set_on[role] = p->line;
	free(word);

	/* Up to two colours, then attributes. */
	memset(&st, 0, sizeof st);
	while ((n = token(p, &at, &start)) > 0) {
		const char *t = p->s + start;

		a = attr_lookup(t, n);
		if (!inattrs && ncol < 2 && a < 0) {
			if (ncol++ == 0)
				colour_parse(p, start, n, 1, st.fg, &st.nfg);
			else
				colour_parse(p, start, n, 1, st.bg, &st.nbg);
			continue;
		}
		inattrs = 1;
		if (a == 0)
			st.attrs = 0;
		else if (a > 0)
			st.attrs |= (unsigned)a;
		else if (colour_quiet(t, n)) {
			word = xstrndup(t, n);
			error_at(p, start, "unknown attribute \"%s\" (a role "
			    "has two colours at most)", word);
			free(word);
		} else {
			const char *cand[NATTRS];

			for (i = 0; i < NATTRS; i++)
				cand[i] = attr_names[i].name;
			word = xstrndup(t, n);
			sug = suggest(word, cand, NATTRS);
			hint = sug ? xasprintf(" (did you mean %s?)", sug) :
			    xstrdup("");
			error_at(p, start, "unknown attribute \"%s\"%s", word,
			    hint);
			free(hint);
			free(word);
		}
	}
	if (ncol == 0 && !inattrs)
		error_at(p, eq, "expected colours or attributes after \"=\"");
	if (p->errors == errors && role >= 0)
		th->role[role] = st;
}

int
theme_parse(struct theme *th, const char *name, const char *text,
    size_t len, const char *file, struct diags *dl)
{
	struct parser p;
	size_t i = 0, end, n, bad;

	theme_init_fallback(th);
	free(th->name);
	th->name = xstrdup(name != NULL ? name : "");
	memset(&p, 0, sizeof p);
	p.file = file;
	p.dl = dl;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && !p.stopped) {
		p.line++;
		end = i;
		while (end < len && text[end] != '\n')
			end++;
		p.s = text + i;
		p.len = n = end - i;
		if (n > 0 && p.s[n - 1] == '\r')
			p.len = --n;
		i = end + 1;
		if (n > THEME_MAXLINE) {
			p.len = THEME_MAXLINE;
			error_at(&p, THEME_MAXLINE, "line longer than %d bytes",
			    THEME_MAXLINE);
			continue;
		}
		if (!utf8_valid(p.s, n, &bad)) {
			error_at(&p, bad, "%s", p.s[bad] == '\0' ?
			    "NUL byte in the file" : "invalid UTF-8");
			continue;
		}
		parse_line(&p, th);
	}
	if (p.errors > 0) {
		theme_done(th);
		theme_init_fallback(th);
		return -1;
	}
	return 0;
}

/* Choosing a colour. */

unsigned
theme_palette_rgb(int index)
{
	static const unsigned level[6] = { 0, 95, 135, 175, 215, 255 };
	unsigned g;

	if (index < 0 || index > 255)
		return 0;
	if (index < 16)
		return xterm16[index];
	if (index >= 232) {
		g = 8 + 10 * (unsigned)(index - 232);
		return g << 16 | g << 8 | g;
	}
	index -= 16;
	return level[index / 36] << 16 | level[index / 6 % 6] << 8 |
	    level[index % 6];
}

static unsigned long
distance(unsigned a, unsigned b)
{
	long dr = (long)(a >> 16 & 0xff) - (long)(b >> 16 & 0xff);
	long dg = (long)(a >> 8 & 0xff) - (long)(b >> 8 & 0xff);
	long db = (long)(a & 0xff) - (long)(b & 0xff);

	return (unsigned long)(dr * dr + dg * dg + db * db);
}

/*
 * The nearest colour to rgb in a palette of size 8, 16 or 256; of 256,
 * only the cube and the greys, which terminals leave alone.  Ties go to
 * the lower index.
 */
static int
nearest(unsigned rgb, int size)
{
	int i, lo = size == 256 ? 16 : 0, best = lo;
	unsigned long d, bestd = (unsigned long)-1;

	for (i = lo; i < size; i++) {
		d = distance(rgb, theme_palette_rgb(i));
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

/* xterm-direct reads 0-7 as the ANSI colours, not as RGB. */
static int
direct_rgb(unsigned rgb)
{
	rgb &= 0xffffff;
	return (int)(rgb < 8 ? 8 : rgb);
}

int
theme_resolve(const struct theme_colour *alt, size_t n, int ncolours,
    int direct)
{
	int size;
	size_t i;

	if (ncolours < 8 || n == 0)
		return -1;
	size = ncolours >= 256 ? 256 : ncolours >= 16 ? 16 : 8;
	for (i = 0; i < n; i++) {
		switch (alt[i].kind) {
		case THEME_C_UNSET:
		case THEME_C_DEFAULT:
			return -1;
		case THEME_C_INDEX:
			if (alt[i].v > 255)
				break;
			if (direct)
				return alt[i].v < 8 ? (int)alt[i].v :
				    direct_rgb(theme_palette_rgb(
				    (int)alt[i].v));
			if (alt[i].v < (unsigned)size)
				return (int)alt[i].v;
			break;
		case THEME_C_RGB:
			if (direct)
				return direct_rgb(alt[i].v);
			break;
		}
	}
	/* Nothing shows exactly: the nearest to the first choice. */
	switch (alt[0].kind) {
	case THEME_C_INDEX:
		if (alt[0].v > 255)
			return -1;
		if (alt[0].v < 16)
			return (int)alt[0].v - 8;	/* bright on 8 */
		return nearest(theme_palette_rgb((int)alt[0].v), size);
	case THEME_C_RGB:
		return nearest(alt[0].v & 0xffffff, size);
	default:
		return -1;
	}
}

/* The bundled themes, from $(B)/bundled_themes.c. */

const char *
theme_bundled(const char *name, size_t *len)
{
	const struct bundled_file *f;

	for (f = bundled_themes; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0) {
			if (len != NULL)
				*len = f->len;
			return f->data;
		}
	return NULL;
}

const char *const *
theme_bundled_names(size_t *n)
{
	size_t i = 0;

	while (bundled_theme_names[i] != NULL)
		i++;
	if (n != NULL)
		*n = i;
	return bundled_theme_names;
}

unsigned
theme_attrs(const struct theme *th, enum theme_role r, int ncolours)
{
	struct theme fb;
	unsigned a = th->role[r].attrs;

	if (ncolours < 8) {
		theme_init_fallback(&fb);
		a |= fb.role[r].attrs;
		theme_done(&fb);
	}
	return a;
}
