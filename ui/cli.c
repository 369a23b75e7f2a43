/*
 * The command-line subcommands: thin views over the core.  Each parses its
 * options, loads the dataset, builds a grid (view.c), formats it (grid.c)
 * and writes it out.  Diagnostics go to stderr as file:line:col.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "buf.h"
#include "calc.h"
#include "dataset.h"
#include "diff.h"
#include "filter.h"
#include "grid.h"
#include "table.h"
#include "utf8.h"
#include "theme.h"
#include "themes.h"
#include "tui.h"
#include "view.h"
#include "xmalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void
cli_errorf(const char *fmt, ...)
{
	va_list ap;
	char *m, *e;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	e = text_escape_lines(m);
	fputs(e, stderr);
	free(e);
	free(m);
}

/* One option a subcommand takes. */
struct opt {
	const char	*name;		/* "sort", for --sort */
	int		 has_arg;
	const char	*value;		/* set by opts_parse */
	int		 seen;
};

/*
 * Whether s is one of opts, "--name" or "--name=...": then it is not the
 * value of the option before it (calc --hw --model x).
 */
static int
names_opt(const char *s, const struct opt *opts, size_t nopts)
{
	size_t i, n;

	if (strncmp(s, "--", 2) != 0)
		return 0;
	for (i = 0; i < nopts; i++) {
		n = strlen(opts[i].name);
		if (strncmp(s + 2, opts[i].name, n) == 0 &&
		    (s[2 + n] == '\0' || s[2 + n] == '='))
			return 1;
	}
	return 0;
}

/*
 * Parse argv[1..argc) against opts; positional arguments go to pos (at most
 * maxpos).  Returns the number of positionals, or -1 after a message.
 */
static int
opts_parse(const char *cmd, int argc, char **argv, struct opt *opts,
    size_t nopts, char **pos, int maxpos)
{
	int a, npos = 0, only_pos = 0;
	size_t i, len;

	for (a = 1; a < argc; a++) {
		const char *arg = argv[a], *eq;

		if (only_pos || arg[0] != '-' || arg[1] == '\0') {
			if (npos == maxpos) {
				cli_errorf("accelscope %s: unexpected "
				    "argument \"%s\"\n", cmd, arg);
				return -1;
			}
			pos[npos++] = argv[a];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strncmp(arg, "--", 2) != 0) {
			cli_errorf("accelscope %s: unknown option %s\n",
			    cmd, arg);
			return -1;
		}
		arg += 2;
		eq = strchr(arg, '=');
		len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
		for (i = 0; i < nopts; i++)
			if (strlen(opts[i].name) == len &&
			    strncmp(opts[i].name, arg, len) == 0)
				break;
		if (i == nopts) {
			cli_errorf("accelscope %s: unknown option --%.*s\n"
			    "Try 'accelscope --help'.\n", cmd, (int)len, arg);
			return -1;
		}
		opts[i].seen = 1;
		if (!opts[i].has_arg) {
			if (eq != NULL) {
				cli_errorf("accelscope %s: --%s takes no "
				    "value\n", cmd, opts[i].name);
				return -1;
			}
			continue;
		}
		if (eq != NULL)
			opts[i].value = eq + 1;
		else if (a + 1 < argc && !names_opt(argv[a + 1], opts, nopts))
			opts[i].value = argv[++a];
		else {
			cli_errorf("accelscope %s: --%s needs a value\n",
			    cmd, opts[i].name);
			return -1;
		}
	}
	return npos;
}

static const char *
opt_value(const struct opt *opts, size_t nopts, const char *name)
{
	size_t i;

	for (i = 0; i < nopts; i++)
		if (strcmp(opts[i].name, name) == 0)
			return opts[i].value;
	return NULL;
}

static int
opt_seen(const struct opt *opts, size_t nopts, const char *name)
{
	size_t i;

	for (i = 0; i < nopts; i++)
		if (strcmp(opts[i].name, name) == 0)
			return opts[i].seen;
	return 0;
}

/* The format asked for, or table; -1 after a message. */
static int
pick_format(const char *cmd, const char *v)
{
	int f;

	if (v == NULL)
		return GRID_TABLE;
	if ((f = grid_format_by_name(v)) < 0) {
		cli_errorf("accelscope %s: unknown format \"%s\" (one of: "
		    "table, csv, tsv, json, md)\n", cmd, v);
		return -1;
	}
	return f;
}

void
cli_print_diags(const struct diags *dl)
{
	size_t i;

	for (i = 0; i < dl->n; i++) {
		char *s = diag_format(&dl->v[i]);

		cli_errorf("%s\n", s);
		free(s);
	}
}

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The user's own additions: $XDG_DATA_HOME/accelscope, else
 * ~/.local/share/accelscope, when it exists.  Caller frees.
 */
static char *
overlay_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *p;

	if (x != NULL && *x == '/')
		p = xasprintf("%s/accelscope", x);
	else if (home != NULL && *home != '\0')
		p = xasprintf("%s/.local/share/accelscope", home);
	else
		return NULL;
	if (!is_dir(p)) {
		free(p);
		return NULL;
	}
	return p;
}

/*
 * Load the dataset the options name: --data, else $ACCELSCOPE_DATA, else
 * the bundled one; then the user's additions.  Diagnostics are printed
 * unless quiet.  NULL when nothing could be loaded.
 */
struct dataset *
cli_load(struct cli_global *g, const char *data, struct diags *dl)
{
	struct dataset_opts o;
	struct dataset *ds;
	char *overlay = overlay_dir();

	memset(&o, 0, sizeof o);
	o.dir = data != NULL ? data : g->data;
	if (o.dir == NULL && (o.dir = getenv("ACCELSCOPE_DATA")) != NULL &&
	    *o.dir == '\0')
		o.dir = NULL;
	o.overlay = overlay;
	ds = dataset_load(&o, dl);
	if (ds != NULL)
		view_check_filters(ds, dl);
	free(overlay);
	return ds;
}

/*
 * cli_load(), every problem printed; NULL when nothing loaded.  The number
 * of errors goes to *errors unless it is NULL.
 */
static struct dataset *
load_counted(struct cli_global *g, const char *data, size_t *errors)
{
	struct diags dl;
	struct dataset *ds;

	diags_init(&dl);
	ds = cli_load(g, data, &dl);
	cli_print_diags(&dl);
	if (errors != NULL)
		*errors = dl.errors;
	diags_done(&dl);
	return ds;
}

static struct dataset *
load_reported(struct cli_global *g, const char *data)
{
	return load_counted(g, data, NULL);
}

/*
 * Write s to stdout.  On a terminal, control characters in it are shown
 * escaped, whatever the format: data must not drive the terminal.  To a
 * pipe or a file it goes byte for byte.
 */
