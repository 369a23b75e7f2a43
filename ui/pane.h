/*
 * The explorer's panes.  Each plugs in through a small table of
 * functions, as tig's views do: it draws from its own state, turns
 * actions into state changes, and may hand back a document for a detail
 * screen.  Handlers never draw.
 */
#ifndef PANE_H
#define PANE_H

#include <curses.h>

#include "dataset.h"
#include "doc.h"
#include "find.h"
#include "grid.h"
#include "keymap.h"

struct pane;

struct pane_ops {
	const char	*name;		/* "Specs": tab label and --pane NAME */
	/* Build the pane's state from the dataset. */
	void		(*init)(struct pane *, const struct dataset *);
	void		(*done)(struct pane *);
	/* Paint into the h x w area of win. */
	void		(*draw)(struct pane *, WINDOW *win, int h, int w);
	/* Apply an action; 1 if the pane used it. */
	int		(*key)(struct pane *, enum action);
	/* The detail of the selected row, or NULL.  Caller frees. */
	struct doc	*(*detail)(struct pane *);
	/* A line for the status bar.  Caller frees. */
	char		*(*status)(struct pane *);
	/*
	 * Move to the next (dir 1) or previous (-1) match of fn and
	 * highlight matches (fn NULL: none).  0 none, 1 found, 2 wrapped.
	 */
	int		(*find)(struct pane *, struct finder *fn, int dir);
	/*
	 * Filter the rows by expr (NULL or "": show all); invert shows the
	 * rest; label names it on the status line (NULL: expr).  0, or -1
	 * with a diagnostic in dl and the previous filter kept.  NULL in
	 * panes that are not tables.
	 */
	int		(*filter)(struct pane *, const char *expr, int invert,
			    const char *label, struct diags *dl);
	/*
	 * The hardware rows to diff: the marked ones in the order they were
	 * marked or, with none marked, the one under the cursor and the
	 * next.  Writes at most max into hw; returns how many there are.
	 * NULL in panes without hardware rows.
	 */
	size_t		(*marked)(struct pane *, size_t *hw, size_t max);
	/*
	 * Panes with a form: Enter edits the selected field on the status
	 * line.  edit gives the prompt's label and the text to start from
	 * (caller frees both); edit_apply sets the field from what was
	 * typed, 0, or -1 with *err (caller frees) and nothing changed.
	 * NULL elsewhere.
	 */
	char		*(*edit)(struct pane *, char **label);
	int		(*edit_apply)(struct pane *, const char *text,
			    char **err);
	/*
	 * What the pane shows, as a table, for :w; with row_only, the
	 * selected row alone, for y.  NULL when there is nothing.  Caller
	 * frees.
	 */
	struct grid	*(*export)(struct pane *, int row_only);
	/*
	 * A mouse click at y, x of the area the pane last drew: select
	 * what is there (a header sorts).  1 if it changed anything.
	 */
	int		(*click)(struct pane *, int y, int x);
	/*
	 * A Diff pane: show rows[0..n) (2 to DIFF_MAX) side by side: chips
	 * of the dataset, or rows of the table in view mode.  NULL
	 * elsewhere.
	 */
	void		(*compare)(struct pane *, const size_t *rows, size_t n);
};

struct pane {
	const struct pane_ops	*ops;
	const struct dataset	*ds;
	/*
	 * In view mode (accelscope view), the CSV file's table: the Table
	 * pane takes it over; the Diff pane borrows it.  NULL otherwise.
	 */
	struct grid		*grid;
	void			*data;	/* the pane's own state; owned */
};

/* The scenario under the cursor in the Scenarios pane, or -1. */
long pane_scenarios_selected(struct pane *p);
/* 1 if a table pane has a filter on. */
int pane_table_filtered(struct pane *p);
/* How many cells a table pane's table holds. */
size_t pane_table_cells(struct pane *p);
/* Whether expr is a filter on a table pane's columns: 0, or -1 and why. */
int pane_table_filter_check(struct pane *p, const char *expr,
    struct diags *dl);

/* Show the diff of hw[0..n) (2 to DIFF_MAX) in the Diff pane. */
void pane_diff_set(struct pane *p, const size_t *hw, size_t n);

extern const struct pane_ops pane_matrix_ops;
extern const struct pane_ops pane_scenarios_ops;
extern const struct pane_ops pane_specs_ops;
extern const struct pane_ops pane_diff_ops;
extern const struct pane_ops pane_calc_ops;
extern const struct pane_ops pane_sources_ops;
/* View mode: the CSV file's table, and a diff of its marked rows. */
extern const struct pane_ops pane_view_table_ops;
extern const struct pane_ops pane_view_diff_ops;

#endif
