/*
 * command.c: the language of the config file and the ':' prompt, table
 * by table: each line and what it parses to, or its exact diagnostic.
 * Also key binding (keymap_bind) and completion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "command.h"
#include "keymap.h"

struct good {
	const char	*text;
	enum cmd_where	 where;
	enum cmd_kind	 kind;
	enum action	 action;
	int		 on, force;
	const char	*arg;
	unsigned	 argcol;
};

static const struct good goods[] = {
	{ "", CMD_IN_CONFIG, CMD_EMPTY, ACT_NONE, 0, 0, NULL, 0 },
	{ "   ", CMD_IN_CONFIG, CMD_EMPTY, ACT_NONE, 0, 0, NULL, 0 },
	{ "# a comment", CMD_IN_CONFIG, CMD_EMPTY, ACT_NONE, 0, 0, NULL, 0 },
	{ "theme dark", CMD_IN_CONFIG, CMD_THEME, ACT_NONE, 0, 0, "dark", 7 },
	{ "  theme\tlight  ", CMD_IN_CONFIG, CMD_THEME, ACT_NONE, 0, 0,
	    "light", 9 },
	{ "mouse off", CMD_IN_CONFIG, CMD_MOUSE, ACT_NONE, 0, 0, "off", 7 },
	{ "mouse on", CMD_IN_CONFIG, CMD_MOUSE, ACT_NONE, 1, 0, "on", 7 },
	{ "pane specs", CMD_IN_CONFIG, CMD_PANE, ACT_NONE, 0, 0, "specs", 6 },
	{ "bind x quit", CMD_IN_CONFIG, CMD_BIND, ACT_QUIT, 0, 0, "x", 6 },
	{ "bind C-n down", CMD_IN_CONFIG, CMD_BIND, ACT_DOWN, 0, 0, "C-n", 6 },
	{ "bind F5 redraw", CMD_IN_CONFIG, CMD_BIND, ACT_REDRAW, 0, 0, "F5",
	    6 },
	{ "bind j none", CMD_IN_CONFIG, CMD_BIND, ACT_NONE, 0, 0, "j", 6 },
	{ "unbind PgDn", CMD_IN_CONFIG, CMD_BIND, ACT_NONE, 0, 0, "PgDn", 8 },
	{ "bind # find", CMD_IN_CONFIG, CMD_BIND, ACT_FIND, 0, 0, "#", 6 },
	{ "page-down", CMD_IN_PROMPT, CMD_ACTION, ACT_PAGE_DOWN, 0, 0, NULL,
	    0 },
	{ "  next-chart ", CMD_IN_PROMPT, CMD_ACTION, ACT_VIEW, 0, 0, NULL, 0 },
	{ "q", CMD_IN_PROMPT, CMD_ACTION, ACT_QUIT, 0, 0, NULL, 0 },
	{ "w out.csv", CMD_IN_PROMPT, CMD_WRITE, ACT_NONE, 0, 0, "out.csv",
	    3 },
	{ "w! my file.md  ", CMD_IN_PROMPT, CMD_WRITE, ACT_NONE, 0, 1,
	    "my file.md", 4 },
	{ "write x.json", CMD_IN_PROMPT, CMD_WRITE, ACT_NONE, 0, 0, "x.json",
	    7 },
	{ "theme mono", CMD_IN_PROMPT, CMD_THEME, ACT_NONE, 0, 0, "mono", 7 },
	{ "bind y copy", CMD_IN_PROMPT, CMD_BIND, ACT_COPY, 0, 0, "y", 6 },
};

static void
test_good(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		const struct good *g = &goods[i];
		struct cmd c;
		struct diags dl;

		diags_init(&dl);
		if (cmd_parse(g->text, g->where, "config", 3, &c, &dl) != 0)
			fail_msg("\"%s\" refused: %s", g->text, dl.v[0].msg);
		assert_int_equal(dl.n, 0);
		assert_int_equal(c.kind, g->kind);
		assert_int_equal(c.action, g->action);
		assert_int_equal(c.on, g->on);
		assert_int_equal(c.force, g->force);
		if (g->arg == NULL)
			assert_null(c.arg);
		else {
			assert_string_equal(c.arg, g->arg);
			assert_int_equal(c.argcol, g->argcol);
		}
		cmd_done(&c);
		diags_done(&dl);
	}
}

struct bad {
	const char	*text;
	enum cmd_where	 where;
	const char	*diag;
};

static const struct bad bads[] = {
	{ "colour dark", CMD_IN_CONFIG,
	    "config:3:1: error: unknown setting \"colour\"" },
	{ "thme dark", CMD_IN_CONFIG,
	    "config:3:1: error: unknown setting \"thme\" (did you mean "
	    "theme?)" },
	{ "thme dark", CMD_IN_PROMPT,
	    "config:3:1: error: unknown command or action \"thme\" "
	    "(did you mean theme?)" },
	{ "  fnd-next", CMD_IN_PROMPT,
	    "config:3:3: error: unknown command or action \"fnd-next\" "
	    "(did you mean find-next?)" },
	{ "theme", CMD_IN_CONFIG, "config:3:6: error: theme: a name is "
	    "missing" },
	{ "pane  ", CMD_IN_CONFIG, "config:3:5: error: pane: a name is "
	    "missing" },
	{ "theme dark light", CMD_IN_CONFIG, "config:3:12: error: "
	    "unexpected \"light\" at the end" },
	{ "mouse", CMD_IN_CONFIG, "config:3:6: error: mouse: on or off is "
	    "missing" },
	{ "mouse yes", CMD_IN_CONFIG, "config:3:7: error: mouse: \"yes\" is "
	    "neither on nor off" },
	{ "bind", CMD_IN_CONFIG, "config:3:5: error: bind: a key is "
	    "missing" },
	{ "bind x", CMD_IN_CONFIG, "config:3:7: error: bind: an action is "
	    "missing" },
	{ "unbind", CMD_IN_CONFIG, "config:3:7: error: unbind: a key is "
	    "missing" },
	{ "bind Ctrl-x quit", CMD_IN_CONFIG, "config:3:6: error: \"Ctrl-x\" "
	    "is not a key name (a character, C-a to C-z, F1 to F12, Up, PgDn, "
	    "Enter, Space, ...)" },
	{ "bind F13 quit", CMD_IN_CONFIG, "config:3:6: error: \"F13\" is not "
	    "a key name (a character, C-a to C-z, F1 to F12, Up, PgDn, Enter, "
	    "Space, ...)" },
	{ "bind x explode", CMD_IN_CONFIG, "config:3:8: error: unknown action "
	    "\"explode\"" },
	{ "bind x page-dwn", CMD_IN_CONFIG, "config:3:8: error: unknown "
	    "action \"page-dwn\" (did you mean page-down?)" },
	{ "bind x quit now", CMD_IN_CONFIG, "config:3:13: error: unexpected "
	    "\"now\" at the end" },
	{ "quit", CMD_IN_CONFIG, "config:3:1: error: an action (\"quit\") "
	    "works only at the : prompt; bind it to a key here" },
	{ "w out.csv", CMD_IN_CONFIG, "config:3:1: error: \"w\" works only "
	    "at the : prompt" },
	{ "w", CMD_IN_PROMPT, "config:3:2: error: w: a file name is "
	    "missing" },
	{ "w!   ", CMD_IN_PROMPT, "config:3:3: error: w: a file name is "
	    "missing" },
	{ "none", CMD_IN_PROMPT, "config:3:1: error: unknown command or "
	    "action \"none\" (did you mean pane?)" },
	{ "help now", CMD_IN_PROMPT, "config:3:6: error: unexpected \"now\" "
	    "at the end" },
	/* Data reaching a message is escaped. */
	{ "\x1b[2Jboom", CMD_IN_PROMPT, "config:3:1: error: unknown command "
	    "or action \"\\e[2Jboom\"" },
};