static int
write_out(const char *s)
{
	char *e = NULL;
	size_t n;
	int r = 0;

	if (isatty(STDOUT_FILENO))
		s = e = text_escape_lines(s);
	n = strlen(s);
	if (fwrite(s, 1, n, stdout) != n || fflush(stdout) != 0) {
		/* A reader that went away (list | head) is not an error. */
		if (errno != EPIPE) {
			cli_errorf("accelscope: write error: %s\n",
			    strerror(errno));
			r = 1;
		}
	}
	free(e);
	return r;
}

static void
print_table_names(FILE *fp)
{
	int t;

	for (t = 0; t < DS_NTABLES; t++)
		fprintf(fp, "%s%s", t ? ", " : "", dataset_schema(t)->name);
	fputc('\n', fp);
}

void
cli_print_filter_error(const char *expr, const struct diags *dl)
{
	size_t i, k, at, w;
	char *m;

	for (i = 0; i < dl->n; i++) {
		m = diag_format(&dl->v[i]);
		cli_errorf("accelscope: %s\n", m);
		free(m);
		if (dl->v[i].col == 0)
			continue;
		/* A caret under the column, by display width. */
		for (at = 0, k = 1; k < dl->v[i].col && expr[at]; k++) {
			uint32_t cp;
			size_t n = utf8_decode(expr + at, strlen(expr + at),
			    &cp);

			at += n ? n : 1;
		}
		m = xstrndup(expr, at);
		w = utf8_width(m);
		free(m);
		m = text_escape(expr);
		cli_errorf("  %s\n  %*s^\n", m, (int)w, "");
		free(m);
	}
}

/* Keep the rows of gr that expr selects; 0, or 2 for a bad filter. */
static int
apply_filter(struct grid *gr, const char *expr)
{
	struct diags dl;
	struct filter *f;
	size_t failed;

	diags_init(&dl);
	if ((f = filter_compile(expr, gr, &dl)) == NULL) {
		cli_print_filter_error(expr, &dl);
		diags_done(&dl);
		return 2;
	}
	failed = filter_grid(f, gr, &dl);
	filter_free(f);
	if (failed) {
		cli_print_filter_error(expr, &dl);
		diags_done(&dl);
		return 2;
	}
	diags_done(&dl);
	return 0;
}

int
cli_explore(struct cli_global *g, struct tui_opts *o)
{
	const char *pane = o->pane;
	struct dataset *ds;
	struct diags dl;
	char *msg = NULL;
	int r;

	if (pane != NULL && tui_pane_by_name(pane) < 0) {
		cli_errorf("%s: unknown pane \"%s\" (panes: %s)\n",
		    g->prog, pane, tui_pane_names());
		return 2;
	}
	if (o->theme != NULL && themes_origin(o->theme) == NULL) {
		msg = themes_unknown(o->theme);
		cli_errorf("%s: %s\n", g->prog, msg);
		free(msg);
		return 2;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_errorf("%s: the explorer needs a terminal; in scripts "
		    "use the subcommands\n(accelscope list, show, check; see "
		    "accelscope --help)\n", g->prog);
		return 2;
	}
	if ((msg = tui_unusable()) != NULL) {
		cli_errorf("%s: %s\n", g->prog, msg);
		free(msg);
		return 2;
	}
	diags_init(&dl);
	ds = cli_load(g, NULL, &dl);
	if (ds == NULL) {
		cli_print_diags(&dl);
		diags_done(&dl);
		return 1;
	}
	if (dl.errors || dl.warnings) {
		msg = xasprintf("%zu problems in the data (%zu errors): run "
		    "accelscope check", dl.errors + dl.warnings, dl.errors);
		o->message = msg;
	}
	diags_done(&dl);
	r = tui_run(ds, o);
	free(msg);
	dataset_free(ds);
	return r;
}

/*
 * What list and view share: --filter, --sort, --columns, then print gr in
 * format fmt.  what names the table in messages.  Returns the exit status.
 */
static int
print_rows(const char *cmd, struct grid *gr, const struct opt *opts,
    size_t nopts, int fmt, const char *what)
{
	const char *expr, *sort, *cols;
	char *bad, *out;
	int desc = 0, rc;
	long c;

	if ((expr = opt_value(opts, nopts, "filter")) != NULL &&
	    (rc = apply_filter(gr, expr)) != 0)
		return rc;
	if ((sort = opt_value(opts, nopts, "sort")) != NULL) {
		if (*sort == '-') {
			desc = 1;
			sort++;
		}
		if ((c = grid_find_column(gr, sort)) < 0) {
			cli_errorf("accelscope %s: no column \"%s\" in %s\n",
			    cmd, sort, what);
			return 2;
		}
		grid_sort(gr, (size_t)c, desc);
	}
	if ((cols = opt_value(opts, nopts, "columns")) != NULL &&
	    grid_select(gr, cols, &bad) == -1) {
		cli_errorf("accelscope %s: no column \"%s\" in %s\n", cmd, bad,
		    what);
		free(bad);
		return 2;
	}
	out = grid_format(gr, (enum grid_format)fmt);
	rc = write_out(out);
	free(out);
	return rc;
}

