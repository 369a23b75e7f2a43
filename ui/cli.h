/*
 * The subcommands: each takes the arguments after its name and returns the
 * exit status (0 success, 1 data problems found, 2 usage error).
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "xmalloc.h"

struct tui_opts;
struct cli_global {
	const char	*data;		/* --data DIR, or NULL */
	const char	*prog;		/* "accelscope" */
	const struct tui_opts *tui;	/* the explorer's global options */
};

struct dataset;
struct diags;

/*
 * Load the dataset the options name: data (or --data), else
 * $ACCELSCOPE_DATA, else the bundled one; then the user's additions.
 * Every problem goes to dl.  NULL when nothing could be loaded.
 */
struct dataset *cli_load(struct cli_global *g, const char *data,
    struct diags *dl);
/* A filter's diagnostics, each with the expression and a caret line. */
void cli_print_filter_error(const char *expr, const struct diags *dl);
/*
 * printf to stderr with control characters made visible: messages quote
 * what the user or the data said, which must not drive the terminal.
 */
void cli_errorf(const char *fmt, ...) PRINTFLIKE(1, 2);
/* Print each diagnostic on stderr. */
void cli_print_diags(const struct diags *dl);

/*
 * The explorer, on a terminal; pane is --pane NAME, filter --filter EXPR,
 * each or NULL.
 */
struct tui_opts;
int cli_explore(struct cli_global *g, struct tui_opts *o);
int cli_list(struct cli_global *g, int argc, char **argv);
int cli_view(struct cli_global *g, int argc, char **argv);
int cli_show(struct cli_global *g, int argc, char **argv);
int cli_diff(struct cli_global *g, int argc, char **argv);
int cli_calc(struct cli_global *g, int argc, char **argv);
int cli_rank(struct cli_global *g, int argc, char **argv);
int cli_validate(struct cli_global *g, int argc, char **argv);
int cli_check(struct cli_global *g, int argc, char **argv);
int cli_theme(struct cli_global *g, int argc, char **argv);
void cli_usage(FILE *fp);
/*
 * The whole command line, argv[0] included: global options, then a
 * subcommand or the explorer.  Returns the exit status.
 */
int cli_main(int argc, char **argv);

#endif
