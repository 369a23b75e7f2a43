/*
 * The explorer's event loop: draw if dirty, read a key, turn it into an
 * action, apply it.  Key handlers change state and mark it dirty; drawing
 * happens in one place, from state alone, one doupdate() a frame.  Resize
 * is handled in one place too.
 */
#include "tui.h"

#include <ctype.h>
#include <signal.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "buf.h"
#include "command.h"
#include "config.h"
#include "diff.h"
#include "cli.h"
#include "export.h"
#include "draw.h"
#include "find.h"
#include "keymap.h"
#include "pane.h"
#include "textview.h"
#include "themes.h"
#include "utf8.h"
#include "xmalloc.h"

#define MIN_W	30
#define MIN_H	6
#define MAX_OVERLAYS	8
#define MAX_HISTORY	32

/* The panes on the dataset, and on a CSV file (accelscope view). */
static const struct pane_ops *const pane_list[] = {
	&pane_matrix_ops, &pane_scenarios_ops, &pane_specs_ops,
	&pane_diff_ops, &pane_calc_ops, &pane_sources_ops, NULL
};
static const struct pane_ops *const view_list[] = {
	&pane_view_table_ops, &pane_view_diff_ops, NULL
};
#define NPANES	(sizeof pane_list / sizeof pane_list[0] - 1)
#define MAX_PANES	8

struct tui {
	const struct dataset	*ds;		/* NULL in view mode */
	const char		*origin;	/* shown at the right */
	const struct pane_ops *const *list;
	size_t			 npanes;
	struct pane		 panes[MAX_PANES];
	/* Panes are built when first shown or used: see pane_at(). */
	unsigned char		 ready[MAX_PANES];
	size_t			 cur;
	/* Detail and help screens over the pane, innermost last. */
	struct textview		*over[MAX_OVERLAYS];
	char			*over_title[MAX_OVERLAYS];
	size_t			 nover;
	WINDOW			*title, *body, *status;
	int			 small;		/* below the minimum size */
	int			 dirty;
	char			*msg;		/* status message, to a key */
	/* The prompt on the status line: '/' find, '&' filter, ':' a
	   command, '=' a form's field (plabel names it), or 0. */
	int			 prompt;
	char			*plabel;
	struct buf		 text;
	char			*perr;		/* the filter's error, live */
	/*
	 * Filtering as typed took too long (a big table): until the prompt
	 * closes, typing only checks the filter, and Enter applies it.
	 */
	int			 pdefer;
	char			*phint;		/* completions offered */
	char			**comp;		/* the completions; owned */
	size_t			 ncomp, icomp;
	size_t			 cstart;	/* where the word begins */
	char			*hist[3][MAX_HISTORY];
	size_t			 nhist[3];
	size_t			 hpos;
	char			*saved;		/* filter when & was pressed */
	struct finder		*finder;	/* the last find; owned */
	char			*filter_text[MAX_PANES];	/* as typed */
	int			 tabx[MAX_PANES + 1];	/* where the last
					   draw put each tab, and the end */
	int			 mouse;		/* clicks and wheel on */
	int			 quit;		/* set by :quit */
};

/*
 * Pane i, built from the dataset the first time it is wanted: the first
 * frame waits only for the pane it shows.
 */
static struct pane *
pane_at(struct tui *t, size_t i)
{
	if (!t->ready[i]) {
		t->ready[i] = 1;
		t->list[i]->init(&t->panes[i], t->ds);
	}
	return &t->panes[i];
}

static volatile sig_atomic_t got_signal, got_tstp;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/*
 * Ctrl-Z.  The handler only notes it; the main loop gives the terminal
 * back and stops.  (curses' own handler would call endwin() inside the
 * signal handler, which can hang when the signal arrives mid-frame.)
 */
static void
on_tstp(int sig)
{
	(void)sig;
	got_tstp = 1;
}

static void
suspend(void)
{
	struct sigaction sa, old;

	got_tstp = 0;
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, &old);
	kill(getpid(), SIGTSTP);
	/* Here again after SIGCONT (fg). */
	sigaction(SIGTSTP, &old, NULL);
	clearok(curscr, TRUE);
}

/* die() runs this before exiting: the terminal comes back first. */
static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

int
tui_pane_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NPANES; i++)
		if (strcasecmp(name, pane_list[i]->name) == 0)
			return (int)i;
	return -1;
}

const char *
tui_pane_names(void)
{
	static char names[128];
	size_t i, len = 0;

	if (names[0] != '\0')
		return names;
	for (i = 0; i < NPANES; i++) {
		const char *n = pane_list[i]->name;
		size_t k;

		if (len + strlen(n) + 3 >= sizeof names)
			break;
		if (i > 0) {
			memcpy(names + len, ", ", 2);
			len += 2;
		}
		for (k = 0; n[k] != '\0'; k++)
			names[len++] = (char)tolower((unsigned char)n[k]);
	}
	names[len] = '\0';
	return names;
}

static void
set_msg(struct tui *t, char *msg)
{
	free(t->msg);
	t->msg = msg;
}

