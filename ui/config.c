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
config_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x != NULL && *x == '/')
		return xasprintf("%s/accelscope/config", x);
	return xasprintf("%s/.config/accelscope/config", h != NULL ? h : "");
}

/* The whole file, or NULL with a diagnostic (none when it is absent). */
static char *
slurp(const char *path, size_t *len, struct diags *dl)
{
	struct stat st;
	struct buf b;
	FILE *fp;
	char chunk[4096];
	size_t n;
	char *e;

	if (stat(path, &st) != 0 && errno == ENOENT)
		return NULL;
	e = text_escape(path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diags_add(dl, DIAG_ERROR, e, 0, 0, "%s", "not a regular file; "
		    "ignored");
		free(e);
		return NULL;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		diags_add(dl, DIAG_ERROR, e, 0, 0, "cannot read: %s; ignored",
		    strerror(errno));
		free(e);
		return NULL;
	}
	buf_init(&b);
	buf_puts(&b, "");
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + n > MAX_CONFIG) {
			diags_add(dl, DIAG_ERROR, e, 0, 0, "larger than %d "
			    "bytes; ignored", MAX_CONFIG);
			fclose(fp);
			buf_done(&b);
			free(e);
			return NULL;
		}
		buf_putn(&b, chunk, n);
	}
	fclose(fp);
	free(e);
	*len = b.len;
	return b.s;
}

size_t
config_load(struct config *c, struct diags *dl)
{
	struct cmd *v = NULL;
	size_t n = 0, len = 0, i, bad;
	size_t before = dl->n;
	char *text, *file;

	memset(c, 0, sizeof *c);
	c->mouse = -1;
	c->pane = -1;
	c->path = config_path();
	if ((text = slurp(c->path, &len, dl)) == NULL)
		return dl->n - before;
	file = text_escape(c->path);
	bad = cmd_parse_config(text, len, file, &v, &n, dl);
	(void)bad;
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
