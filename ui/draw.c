/*
 * Painting text; see draw.h.
 */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

struct draw_attrs draw_attr;

enum { PAIR_TITLE = 1, PAIR_MARK, PAIR_HEADING, PAIR_ERROR, PAIR_BEST };

void
draw_init(int colour)
{
	memset(&draw_attr, 0, sizeof draw_attr);
	draw_attr.title = A_REVERSE;
	draw_attr.tab = A_REVERSE;
	draw_attr.tab_on = A_BOLD | A_UNDERLINE;
	draw_attr.status = A_REVERSE;
	draw_attr.header = A_BOLD | A_UNDERLINE;
	draw_attr.heading = A_BOLD;
	draw_attr.select = A_REVERSE;
	draw_attr.mark = A_BOLD;
	draw_attr.best = A_BOLD;
	draw_attr.dim = A_DIM;
	draw_attr.error = A_BOLD;
	if (!colour)
		return;
	/* -1: the terminal's own colours, so its theme shows through. */
	init_pair(PAIR_MARK, COLOR_YELLOW, -1);
	init_pair(PAIR_HEADING, COLOR_CYAN, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_BEST, COLOR_GREEN, -1);
	draw_attr.mark = A_BOLD | COLOR_PAIR(PAIR_MARK);
	draw_attr.heading = A_BOLD | COLOR_PAIR(PAIR_HEADING);
	draw_attr.error = A_BOLD | COLOR_PAIR(PAIR_ERROR);
	draw_attr.best = A_BOLD | COLOR_PAIR(PAIR_BEST);
}

int
draw_use_theme(const char *name, char **err)
{
	*err = NULL;
	if (strcmp(name, "default") == 0)
		return 0;
	*err = xasprintf("unknown theme \"%s\"", name);
	return -1;
}

const char *
draw_theme_current(void)
{
	return "default";
}

char **
draw_theme_names(size_t *n)
{
	char **v = xcalloc(1, sizeof *v);

	v[0] = xstrdup("default");
	*n = 1;
	return v;
}

size_t
draw_text(WINDOW *w, int y, int x, size_t width, const char *s, attr_t attr)
{
	char *e = text_escape(s);
	size_t used, n;

	n = utf8_prefix(e, width, &used);
	wattrset(w, attr);
	mvwaddnstr(w, y, x, e, (int)n);
	free(e);
	if (used < width)
		draw_blank(w, y, x + (int)used, width - used, attr);
	wattrset(w, A_NORMAL);
	return used;
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
	size_t i;

	wattrset(w, attr);
	wmove(w, y, x);
	for (i = 0; i < width; i++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}
