/*
 * The command line: the global options, then a subcommand or the explorer.
 * Separate from main() so the argument fuzzer can drive it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "tui.h"

static const struct {
	const char	*name;
	int		(*fn)(struct cli_global *, int, char **);
} commands[] = {
	{ "list", cli_list },
	{ "view", cli_view },
	{ "show", cli_show },
	{ "diff", cli_diff },
	{ "calc", cli_calc },
	{ "rank", cli_rank },
	{ "validate", cli_validate },
	{ "check", cli_check },
	{ "theme", cli_theme },
};

/*
 * The value of option name at argv[*a], given as "name VALUE" or
 * "name=VALUE", with *a moved past it; NULL, *a kept, if it is not there.
 */
static const char *
option_value(int argc, char **argv, int *a, const char *name)
{
	size_t n = strlen(name);

	if (strcmp(argv[*a], name) == 0 && *a + 1 < argc) {
		*a += 2;
		return argv[*a - 1];
	}
	if (strncmp(argv[*a], name, n) == 0 && argv[*a][n] == '=')
		return argv[(*a)++] + n + 1;
	return NULL;
}

int
cli_main(int argc, char **argv)
{
	struct cli_global g = { NULL, "accelscope", NULL };
	struct tui_opts o;
	size_t i, len;
	int a = 1, k;
	const char *v;

	memset(&o, 0, sizeof o);
	o.mouse = -1;
	g.tui = &o;
	/* Global options come before the subcommand. */
	while (a < argc && argv[a][0] == '-') {
		if (strcmp(argv[a], "--help") == 0 ||
		    strcmp(argv[a], "-h") == 0) {
			cli_usage(stdout);
			return 0;
		}
		if (strcmp(argv[a], "--version") == 0) {
			printf("accelscope %s\n", VERSION);
			return 0;
		}
		if ((v = option_value(argc, argv, &a, "--data")) != NULL)
			g.data = v;
		else if ((v = option_value(argc, argv, &a, "--pane")) != NULL)
			o.pane = v;
		else if ((v = option_value(argc, argv, &a, "--filter")) !=
		    NULL)
			o.filter = v;
		else if ((v = option_value(argc, argv, &a, "--theme")) != NULL)
			o.theme = v;
		else if (strcmp(argv[a], "--no-mouse") == 0) {
			o.mouse = 0;
			a++;
		} else if (strcmp(argv[a], "--data") == 0 ||
		    strcmp(argv[a], "--pane") == 0 ||
		    strcmp(argv[a], "--filter") == 0 ||
		    strcmp(argv[a], "--theme") == 0) {
			cli_errorf("accelscope: %s needs a value\n"
			    "Try 'accelscope --help'.\n", argv[a]);
			return 2;
		} else {
			cli_errorf("accelscope: unknown option %s\n"
			    "Try 'accelscope --help'.\n", argv[a]);
			return 2;
		}
	}
	if (a == argc)
		return cli_explore(&g, &o);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[a], commands[i].name) != 0)
			continue;
		/* accelscope calc --help: the usage, which covers each. */
		for (k = a + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
			if (strcmp(argv[k], "--help") == 0 ||
			    strcmp(argv[k], "-h") == 0) {
				cli_usage(stdout);
				return 0;
			}
		return commands[i].fn(&g, argc - a, argv + a);
	}
	/* accelscope FILE.csv is accelscope view FILE.csv. */
	len = strlen(argv[a]);
	if ((len > 4 && strcasecmp(argv[a] + len - 4, ".csv") == 0) ||
	    strchr(argv[a], '/') != NULL || access(argv[a], F_OK) == 0) {
		/* cli_view() skips its argv[0], whatever it is. */
		return cli_view(&g, argc - a + 1, argv + a - 1);
	}
	cli_errorf("accelscope: unknown command \"%s\"\n"
	    "Try 'accelscope --help'.\n", argv[a]);
	return 2;
}
