/*
 * Fuzz the command language: the input as a config file
 * (cmd_parse_config()), each of its lines as a config line and as a line
 * typed at the : prompt (cmd_parse()), and the input up to a NUL as the
 * prompt's text to complete (cmd_complete()).
 *
 * Checked: every bad line is one error, on its line; the config file
 * yields no prompt-only command; a command that takes a name has one; the
 * candidates of a completion begin with the word completed, which is the
 * last word of the text, and come sorted and unique.
 */
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "command.h"
#include "fuzz.h"
#include "theme.h"

static const char *const panes[] = {
	"matrix", "scenarios", "specs", "diff", "calculator", "sources"
};
#define NPANES (sizeof panes / sizeof panes[0])

static const char *const *themes;
static size_t nthemes;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	themes = theme_bundled_names(&nthemes);
	return 0;
}

static void
check_cmd(const struct cmd *c, enum cmd_where where)
{
	switch (c->kind) {
	case CMD_EMPTY:
		if (c->arg != NULL)
			fuzz_fail("an empty line with an argument");
		break;
	case CMD_ACTION:
		if (where == CMD_IN_CONFIG)
			fuzz_fail("an action in the config file");
		break;
	case CMD_WRITE:
		if (where == CMD_IN_CONFIG)
			fuzz_fail("w in the config file");
		/* FALLTHROUGH */
	case CMD_THEME:
	case CMD_MOUSE:
	case CMD_PANE:
	case CMD_BIND:
		if (c->arg == NULL || c->argcol < 1)
			fuzz_fail("command %d without its argument", c->kind);
		break;
	default:
		fuzz_fail("command kind %d", c->kind);
	}
}

static void
config(const char *text, size_t len)
{
	struct cmd *v = NULL;
	struct diags dl;
	size_t n = 0, bad, i, lines = 0;

	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	lines += len > 0 && text[len - 1] != '\n';
	diags_init(&dl);
	bad = cmd_parse_config(text, len, "fuzz.config", &v, &n, &dl);
	if (bad != dl.errors || bad != dl.n)
		fuzz_fail("%zu bad lines, %zu errors, %zu diagnostics", bad,
		    dl.errors, dl.n);
	if (n + bad > lines)
		fuzz_fail("%zu commands and %zu bad lines from %zu lines", n,
		    bad, lines);
	for (i = 0; i < dl.n; i++) {
		if (dl.v[i].line < 1 || dl.v[i].line > lines)
			fuzz_fail("an error on line %u of %zu", dl.v[i].line,
			    lines);
		free(diag_format(&dl.v[i]));
	}
	for (i = 0; i < n; i++) {
		if (v[i].kind == CMD_EMPTY)
			fuzz_fail("an empty command kept");
		check_cmd(&v[i], CMD_IN_CONFIG);
		cmd_done(&v[i]);
	}
	free(v);
	diags_done(&dl);
}

static void
line(const char *s, enum cmd_where where)
{
	struct diags dl;
	struct cmd c;

	diags_init(&dl);
	if (cmd_parse(s, where, "fuzz", 7, &c, &dl) == 0) {
		if (dl.n != 0)
			fuzz_fail("parsed with %zu diagnostics", dl.n);
		check_cmd(&c, where);
	} else {
		if (dl.n != 1 || dl.v[0].line != 7)
			fuzz_fail("failed with %zu diagnostics", dl.n);
		if (c.kind != CMD_EMPTY || c.arg != NULL)
			fuzz_fail("failed, leaving a command");
		free(diag_format(&dl.v[0]));
	}
	cmd_done(&c);
	diags_done(&dl);
}

static void
complete(const char *text)
{
	size_t n, start, i, len = strlen(text), p;
	char **v;

	v = cmd_complete(text, themes, nthemes, panes, NPANES, &n, &start);
	if (start > len)
		fuzz_fail("completing from %zu of %zu", start, len);
	if (n > 0 && (strchr(text + start, ' ') != NULL ||
	    strchr(text + start, '\t') != NULL))
		fuzz_fail("completing \"%s\", not the last word",
		    text + start);
	p = cmd_common_prefix(v, n);
	for (i = 0; i < n; i++) {
		if (strncmp(v[i], text + start, len - start) != 0)
			fuzz_fail("\"%s\" does not complete \"%s\"", v[i],
			    text + start);
		if (i > 0 && strcmp(v[i - 1], v[i]) >= 0)
			fuzz_fail("candidates not sorted and unique");
		if (strlen(v[i]) < p || strncmp(v[i], v[0], p) != 0)
			fuzz_fail("common prefix %zu too long", p);
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	char *s = malloc(size + 1);
	size_t pos, end;

	if (s == NULL)
		return 0;
	config(text, size);
	/* Each line alone, up to a NUL. */
	for (pos = 0; pos < size; pos = end + 1) {
		for (end = pos; end < size && text[end] != '\n'; end++)
			;
		memcpy(s, text + pos, end - pos);
		s[end - pos] = '\0';
		line(s, CMD_IN_CONFIG);
		line(s, CMD_IN_PROMPT);
	}
	memcpy(s, text, size);
	s[size] = '\0';
	complete(s);
	free(s);
	return 0;
}