int
cli_list(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = {
		{ "sort", 1, NULL, 0 }, { "columns", 1, NULL, 0 },
		{ "format", 1, NULL, 0 }, { "data", 1, NULL, 0 },
		{ "filter", 1, NULL, 0 }, { "scenario", 1, NULL, 0 },
	};
	char *pos[1] = { "hardware" };
	const char *scen;
	struct dataset *ds;
	struct grid *gr;
	int t, fmt, rc = 0;
	size_t errors = 0;

	if (opts_parse("list", argc, argv, opts, NELEM(opts), pos, 1) < 0)
		return 2;
	if ((fmt = pick_format("list", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if ((t = dataset_table_by_name(pos[0])) < 0) {
		cli_errorf("accelscope list: unknown table \"%s\"; the "
		    "tables are: ", pos[0]);
		print_table_names(stderr);
		return 2;
	}
	if ((ds = load_counted(g, opt_value(opts, NELEM(opts), "data"),
	    &errors)) == NULL)
		return 1;
	gr = view_list(ds, (enum ds_table)t);
	if ((scen = opt_value(opts, NELEM(opts), "scenario")) != NULL) {
		long sc = dataset_find(ds, DS_SCENARIOS, scen);
		const char *sug;

		if (t != DS_HARDWARE) {
			cli_errorf("accelscope list: --scenario selects "
			    "hardware; use it with list hardware\n");
			rc = 2;
			goto out;
		}
		if (sc < 0) {
			sug = dataset_suggest(ds, DS_SCENARIOS, scen);
			cli_errorf("accelscope list: unknown scenario "
			    "\"%s\"%s%s%s\n", scen, sug ? " (did you mean " :
			    "", sug ? sug : "", sug ? "?)" : "");
			rc = 2;
			goto out;
		}
		if ((rc = apply_filter(gr, dataset_field(ds, DS_SCENARIOS,
		    (size_t)sc, SC_FILTER))) != 0)
			goto out;
	}
	rc = print_rows("list", gr, opts, NELEM(opts), fmt, pos[0]);
	/* A table whose file could not be loaded at all is no success. */
	if (rc == 0 && errors > 0 && dataset_count(ds, (enum ds_table)t) == 0) {
		cli_errorf("accelscope list: no %s rows could be loaded (see "
		    "the errors above)\n", pos[0]);
		rc = 1;
	}
out:
	grid_free(gr);
	dataset_free(ds);
	return rc;
}

static volatile sig_atomic_t load_interrupted;

static void
on_load_interrupt(int sig)
{
	(void)sig;
	load_interrupted = 1;
}

struct load_progress {
	const char	*file;
	struct timespec	 start;
	int		 tty;		/* stderr is a terminal */
	int		 shown;
};

/*
 * A big file's progress on the terminal, once loading has taken a quarter
 * of a second; non-zero (cancel) after Ctrl-C.
 */
static int
show_progress(void *arg, size_t done, size_t total)
{
	struct load_progress *lp = arg;
	struct timespec now;
	double secs;
	char *name;

	if (load_interrupted)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	secs = (double)(now.tv_sec - lp->start.tv_sec) +
	    (double)(now.tv_nsec - lp->start.tv_nsec) / 1e9;
	if (secs < 0.25 || total == 0 || !lp->tty)
		return 0;
	name = text_escape(lp->file);
	fprintf(stderr, "\rLoading %s: %3.0f%% of %.0f MB  (Ctrl-C cancels)",
	    name, 100.0 * (double)done / (double)total, (double)total / 1e6);
	fflush(stderr);
	free(name);
	lp->shown = 1;
	return 0;
}

/*
 * Load file for the explorer: with a progress line on a big file, and
 * Ctrl-C cancelling (*cancelled set, a line saying so).
 */
static struct grid *
load_showing_progress(const char *file, int *cancelled, struct diags *dl)
{
	struct load_progress lp = { file, { 0, 0 }, 0, 0 };
	struct table_progress pr = { show_progress, &lp, (size_t)4 << 20 };
	struct sigaction sa, old;
	struct grid *g;

	clock_gettime(CLOCK_MONOTONIC, &lp.start);
	lp.tty = isatty(STDERR_FILENO);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_load_interrupt;
	sigemptyset(&sa.sa_mask);
	load_interrupted = 0;
	sigaction(SIGINT, &sa, &old);
	g = table_load_grid(file, NULL, &pr, cancelled, dl);
	sigaction(SIGINT, &old, NULL);
	if (lp.shown)
		fputs("\r\033[K", stderr);	/* the line, gone */
	if (*cancelled)
		cli_errorf("accelscope view: loading %s cancelled\n", file);
	return g;
}

/*
 * accelscope view on a terminal: the explorer on gr (which it takes),
 * sorted and cut to --sort and --columns, filtered by --filter.  What dl
 * says went wrong loading it is named on the status line; the caller lists
 * it in full once the explorer has closed and no longer covers it.
 */
static int
explore_table(struct cli_global *g, struct grid *gr, const char *file,
    const struct opt *opts, size_t nopts, const struct diags *dl)
{
	const char *sort = opt_value(opts, nopts, "sort");
	const char *cols = opt_value(opts, nopts, "columns");
	struct tui_opts o;
	char *msg, *bad, *note = NULL;
	int desc = 0, r;
	long c;

	if (sort != NULL) {
		if (*sort == '-') {
			desc = 1;
			sort++;
		}
		if ((c = grid_find_column(gr, sort)) < 0) {
			cli_errorf("accelscope view: no column \"%s\" in %s\n",
			    sort, file);
			grid_free(gr);
			return 2;
		}
		grid_sort(gr, (size_t)c, desc);
	}
	if (cols != NULL && grid_select(gr, cols, &bad) == -1) {
		cli_errorf("accelscope view: no column \"%s\" in %s\n", bad,
		    file);
		free(bad);
		grid_free(gr);
		return 2;
	}
	if (g->tui->theme != NULL && themes_origin(g->tui->theme) == NULL) {
		msg = themes_unknown(g->tui->theme);
		cli_errorf("%s: %s\n", g->prog, msg);
		free(msg);
		grid_free(gr);
		return 2;
	}
	if ((msg = tui_unusable()) != NULL) {
		cli_errorf("%s: %s\n", g->prog, msg);
		free(msg);
		grid_free(gr);
		return 2;
	}
	/* --theme and --no-mouse as given before "view". */
	o = *g->tui;
	o.pane = NULL;
	if (opt_value(opts, nopts, "filter") != NULL)
		o.filter = opt_value(opts, nopts, "filter");
	if (dl->n > 0) {
		const char *what = dl->errors > 0 ? "problem" : "warning";
		const char *lost = dl->errors > 0 ? ", rows left out" : "";

		if (dl->n == 1)
			note = xasprintf("1 %s at %u:%u%s; it is listed when "
			    "you quit", what, dl->v[0].line, dl->v[0].col,
			    lost);
		else
			note = xasprintf("%zu %ss, the first at %u:%u%s; all "
			    "are listed when you quit", dl->n, what,
			    dl->v[0].line, dl->v[0].col, lost);
		o.message = note;
	}
	r = tui_view(gr, file, &o);
	free(note);
	/* Rows left out: exit 1 after the explorer too, as when printing. */
	return r != 0 ? r : dl->errors > 0;
}

int
cli_view(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = {
		{ "sort", 1, NULL, 0 }, { "columns", 1, NULL, 0 },
		{ "format", 1, NULL, 0 }, { "filter", 1, NULL, 0 },
	};
	char *pos[1] = { NULL };
	struct diags dl;
	struct grid *gr;
	int fmt, rc, cancelled;

	if (opts_parse("view", argc, argv, opts, NELEM(opts), pos, 1) < 0)
		return 2;
	if (pos[0] == NULL) {
		cli_errorf("accelscope view: which file? (accelscope view "
		    "FILE.csv)\n");
		return 2;
	}
	if ((fmt = pick_format("view", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	diags_init(&dl);
	if (opt_value(opts, NELEM(opts), "format") == NULL &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		gr = load_showing_progress(pos[0], &cancelled, &dl);
	else
		gr = table_load_grid(pos[0], NULL, NULL, &cancelled, &dl);
	if (cancelled) {
		diags_done(&dl);
		return 130;
	}
	diags_sort(&dl);
	if (gr != NULL && opt_value(opts, NELEM(opts), "format") == NULL &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		rc = explore_table(g, gr, pos[0], opts, NELEM(opts), &dl);
		cli_print_diags(&dl);
		diags_done(&dl);
		return rc;
	}
	cli_print_diags(&dl);
	/* Rows left out, or no table at all: exit 1. */
	rc = dl.errors > 0;
	diags_done(&dl);
	if (gr == NULL)
		return 1;
	if (print_rows("view", gr, opts, NELEM(opts), fmt, pos[0]) != 0)
		rc = 2;
	grid_free(gr);
	return rc;
}

static void
show_text(struct buf *out, const struct dataset *ds, size_t hw,
    struct grid *figs)
{
	static const int fields[] = { HW_VENDOR, HW_CATEGORY, HW_STATUS,
	    HW_DEPLOYMENT, HW_SOFTWARE, HW_NOTES };
	const struct table_spec *sc = dataset_schema(DS_HARDWARE);
	struct grid *kv = grid_new(2);
	size_t i, r, conflicts = 0;
	char *s, *name;

	grid_column(kv, 0, "", GRID_TEXT);
	grid_column(kv, 1, "", GRID_TEXT);
	for (i = 0; i < NELEM(fields); i++) {
		r = grid_add_row(kv);
		grid_set_owned(kv, r, 0, xasprintf("%s:",
		    sc->fields[fields[i]].name));
		grid_set(kv, r, 1, dataset_field(ds, DS_HARDWARE, hw,
		    fields[i]));
	}
	/* The table format shows controls escaped; so does its title. */
	name = text_escape(dataset_field(ds, DS_HARDWARE, hw, HW_NAME));
	s = grid_format(kv, GRID_TABLE);
	buf_printf(out, "%s (%s)\n%s\n", name,
	    dataset_field(ds, DS_HARDWARE, hw, HW_ID), strchr(s, '\n') + 1);
	free(s);
	free(name);
	grid_free(kv);
	for (r = 0; r < figs->nrows; r++)
		if (strcmp(grid_get(figs, r, 0), "!") == 0)
			conflicts++;
	if (figs->nrows == 0) {
		buf_puts(out, "No figures: no public source gives any for "
		    "this part yet.\n");
		return;
	}
	s = grid_format(figs, GRID_TABLE);
	buf_puts(out, s);
	free(s);
	buf_puts(out, "\n* preferred figure (vendor-spec over derived, "
	    "measured, press, estimate, seed-claim)\n");
	if (conflicts > 0)
		buf_printf(out, "! %zu figure%s disagree%s with the preferred "
		    "one\n", conflicts, conflicts == 1 ? "" : "s",
		    conflicts == 1 ? "s" : "");
}

static void
show_json(struct buf *out, const struct dataset *ds, size_t hw,
    struct grid *figs)
{
	const struct table_spec *sc = dataset_schema(DS_HARDWARE);
	char *s, *arr;
	size_t f;

	buf_puts(out, "{");
	for (f = 0; f < sc->nfields; f++) {
		s = json_quote(sc->fields[f].name);
		buf_printf(out, "%s%s: ", f ? ", " : "", s);
		free(s);
		s = json_quote(dataset_field(ds, DS_HARDWARE, hw, (int)f));
		buf_puts(out, s);
		free(s);
	}
	arr = grid_format(figs, GRID_JSON);
	buf_printf(out, ", \"figures\": %s}\n", arr);
	free(arr);
}

/*
 * The row of table t (hardware or models) with id, or -1 after a message
 * naming it, with the closest id when there is one.
 */
static long
find_row(const char *cmd, const struct dataset *ds, enum ds_table t,
    const char *id)
{
	long i = dataset_find(ds, t, id);
	const char *hint;
	char *shown;

	if (i >= 0)
		return i;
	hint = dataset_suggest(ds, t, id);
	/* What was typed may hold control characters: never echo them. */
	shown = text_escape(id);
	cli_errorf("accelscope %s: unknown %s \"%s\"%s%s%s\n", cmd,
	    t == DS_MODELS ? "model" : "hardware", shown,
	    hint ? " (did you mean " : "", hint ? hint : "", hint ? "?)" : "");
	free(shown);
	return -1;
}

static long
find_hardware(const char *cmd, const struct dataset *ds, const char *id)
{
	return find_row(cmd, ds, DS_HARDWARE, id);
}

int
cli_show(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = {
		{ "format", 1, NULL, 0 }, { "data", 1, NULL, 0 },
	};
	char *pos[1] = { NULL }, *s;
	struct dataset *ds;
	struct grid *figs;
	struct buf out;
	long hw;
	int fmt, n, rc;

	if ((n = opts_parse("show", argc, argv, opts, NELEM(opts), pos,
	    1)) < 0)
		return 2;
	if (n == 0) {
		cli_errorf("accelscope show: which hardware? "
		    "(accelscope list hardware --columns id,name)\n");
		return 2;
	}
	if ((fmt = pick_format("show", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if ((ds = load_reported(g, opt_value(opts, NELEM(opts), "data"))) ==
	    NULL)
		return 1;
	if ((hw = find_hardware("show", ds, pos[0])) < 0) {
		dataset_free(ds);
		return 2;
	}
	figs = view_hardware_figures(ds, (size_t)hw);
	buf_init(&out);
	if (fmt == GRID_TABLE)
		show_text(&out, ds, (size_t)hw, figs);
	else if (fmt == GRID_JSON)
		show_json(&out, ds, (size_t)hw, figs);
	else {
		s = grid_format(figs, (enum grid_format)fmt);
		buf_puts(&out, s);
		free(s);
	}
	buf_putn(&out, "", 0);
	s = buf_take(&out);
	rc = write_out(s);
	free(s);
	grid_free(figs);
	dataset_free(ds);
	return rc;
}

int
cli_diff(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = {
		{ "format", 1, NULL, 0 }, { "data", 1, NULL, 0 },
		{ "only-diff", 0, NULL, 0 },
	};
	char *pos[DIFF_MAX + 1], *out;
	size_t hw[DIFF_MAX], i, k;
	struct dataset *ds;
	struct diff *d;
	struct grid *gr;
	int fmt, n, rc;
	long h;

	if ((n = opts_parse("diff", argc, argv, opts, NELEM(opts), pos,
	    DIFF_MAX + 1)) < 0)
		return 2;
	if (n < 2 || n > DIFF_MAX) {
		cli_errorf("accelscope diff: give 2 to %d hardware ids, "
		    "not %d (accelscope list hardware --columns id,name)\n",
		    DIFF_MAX, n);
		return 2;
	}
	if ((fmt = pick_format("diff", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if ((ds = load_reported(g, opt_value(opts, NELEM(opts), "data"))) ==
	    NULL)
		return 1;
	for (i = 0; i < (size_t)n; i++) {
		if ((h = find_hardware("diff", ds, pos[i])) < 0) {
			dataset_free(ds);
			return 2;
		}
		for (k = 0; k < i; k++)
			if (hw[k] == (size_t)h) {
				cli_errorf("accelscope diff: \"%s\" is "
				    "given twice\n", pos[i]);
				dataset_free(ds);
				return 2;
			}
		hw[i] = (size_t)h;
	}
	d = diff_new(ds, hw, (size_t)n, DIFF_TOLERANCE);
	gr = diff_grid(d, fmt == GRID_TABLE || fmt == GRID_MD,
	    opt_seen(opts, NELEM(opts), "only-diff"));
	out = grid_format(gr, (enum grid_format)fmt);
	rc = write_out(out);
	free(out);
	if (rc == 0 && fmt == GRID_TABLE) {
		out = xasprintf("\n%s\n", diff_legend());
		rc = write_out(out);
		free(out);
	}
	grid_free(gr);
	diff_free(d);
	dataset_free(ds);
	return rc;
}

int
cli_check(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = { { "data", 1, NULL, 0 } };
	char *pos[1];
	struct dataset *ds;
	struct diags dl;
	size_t rows = 0;
	int t;

	if (opts_parse("check", argc, argv, opts, NELEM(opts), pos, 0) < 0)
		return 2;
	(void)opt_seen;
	diags_init(&dl);
	ds = cli_load(g, opt_value(opts, NELEM(opts), "data"), &dl);
	cli_print_diags(&dl);
	if (ds != NULL)
		for (t = 0; t < DS_NTABLES; t++)
			rows += dataset_count(ds, (enum ds_table)t);
	if (ds == NULL)
		cli_errorf("accelscope check: nothing loaded\n");
	else
		cli_errorf("%s: %zu rows in %d tables, %zu error%s, %zu "
		    "warning%s\n", ds->origin, rows, DS_NTABLES, dl.errors,
		    dl.errors == 1 ? "" : "s", dl.warnings,
		    dl.warnings == 1 ? "" : "s");
	t = dl.errors > 0 || ds == NULL;
	diags_done(&dl);
	dataset_free(ds);
	return t;
}

void
cli_usage(FILE *fp)
{
	fprintf(fp,
"usage: accelscope [--data DIR] [--pane NAME] [--filter EXPR] [--theme NAME]\n"
"                  [--no-mouse] [COMMAND [ARGS]]\n"
"\n"
"Explore AI accelerators against GPUs: specs with sources, the comparison\n"
"matrices, and best-for scenarios.\n"
"\n"
"commands:\n"
"  list [TABLE] [--sort [-]COL] [--columns LIST] [--format F]\n"
"                       print a table (default: hardware); tables:\n"
"                       sources, metrics, hardware, specs, comparisons,\n"
"                       matrix, analysis, scenarios, models,\n"
"                       measurements, prices, efficiency\n"
"  show ID [--format F] every figure for one chip, with its source;\n"
"                       conflicting figures marked\n"
"  diff ID ID [ID [ID]] [--only-diff] [--format F]\n"
"                       two to four chips side by side: ratios to the\n"
"                       first, the best of each metric, conflicts\n"
"  calc --hw ID --model ID [--chips N] [--batch N|max] [--prompt N]\n"
"       [--output N] [--precision P] [--kv-precision P] [--price USD]\n"
"       [--mfu F] [--mbu F] [--overhead-us US] [--software NAME]\n"
"       [--sweep] [--format F]\n"
"       [--strategy static|dynamic|continuous --rate REQ_PER_S\n"
"        [--max-wait MS] [--requests N] [--seed N]]\n"
"                       latency, throughput, cost and energy of serving\n"
"                       a model on a chip\n"
"  rank --model ID [workload options] [--by cost|latency|throughput]\n"
"                       the same workload on every chip\n"
"  validate [--tolerance PCT]\n"
"                       the model against every published measurement\n"
"  check [--data DIR]   lint a dataset: every problem as file:line:col\n"
"  theme [NAME [--colors N|direct]]\n"
"                       the colour themes, or one as this terminal shows\n"
"                       it\n"
"  [view] FILE.csv [--filter EXPR] [--sort [-]COL] [--columns LIST]\n"
"                       any CSV file in the explorer, or printed\n"
"\n"
"options:\n"
"  --data DIR           use the dataset in DIR (also $ACCELSCOPE_DATA)\n"
"  --format F           table, csv, tsv, json or md\n"
"  --theme NAME         the explorer's colours; --no-mouse leaves the\n"
"                       mouse to the terminal\n"
"  --help, --version\n"
"\n"
"Exit status: 0 success, 1 data problems, 2 usage error.\n"
"See accelscope(1), accelscope-data(5) and accelscope-theme(5).\n");
}

/* The calculator's commands: calc, rank, validate. */

/* A whole number or decimal >= 0 from option name; -1 after a message. */
static int
opt_number(const char *cmd, const char *name, const char *v, double *out)
{
	double d;
	char *end;

	if (v == NULL)
		return 0;
	if (parse_number(v, out) == 0 && *out >= 0)
		return 0;
	/* A decimal number a double cannot hold: say which way it is out. */
	errno = 0;
	d = strtod(v, &end);
	if (errno == ERANGE && !signbit(d) && end != v && *end == '\0' &&
	    strspn(v, "0123456789.-+eE ") == strlen(v)) {
		if (d < 1)
			cli_errorf("accelscope %s: --%s \"%s\" is too small to "
			    "compute with: the least above 0 is %.2g\n", cmd,
			    name, v, DBL_MIN);
		else
			cli_errorf("accelscope %s: --%s \"%s\" is too large to "
			    "compute with: at most %.2g\n", cmd, name, v,
			    DBL_MAX);
		return -1;
	}
	cli_errorf("accelscope %s: --%s wants a finite number, 0 or more, "
	    "not \"%s\"\n", cmd, name, v);
	return -1;
}

/* The range of a number option, and how a message says it. */
struct range {
	const char	*name;		/* "chips" */
	double		 lo, hi;
	int		 above;		/* lo itself is out */
	int		 whole;
	const char	*what;		/* "a whole number from 1 to ..." */
};

static const struct range ranges[] = {
	{ "chips", 1, PERF_MAX_CHIPS, 0, 1, "a whole number from 1 to "
	    "1,000,000 (left out: the fewest that hold the model and the "
	    "batch)" },
	{ "batch", 1, 1e9, 0, 1, "a whole number from 1 to 1,000,000,000, "
	    "or max" },
	{ "prompt", 0, 1e9, 0, 1, "a whole number of tokens up to "
	    "1,000,000,000" },
	{ "output", 1, 1e9, 0, 1, "a whole number of tokens from 1 to "
	    "1,000,000,000" },
	{ "price", 0, 1e7, 0, 0, "US dollars a chip-hour, from 0 to "
	    "10,000,000" },
	{ "mfu", 0, 1, 1, 0, "a fraction of peak compute, above 0 and at "
	    "most 1" },
	{ "mbu", 0, 1, 1, 0, "a fraction of peak bandwidth, above 0 and at "
	    "most 1" },
	{ "overhead-us", 0, 1e7, 0, 0, "microseconds a step, from 0 to "
	    "10,000,000" },
	{ "rate", 0, 1e9, 1, 0, "requests per second, above 0 and at most "
	    "1,000,000,000" },
	{ "max-wait", 0, 1e9, 0, 0, "milliseconds, from 0 to "
	    "1,000,000,000" },
	{ "requests", 1, 1e6, 0, 1, "a whole number from 1 to 1,000,000" },
	{ "seed", 0, 9007199254740992.0, 0, 1, "a whole number from 0 to "
	    "2^53" },
	{ "tolerance", 0, 1e6, 1, 0, "a percentage above 0 and at most "
	    "1,000,000" },
};

/*
 * Option name's value v, if given, into *out: a number in the option's
 * range from ranges[].  -1 after a message naming the option and value.
 */
static int
opt_in_range(const char *cmd, const char *name, const char *v, double *out)
{
	const struct range *rg = NULL;
	size_t i;

	for (i = 0; i < NELEM(ranges); i++)
		if (strcmp(ranges[i].name, name) == 0)
			rg = &ranges[i];
	if (v == NULL)
		return 0;
	if (opt_number(cmd, name, v, out) != 0)
		return -1;
	if (rg == NULL || ((rg->above ? *out > rg->lo : *out >= rg->lo) &&
	    *out <= rg->hi && (!rg->whole || *out == floor(*out))))
		return 0;
	cli_errorf("accelscope %s: --%s \"%s\": %s\n", cmd, name, v,
	    rg->what);
	return -1;
}

static int
opt_prec(const char *cmd, const char *name, const char *v,
    enum perf_prec *out)
{
	int p;

	if (v == NULL)
		return 0;
	if ((p = perf_prec_by_name(v)) < 0) {
		cli_errorf("accelscope %s: --%s: unknown precision \"%s\" "
		    "(fp32, fp16, bf16, fp8, int8, fp4, int4)\n", cmd, name, v);
		return -1;
	}
	*out = (enum perf_prec)p;
	return 0;
}

#define WORKLOAD_OPTS \
	{ "hw", 1, NULL, 0 }, { "model", 1, NULL, 0 }, \
	{ "chips", 1, NULL, 0 }, { "batch", 1, NULL, 0 }, \
	{ "prompt", 1, NULL, 0 }, { "output", 1, NULL, 0 }, \
	{ "precision", 1, NULL, 0 }, { "kv-precision", 1, NULL, 0 }, \
	{ "act-precision", 1, NULL, 0 }, { "price", 1, NULL, 0 }, \
	{ "mfu", 1, NULL, 0 }, { "mbu", 1, NULL, 0 }, \
	{ "overhead-us", 1, NULL, 0 }, { "software", 1, NULL, 0 }, \
	{ "format", 1, NULL, 0 }, \
	{ "data", 1, NULL, 0 }

/* The model with id (NULL: none given), or -1 after a message. */
static long
find_model(const char *cmd, const struct dataset *ds, const char *id)
{
	if (id == NULL) {
		cli_errorf("accelscope %s: which model? (--model ID; "
		    "accelscope list models --columns id,name)\n", cmd);
		return -1;
	}
	return find_row(cmd, ds, DS_MODELS, id);
}

/*
 * The software named v, as efficiency.csv or measurements.csv names it, into
 * *out; "default" for none.  -1 after a message that lists those with
 * efficiency figures.
 */
static int
find_software(const char *cmd, const struct dataset *ds, const char *v,
    const char **out)
{
	char *e, *all;

	if (strcmp(v, "default") == 0) {
		*out = NULL;
		return 0;
	}
	if (calc_software_known(ds, v)) {
		*out = v;
		return 0;
	}
	e = text_escape(v);
	all = calc_softwares_text(ds);
	cli_errorf("accelscope %s: --software \"%s\": no efficiency or "
	    "measurement row names it (%s)\n", cmd, e, all);
	free(e);
	free(all);
	return -1;
}

/* Fill q from the workload options; need_hw for calc.  -1 after a message. */
static int
workload(const char *cmd, const struct dataset *ds, struct opt *opts,
    size_t nopts, int need_hw, struct calc_req *q)
{
	const char *v, *why;
	long hw = 0, mo;

	if (need_hw) {
		if ((v = opt_value(opts, nopts, "hw")) == NULL) {
			cli_errorf("accelscope %s: which hardware? (--hw "
			    "ID; accelscope list hardware --columns id,name)\n",
			    cmd);
			return -1;
		}
		if ((hw = find_hardware(cmd, ds, v)) < 0)
			return -1;
	}
	if ((mo = find_model(cmd, ds, opt_value(opts, nopts, "model"))) < 0)
		return -1;
	calc_req_init(q, (size_t)hw, (size_t)mo);
	if ((v = opt_value(opts, nopts, "batch")) != NULL &&
	    strcmp(v, "max") == 0)
		q->w.batch = 0;
	else if (opt_in_range(cmd, "batch", v, &q->w.batch) != 0)
		return -1;
	if (opt_in_range(cmd, "chips", opt_value(opts, nopts, "chips"),
	    &q->w.chips) != 0 ||
	    opt_in_range(cmd, "prompt", opt_value(opts, nopts, "prompt"),
	    &q->w.prompt) != 0 ||
	    opt_in_range(cmd, "output", opt_value(opts, nopts, "output"),
	    &q->w.output) != 0 ||
	    opt_in_range(cmd, "price", opt_value(opts, nopts, "price"),
	    &q->price) != 0 ||
	    opt_in_range(cmd, "mfu", opt_value(opts, nopts, "mfu"),
	    &q->mfu) != 0 ||
	    opt_in_range(cmd, "mbu", opt_value(opts, nopts, "mbu"),
	    &q->mbu) != 0 ||
	    opt_in_range(cmd, "overhead-us", opt_value(opts, nopts,
	    "overhead-us"), &q->overhead_us) != 0)
		return -1;
	if (opt_prec(cmd, "precision", opt_value(opts, nopts, "precision"),
	    &q->w.wprec) != 0)
		return -1;
	q->w.aprec = q->w.wprec;
	q->w.kvprec = perf_prec_bytes(q->w.wprec) >= 1 ? q->w.wprec : PREC_FP8;
	if (opt_prec(cmd, "kv-precision", opt_value(opts, nopts,
	    "kv-precision"), &q->w.kvprec) != 0 ||
	    opt_prec(cmd, "act-precision", opt_value(opts, nopts,
	    "act-precision"), &q->w.aprec) != 0)
		return -1;
	if ((v = opt_value(opts, nopts, "software")) != NULL &&
	    find_software(cmd, ds, v, &q->software) != 0)
		return -1;
	if (calc_req_check(ds, q, &why) != 0) {
		cli_errorf("accelscope %s: %s\n", cmd, why);
		return -1;
	}
	return 0;
}

static int
print_grid(struct grid *g, int fmt)
{
	char *out = grid_format(g, (enum grid_format)fmt);
	int rc = write_out(out);

	free(out);
	return rc;
}

/* calc --format json: one object, numbers as numbers. */
static int
print_object(const struct grid *g)
{
	char *out = grid_format_object(g);
	int rc = write_out(out);

	free(out);
	return rc;
}

/*
 * The simulation options of calc into c: 1 when --strategy asks for a
 * simulation, 0 when it does not, -1 after a message.  Without --batch the
 * simulation gets the largest batch that fits.
 */
static int
sim_options(struct opt *opts, size_t nopts, struct calc_req *q,
    struct sim_cfg *c)
{
	const char *st = opt_value(opts, nopts, "strategy");
	double rate = -1, wait = 20, req = 1000, seed = 1;
	int s;

	memset(c, 0, sizeof *c);
	if (st == NULL) {
		if (opt_seen(opts, nopts, "rate") || opt_seen(opts, nopts,
		    "max-wait") || opt_seen(opts, nopts, "requests") ||
		    opt_seen(opts, nopts, "seed")) {
			cli_errorf("accelscope calc: --rate, --max-wait, "
			    "--requests and --seed go with --strategy "
			    "static|dynamic|continuous\n");
			return -1;
		}
		return 0;
	}
	if ((s = sim_strategy_by_name(st)) < 0) {
		char *e = text_escape(st);

		cli_errorf("accelscope calc: --strategy static, dynamic or "
		    "continuous, not \"%s\"\n", e);
		free(e);
		return -1;
	}
	if (opt_in_range("calc", "rate", opt_value(opts, nopts, "rate"),
	    &rate) != 0 || opt_in_range("calc", "max-wait", opt_value(opts,
	    nopts, "max-wait"), &wait) != 0 || opt_in_range("calc",
	    "requests", opt_value(opts, nopts, "requests"), &req) != 0 ||
	    opt_in_range("calc", "seed", opt_value(opts, nopts, "seed"),
	    &seed) != 0)
		return -1;
	if (!(rate > 0)) {
		cli_errorf("accelscope calc: --strategy needs --rate, the "
		    "requests per second (above 0)\n");
		return -1;
	}
	c->strategy = (enum sim_strategy)s;
	c->rate = rate;
	c->max_wait_s = wait / 1e3;
	c->requests = (size_t)req;
	c->seed = (uint64_t)seed;
	if (!opt_seen(opts, nopts, "batch"))
		q->w.batch = 0;
	c->slots = 0;
	return 1;
}

int
cli_calc(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = { WORKLOAD_OPTS, { "sweep", 0, NULL, 0 },
	    { "strategy", 1, NULL, 0 }, { "rate", 1, NULL, 0 },
	    { "max-wait", 1, NULL, 0 }, { "requests", 1, NULL, 0 },
	    { "seed", 1, NULL, 0 } };
	struct dataset *ds;
	struct calc_req q;
	struct perf_result r;
	struct sim_cfg sc;
	struct sim_result sr;
	struct grid *gr;
	const char *why;
	char *ex;
	int fmt, rc, sim;

	if (opts_parse("calc", argc, argv, opts, NELEM(opts), NULL, 0) < 0)
		return 2;
	if ((fmt = pick_format("calc", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if ((ds = load_reported(g, opt_value(opts, NELEM(opts), "data"))) ==
	    NULL)
		return 1;
	if (workload("calc", ds, opts, NELEM(opts), 1, &q) != 0 ||
	    (sim = sim_options(opts, NELEM(opts), &q, &sc)) < 0) {
		dataset_free(ds);
		return 2;
	}
	if (sim && opt_seen(opts, NELEM(opts), "sweep")) {
		cli_errorf("accelscope calc: --sweep and --strategy are "
		    "separate runs; give one\n");
		dataset_free(ds);
		return 2;
	}
	if (opt_seen(opts, NELEM(opts), "sweep")) {
		gr = calc_sweep(ds, &q);
		rc = print_grid(gr, fmt);
		grid_free(gr);
		dataset_free(ds);
		return rc;
	}
	if (calc_run(ds, &q, &r, &why) != 0) {
		/* The dataset lacks what the run needs: a data problem. */
		cli_errorf("accelscope calc: %s: %s\n", dataset_field(ds,
		    DS_HARDWARE, q.hw, HW_ID), why);
		dataset_free(ds);
		return 1;
	}
	if (sim && calc_sim(ds, &q, &sc, &sr, &why) != 0) {
		cli_errorf("accelscope calc: %s\n", why);
		dataset_free(ds);
		return 2;
	}
	gr = calc_grid(ds, &q, &r);
	if (sim)
		calc_sim_grid(gr, &sc, &sr);
	if (fmt == GRID_JSON)
		rc = print_object(gr);
	else {
		rc = print_grid(gr, fmt);
		if (rc == 0 && fmt == GRID_TABLE) {
			ex = calc_explain(&r);
			printf("\n%s%s\n", ex, r.fits ? "" :
			    "\nDoes not fit: too little memory for the weights "
			    "and this batch (see max_batch, chips_needed).");
			free(ex);
			if ((ex = calc_batch_note(&q, &r)) != NULL)
				printf("%s\n", ex);
			free(ex);
			if (sim && sr.overloaded)
				printf("Overloaded: requests arrive faster "
				    "than this batch serves them; the "
				    "latencies grow with --requests.\n");
		}
	}
	grid_free(gr);
	dataset_free(ds);
	return rc;
}

int
cli_rank(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = { WORKLOAD_OPTS, { "by", 1, NULL, 0 } };
	const char *by;
	struct dataset *ds;
	struct calc_req q;
	struct grid *gr;
	int fmt, rc;

	if (opts_parse("rank", argc, argv, opts, NELEM(opts), NULL, 0) < 0)
		return 2;
	if ((fmt = pick_format("rank", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	by = opt_value(opts, NELEM(opts), "by");
	if (by == NULL)
		by = "latency";
	if (strcmp(by, "cost") != 0 && strcmp(by, "latency") != 0 &&
	    strcmp(by, "throughput") != 0) {
		cli_errorf("accelscope rank: --by cost, latency or "
		    "throughput, not \"%s\"\n", by);
		return 2;
	}
	if (opt_value(opts, NELEM(opts), "hw") != NULL) {
		cli_errorf("accelscope rank: ranks every chip; --hw is "
		    "for calc\n");
		return 2;
	}
	if ((ds = load_reported(g, opt_value(opts, NELEM(opts), "data"))) ==
	    NULL)
		return 1;
	if (workload("rank", ds, opts, NELEM(opts), 0, &q) != 0) {
		dataset_free(ds);
		return 2;
	}
	/* Throughput is a question about full chips: each its largest. */
	if (strcmp(by, "throughput") == 0 && !opt_seen(opts, NELEM(opts),
	    "batch"))
		q.w.batch = 0;
	gr = calc_rank(ds, &q, by);
	rc = print_grid(gr, fmt);
	grid_free(gr);
	dataset_free(ds);
	return rc;
}

int
cli_validate(struct cli_global *g, int argc, char **argv)
{
	struct opt opts[] = { { "format", 1, NULL, 0 }, { "data", 1, NULL, 0 },
	    { "tolerance", 1, NULL, 0 } };
	struct calc_summary sum;
	struct dataset *ds;
	struct grid *gr, *fam;
	double tol = 50;
	int fmt, rc;

	if (opts_parse("validate", argc, argv, opts, NELEM(opts), NULL, 0) < 0)
		return 2;
	if ((fmt = pick_format("validate", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if (opt_in_range("validate", "tolerance", opt_value(opts, NELEM(opts),
	    "tolerance"), &tol) != 0)
		return 2;
	if ((ds = load_reported(g, opt_value(opts, NELEM(opts), "data"))) ==
	    NULL)
		return 1;
	gr = calc_validate(ds, tol, &sum, &fam);
	rc = print_grid(gr, fmt);
	if (rc == 0 && fmt == GRID_TABLE) {
		printf("\n");
		rc = print_grid(fam, fmt);
		printf("\n");
	}
	/*
	 * The summary under the table; with a format for scripts, on stderr,
	 * so that the rows stay one table and a failure says why.
	 */
	if (rc == 0)
		fprintf(fmt == GRID_TABLE ? stdout : stderr, "%s%zu predicted, "
		    "%zu calibrating (not counted), %zu skipped (configuration "
		    "not stated); median absolute error %.1f%%; worst %+.1f%% "
		    "(%s); %zu beyond ±%.0f%%\n", fmt == GRID_TABLE ? "" :
		    "accelscope validate: ", sum.n, sum.calibrating,
		    sum.skipped, sum.median_abs, sum.worst, sum.worst_id,
		    sum.beyond, tol);
	grid_free(gr);
	grid_free(fam);
	dataset_free(ds);
	if (rc != 0)
		return rc;
	return sum.beyond > 0 || sum.median_abs > 20 ? 1 : 0;
}

/* A resolved colour as the theme command shows it. */
static char *
colour_text(int c, int direct)
{
	if (c < 0)
		return xstrdup("default");
	if (direct && c >= 8)
		return xasprintf("#%06x", (unsigned)c);
	return xasprintf("%d", c);
}

int
cli_theme(struct cli_global *g, int argc, char **argv)
{
	static const char *const anames[] = { "bold", "dim", "underline",
	    "reverse", "italic", "blink", "standout" };
	struct opt opts[] = { { "format", 1, NULL, 0 },
	    { "colors", 1, NULL, 0 } };
	char *pos[1], *err = NULL, **names;
	const char *cv;
	struct theme th;
	struct grid *gr;
	size_t n, i, k, r;
	int npos, fmt, ncol, direct, rc;

	(void)g;
	if ((npos = opts_parse("theme", argc, argv, opts, NELEM(opts), pos,
	    1)) < 0)
		return 2;
	if ((fmt = pick_format("theme", opt_value(opts, NELEM(opts),
	    "format"))) < 0)
		return 2;
	if (npos == 0) {
		/* Every theme, and where it comes from. */
		names = themes_names(&n);
		gr = grid_new(2);
		grid_column(gr, 0, "theme", GRID_TEXT);
		grid_column(gr, 1, "origin", GRID_TEXT);
		for (i = 0; i < n; i++) {
			r = grid_add_row(gr);
			grid_set(gr, r, 0, names[i]);
			grid_set(gr, r, 1, themes_origin(names[i]));
			free(names[i]);
		}
		free(names);
		if (fmt == GRID_TABLE && !isatty(STDOUT_FILENO))
			fmt = GRID_TSV;
		if (fmt == GRID_TSV) {
			/* No header: one "name<TAB>origin" per line. */
			for (r = 0; r < gr->nrows; r++)
				printf("%s\t%s\n", grid_get(gr, r, 0),
				    grid_get(gr, r, 1));
			grid_free(gr);
			return 0;
		}
		rc = print_grid(gr, fmt);
		grid_free(gr);
		return rc;
	}
	cv = opt_value(opts, NELEM(opts), "colors");
	if (cv == NULL)
		ncol = tui_colours(&direct);
	else if (strcmp(cv, "direct") == 0) {
		ncol = 0x1000000;
		direct = 1;
	} else {
		char *end;
		long v = strtol(cv, &end, 10);

		if (*cv == '\0' || *end != '\0' || v < 0 || v > 0x1000000) {
			char *e = text_escape(cv);

			cli_errorf("accelscope theme: --colors takes a "
			    "number of colours or direct, not \"%s\"\n", e);
			free(e);
			return 2;
		}
		ncol = (int)v;
		direct = 0;
	}
	if ((rc = themes_load(pos[0], &th, &err)) != 0) {
		cli_errorf("accelscope theme: %s\n", err);
		free(err);
		theme_done(&th);
		return rc == -1 ? 2 : 1;
	}
	/* Each role as this terminal will show it. */
	gr = grid_new(4);
	grid_column(gr, 0, "role", GRID_TEXT);
	grid_column(gr, 1, "fg", GRID_TEXT);
	grid_column(gr, 2, "bg", GRID_TEXT);
	grid_column(gr, 3, "attrs", GRID_TEXT);
	for (i = 0; i < THEME_NROLES; i++) {
		const struct theme_style *st = &th.role[i];
		struct buf b;

		r = grid_add_row(gr);
		grid_set(gr, r, 0, theme_role_name((enum theme_role)i));
		grid_set_owned(gr, r, 1, colour_text(theme_resolve(st->fg,
		    st->nfg, ncol, direct), direct));
		grid_set_owned(gr, r, 2, colour_text(theme_resolve(st->bg,
		    st->nbg, ncol, direct), direct));
		buf_init(&b);
		buf_puts(&b, "");
		for (k = 0; k < NELEM(anames); k++)
			if (theme_attrs(&th, (enum theme_role)i, ncol) &
			    (1u << k)) {
				buf_puts(&b, b.len ? " " : "");
				buf_puts(&b, anames[k]);
			}
		grid_set_owned(gr, r, 3, buf_take(&b));
	}
	theme_done(&th);
	rc = print_grid(gr, fmt);
	grid_free(gr);
	return rc;
}