static void
test_bad(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		struct cmd c;
		struct diags dl;
		char *s;

		diags_init(&dl);
		if (cmd_parse(bads[i].text, bads[i].where, "config", 3, &c,
		    &dl) == 0)
			fail_msg("\"%s\" accepted", bads[i].text);
		assert_int_equal(dl.n, 1);
		s = diag_format(&dl.v[0]);
		assert_string_equal(s, bads[i].diag);
		assert_int_equal(c.kind, CMD_EMPTY);
		assert_null(c.arg);
		free(s);
		diags_done(&dl);
	}
}

static void
test_config(void **state)
{
	static const char text[] = "# accelscope config\r\n"
	    "theme light\r\n"
	    "mouse of\n"
	    "\n"
	    "bind x quit\n"
	    "bind \xff quit\n"
	    "pane specs";
	struct cmd *v = NULL;
	size_t n = 0, bad, i;
	struct diags dl;
	char *s;

	(void)state;
	diags_init(&dl);
	bad = cmd_parse_config(text, sizeof text - 1, "cfg", &v, &n, &dl);
	assert_int_equal(bad, 2);
	assert_int_equal(dl.n, 2);
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, "cfg:3:7: error: mouse: \"of\" is neither on "
	    "nor off");
	free(s);
	s = diag_format(&dl.v[1]);
	assert_string_equal(s, "cfg:6:6: error: invalid UTF-8");
	free(s);
	/* The good lines all come through, CR stripped, lines counted. */
	assert_int_equal(n, 3);
	assert_int_equal(v[0].kind, CMD_THEME);
	assert_string_equal(v[0].arg, "light");
	assert_int_equal(v[0].line, 2);
	assert_int_equal(v[1].kind, CMD_BIND);
	assert_int_equal(v[1].line, 5);
	assert_int_equal(v[2].kind, CMD_PANE);
	assert_string_equal(v[2].arg, "specs");
	for (i = 0; i < n; i++)
		cmd_done(&v[i]);
	free(v);
	diags_done(&dl);
}

