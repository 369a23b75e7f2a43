/*
 * Whether the explorer can draw on this terminal; see tui.h.  Apart from
 * the rest of the explorer because <term.h> defines macros (lines, tab,
 * status) that clash with ordinary names.
 */
#include <stdlib.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "tui.h"
#include "utf8.h"
#include "xmalloc.h"

char *
tui_unusable(void)
{
	const char *term = getenv("TERM");
	char *cup, *e, *r = NULL;
	int err = 0;

	e = text_escape(term != NULL ? term : "");
	if (term == NULL || *term == '\0' ||
	    setupterm(NULL, STDOUT_FILENO, &err) != OK)
		r = xasprintf("the terminal type \"%s\" is unknown here; set "
		    "TERM to your terminal's (xterm-256color, say), or use the "
		    "subcommands (accelscope --help)", e);
	else {
		cup = tigetstr("cup");
		del_curterm(cur_term);
		cur_term = NULL;
		if (cup == NULL || cup == (char *)-1)
			r = xasprintf("the terminal \"%s\" cannot move the "
			    "cursor, which the explorer needs; use the "
			    "subcommands (accelscope list, show, calc; see "
			    "accelscope --help)", e);
	}
	free(e);
	return r;
}

int
tui_colours(int *direct)
{
	const char *nc = getenv("NO_COLOR");
	int err = 0, n;

	*direct = 0;
	if (nc != NULL && *nc != '\0')
		return 0;
	if (getenv("TERM") == NULL || setupterm(NULL, STDOUT_FILENO, &err) !=
	    OK)
		return 0;
	n = tigetnum("colors");
	del_curterm(cur_term);
	cur_term = NULL;
	if (n < 0)
		n = 0;
	*direct = n >= 0x1000000;
	return n;
}
