/*
 * The key table; see keymap.h.
 */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct keybind table[] = {
	{ { "k", "Up" }, ACT_UP, "up", "", "Move up one row" },
	{ { "j", "Down" }, ACT_DOWN, "down", "", "Move down one row" },
	{ { "h", "Left" }, ACT_LEFT, "left", "",
	    "Move left one column, or scroll left; in Calculator, step down" },
	{ { "l", "Right" }, ACT_RIGHT, "right", "",
	    "Move right one column, or scroll right; in Calculator, step up" },
	{ { "PgUp", "C-b" }, ACT_PAGE_UP, "page-up", "", "Up one page" },
	{ { "PgDn", "C-f" }, ACT_PAGE_DOWN, "page-down", "", "Down one page" },
	{ { "C-u" }, ACT_HALF_UP, "half-page-up", "", "Up half a page" },
	{ { "C-d" }, ACT_HALF_DOWN, "half-page-down", "", "Down half a page" },
	{ { "g", "Home" }, ACT_TOP, "top", "", "Go to the first row" },
	{ { "G", "End" }, ACT_BOTTOM, "bottom", "", "Go to the last row" },
	{ { "Tab" }, ACT_NEXT_PANE, "next-pane", "", "Next pane" },
	{ { "S-Tab" }, ACT_PREV_PANE, "prev-pane", "", "Previous pane" },
	{ { "1" }, ACT_PANE_1, "pane-matrix", "", "Matrix pane" },
	{ { "2" }, ACT_PANE_2, "pane-scenarios", "", "Scenarios pane" },
	{ { "3" }, ACT_PANE_3, "pane-specs", "", "Specs pane" },
	{ { "4" }, ACT_PANE_4, "pane-diff", "", "Diff pane" },
	{ { "5" }, ACT_PANE_5, "pane-calculator", "", "Calculator pane" },
	{ { "6" }, ACT_PANE_6, "pane-sources", "", "Sources pane" },
	{ { "Enter" }, ACT_ENTER, "enter", "",
	    "Open the detail of the selected row; in Calculator, edit "
	    "the field" },
	{ { "Esc" }, ACT_BACK, "back", "",
	    "Close the detail or help; in a table, clear the filter" },
	{ { "q" }, ACT_CLOSE, "close", "",
	    "Close the detail or help; in a pane, quit" },
	{ { "s" }, ACT_SORT, "sort", "tables",
	    "Sort by the current column: ascending, descending, off" },
	{ { "/" }, ACT_FIND, "find", "",
	    "Find: a regex, highlighted in the pane" },
	{ { "n" }, ACT_FIND_NEXT, "find-next", "", "Next match of the find" },
	{ { "N" }, ACT_FIND_PREV, "find-prev", "",
	    "Previous match of the find" },
	{ { "&", "|" }, ACT_FILTER, "filter", "tables",
	    "Filter the rows as you type; &! inverts, empty clears" },
	{ { "f" }, ACT_FIT, "fit", "Scenarios",
	    "Show the hardware that fits the scenario in Specs" },
	{ { "c", "]" }, ACT_NEXT_COMPARISON, "next-comparison", "Matrix",
	    "Next comparison" },
	{ { "C", "[" }, ACT_PREV_COMPARISON, "prev-comparison", "Matrix",
	    "Previous comparison" },
	{ { "Space" }, ACT_MARK, "mark", "Specs",
	    "Mark or unmark the chip and move down; in a detail, page down" },
	{ { "M" }, ACT_CLEAR_MARKS, "clear-marks", "Specs", "Clear the marks" },
	{ { "d" }, ACT_DIFF, "diff", "Specs",
	    "Diff the marked chips (2 to 4), or this chip and the next" },
	{ { "}" }, ACT_NEXT_DIFF, "next-diff", "Diff",
	    "Next row that differs" },
	{ { "{" }, ACT_PREV_DIFF, "prev-diff", "Diff",
	    "Previous row that differs" },
	{ { "D" }, ACT_ONLY_DIFF, "only-diff", "Diff",
	    "Show only the rows that differ, or every row" },
	{ { "v" }, ACT_VIEW, "next-chart", "Calculator",
	    "Next chart: latency-throughput curve, roofline, rankings" },
	{ { ":" }, ACT_COMMAND, "command", "",
	    "Run a command or any action by name; Tab completes" },
	{ { "y" }, ACT_COPY, "copy", "",
	    "Copy the selected row to the clipboard (OSC 52)" },
	{ { "T" }, ACT_THEME, "next-theme", "", "Switch to the next theme" },
	{ { "?", "F1" }, ACT_HELP, "help", "", "Show this help" },
	{ { "C-l" }, ACT_REDRAW, "redraw", "", "Redraw the screen" },
	{ { "Q" }, ACT_QUIT, "quit", "", "Quit at once" },
};

const struct keybind *
keymap_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

/* The user's bindings, in the order made; a later one for the same key
   replaces the earlier. */
static struct {
	char		key[16];
	enum action	action;
} binds[KEYMAP_MAXBINDS];
static size_t nbinds;

static enum action
table_lookup(const char *name)
{
	size_t i, k;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		for (k = 0; k < KEYMAP_MAXKEYS && table[i].keys[k]; k++)
			if (strcmp(table[i].keys[k], name) == 0)
				return table[i].action;
	return ACT_NONE;
}

static long
bind_index(const char *key)
{
	size_t i;

	for (i = 0; i < nbinds; i++)
		if (strcmp(binds[i].key, key) == 0)
			return (long)i;
	return -1;
}

enum action
keymap_lookup(const char *name)
{
	long b = bind_index(name);

	return b >= 0 ? binds[b].action : table_lookup(name);
}

int
keymap_action_by_name(const char *name)
{
	size_t i;

	if (strcmp(name, "none") == 0)
		return ACT_NONE;
	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].name, name) == 0)
			return (int)table[i].action;
	return -1;
}

const char *
keymap_action_name(enum action a)
{
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == a)
			return table[i].name;
	return "none";
}

int
keymap_key_valid(const char *name)
{
	static const char *const named[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
		"Enter", "Space", "Esc", "Tab", "S-Tab", "Backspace", "Delete",
		"Insert",
	};
	size_t i;
	char *end;
	long f;

	if (name[0] > ' ' && name[0] < 127 && name[1] == '\0')
		return 1;
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' &&
	    name[2] <= 'z' && name[3] == '\0')
		return 1;
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12)
			return 1;
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(name, named[i]) == 0)
			return 1;
	return 0;
}

int
keymap_bind(const char *key, enum action a)
{
	long b;

	if (!keymap_key_valid(key))
		return -1;
	if ((b = bind_index(key)) < 0) {
		if (nbinds == KEYMAP_MAXBINDS)
			return -1;
		b = (long)nbinds++;
		snprintf(binds[b].key, sizeof binds[b].key, "%s", key);
	}
	binds[b].action = a;
	return 0;
}

void
keymap_reset(void)
{
	nbinds = 0;
}

size_t
keymap_keys_for(enum action a, const char **out, size_t max)
{
	size_t i, k, n = 0;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (table[i].action != a)
			continue;
		for (k = 0; k < KEYMAP_MAXKEYS && table[i].keys[k]; k++)
			if (bind_index(table[i].keys[k]) < 0) {
				if (n < max)
					out[n] = table[i].keys[k];
				n++;
			}
	}
	for (i = 0; i < nbinds; i++)
		if (binds[i].action == a && a != ACT_NONE) {
			if (n < max)
				out[n] = binds[i].key;
			n++;
		}
	return n;
}
