/*
 * The command language of the config file and the ':' prompt; see
 * command.h.
 */
#include "command.h"

#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAXWORDS	4
#define MAXLINE		1000

/* The command words; w last, as it is not for the config file. */
static const char *const words[] = {
	"bind", "mouse", "pane", "theme", "unbind", "w",
};
#define NWORDS	(sizeof words / sizeof words[0])

struct word {
	const char	*s;
	size_t		 len;
	unsigned	 col;	/* 1-based, in characters */
};

/* Split text at blanks; the last word keeps the rest of the line when
   rest is set (a file name may hold spaces).  Returns the word count. */
static size_t
split(const char *text, struct word *w, size_t max)
{
	size_t n = 0, i = 0;

	while (text[i] != '\0' && n < max) {
		while (text[i] == ' ' || text[i] == '\t')
			i++;
		if (text[i] == '\0')
			break;
		w[n].s = text + i;
		w[n].col = (unsigned)utf8_chars(text, i) + 1;
		while (text[i] != '\0' && text[i] != ' ' && text[i] != '\t')
			i++;
		w[n].len = (size_t)(text + i - w[n].s);
		n++;
	}
	return n;
}

static int
is(const struct word *w, const char *s)
{
	return w->len == strlen(s) && strncmp(w->s, s, w->len) == 0;
}

static char *
dup_word(const struct word *w)
{
	char *s = xmalloc(w->len + 1);

	memcpy(s, w->s, w->len);
	s[w->len] = '\0';
	return s;
}

/* The action names of the key table, for suggestions and completion. */
static const char **
action_names(size_t *n)
{
	const struct keybind *k = keymap_table(n);
	const char **v = xcalloc(*n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < *n; i++)
		v[i] = k[i].name;
	return v;
}

static void
error_at(struct diags *dl, const char *file, unsigned line, unsigned col,
    const char *msg, const char *arg)
{
	char *e = text_escape(arg != NULL ? arg : "");

	diags_add(dl, DIAG_ERROR, file, line, col, msg, e);
	free(e);
}

/*
 * An unknown word, with a suggestion when one is near: from the command
 * words (but w) when words is set, from the action names when actions is.
 */
static void
unknown(struct diags *dl, const char *file, unsigned line,
    const struct word *w, const char *what, int words_too, int actions)
{
	size_t n, i;
	const char **names = action_names(&n);
	const char **cand = xcalloc(n + NWORDS, sizeof *cand);
	char *s = dup_word(w), *e = text_escape(s);
	const char *near;

	if (actions)
		for (i = 0; i < n; i++)
			cand[i] = names[i];
	else
		n = 0;
	if (words_too)
		for (i = 0; i < NWORDS - 1; i++)
			cand[n++] = words[i];
	near = suggest(s, cand, n);
	if (near != NULL)
		diags_add(dl, DIAG_ERROR, file, line, w->col,
		    "unknown %s \"%s\" (did you mean %s?)", what, e, near);
	else
		diags_add(dl, DIAG_ERROR, file, line, w->col,
		    "unknown %s \"%s\"", what, e);
	free(e);
	free(s);
	free(cand);
	free(names);
}