static void
layout(struct tui *t)
{
	int h = LINES, w = COLS;

	if (t->title != NULL)
		delwin(t->title);
	if (t->body != NULL)
		delwin(t->body);
	if (t->status != NULL)
		delwin(t->status);
	t->title = t->body = t->status = NULL;
	t->small = h < MIN_H || w < MIN_W;
	if (!t->small) {
		/* Parts of stdscr, sharing its cells: no more memory. */
		t->title = derwin(stdscr, 1, w, 0, 0);
		t->body = derwin(stdscr, h - 2, w, 1, 0);
		t->status = derwin(stdscr, 1, w, h - 1, 0);
		if (t->title == NULL || t->body == NULL || t->status == NULL)
			t->small = 1;
		else {
			/* Text with no colour of its own takes normal's. */
			wbkgdset(t->title, ' ' | draw_attr.normal);
			wbkgdset(t->body, ' ' | draw_attr.normal);
			wbkgdset(t->status, ' ' | draw_attr.normal);
		}
	}
	t->dirty = 1;
}

static void
draw_small(void)
{
	static const char *const words[] = { "Terminal", "too", "small" };
	int y;

	/* As much of the notice as fits; state is untouched. */
	werase(stdscr);
	for (y = 0; y < LINES && y < 3; y++)
		draw_text(stdscr, y, 0, (size_t)COLS, words[y], A_BOLD);
	if (LINES > 3)
		draw_text(stdscr, 3, 0, (size_t)COLS, "(enlarge it)", A_NORMAL);
	wnoutrefresh(stdscr);
}

static void
draw_title(struct tui *t)
{
	int x = 0, w = COLS;
	size_t i;
	char *s;

	draw_blank(t->title, 0, 0, (size_t)w, draw_attr.title);
	x += (int)draw_text(t->title, 0, 0, (size_t)w, " accelscope ",
	    draw_attr.title | A_BOLD);
	for (i = 0; i < t->npanes; i++) {
		t->tabx[i] = x;
		if (x >= w)
			continue;
		s = xasprintf(" %zu %s ", i + 1, t->list[i]->name);
		x += (int)draw_text(t->title, 0, x, (size_t)(w - x), s,
		    i == t->cur ? draw_attr.tab_on : draw_attr.tab);
		free(s);
	}
	t->tabx[t->npanes] = x;
	s = xasprintf("%s ", t->origin);
	if (x + (int)utf8_width(s) + 2 < w)
		draw_text_right(t->title, 0, x, (size_t)(w - x), s,
		    draw_attr.title);
	free(s);
	wnoutrefresh(t->title);
}

static void
draw_status(struct tui *t)
{
	int w = COLS;
	char *s;
	const char *help = t->nover ? "Esc back  ? help" :
	    t->panes[t->cur].ops->edit != NULL ? "Enter edit  ? help  q quit" :
	    "Enter detail  ? help  q quit";

	draw_blank(t->status, 0, 0, (size_t)w, draw_attr.status);
	if (t->prompt) {
		size_t used;

		if (t->prompt == '=')
			s = xasprintf("%s: %s", t->plabel, t->text.s ?
			    t->text.s : "");
		else
			s = xasprintf("%c%s", t->prompt, t->text.s ?
			    t->text.s : "");
		used = draw_text(t->status, 0, 0, (size_t)w, s, A_NORMAL);
		free(s);
		if (t->perr != NULL && (int)used + 4 < w)
			draw_text(t->status, 0, (int)used + 3, (size_t)w -
			    used - 3, t->perr, draw_attr.error);
		else if (t->pdefer && (int)used + 4 < w)
			draw_text(t->status, 0, (int)used + 3, (size_t)w -
			    used - 3, "(a big table: Enter filters)",
			    draw_attr.dim);
		else if (t->phint != NULL && (int)used + 4 < w)
			draw_text(t->status, 0, (int)used + 3, (size_t)w -
			    used - 3, t->phint, draw_attr.dim);
		wnoutrefresh(t->status);
		return;
	}
	if (t->msg != NULL)
		s = xstrdup(t->msg);
	else if (t->nover)
		s = textview_status(t->over[t->nover - 1]);
	else
		s = t->panes[t->cur].ops->status(pane_at(t, t->cur));
	draw_text_cut(t->status, 0, 1, (size_t)w > 1 ? (size_t)w - 1 : 0, s,
	    t->msg ? draw_attr.status | A_BOLD : draw_attr.status);
	if ((int)strlen(s) + (int)strlen(help) + 4 < w)
		draw_text_right(t->status, 0, w - (int)strlen(help) - 1,
		    strlen(help), help, draw_attr.status);
	free(s);
	wnoutrefresh(t->status);
}

static void
draw(struct tui *t)
{
	int h, w;

	if (t->small) {
		draw_small();
		doupdate();
		return;
	}
	getmaxyx(t->body, h, w);
	draw_title(t);
	werase(t->body);
	if (t->nover) {
		draw_text(t->body, 0, 0, (size_t)w, t->over_title[t->nover - 1],
		    draw_attr.header);
		textview_draw(t->over[t->nover - 1], t->body, 1, 0, h - 1, w);
	} else
		t->panes[t->cur].ops->draw(pane_at(t, t->cur), t->body, h, w);
	wnoutrefresh(t->body);
	draw_status(t);
	doupdate();
}

static void
push(struct tui *t, struct doc *d, const char *title)
{
	if (d == NULL)
		return;
	if (t->nover == MAX_OVERLAYS) {
		doc_free(d);
		set_msg(t, xstrdup("Too many screens open: press Esc"));
		return;
	}
	t->over[t->nover] = textview_new(d);
	t->over_title[t->nover] = xstrdup(title);
	t->nover++;
}

