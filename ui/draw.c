/*
 * Painting text; see draw.h.
 */
#include "draw.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "theme.h"
#include "themes.h"
#include "utf8.h"
#include "xmalloc.h"

struct draw_attrs draw_attr;

static struct theme current;
static int have_theme;
static int ncolours, direct;

/* Curses attributes for theme attribute bits. */
static attr_t
curses_attrs(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & THEME_A_BOLD)
		r |= A_BOLD;
	if (a & THEME_A_DIM)
		r |= A_DIM;
	if (a & THEME_A_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_A_REVERSE)
		r |= A_REVERSE;
	if (a & THEME_A_ITALIC)
		r |= A_ITALIC;
	if (a & THEME_A_BLINK)
		r |= A_BLINK;
	if (a & THEME_A_STANDOUT)
		r |= A_STANDOUT;
	return r;
}

/*
 * Turn the current theme into attributes and colour pairs.  Without
 * colour, each role keeps the fallback's attributes as well as its own,
 * so that a bar or the selection a theme draws with a background colour
 * still shows.
 */
static void
apply_theme(void)
{
	attr_t *slot[THEME_NROLES];
	size_t i;

	slot[THEME_NORMAL] = &draw_attr.normal;
	slot[THEME_TITLE] = &draw_attr.title;
	slot[THEME_TAB] = &draw_attr.tab;
	slot[THEME_TAB_ON] = &draw_attr.tab_on;
	slot[THEME_STATUS] = &draw_attr.status;
	slot[THEME_HEADER] = &draw_attr.header;
	slot[THEME_HEADING] = &draw_attr.heading;
	slot[THEME_SELECT] = &draw_attr.select;
	slot[THEME_MARK] = &draw_attr.mark;
	slot[THEME_BEST] = &draw_attr.best;
	slot[THEME_DIM] = &draw_attr.dim;
	slot[THEME_ERROR] = &draw_attr.error;
	slot[THEME_MATCH] = &draw_attr.match;
	for (i = 0; i < THEME_NROLES; i++) {
		const struct theme_style *st = &current.role[i];
		int fg = theme_resolve(st->fg, st->nfg, ncolours, direct);
		int bg = theme_resolve(st->bg, st->nbg, ncolours, direct);
		attr_t a = curses_attrs(theme_attrs(&current,
		    (enum theme_role)i, ncolours));

		if (ncolours < 8 || (fg < 0 && bg < 0)) {
			*slot[i] = a;
			continue;
		}
		init_extended_pair((int)i + 1, fg, bg);
		*slot[i] = a | COLOR_PAIR((int)i + 1);
	}
	/* The screen's own background and text follow normal. */
	if (ncolours >= 8)
		bkgdset(' ' | draw_attr.normal);
}

void
draw_init(int colour)
{
	char *err = NULL;

	memset(&draw_attr, 0, sizeof draw_attr);
	ncolours = colour ? COLORS : 0;
	direct = colour && COLORS >= 0x1000000;
	if (draw_use_theme("default", &err) != 0) {
		/* The bundled default always parses; keep going anyway. */
		free(err);
	}
}

int
draw_use_theme(const char *name, char **err)
{
	struct theme th;
	char *m;
	int r;

	r = themes_load(name, &th, err);
	if (r == -1 && have_theme) {
		/* Unknown: what is in use stays. */
		theme_done(&th);
		return -1;
	}
	if (r == -2) {
		/* Broken: the default theme (the fallback, if that is the
		   broken one), and say so. */
		m = xasprintf("%s; using the default theme", *err);
		free(*err);
		*err = m;
		if (strcmp(name, "default") != 0) {
			theme_done(&th);
			if (themes_load("default", &th, &m) != 0)
				free(m);
		}
	}
	if (have_theme)
		theme_done(&current);
	current = th;
	have_theme = 1;
	apply_theme();
	return r;
}

const char *
draw_theme_current(void)
{
	return current.name != NULL ? current.name : "default";
}

void
draw_done(void)
{
	if (have_theme)
		theme_done(&current);
	have_theme = 0;
}

/*
 * The first n bytes of escaped text e, used cells wide, then blanks to
 * width.  Returns used.
 */
static size_t
put(WINDOW *w, int y, int x, size_t width, const char *e, size_t n,
    size_t used, attr_t attr)
{
	wattrset(w, attr);
	mvwaddnstr(w, y, x, e, (int)n);
	if (used < width)
		draw_blank(w, y, x + (int)used, width - used, attr);
	wattrset(w, A_NORMAL);
	return used;
}

/*
 * s escaped, in width cells; when cut is set and s does not fit, the last
 * cell holds a mark saying so.  Returns the cells the text took.
 */
static size_t
text(WINDOW *w, int y, int x, size_t width, const char *s, attr_t attr,
    int cut)
{
	/* What is shown is the escaped text: measure that, once. */
	char *e = text_escape(s);
	const char *mark = utf8_ascii() ? "~" : "\xe2\x80\xa6";
	size_t used, n = utf8_prefix(e, width, &used);

	if (cut && e[n] != '\0' && width >= 2) {
		/* One cell fewer, and the mark in it. */
		n = utf8_prefix(e, width - 1, &used);
		used = put(w, y, x, width - 1, e, n, used, attr);
		used += put(w, y, x + (int)used, width - used, mark,
		    strlen(mark), 1, attr);
	} else
		used = put(w, y, x, width, e, n, used, attr);
	free(e);
	return used;
}

size_t
draw_text(WINDOW *w, int y, int x, size_t width, const char *s, attr_t attr)
{
	return text(w, y, x, width, s, attr, 0);
}

size_t
draw_text_cut(WINDOW *w, int y, int x, size_t width, const char *s,
    attr_t attr)
{
	return text(w, y, x, width, s, attr, 1);
}

void
draw_text_right(WINDOW *w, int y, int x, size_t width, const char *s,
    attr_t attr)
{
	size_t sw = utf8_width(s);

	if (sw >= width) {
		draw_text(w, y, x, width, s, attr);
		return;
	}
	draw_blank(w, y, x, width - sw, attr);
	draw_text(w, y, x + (int)(width - sw), sw, s, attr);
}

void
draw_blank(WINDOW *w, int y, int x, size_t width, attr_t attr)
{
	/* A blank drawn as waddch() would, the window's background and all. */
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', width > INT_MAX ? INT_MAX : (int)width);
	wattrset(w, A_NORMAL);
}