static void
test_config_hostile(void **state)
{
	char big[1200];
	static const char nul[] = "theme dark\nmou\0se off\n";
	struct cmd *v = NULL;
	size_t n = 0;
	struct diags dl;
	char *s;

	(void)state;
	memset(big, 'x', sizeof big);
	diags_init(&dl);
	assert_int_equal(cmd_parse_config(big, sizeof big, "c", &v, &n, &dl),
	    1);
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, "c:1:1001: error: the line is longer than "
	    "1000 bytes");
	free(s);
	diags_done(&dl);
	assert_int_equal(n, 0);

	diags_init(&dl);
	assert_int_equal(cmd_parse_config(nul, sizeof nul - 1, "c", &v, &n,
	    &dl), 1);
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, "c:2:4: error: a NUL byte");
	free(s);
	assert_int_equal(n, 1);
	cmd_done(&v[0]);
	free(v);
	diags_done(&dl);
}

static void
test_bind(void **state)
{
	const char *k[8];
	size_t n;

	(void)state;
	keymap_reset();
	assert_int_equal(keymap_lookup("j"), ACT_DOWN);
	assert_int_equal(keymap_bind("j", ACT_QUIT), 0);
	assert_int_equal(keymap_lookup("j"), ACT_QUIT);
	/* Down still moves down; j is no longer listed for it. */
	n = keymap_keys_for(ACT_DOWN, k, 8);
	assert_int_equal(n, 1);
	assert_string_equal(k[0], "Down");
	n = keymap_keys_for(ACT_QUIT, k, 8);
	assert_int_equal(n, 2);
	assert_string_equal(k[0], "Q");
	assert_string_equal(k[1], "j");
	/* A later binding of the same key wins; none unbinds. */
	assert_int_equal(keymap_bind("j", ACT_NONE), 0);
	assert_int_equal(keymap_lookup("j"), ACT_NONE);
	assert_int_equal(keymap_keys_for(ACT_QUIT, k, 8), 1);
	assert_int_equal(keymap_bind("C-n", ACT_DOWN), 0);
	assert_int_equal(keymap_lookup("C-n"), ACT_DOWN);
	assert_int_equal(keymap_bind("Ctrl-n", ACT_DOWN), -1);
	assert_int_equal(keymap_bind("", ACT_DOWN), -1);
	assert_int_equal(keymap_bind("F0", ACT_DOWN), -1);
	keymap_reset();
	assert_int_equal(keymap_lookup("j"), ACT_DOWN);
	assert_int_equal(keymap_lookup("C-n"), ACT_NONE);
	assert_int_equal(keymap_action_by_name("page-down"), ACT_PAGE_DOWN);
	assert_int_equal(keymap_action_by_name("none"), ACT_NONE);
	assert_int_equal(keymap_action_by_name("nope"), -1);
	assert_string_equal(keymap_action_name(ACT_VIEW), "next-chart");
}

static void
check_complete(const char *text, size_t want_start, const char *want)
{
	static const char *const themes[] = { "dark", "default", "light" };
	static const char *const panes[] = { "matrix", "specs" };
	size_t n, start, i;
	char **v = cmd_complete(text, themes, 3, panes, 2, &n, &start);
	char got[512] = "";

	for (i = 0; i < n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, v[i]);
		free(v[i]);
	}
	free(v);
	if (strcmp(got, want) != 0)
		fail_msg("complete \"%s\": got \"%s\", want \"%s\"", text, got,
		    want);
	assert_int_equal(start, want_start);
}

static void
test_complete(void **state)
{
	char *v[] = { "page-down", "page-up", "pane" };

	(void)state;
	check_complete("th", 0, "theme");
	check_complete("pa", 0, "page-down page-up pane pane-calculator "
	    "pane-diff pane-matrix pane-scenarios pane-sources pane-specs");
	check_complete("find-", 0, "find-next find-prev");
	check_complete("theme ", 6, "dark default light");
	check_complete("theme d", 6, "dark default");
	check_complete("pane s", 5, "specs");
	check_complete("mouse ", 6, "off on");
	check_complete("bind x next-", 7, "next-chart next-comparison "
	    "next-diff next-pane next-theme");
	check_complete("bind x no", 7, "none");
	check_complete("zzz", 0, "");
	check_complete("theme dark ", 11, "");
	assert_int_equal(cmd_common_prefix(v, 3), 2);
	assert_int_equal(cmd_common_prefix(v, 2), 5);
	assert_int_equal(cmd_common_prefix(v, 1), 9);
	assert_int_equal(cmd_common_prefix(v, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_config_hostile),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
