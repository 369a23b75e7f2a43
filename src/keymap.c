/*
 * The key table; see keymap.h.
 */
#include "keymap.h"

#include <string.h>

static const struct keybind table[] = {
	{ { "k", "Up" }, ACT_UP, "", "Move up one row" },
	{ { "j", "Down" }, ACT_DOWN, "", "Move down one row" },
	{ { "h", "Left" }, ACT_LEFT, "",
	    "Move left one column, or scroll left; in Calculator, step down" },
	{ { "l", "Right" }, ACT_RIGHT, "",
	    "Move right one column, or scroll right; in Calculator, step up" },
	{ { "PgUp", "C-b" }, ACT_PAGE_UP, "", "Up one page" },
	{ { "PgDn", "C-f" }, ACT_PAGE_DOWN, "", "Down one page" },
	{ { "C-u" }, ACT_HALF_UP, "", "Up half a page" },
	{ { "C-d" }, ACT_HALF_DOWN, "", "Down half a page" },
	{ { "g", "Home" }, ACT_TOP, "", "Go to the first row" },
	{ { "G", "End" }, ACT_BOTTOM, "", "Go to the last row" },
	{ { "Tab" }, ACT_NEXT_PANE, "", "Next pane" },
	{ { "S-Tab" }, ACT_PREV_PANE, "", "Previous pane" },
	{ { "1" }, ACT_PANE_1, "", "Matrix pane" },
	{ { "2" }, ACT_PANE_2, "", "Scenarios pane" },
	{ { "3" }, ACT_PANE_3, "", "Specs pane" },
	{ { "4" }, ACT_PANE_4, "", "Diff pane" },
	{ { "5" }, ACT_PANE_5, "", "Calculator pane" },
	{ { "6" }, ACT_PANE_6, "", "Sources pane" },
	{ { "Enter" }, ACT_ENTER, "",
	    "Open the detail of the selected row; in Calculator, edit the field" },
	{ { "Esc" }, ACT_BACK, "",
	    "Close the detail or help; in a table, clear the filter" },
	{ { "q" }, ACT_CLOSE, "",
	    "Close the detail or help; in a pane, quit" },
	{ { "s" }, ACT_SORT, "tables",
	    "Sort by the current column: ascending, descending, off" },
	{ { "/" }, ACT_FIND, "", "Find: a regex, highlighted in the pane" },
	{ { "n" }, ACT_FIND_NEXT, "", "Next match of the find" },
	{ { "N" }, ACT_FIND_PREV, "", "Previous match of the find" },
	{ { "&", "|" }, ACT_FILTER, "tables",
	    "Filter the rows as you type; &! inverts, empty clears" },
	{ { "f" }, ACT_FIT, "Scenarios",
	    "Show the hardware that fits the scenario in Specs" },
	{ { "c", "]" }, ACT_NEXT_COMPARISON, "Matrix", "Next comparison" },
	{ { "C", "[" }, ACT_PREV_COMPARISON, "Matrix", "Previous comparison" },
	{ { "Space" }, ACT_MARK, "Specs",
	    "Mark or unmark the chip and move down; in a detail, page down" },
	{ { "M" }, ACT_CLEAR_MARKS, "Specs", "Clear the marks" },
	{ { "d" }, ACT_DIFF, "Specs",
	    "Diff the marked chips (2 to 4), or this chip and the next" },
	{ { "}" }, ACT_NEXT_DIFF, "Diff", "Next row that differs" },
	{ { "{" }, ACT_PREV_DIFF, "Diff", "Previous row that differs" },
	{ { "D" }, ACT_ONLY_DIFF, "Diff",
	    "Show only the rows that differ, or every row" },
	{ { "v" }, ACT_VIEW, "Calculator",
	    "Next chart: latency-throughput curve, roofline, rankings" },
	{ { "?", "F1" }, ACT_HELP, "", "Show this help" },
	{ { "C-l" }, ACT_REDRAW, "", "Redraw the screen" },
	{ { "Q" }, ACT_QUIT, "", "Quit at once" },
};

const struct keybind *
keymap_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

enum action
keymap_lookup(const char *name)
{
	size_t i, k;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		for (k = 0; k < KEYMAP_MAXKEYS && table[i].keys[k]; k++)
			if (strcmp(table[i].keys[k], name) == 0)
				return table[i].action;
	return ACT_NONE;
}