static void
pop(struct tui *t)
{
	t->nover--;
	textview_free(t->over[t->nover]);
	free(t->over_title[t->nover]);
}

static struct doc *
help_doc(void)
{
	struct doc *d = doc_new();
	const struct keybind *k;
	size_t n, i, j;
	char keys[64], *s;

	doc_add(d, DOC_TITLE, "%s", "accelscope: keys");
	doc_add(d, DOC_PARA, "%s", "Everything here is also in "
	    "accelscope(1), section KEYS.  Esc or q closes this help.  "
	    "The name after each line is the action's, for : and for bind "
	    "in the config file.");
	doc_add(d, DOC_BLANK, "%s", "");
	k = keymap_table(&n);
	for (i = 0; i < n; i++) {
		const char *kv[8];
		size_t nk = keymap_keys_for(k[i].action, kv, 8);

		/* The keys as bound now: the config file may move them. */
		snprintf(keys, sizeof keys, "%s", nk ? "" : "(unbound)");
		for (j = 0; j < nk && j < 8; j++) {
			if (j)
				strncat(keys, ", ", sizeof keys - strlen(keys)
				    - 1);
			strncat(keys, kv[j], sizeof keys - strlen(keys) - 1);
		}
		/* The keys as a label: a long line wraps under its text. */
		if (*k[i].where)
			s = xasprintf("%s (%s)  [%s]", k[i].help, k[i].where,
			    k[i].name);
		else
			s = xasprintf("%s  [%s]", k[i].help, k[i].name);
		doc_field(d, keys, s);
		free(s);
	}
	doc_add(d, DOC_BLANK, "%s", "");
	doc_add(d, DOC_HEADING, "%s", "Markers");
	doc_add(d, DOC_PRE, "%s", "  >   the selected row");
	doc_add(d, DOC_PRE, "%s", "  a   announced, not yet shipping");
	doc_add(d, DOC_PRE, "%s", "  ?   unverified: only the articles "
	    "name it");
	doc_add(d, DOC_PRE, "%s", "  !   the sources disagree on this "
	    "figure (Enter shows all of them)");
	return d;
}

/* Name a key as keymap.h does; "" for keys with no name. */
static void
keyname_of(int isfunc, wint_t c, char *out, size_t len)
{
	out[0] = '\0';
	if (isfunc) {
		switch (c) {
		case KEY_UP: snprintf(out, len, "Up"); break;
		case KEY_DOWN: snprintf(out, len, "Down"); break;
		case KEY_LEFT: snprintf(out, len, "Left"); break;
		case KEY_RIGHT: snprintf(out, len, "Right"); break;
		case KEY_PPAGE: snprintf(out, len, "PgUp"); break;
		case KEY_NPAGE: snprintf(out, len, "PgDn"); break;
		case KEY_HOME: snprintf(out, len, "Home"); break;
		case KEY_END: snprintf(out, len, "End"); break;
		case KEY_BTAB: snprintf(out, len, "S-Tab"); break;
		case KEY_ENTER: snprintf(out, len, "Enter"); break;
		case KEY_BACKSPACE: snprintf(out, len, "Backspace"); break;
		case KEY_DC: snprintf(out, len, "Delete"); break;
		case KEY_IC: snprintf(out, len, "Insert"); break;
		default:
			if (c >= KEY_F(1) && c <= KEY_F(12))
				snprintf(out, len, "F%d", (int)(c - KEY_F0));
			break;
		}
		return;
	}
	if (c == '\t')
		snprintf(out, len, "Tab");
	else if (c == '\n' || c == '\r')
		snprintf(out, len, "Enter");
	else if (c == 27)
		snprintf(out, len, "Esc");
	else if (c == ' ')
		snprintf(out, len, "Space");
	else if (c == 127)
		snprintf(out, len, "Backspace");
	else if (c >= 1 && c <= 26)
		snprintf(out, len, "C-%c", (int)(c + 'a' - 1));
	else if (c > ' ' && c < 127)
		snprintf(out, len, "%c", (int)c);
}

/* Find in whatever is in front: a detail screen or the pane. */
static void
find(struct tui *t, int dir)
{
	struct pane *p = pane_at(t, t->cur);
	int r;

	if (t->finder == NULL) {
		set_msg(t, xstrdup("No find yet: press / first"));
		return;
	}
	if (t->nover)
		r = textview_find(t->over[t->nover - 1], t->finder, dir);
	else
		r = p->ops->find(p, t->finder, dir);
	if (r == 0)
		set_msg(t, xasprintf("Not found: %s",
		    finder_pattern(t->finder)));
	else if (r == 2)
		set_msg(t, xstrdup(dir > 0 ? "Search wrapped to the top" :
		    "Search wrapped to the bottom"));
}

/* Free the last find; panes and screens hold it to highlight: clear them. */
static void
forget_finder(struct tui *t)
{
	size_t i;

	for (i = 0; i < t->npanes; i++)
		if (t->ready[i])
			t->panes[i].ops->find(&t->panes[i], NULL, 1);
	for (i = 0; i < t->nover; i++)
		textview_find(t->over[i], NULL, 1);
	finder_free(t->finder);
	t->finder = NULL;
}

