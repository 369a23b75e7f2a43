/*
 * The explorer: panes in a curses screen, one event loop.
 */
#ifndef TUI_H
#define TUI_H

#include "dataset.h"

struct tui_opts {
	const char	*pane;		/* --pane NAME, or NULL */
	const char	*message;	/* shown on the status line at start */
	const char	*filter;	/* --filter EXPR, or NULL */
	const char	*theme;		/* --theme NAME, or NULL */
	int		 mouse;		/* 0 --no-mouse, -1 as configured */
};

/*
 * Why the explorer cannot run on this terminal (TERM unknown, or one
 * that cannot move the cursor, as dumb), or NULL when it can.  Caller
 * frees.
 */
char *tui_unusable(void);
/*
 * The colours TERM's terminal has (0 for none, or with NO_COLOR set), and
 * in *direct whether it takes 24-bit colour.
 */
int tui_colours(int *direct);
/* The pane named name (case-blind), or -1. */
int tui_pane_by_name(const char *name);
/* A comma-separated list of the pane names, for messages. */
const char *tui_pane_names(void);
/*
 * Run the explorer on ds until the user quits.  stdin and stdout must be
 * terminals.  Returns the exit status.
 */
int tui_run(const struct dataset *ds, const struct tui_opts *o);
/*
 * Run the explorer on one table (accelscope view): a Table pane, which
 * takes table over, and a Diff of its marked rows.  name is the file's.
 */
struct grid;
int tui_view(struct grid *table, const char *name, const struct tui_opts *o);

#endif
