/*
 * Reading the config file; see config.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "command.h"
#include "tui.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAX_CONFIG	(1 << 20)

char *
config_dir(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x != NULL && *x == '/')
		return xasprintf("%s/accelscope", x);
	return xasprintf("%s/.config/accelscope", h != NULL ? h : "");
}

char *
config_path(void)
{
	char *d = config_dir(), *p = xasprintf("%s/config", d);

	free(d);
	return p;
}

/* The whole file, or NULL with a diagnostic (none when it is absent). */
static char *
slurp(const char *path, size_t *len, struct diags *dl)
{
	struct stat st;
	char *text, *why, *e;

	if (stat(path, &st) != 0 && errno == ENOENT)
		return NULL;
	if ((text = buf_read_file(path, MAX_CONFIG, len, &why)) == NULL) {
		e = text_escape(path);
		diags_add(dl, DIAG_ERROR, e, 0, 0, "%s; ignored", why);
		free(e);
		free(why);
	}
	return text;
}

size_t
config_load(struct config *c, struct diags *dl)
{
	struct cmd *v = NULL;
	size_t n = 0, len = 0, i;
	size_t before = dl->n;
	char *text, *file;

	memset(c, 0, sizeof *c);
	c->mouse = -1;
	c->pane = -1;
	c->path = config_path();
	if ((text = slurp(c->path, &len, dl)) == NULL)
		return dl->n - before;
	file = text_escape(c->path);
	/* Bad lines go to dl; the good ones apply. */
	cmd_parse_config(text, len, file, &v, &n, dl);
	for (i = 0; i < n; i++) {
		struct cmd *k = &v[i];

		switch (k->kind) {
		case CMD_THEME:
			free(c->theme);
			c->theme = xstrdup(k->arg);
			c->theme_line = k->line;
			c->theme_col = k->argcol;
			break;
		case CMD_MOUSE:
			c->mouse = k->on;
			break;
		case CMD_PANE:
			if ((c->pane = tui_pane_by_name(k->arg)) < 0) {
				char *e = text_escape(k->arg);

				diags_add(dl, DIAG_ERROR, file, k->line,
				    k->argcol, "unknown pane \"%s\" (panes: "
				    "%s)", e, tui_pane_names());
				free(e);
			}
			break;
		case CMD_BIND:
			if (keymap_bind(k->arg, k->action) != 0)
				diags_add(dl, DIAG_ERROR, file, k->line,
				    k->argcol, "more than %d keys rebound",
				    KEYMAP_MAXBINDS);
			break;
		default:
			break;
		}
		cmd_done(k);
	}
	free(v);
	free(file);
	free(text);
	return dl->n - before;
}

void
config_done(struct config *c)
{
	free(c->path);
	free(c->theme);
	memset(c, 0, sizeof *c);
}
