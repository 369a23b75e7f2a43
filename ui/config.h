/*
 * The user's config file, $XDG_CONFIG_HOME/accelscope/config (by default
 * ~/.config/accelscope/config): the command language of command.h, one
 * setting per line.  Bindings take effect as it is read; the rest is
 * handed back for the explorer, where the command line overrides it.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include "diag.h"

struct config {
	char	*path;		/* the file read, or NULL: none; owned */
	char	*theme;		/* theme NAME, or NULL; owned */
	unsigned theme_line, theme_col;	/* where, for errors */
	int	 mouse;		/* 1, 0, or -1: not set */
	int	 pane;		/* pane NAME as an index, or -1 */
};

/*
 * Read the config file if there is one.  Every problem goes to dl as
 * file:line:col; the good lines still apply.  Returns the number of
 * problems.  config_done() frees c.
 */
size_t config_load(struct config *c, struct diags *dl);
void config_done(struct config *c);

/*
 * $XDG_CONFIG_HOME/accelscope (default ~/.config/accelscope), where the
 * config file and user themes are, and the config file's path in it
 * (neither need exist).  Caller frees.
 */
char *config_dir(void);
char *config_path(void);

#endif