/* Filtering as typed is for tables this small, and this quick to filter. */
#define LIVE_FILTER_CELLS	1000000
#define LIVE_FILTER_MS		80

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Is the current pane a table too big to filter at each key? */
static int
big_table(struct tui *t)
{
	struct pane *p = pane_at(t, t->cur);

	/* Only the table panes (those that filter) grow big. */
	return p->ops->filter != NULL && pane_table_cells(p) >
	    LIVE_FILTER_CELLS;
}

/*
 * Before work that takes a while on a big table (a filter, a sort), say on
 * the status line what is going on, so the screen does not seem stuck.
 */
static void
busy(struct tui *t, const char *what)
{
	if (t->small || !big_table(t))
		return;
	draw_blank(t->status, 0, 0, (size_t)COLS, draw_attr.status);
	draw_text(t->status, 0, 1, COLS > 1 ? (size_t)COLS - 1 : 0, what,
	    draw_attr.status | A_BOLD);
	wnoutrefresh(t->status);
	doupdate();
}

/*
 * Apply the filter as typed to the current pane; errors show live.  As
 * typed (live), on a table too big to filter at each key, it is only
 * checked, and applied when Enter is pressed.
 */
static void
filter_live(struct tui *t, const char *typed, int live)
{
	struct pane *p = pane_at(t, t->cur);
	struct diags dl;
	int inv = typed[0] == '!', r;
	const char *expr = typed + inv;
	double t0;

	free(t->perr);
	t->perr = NULL;
	diags_init(&dl);
	if (live && t->pdefer) {
		if (pane_table_filter_check(p, expr, &dl) != 0 && dl.n)
			t->perr = diag_format(&dl.v[0]);
		diags_done(&dl);
		return;
	}
	if (!live)
		busy(t, "Filtering...");
	t0 = now_ms();
	r = p->ops->filter(p, expr, inv, NULL, &dl);
	if (live && now_ms() - t0 > LIVE_FILTER_MS)
		t->pdefer = 1;
	if (r != 0 && dl.n)
		t->perr = diag_format(&dl.v[0]);
	else {
		free(t->filter_text[t->cur]);
		t->filter_text[t->cur] = *expr ? xstrdup(typed) : NULL;
	}
	diags_done(&dl);
}

/* The filter from before the & prompt opened, back in place. */
static void
restore_filter(struct tui *t)
{
	filter_live(t, t->saved ? t->saved : "", 0);
}

static void
history_add(struct tui *t, int k, const char *s)
{
	if (*s == '\0' || (t->nhist[k] && strcmp(t->hist[k][t->nhist[k] -
	    1], s) == 0))
		return;
	if (t->nhist[k] == MAX_HISTORY) {
		free(t->hist[k][0]);
		memmove(t->hist[k], t->hist[k] + 1, (MAX_HISTORY - 1) *
		    sizeof t->hist[k][0]);
		t->nhist[k]--;
	}
	t->hist[k][t->nhist[k]++] = xstrdup(s);
}

/* The history list of a prompt kind. */
static int
hist_of(int kind)
{
	return kind == '&' ? 1 : kind == ':' ? 2 : 0;
}

static void
forget_completion(struct tui *t)
{
	while (t->ncomp)
		free(t->comp[--t->ncomp]);
	free(t->comp);
	t->comp = NULL;
	t->icomp = 0;
	free(t->phint);
	t->phint = NULL;
}

static void
prompt_open(struct tui *t, int kind)
{
	struct pane *p = pane_at(t, t->cur);

	if (kind == '&' && (t->nover || p->ops->filter == NULL)) {
		set_msg(t, xstrdup("Filters apply to the table panes: "
		    "Scenarios, Specs, Sources"));
		return;
	}
	t->prompt = kind;
	buf_reset(&t->text);
	buf_puts(&t->text, "");
	t->hpos = t->nhist[hist_of(kind)];
	free(t->saved);
	t->saved = kind == '&' && t->filter_text[t->cur] ?
	    xstrdup(t->filter_text[t->cur]) : NULL;
	free(t->perr);
	t->perr = NULL;
	t->pdefer = kind == '&' && big_table(t);
	forget_completion(t);
	if (kind == '&' && t->saved != NULL)
		buf_puts(&t->text, t->saved);
}

/*
 * Tab at the ':' prompt: one candidate is put in whole; several grow the
 * word to what they share and are listed, and when it cannot grow each
 * further Tab puts the next candidate in its place.
 */
static void
complete(struct tui *t)
{
	static const char *const panes[] = { "matrix", "scenarios", "specs",
	    "diff", "calculator", "sources" };
	struct buf hint;
	size_t len, i, nthemes, typed;
	char **themes;

	if (t->comp != NULL) {
		t->icomp = (t->icomp + 1) % t->ncomp;
		t->text.len = t->cstart;
		t->text.s[t->cstart] = '\0';
		buf_puts(&t->text, t->comp[t->icomp]);
		return;
	}
	themes = themes_names(&nthemes);
	t->comp = cmd_complete(t->text.s, (const char *const *)themes,
	    nthemes, panes, sizeof panes / sizeof panes[0], &t->ncomp,
	    &t->cstart);
	for (i = 0; i < nthemes; i++)
		free(themes[i]);
	free(themes);
	if (t->ncomp == 0) {
		forget_completion(t);
		t->phint = xstrdup("(no completions)");
		return;
	}
	typed = t->text.len - t->cstart;
	len = cmd_common_prefix(t->comp, t->ncomp);
	t->text.len = t->cstart;
	t->text.s[t->cstart] = '\0';
	if (t->ncomp == 1) {
		buf_puts(&t->text, t->comp[0]);
		buf_puts(&t->text, " ");
		forget_completion(t);
		return;
	}
	buf_putn(&t->text, t->comp[0], len);
	buf_init(&hint);
	buf_puts(&hint, "");
	for (i = 0; i < t->ncomp; i++) {
		if (i)
			buf_puts(&hint, " ");
		buf_puts(&hint, t->comp[i]);
	}
	free(t->phint);
	t->phint = hint.s;
	/* The next Tab starts with the first candidate. */
	t->icomp = t->ncomp - 1;
	if (len == typed)
		complete(t);
}

