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
	ACT_COMMAND,
	ACT_COPY,
	ACT_THEME,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_NACTIONS
};

#define KEYMAP_MAXKEYS 4
#define KEYMAP_MAXBINDS 64

struct keybind {
	const char	*keys[KEYMAP_MAXKEYS];	/* NULL-terminated when short */
	enum action	 action;
	const char	*name;		/* for bind and ":": "page-down" */
	const char	*where;		/* "" everywhere, or the pane's name */
	const char	*help;		/* one line */
};

/* The table, in the order help shows it: the keys as shipped. */
const struct keybind *keymap_table(size_t *n);

/*
 * The action bound to the key named name, or ACT_NONE: the user's
 * bindings first, then the table.
 */
enum action keymap_lookup(const char *name);

/* The action called name ("page-down"), or -1.  "none" is ACT_NONE. */
int keymap_action_by_name(const char *name);
/* The name of action a; "none" for ACT_NONE. */
const char *keymap_action_name(enum action a);

/*
 * 1 if name is a key the explorer can read: a printable ASCII character
 * other than space, C-a to C-z, F1 to F12, or one of Up Down Left Right
 * PgUp PgDn Home End Enter Space Esc Tab S-Tab Backspace Delete Insert.
 */
int keymap_key_valid(const char *name);

/*
 * Bind key to action a, or with ACT_NONE unbind it, over the table and
 * any earlier binding.  0, or -1 for an invalid key name or when
 * KEYMAP_MAXBINDS keys are already rebound.  The key is copied.
 */
int keymap_bind(const char *key, enum action a);
/* Drop every binding: the table alone again. */
void keymap_reset(void);

/*
 * The keys that run action a now, bindings included, in table order then
 * binding order: at most max into out (names valid until the next
 * keymap_bind() or keymap_reset()).  Returns how many there are.
 */
size_t keymap_keys_for(enum action a, const char **out, size_t max);

#endif
