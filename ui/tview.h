/*
 * A table view: a grid on screen with a frozen first column and header,
 * a row and a column cursor, horizontal scrolling, and sorting.  The
 * Specs, Sources and Scenarios panes are table views; so is any CSV the
 * explorer opens.
 */
#ifndef TVIEW_H
#define TVIEW_H

#include <stddef.h>

#include <curses.h>

#include "filter.h"
#include "find.h"
#include "grid.h"
#include "keymap.h"

/* Cell flags. */
#define TVIEW_CONFLICT	0x01	/* the sources disagree: shown with '!' */
#define TVIEW_BEST	0x02	/* the best in its row: highlighted */

struct tview {
	struct grid	 *g;		/* owned */
	char		**unit;		/* per column, or NULL: a second header
					   line; owned */
	unsigned char	 *flag;		/* nrows * ncols, or NULL; owned */
	char		 *rowmark;	/* per row, or NULL: a marker character
					   ('a' announced, '?' unverified);
					   owned */
	size_t		 *key;		/* per row: the dataset row it shows;
					   owned, may be NULL */
	size_t		 *mark;		/* per row: 0 unmarked, else the order
					   it was marked in; owned, or NULL
					   where rows cannot be marked */
	size_t		  nmarked;
	size_t		  markseq;
	size_t		 *order;	/* rows in display order */
	size_t		  n;		/* rows shown */
	size_t		 *width;	/* per column, natural width */
	size_t		  cur;		/* cursor: index into order */
	size_t		  top;
	size_t		  ccol;		/* cursor column, >= 1 */
	size_t		  left;		/* first scrolled column shown */
	long		  sort_col;	/* -1 when unsorted */
	int		  sort_desc;
	int		  page;		/* rows that fit, from the last draw */
	struct filter	 *filter;	/* owned, or NULL */
	int		  invert;	/* show the rows it does not select */
	char		 *filter_label;	/* owned: what the status line says */
	struct finder	 *find;		/* borrowed: matches to highlight */
	/* Where the last draw put things, for clicks. */
	int		  oy, ox, ow;
	size_t		  ofirst, ofw;
};

/* Show g, taking ownership of it. */
void tview_init(struct tview *tv, struct grid *g);
void tview_done(struct tview *tv);
/* Set the optional extras; each is taken over and freed by tview_done(). */
void tview_set_units(struct tview *tv, char **unit);
void tview_set_flags(struct tview *tv, unsigned char *flag);
void tview_set_rowmarks(struct tview *tv, char *rowmark);
void tview_set_keys(struct tview *tv, size_t *key);

/* Let rows be marked (Space), shown with '*'. */
void tview_enable_marks(struct tview *tv);
/* Mark or unmark the row under the cursor and move down; 0 if marks are
 * not enabled or there are no rows. */
int tview_toggle_mark(struct tview *tv);
void tview_clear_marks(struct tview *tv);
/*
 * The keys (or grid rows, without keys) of the marked rows, in the order
 * they were marked, at most max into out.  Returns how many are marked.
 */
size_t tview_marked(const struct tview *tv, size_t *out, size_t max);
/* Put the cursor on grid row r if it is shown; 1 if it is. */
int tview_goto(struct tview *tv, size_t r);

/* Let column c grow to max cells (the default cap is 40). */
void tview_widen(struct tview *tv, size_t c, size_t max);
/*
 * Show only the rows f selects (or, with invert, those it does not);
 * NULL shows all.  Takes ownership of f; label (copied) names it on the
 * status line.  Returns the number of regex failures.
 */
size_t tview_set_filter(struct tview *tv, struct filter *f, int invert,
    const char *label, struct diags *dl);
/*
 * Move the cursor to the next (dir 1) or previous (-1) row with a cell
 * fn matches, after the cursor.  0: none; 1: found; 2: found after
 * wrapping around.
 */
int tview_find(struct tview *tv, struct finder *fn, int dir);
/* Paint into the h x w area of win at y, x. */
void tview_draw(struct tview *tv, WINDOW *win, int y, int x, int h, int w);
/* Apply a movement action; 1 if it was one. */
int tview_move(struct tview *tv, enum action a);
/* s: sort by the cursor column, cycling ascending, descending, off. */
void tview_sort_cycle(struct tview *tv);
/*
 * A click at y, x of the window tview_draw() last painted: on a header,
 * sort by that column (cycling as s does); on a row, move the cursor
 * there.  1 if it did something.
 */
int tview_click(struct tview *tv, int y, int x);
/*
 * The rows shown, in the order shown, or with row_only the one under the
 * cursor (NULL when there are none).  Caller frees.
 */
struct grid *tview_export(const struct tview *tv, int row_only);
/* The grid row under the cursor, or -1 when there are no rows. */
long tview_row(const struct tview *tv);
/* A line for the status bar: "row 3 of 41, sorted by ...".  Caller frees. */
char *tview_status(const struct tview *tv);

#endif
