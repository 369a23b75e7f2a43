/*
 * The explorer's keys: one table says which key does what and how to
 * explain it.  The explorer dispatches through it, the help overlay is
 * printed from it, and a unit test holds the man page's KEYS section to
 * it, so the three cannot drift apart.
 *
 * Keys are named as the help shows them: a printable character stands for
 * itself ("j", "?"), others by name ("Up", "PgDn", "Home", "End",
 * "Enter", "Space", "Esc", "Tab", "S-Tab", "F1"), control keys as "C-f".
 */
#ifndef KEYMAP_H
#define KEYMAP_H

#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HALF_UP,
	ACT_HALF_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_PANE_1,
	ACT_PANE_2,
	ACT_PANE_3,
	ACT_PANE_4,
	ACT_PANE_5,
	ACT_PANE_6,
	ACT_ENTER,
	ACT_BACK,
	ACT_CLOSE,
	ACT_SORT,
	ACT_FIND,
	ACT_FIND_NEXT,
	ACT_FIND_PREV,
	ACT_FILTER,
	ACT_FIT,
	ACT_NEXT_COMPARISON,
	ACT_PREV_COMPARISON,
	ACT_MARK,
	ACT_CLEAR_MARKS,
	ACT_DIFF,
	ACT_NEXT_DIFF,
	ACT_PREV_DIFF,
	ACT_ONLY_DIFF,
	ACT_VIEW,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_NACTIONS
};

#define KEYMAP_MAXKEYS 4

struct keybind {
	const char	*keys[KEYMAP_MAXKEYS];	/* NULL-terminated when short */
	enum action	 action;
	const char	*where;		/* "" everywhere, or the pane's name */
	const char	*help;		/* one line */
};

/* The table, in the order help shows it. */
const struct keybind *keymap_table(size_t *n);
/* The action bound to the key named name, or ACT_NONE. */
enum action keymap_lookup(const char *name);

#endif