/* ~/ at the start of a file name is the home directory, as in a shell. */
static char *
expand_home(const char *path)
{
	const char *h = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && h != NULL)
		return xasprintf("%s/%s", h, path + 2);
	return xstrdup(path);
}

/* :w FILE: the pane's view, in the format the extension names. */
static void
write_view(struct tui *t, const char *file, int force)
{
	struct pane *p = pane_at(t, t->cur);
	struct grid *g;
	struct diags dl;
	char *path, *out, *e;
	int fmt;

	if ((fmt = export_format_for(file)) < 0) {
		e = text_escape(file);
		set_msg(t, xasprintf("w: \"%s\": name the file .csv, .tsv, "
		    ".md or .json", e));
		free(e);
		return;
	}
	if (p->ops->export == NULL || (g = p->ops->export(p, 0)) == NULL) {
		set_msg(t, xasprintf("Nothing to write in %s", p->ops->name));
		return;
	}
	path = expand_home(file);
	/* The Calculator's results as calc --format json prints them. */
	if (fmt == GRID_JSON && p->ops == &pane_calc_ops)
		out = grid_format_object(g);
	else
		out = grid_format(g, (enum grid_format)fmt);
	diags_init(&dl);
	e = text_escape(path);
	if (export_write(path, out, strlen(out), force, &dl) != 0)
		set_msg(t, diag_format(&dl.v[0]));
	else
		set_msg(t, xasprintf("Wrote %zu rows of %s to %s (%s)",
		    g->nrows, p->ops->name, e, grid_format_name(
		    (enum grid_format)fmt)));
	diags_done(&dl);
	free(e);
	free(out);
	free(path);
	grid_free(g);
}

/* y: the selected row, tab-separated, to the clipboard by OSC 52. */
static void
copy_row(struct tui *t)
{
	struct pane *p = pane_at(t, t->cur);
	struct grid *g = NULL;
	char *out, *row, *osc, *e;
	size_t len;

	if (t->nover || p->ops->export == NULL ||
	    (g = p->ops->export(p, 1)) == NULL || g->nrows == 0) {
		if (!t->nover && p->ops->export != NULL)
			grid_free(g);
		set_msg(t, xstrdup("No row to copy here"));
		return;
	}
	out = grid_format(g, GRID_TSV);
	/* The header line stays out: the row alone pastes into a sheet. */
	row = strchr(out, '\n');
	row = row != NULL ? row + 1 : out;
	len = strlen(row);
	if (len > 0 && row[len - 1] == '\n')
		row[--len] = '\0';
	osc = export_osc52(row, len);
	fputs(osc, stdout);
	fflush(stdout);
	e = text_escape(grid_get(g, 0, 0));
	set_msg(t, xasprintf("Copied %s (%zu bytes) with OSC 52: the "
	    "terminal must allow it", e, len));
	free(e);
	free(osc);
	free(out);
	grid_free(g);
}

static void
set_mouse(struct tui *t, int on)
{
	t->mouse = on;
	if (on) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		    NULL);
		mouseinterval(0);
	} else
		mousemask(0, NULL);
}

static int apply(struct tui *, enum action);

/* T: the next theme in name order. */
static void
next_theme(struct tui *t)
{
	size_t n, i, k = 0;
	char **v = themes_names(&n), *err = NULL;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], draw_theme_current()) == 0)
			k = (i + 1) % n;
	if (n > 0 && draw_use_theme(v[k], &err) != 0)
		set_msg(t, err);
	else {
		free(err);
		set_msg(t, xasprintf("Theme %s (T for the next; :theme NAME)",
		    draw_theme_current()));
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	layout(t);
}

/* Run a line typed at the ':' prompt.  Returns 1 to quit. */
static int
run_command(struct tui *t, const char *line)
{
	struct cmd c;
	struct diags dl;
	char *err = NULL, *e;
	int r = 0, k;

	diags_init(&dl);
	if (cmd_parse(line, CMD_IN_PROMPT, NULL, 1, &c, &dl) != 0) {
		set_msg(t, diag_format(&dl.v[0]));
		diags_done(&dl);
		return 0;
	}
	diags_done(&dl);
	switch (c.kind) {
	case CMD_ACTION:
		r = apply(t, c.action);
		break;
	case CMD_THEME:
		if (draw_use_theme(c.arg, &err) != 0)
			set_msg(t, err);
		else {
			set_msg(t, xasprintf("Theme %s", draw_theme_current()));
			free(err);
		}
		layout(t);
		break;
	case CMD_MOUSE:
		set_mouse(t, c.on);
		set_msg(t, xstrdup(c.on ? "Mouse on" : "Mouse off"));
		break;
	case CMD_PANE:
		for (k = 0; k < (int)t->npanes; k++)
			if (strcasecmp(c.arg, t->list[k]->name) == 0)
				break;
		if (k == (int)t->npanes) {
			e = text_escape(c.arg);
			set_msg(t, xasprintf("1:%u: error: unknown pane \"%s\" "
			    "(panes: %s)", c.argcol, e, t->ds != NULL ?
			    tui_pane_names() : "table, diff"));
			free(e);
		} else {
			while (t->nover)
				pop(t);
			t->cur = (size_t)k;
		}
		break;
	case CMD_BIND:
		keymap_bind(c.arg, c.action);
		set_msg(t, c.action == ACT_NONE ? xasprintf("%s does nothing "
		    "now", c.arg) : xasprintf("%s runs %s now", c.arg,
		    keymap_action_name(c.action)));
		break;
	case CMD_WRITE:
		write_view(t, c.arg, c.force);
		break;
	default:
		break;
	}
	cmd_done(&c);
	return r;
}