int
cmd_parse(const char *text, enum cmd_where where, const char *file,
    unsigned line, struct cmd *c, struct diags *dl)
{
	struct word w[MAXWORDS + 1];
	size_t n, want;
	int a;
	char *s;

	memset(c, 0, sizeof *c);
	c->line = line;
	n = split(text, w, MAXWORDS + 1);
	if (n == 0 || w[0].s[0] == '#')
		return 0;
	if (is(&w[0], "w") || is(&w[0], "w!") || is(&w[0], "write") ||
	    is(&w[0], "write!")) {
		const char *rest;
		size_t len;

		if (where == CMD_IN_CONFIG) {
			error_at(dl, file, line, w[0].col, "\"%s\" works "
			    "only at the : prompt", "w");
			return -1;
		}
		if (n < 2) {
			diags_add(dl, DIAG_ERROR, file, line, w[0].col +
			    (unsigned)w[0].len, "%s", "w: a file name is "
			    "missing");
			return -1;
		}
		/* The file is the rest of the line, blanks and all. */
		rest = w[1].s;
		len = strlen(rest);
		while (len > 0 && (rest[len - 1] == ' ' ||
		    rest[len - 1] == '\t'))
			len--;
		c->kind = CMD_WRITE;
		c->force = w[0].s[w[0].len - 1] == '!';
		c->arg = xmalloc(len + 1);
		memcpy(c->arg, rest, len);
		c->arg[len] = '\0';
		c->argcol = w[1].col;
		return 0;
	}
	if (is(&w[0], "theme") || is(&w[0], "pane") || is(&w[0], "mouse")) {
		c->kind = w[0].s[0] == 't' ? CMD_THEME : w[0].s[0] == 'p' ?
		    CMD_PANE : CMD_MOUSE;
		want = 2;
	} else if (is(&w[0], "bind")) {
		c->kind = CMD_BIND;
		want = 3;
	} else if (is(&w[0], "unbind")) {
		c->kind = CMD_BIND;
		want = 2;
	} else {
		s = dup_word(&w[0]);
		a = is(&w[0], "q") ? ACT_QUIT : keymap_action_by_name(s);
		free(s);
		if (a < 0 || a == ACT_NONE || where == CMD_IN_CONFIG) {
			if (where == CMD_IN_CONFIG && a > 0)
				error_at(dl, file, line, w[0].col, "an action "
				    "(\"%s\") works only at the : prompt; "
				    "bind it to a key here", keymap_action_name(
				    (enum action)a));
			else
				unknown(dl, file, line, &w[0], where ==
				    CMD_IN_CONFIG ? "setting" :
				    "command or action", 1, where ==
				    CMD_IN_PROMPT);
			memset(c, 0, sizeof *c);
			return -1;
		}
		c->kind = CMD_ACTION;
		c->action = (enum action)a;
		want = 1;
	}
	if (n < want) {
		static const char *const what[] = { "", "a key",
		    "an action" };
		char *cmdw = dup_word(&w[0]);
		unsigned col = w[n - 1].col + (unsigned)utf8_chars(w[n - 1].s,
		    w[n - 1].len);

		if (c->kind == CMD_THEME || c->kind == CMD_PANE)
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s: a name is missing", cmdw);
		else if (c->kind == CMD_MOUSE)
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s", "mouse: on or off is missing");
		else
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s: %s is missing", cmdw, what[n]);
		free(cmdw);
		memset(c, 0, sizeof *c);
		return -1;
	}
	if (n > want) {
		char *x = dup_word(&w[want]);

		error_at(dl, file, line, w[want].col, "unexpected \"%s\" at "
		    "the end", x);
		free(x);
		memset(c, 0, sizeof *c);
		return -1;
	}
	if (c->kind == CMD_ACTION)
		return 0;
	c->arg = dup_word(&w[1]);
	c->argcol = w[1].col;
	switch (c->kind) {
	case CMD_MOUSE:
		if (strcmp(c->arg, "on") == 0)
			c->on = 1;
		else if (strcmp(c->arg, "off") != 0) {
			error_at(dl, file, line, w[1].col, "mouse: \"%s\" is "
			    "neither on nor off", c->arg);
			cmd_done(c);
			return -1;
		}
		break;
	case CMD_BIND:
		if (!keymap_key_valid(c->arg)) {
			error_at(dl, file, line, w[1].col, "\"%s\" is not a "
			    "key name (a character, C-a to C-z, F1 to F12, "
			    "Up, PgDn, Enter, Space, ...)", c->arg);
			cmd_done(c);
			return -1;
		}
		if (want == 2) {
			c->action = ACT_NONE;
			break;
		}
		s = dup_word(&w[2]);
		a = keymap_action_by_name(s);
		free(s);
		if (a < 0) {
			unknown(dl, file, line, &w[2], "action", 0, 1);
			cmd_done(c);
			return -1;
		}
		c->action = (enum action)a;
		break;
	default:
		break;
	}
	return 0;
}

void
cmd_done(struct cmd *c)
{
	free(c->arg);
	memset(c, 0, sizeof *c);
}

