/*
 * Commands: one line of the config file or of the explorer's ':' prompt,
 * parsed into a struct cmd the explorer applies.  The two share one
 * language, so whatever the config file can say can be tried live first:
 *
 *	theme NAME		use a colour theme
 *	mouse on|off		mouse clicks and wheel
 *	pane NAME		the pane the explorer opens on (config)
 *	bind KEY ACTION		run ACTION on KEY ("none" unbinds)
 *	unbind KEY		the same as bind KEY none
 *	w FILE, w! FILE		write the current view (prompt only)
 *	ACTION			run any action of the key table (prompt only)
 *
 * Names the core cannot check (themes, panes) are checked by the caller,
 * which gets their column for its diagnostic.
 */
#ifndef COMMAND_H
#define COMMAND_H

#include <stddef.h>

#include "diag.h"
#include "keymap.h"

enum cmd_kind {
	CMD_EMPTY,	/* a blank line or a comment */
	CMD_ACTION,
	CMD_THEME,
	CMD_MOUSE,
	CMD_PANE,
	CMD_BIND,
	CMD_WRITE
};

/* Where a line comes from: which commands it may hold. */
enum cmd_where {
	CMD_IN_CONFIG,
	CMD_IN_PROMPT
};

struct cmd {
	enum cmd_kind	 kind;
	enum action	 action;	/* CMD_ACTION, CMD_BIND */
	int		 on;		/* CMD_MOUSE */
	int		 force;		/* CMD_WRITE: w! */
	char		*arg;		/* theme, pane, file or key; owned */
	unsigned	 line;		/* where it was: for the caller's */
	unsigned	 argcol;	/* diagnostics about arg */
};

/*
 * Parse one line (no newline).  file and line position diagnostics
 * (file may be NULL).  Returns 0 with *c filled (cmd_done() frees it), or
 * -1 with one positioned error in dl and *c empty.
 */
int cmd_parse(const char *text, enum cmd_where where, const char *file,
    unsigned line, struct cmd *c, struct diags *dl);
void cmd_done(struct cmd *c);

/*
 * Parse a config file's text (len bytes; NULs and invalid UTF-8 are
 * errors).  Every good line's command is appended to *v (a growing array
 * of *n; the caller frees each with cmd_done() and then the array);
 * every bad line adds a diagnostic to dl and is skipped.  Returns the
 * number of bad lines.
 */
size_t cmd_parse_config(const char *text, size_t len, const char *file,
    struct cmd **v, size_t *n, struct diags *dl);

/*
 * Complete the last word of text as the prompt would: command words and
 * action names first, then a theme or pane name, a mouse setting, or the
 * action of a bind.  themes and panes are the names to offer for those.
 * Returns the candidates, sorted and unique (caller frees each and the
 * array), their number in *n, and in *start the byte offset where the
 * word being completed begins.
 */
char **cmd_complete(const char *text, const char *const *themes,
    size_t nthemes, const char *const *panes, size_t npanes, size_t *n,
    size_t *start);

/* The longest common prefix of v[0..n), in bytes. */
size_t cmd_common_prefix(char *const *v, size_t n);

#endif