/* A key while the prompt is open.  Returns 1 to quit. */
static int
prompt_key(struct tui *t, int isfunc, wint_t c)
{
	int k = t->prompt == '&', h = hist_of(t->prompt);
	int changed = 0;

	if (!(!isfunc && c == '\t'))
		forget_completion(t);
	if (t->prompt == '=' && !isfunc && (c == '\n' || c == '\r')) {
		struct pane *p = pane_at(t, t->cur);
		char *err = NULL;

		t->prompt = 0;
		if (p->ops->edit_apply(p, t->text.s, &err) != 0)
			set_msg(t, xasprintf("%s (unchanged)", err));
		free(err);
		return 0;
	}
	if (t->prompt == '=' && isfunc && (c == KEY_UP || c == KEY_DOWN))
		return 0;	/* no history for form fields */
	if (t->prompt == ':' && !isfunc && c == '\t') {
		complete(t);
		return 0;
	}
	if (!isfunc && (c == '\n' || c == '\r')) {
		char *typed = xstrdup(t->text.s);
		int r = 0;

		t->prompt = 0;
		history_add(t, h, typed);
		if (h == 2)
			r = run_command(t, typed);
		else if (k) {
			filter_live(t, typed, 0);
			if (t->perr != NULL) {
				/* The filter from before the prompt, not the
				   last good prefix typed. */
				char *m = xasprintf("%s (the filter is as it "
				    "was)", t->perr);

				restore_filter(t);
				set_msg(t, m);
				free(t->perr);
				t->perr = NULL;
			}
		} else if (*typed) {
			struct diags dl;

			diags_init(&dl);
			forget_finder(t);
			t->finder = finder_new(typed, &dl);
			if (t->finder == NULL) {
				char *m = diag_format(&dl.v[0]);

				set_msg(t, m);
			} else
				find(t, 1);
			diags_done(&dl);
		}
		free(typed);
		return r;
	}
	if (!isfunc && c == 27) {
		/* Esc: the filter goes back to what it was. */
		if (k)
			restore_filter(t);
		free(t->perr);
		t->perr = NULL;
		t->prompt = 0;
		return 0;
	}
	if ((isfunc && c == KEY_BACKSPACE) || (!isfunc && (c == 127 ||
	    c == 8))) {
		if (t->text.len == 0) {
			if (k)
				restore_filter(t);
			t->prompt = 0;
			return 0;
		}
		/* Drop one whole character. */
		do
			t->text.len--;
		while (t->text.len > 0 &&
		    ((unsigned char)t->text.s[t->text.len] & 0xc0) == 0x80);
		t->text.s[t->text.len] = '\0';
		changed = 1;
	} else if (!isfunc && c == 21) {
		/* C-u: clear the line, as in a shell. */
		buf_reset(&t->text);
		buf_puts(&t->text, "");
		changed = 1;
	} else if (isfunc && (c == KEY_UP || c == KEY_DOWN)) {
		if (c == KEY_UP && t->hpos > 0)
			t->hpos--;
		else if (c == KEY_DOWN && t->hpos < t->nhist[h])
			t->hpos++;
		buf_reset(&t->text);
		buf_puts(&t->text, t->hpos < t->nhist[h] ?
		    t->hist[h][t->hpos] : "");
		changed = 1;
	} else if (!isfunc && c >= ' ' && c != 127 && t->text.len < 1000) {
		char mb[8];
		int n;
		mbstate_t st;

		memset(&st, 0, sizeof st);
		n = (int)wcrtomb(mb, (wchar_t)c, &st);
		if (n > 0) {
			buf_putn(&t->text, mb, (size_t)n);
			changed = 1;
		}
	}
	if (changed && k)
		filter_live(t, t->text.s, 1);
	return 0;
}