size_t
cmd_parse_config(const char *text, size_t len, const char *file,
    struct cmd **v, size_t *n, struct diags *dl)
{
	size_t pos = 0, bad = 0, cap = *n, end, off;
	unsigned line = 0;
	struct cmd c;
	char *l;

	while (pos < len) {
		line++;
		for (end = pos; end < len && text[end] != '\n'; end++)
			;
		l = xmalloc(end - pos + 1);
		memcpy(l, text + pos, end - pos);
		l[end - pos] = '\0';
		if (end > pos && l[end - pos - 1] == '\r')
			l[end - pos - 1] = '\0';
		if (end - pos > MAXLINE) {
			diags_add(dl, DIAG_ERROR, file, line, MAXLINE + 1,
			    "the line is longer than %d bytes", MAXLINE);
			bad++;
		} else if (!utf8_valid(text + pos, end - pos, &off)) {
			diags_add(dl, DIAG_ERROR, file, line,
			    (unsigned)utf8_chars(text + pos, off) + 1, "%s",
			    text[pos + off] == '\0' ? "a NUL byte" :
			    "invalid UTF-8");
			bad++;
		} else if (cmd_parse(l, CMD_IN_CONFIG, file, line, &c,
		    dl) != 0)
			bad++;
		else if (c.kind != CMD_EMPTY) {
			if (*n == cap) {
				cap = cap ? 2 * cap : 8;
				*v = xreallocarray(*v, cap, sizeof **v);
			}
			(*v)[(*n)++] = c;
		}
		free(l);
		pos = end + 1;
	}
	return bad;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the names in cand that begin with prefix. */
static void
offer(char ***v, size_t *n, const char *const *cand, size_t ncand,
    const char *prefix, size_t plen)
{
	size_t i;

	for (i = 0; i < ncand; i++)
		if (strncmp(cand[i], prefix, plen) == 0) {
			*v = xreallocarray(*v, *n + 1, sizeof **v);
			(*v)[(*n)++] = xstrdup(cand[i]);
		}
}

char **
cmd_complete(const char *text, const char *const *themes, size_t nthemes,
    const char *const *panes, size_t npanes, size_t *n, size_t *start)
{
	static const char *const onoff[] = { "off", "on" };
	struct word w[MAXWORDS + 1];
	size_t nw, len = strlen(text), i, k, plen, nnames;
	const char *prefix;
	const char **names;
	char **v = NULL;

	*n = 0;
	nw = split(text, w, MAXWORDS + 1);
	/* A blank at the end starts a new word. */
	if (nw == 0 || (len > 0 && (text[len - 1] == ' ' ||
	    text[len - 1] == '\t'))) {
		prefix = text + len;
		k = nw;
	} else {
		prefix = w[nw - 1].s;
		k = nw - 1;
	}
	*start = (size_t)(prefix - text);
	plen = strlen(prefix);
	names = action_names(&nnames);
	if (k == 0) {
		offer(&v, n, words, NWORDS, prefix, plen);
		offer(&v, n, names, nnames, prefix, plen);
	} else if (k == 1 && is(&w[0], "theme"))
		offer(&v, n, themes, nthemes, prefix, plen);
	else if (k == 1 && is(&w[0], "pane"))
		offer(&v, n, panes, npanes, prefix, plen);
	else if (k == 1 && is(&w[0], "mouse"))
		offer(&v, n, onoff, 2, prefix, plen);
	else if (k == 2 && is(&w[0], "bind")) {
		static const char *const none[] = { "none" };

		offer(&v, n, names, nnames, prefix, plen);
		offer(&v, n, none, 1, prefix, plen);
	}
	free(names);
	if (*n > 1) {
		qsort(v, *n, sizeof *v, cmp_str);
		for (i = k = 1; i < *n; i++)
			if (strcmp(v[i], v[k - 1]) == 0)
				free(v[i]);
			else
				v[k++] = v[i];
		*n = k;
	}
	return v;
}

size_t
cmd_common_prefix(char *const *v, size_t n)
{
	size_t len, i;

	if (n == 0)
		return 0;
	len = strlen(v[0]);
	for (i = 1; i < n; i++) {
		size_t k = 0;

		while (k < len && v[i][k] == v[0][k])
			k++;
		len = k;
	}
	return len;
}
