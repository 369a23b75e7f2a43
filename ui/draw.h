/*
 * Painting text into curses windows: every string goes through here, so
 * nothing from the data can reach the terminal unescaped, and nothing is
 * ever wider than the cells it was given.
 */
#ifndef DRAW_H
#define DRAW_H

#include <stddef.h>

#include <curses.h>

/* Attributes the explorer uses; set once by draw_init(). */
struct draw_attrs {
	attr_t	normal;		/* ordinary text */
	attr_t	title;		/* the title line */
	attr_t	tab;		/* an inactive tab */
	attr_t	tab_on;		/* the active tab */
	attr_t	status;		/* the status line */
	attr_t	header;		/* table headers */
	attr_t	heading;	/* document headings */
	attr_t	select;		/* the selected row */
	attr_t	mark;		/* markers: conflicts, announced parts */
	attr_t	best;		/* the best value in a diff row */
	attr_t	dim;		/* secondary text */
	attr_t	error;		/* messages about errors */
	attr_t	match;		/* find matches */
};

extern struct draw_attrs draw_attr;

/*
 * Start with the default theme: colour pairs for as many colours as the
 * terminal has (COLORS, direct colour when it takes 24-bit values) when
 * colour is wanted, attributes alone otherwise (NO_COLOR, no colours).
 * Call after start_color().  draw_done() frees the theme.
 */
void draw_init(int colour);
void draw_done(void);

/*
 * Themes: draw_init() starts with default.  draw_use_theme() switches to
 * the theme called name (a user theme or a bundled one); 0, or -1 with a
 * message in *err (caller frees; also set on success when there is
 * something to say) and the previous theme kept, or with a broken theme
 * file, the default theme.
 */
int draw_use_theme(const char *name, char **err);
const char *draw_theme_current(void);

/*
 * Put s (escaped) at y, x, cut to width cells and padded with spaces to
 * width.  Returns the cells written before padding.
 */
size_t draw_text(WINDOW *w, int y, int x, size_t width, const char *s,
    attr_t attr);
/* The same, but a cut ends in a mark ("…", or "~" in ASCII) saying so. */
size_t draw_text_cut(WINDOW *w, int y, int x, size_t width, const char *s,
    attr_t attr);
/* The same as draw_text(), right-aligned in width cells. */
void draw_text_right(WINDOW *w, int y, int x, size_t width, const char *s,
    attr_t attr);
/* Fill width cells with spaces. */
void draw_blank(WINDOW *w, int y, int x, size_t width, attr_t attr);

#endif
