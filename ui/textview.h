/*
 * A text view: a document (see doc.h) wrapped to the window and scrolled
 * like less.  Detail screens and the help overlay are text views.
 */
#ifndef TEXTVIEW_H
#define TEXTVIEW_H

#include <stddef.h>

#include <curses.h>

#include "doc.h"
#include "find.h"
#include "keymap.h"
#include "layout.h"

struct textview {
	struct doc	*doc;		/* owned */
	struct lines	 lines;		/* wrapped for width */
	unsigned char	*style;		/* per line: enum doc_style */
	size_t		*bold;		/* per line: leading cells in bold */
	size_t		 width;		/* lines wrap to this; 0: none */
	size_t		 top;
	size_t		 hit;		/* the line the last find went to */
	int		 has_hit;	/* until the view scrolls */
	size_t		 left;		/* horizontal scroll for wide lines */
	int		 page;
	struct finder	*find;		/* borrowed: lines to highlight */
};

/* Show d, taking ownership of it.  Caller frees with textview_free(). */
struct textview *textview_new(struct doc *d);
void textview_free(struct textview *tv);
void textview_draw(struct textview *tv, WINDOW *win, int y, int x, int h,
    int w);
/* Apply a movement action; 1 if it was one. */
int textview_move(struct textview *tv, enum action a);
/* Scroll to the next (dir 1) or previous match; 0 none, 1, 2 wrapped. */
int textview_find(struct textview *tv, struct finder *fn, int dir);
/* "line 3 of 120".  Caller frees. */
char *textview_status(const struct textview *tv);

#endif