/* Apply one action.  Returns 1 to quit. */
static int
apply(struct tui *t, enum action a)
{
	struct pane *p = pane_at(t, t->cur);

	switch (a) {
	case ACT_QUIT:
		return 1;
	case ACT_BACK:
	case ACT_CLOSE:
		if (t->nover) {
			pop(t);
			return 0;
		}
		if (a == ACT_BACK && p->ops->filter != NULL &&
		    pane_table_filtered(p)) {
			filter_live(t, "", 0);
			return 0;
		}
		return a == ACT_CLOSE;
	case ACT_FIND:
		prompt_open(t, '/');
		return 0;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		find(t, a == ACT_FIND_NEXT ? 1 : -1);
		return 0;
	case ACT_FILTER:
		prompt_open(t, '&');
		return 0;
	case ACT_COMMAND:
		prompt_open(t, ':');
		return 0;
	case ACT_COPY:
		copy_row(t);
		return 0;
	case ACT_THEME:
		next_theme(t);
		return 0;
	case ACT_HELP:
		push(t, help_doc(), "Help");
		return 0;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	default:
		break;
	}
	if (t->nover) {
		/* Space pages down in a detail, as in less. */
		textview_move(t->over[t->nover - 1], a == ACT_MARK ?
		    ACT_PAGE_DOWN : a);
		return 0;
	}
	switch (a) {
	case ACT_NEXT_PANE:
		t->cur = (t->cur + 1) % t->npanes;
		return 0;
	case ACT_PREV_PANE:
		t->cur = (t->cur + t->npanes - 1) % t->npanes;
		return 0;
	case ACT_PANE_1:
	case ACT_PANE_2:
	case ACT_PANE_3:
	case ACT_PANE_4:
	case ACT_PANE_5:
	case ACT_PANE_6:
		if ((size_t)(a - ACT_PANE_1) < t->npanes)
			t->cur = (size_t)(a - ACT_PANE_1);
		return 0;
	case ACT_FIT: {
		long sc;
		char *label;
		struct diags dl;

		if (p->ops != &pane_scenarios_ops ||
		    (sc = pane_scenarios_selected(p)) < 0) {
			set_msg(t, xstrdup("f works in the Scenarios pane"));
			return 0;
		}
		t->cur = 2;	/* Specs */
		p = pane_at(t, t->cur);
		label = xasprintf("scenario %s", dataset_field(t->ds,
		    DS_SCENARIOS, (size_t)sc, SC_TITLE));
		diags_init(&dl);
		if (p->ops->filter(p, dataset_field(t->ds, DS_SCENARIOS,
		    (size_t)sc, SC_FILTER), 0, label, &dl) != 0 && dl.n)
			set_msg(t, diag_format(&dl.v[0]));
		else {
			free(t->filter_text[t->cur]);
			t->filter_text[t->cur] = xstrdup(dataset_field(t->ds,
			    DS_SCENARIOS, (size_t)sc, SC_FILTER));
		}
		diags_done(&dl);
		free(label);
		return 0;
	}
	case ACT_DIFF: {
		size_t rows[DIFF_MAX + 1], n, k;

		if (p->ops->marked == NULL) {
			set_msg(t, xasprintf("d works in %s: mark rows with "
			    "Space", t->ds != NULL ? "Specs" : "the table"));
			return 0;
		}
		n = p->ops->marked(p, rows, DIFF_MAX + 1);
		if (n < 2 || n > DIFF_MAX) {
			set_msg(t, xasprintf("%zu marked: a diff takes 2 to %d "
			    "%s%s", n, DIFF_MAX,
			    t->ds != NULL ? "chips" : "rows", n > DIFF_MAX ?
			    " (M clears the marks)" : ""));
			return 0;
		}
		for (k = 0; k < t->npanes; k++)
			if (t->list[k]->compare != NULL) {
				t->list[k]->compare(pane_at(t, k), rows, n);
				t->cur = k;
			}
		return 0;
	}
	case ACT_ENTER: {
		struct doc *d;
		char *title, *text;

		if (p->ops->edit != NULL) {
			free(t->plabel);
			text = p->ops->edit(p, &t->plabel);
			t->prompt = '=';
			buf_reset(&t->text);
			buf_puts(&t->text, text);
			free(text);
			return 0;
		}
		d = p->ops->detail(p);
		title = xasprintf("%s detail", p->ops->name);

		push(t, d, title);
		free(title);
		return 0;
	}
	default:
		if (a == ACT_SORT)
			busy(t, "Sorting...");
		p->ops->key(p, a);
		return 0;
	}
}

/* The pane whose tab is at column x of the title line, or -1. */
static int
tab_at(const struct tui *t, int x)
{
	size_t i;

	for (i = 0; i < t->npanes; i++)
		if (x >= t->tabx[i] && x < t->tabx[i + 1])
			return (int)i;
	return -1;
}

/*
 * A mouse event: a click on a tab opens its pane, on a pane selects what
 * is there; the wheel moves as j and k do.
 */
static void
mouse_event(struct tui *t)
{
	MEVENT ev;
	int k, i;

	if (getmouse(&ev) != OK || t->small || t->prompt)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		for (i = 0; i < 3; i++)
			apply(t, ev.bstate & BUTTON4_PRESSED ? ACT_UP :
			    ACT_DOWN);
		return;
	}
	if (!(ev.bstate & BUTTON1_PRESSED))
		return;
	if (ev.y == 0) {
		if ((k = tab_at(t, ev.x)) >= 0) {
			while (t->nover)
				pop(t);
			t->cur = (size_t)k;
		}
		return;
	}
	if (ev.y < LINES - 1 && !t->nover &&
	    t->panes[t->cur].ops->click != NULL)
		t->panes[t->cur].ops->click(pane_at(t, t->cur), ev.y - 1, ev.x);
}

/*
 * The explorer on ds, or in view mode (ds NULL) on the CSV table, which the
 * Table pane takes over.  origin is shown at the right of the title.
 */
static int
run(const struct dataset *ds, struct grid *table, const char *origin,
    const struct tui_opts *o)
{
	struct tui t;
	struct sigaction sa;
	struct config cf;
	struct diags cdl;
	size_t i;
	int r, quit = 0;
	wint_t c;
	char name[16];
	WINDOW *input;

	memset(&t, 0, sizeof t);
	t.ds = ds;
	t.origin = origin;
	t.list = ds != NULL ? pane_list : view_list;
	while (t.list[t.npanes] != NULL)
		t.npanes++;
	/* The config file first; the command line overrides it. */
	diags_init(&cdl);
	config_load(&cf, &cdl);
	if (ds != NULL && cf.pane >= 0)
		t.cur = (size_t)cf.pane;
	if (ds != NULL && o->pane != NULL)
		t.cur = (size_t)tui_pane_by_name(o->pane);
	t.mouse = o->mouse >= 0 ? o->mouse : cf.mouse != 0;
	if (o->message != NULL)
		t.msg = xstrdup(o->message);
	else if (cdl.n > 0) {
		char *m = diag_format(&cdl.v[0]);

		t.msg = cdl.n == 1 ? m : xasprintf("%s (and %zu more)", m,
		    cdl.n - 1);
		if (cdl.n > 1)
			free(m);
	}
	diags_done(&cdl);
	buf_init(&t.text);
	for (i = 0; i < t.npanes; i++) {
		t.panes[i].ops = t.list[i];
		t.panes[i].grid = table;
	}
	if (o->filter != NULL) {
		/* The start-up filter: Specs unless another table was named. */
		struct pane *p;
		struct diags dl;

		if (o->pane == NULL || t.panes[t.cur].ops->filter == NULL)
			t.cur = ds != NULL ? 2 : 0;
		p = pane_at(&t, t.cur);
		diags_init(&dl);
		if (p->ops->filter(p, o->filter, 0, NULL, &dl) != 0) {
			cli_print_filter_error(o->filter, &dl);
			diags_done(&dl);
			for (i = 0; i < t.npanes; i++)
				if (t.ready[i])
					t.panes[i].ops->done(&t.panes[i]);
			buf_done(&t.text);
			free(t.msg);
			config_done(&cf);
			return 2;
		}
		diags_done(&dl);
		t.filter_text[t.cur] = xstrdup(o->filter);
	}

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	{
		/* Not where job control is off (SIGTSTP ignored). */
		struct sigaction cur;

		if (sigaction(SIGTSTP, NULL, &cur) == 0 &&
		    cur.sa_handler == SIG_DFL) {
			sa.sa_handler = on_tstp;
			sigaction(SIGTSTP, &sa, NULL);
		}
	}

	die_set_hook(restore_terminal);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	{
		const char *nc = getenv("NO_COLOR");
		int colour = has_colors() && (nc == NULL || *nc == '\0');

		if (colour) {
			start_color();
			use_default_colors();
		}
		draw_init(colour);
	}
	{
		/* --theme, else the config file's, else default. */
		char *err = NULL;
		const char *th = o->theme != NULL ? o->theme : cf.theme;

		if (th != NULL && draw_use_theme(th, &err) != 0) {
			if (o->theme == NULL && cf.theme_line > 0) {
				char *m = xasprintf("%s:%u:%u: %s", cf.path,
				    cf.theme_line, cf.theme_col, err);

				free(err);
				err = m;
			}
			set_msg(&t, err);
		} else
			free(err);
	}
	config_done(&cf);
	set_mouse(&t, t.mouse);
	/*
	 * Keys are read through a pad: wget_wch() on a window refreshes it
	 * first, which would paint it over the panes; on a pad it does not.
	 */
	input = newpad(1, 1);
	keypad(input, TRUE);
	wtimeout(input, 250);
	layout(&t);

	while (!quit && !got_signal) {
		if (got_tstp) {
			suspend();
			t.dirty = 1;
		}
		if (t.dirty) {
			draw(&t);
			t.dirty = 0;
		}
		r = wget_wch(input, &c);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && c == KEY_RESIZE) {
			layout(&t);
			continue;
		}
		set_msg(&t, NULL);
		t.dirty = 1;
		if (r == KEY_CODE_YES && c == KEY_MOUSE) {
			mouse_event(&t);
			continue;
		}
		if (t.prompt) {
			quit = prompt_key(&t, r == KEY_CODE_YES, c);
			continue;
		}
		keyname_of(r == KEY_CODE_YES, c, name, sizeof name);
		if (name[0] == '\0')
			continue;
		quit = apply(&t, keymap_lookup(name));
	}

	delwin(input);
	endwin();
	draw_done();
	forget_finder(&t);
	while (t.nover)
		pop(&t);
	for (i = 0; i < t.npanes; i++) {
		if (t.ready[i])
			t.panes[i].ops->done(&t.panes[i]);
		free(t.filter_text[i]);
	}
	forget_completion(&t);
	for (i = 0; i < 3; i++)
		while (t.nhist[i])
			free(t.hist[i][--t.nhist[i]]);
	free(t.saved);
	free(t.perr);
	free(t.plabel);
	buf_done(&t.text);
	set_msg(&t, NULL);
	return got_signal ? 128 + got_signal : 0;
}

int
tui_run(const struct dataset *ds, const struct tui_opts *o)
{
	return run(ds, NULL, ds->origin, o);
}

int
tui_view(struct grid *table, const char *name, const struct tui_opts *o)
{
	return run(NULL, table, name, o);
}
