/*
 * The Diff pane: two to four chips side by side (diff.h), shown in a
 * table view.  The best value of each row is highlighted and carries '*',
 * so it reads without colour; } and { jump between rows that differ; D
 * hides the rows that do not.
 */
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "diff.h"
#include "draw.h"
#include "pane.h"
#include "tview.h"
#include "view.h"
#include "xmalloc.h"

struct diffpane {
	struct diff	*d;		/* owned, or NULL: nothing to show */
	struct tview	 tv;
	int		 only;		/* only the rows that differ */
};

/* Put the cursor on the first shown row at or after diff row k. */
static void
goto_row(struct diffpane *dp, long k)
{
	size_t r;

	for (r = 0; r < dp->tv.g->nrows; r++)
		if ((long)dp->tv.key[r] >= k) {
			tview_goto(&dp->tv, r);
			return;
		}
}

/* Build the table from the diff, keeping the cursor on row keep. */
static void
rebuild(struct diffpane *dp, long keep)
{
	struct grid *g = diff_grid(dp->d, 1, dp->only);
	size_t n = dp->d->n, nc = g->ncols, r = 0, k, i;
	char **unit = xcalloc(nc, sizeof *unit);
	unsigned char *flag = xcalloc(g->nrows ? g->nrows * nc : 1, 1);
	size_t *key = xcalloc(g->nrows ? g->nrows : 1, sizeof *key);

	if (dp->tv.g != NULL)
		tview_done(&dp->tv);
	for (i = 0; i < n; i++)
		unit[2 + i] = xstrdup(dataset_field(dp->d->ds, DS_HARDWARE,
		    dp->d->hw[i], HW_ID));
	/* Grid rows follow the diff's, less the hidden ones; then leads. */
	for (k = 0; k < dp->d->nrows; k++) {
		if (dp->only && !dp->d->row[k].differs)
			continue;
		key[r] = k;
		for (i = 0; i < n; i++)
			if (dp->d->row[k].c[i].best)
				flag[r * nc + 2 + i] |= TVIEW_BEST;
		r++;
	}
	key[r] = dp->d->nrows;
	tview_init(&dp->tv, g);
	tview_set_units(&dp->tv, unit);
	tview_set_flags(&dp->tv, flag);
	tview_set_keys(&dp->tv, key);
	for (i = 0; i < n; i++)
		tview_widen(&dp->tv, 2 + i, 60);
	if (keep >= 0)
		goto_row(dp, keep);
}

void
pane_diff_set(struct pane *p, const size_t *hw, size_t n)
{
	struct diffpane *dp = p->data;
	struct diff *d = diff_new(p->ds, hw, n, DIFF_TOLERANCE);

	if (d == NULL)
		return;
	diff_free(dp->d);
	dp->d = d;
	rebuild(dp, -1);
}

static void
diff_init(struct pane *p, const struct dataset *ds)
{
	p->ds = ds;
	p->data = xcalloc(1, sizeof(struct diffpane));
}

static void
diff_done(struct pane *p)
{
	struct diffpane *dp = p->data;

	if (dp == NULL)
		return;
	if (dp->tv.g != NULL)
		tview_done(&dp->tv);
	diff_free(dp->d);
	free(dp);
	p->data = NULL;
}

/* An empty Diff: what to do to fill it, its first line a heading. */
static void
draw_help(WINDOW *win, int h, int w, const char *const *help, size_t n)
{
	size_t i;

	for (i = 0; i < (size_t)h; i++)
		draw_blank(win, (int)i, 0, (size_t)w, A_NORMAL);
	for (i = 0; i < n && (int)i + 1 < h; i++)
		draw_text(win, (int)i + 1, 2, w > 2 ? (size_t)w - 2 : 0,
		    help[i], i == 0 ? draw_attr.heading : A_NORMAL);
}

static void
diff_draw(struct pane *p, WINDOW *win, int h, int w)
{
	struct diffpane *dp = p->data;
	static const char *const help[] = {
		"No chips to compare yet.",
		"",
		"In Specs (3), mark two to four chips with Space and press d;",
		"or press d on a chip to compare it with the next one.",
		"",
		"Here: } and { jump between rows that differ, D shows only",
		"those, Enter shows each figure's sources.",
	};

	if (dp->d != NULL)
		tview_draw(&dp->tv, win, 0, 0, h, w);
	else
		draw_help(win, h, w, help, sizeof help / sizeof help[0]);
}

/* The diff row under the cursor, or -1 (none, or the leads row). */
static long
current(struct diffpane *dp)
{
	long r = tview_row(&dp->tv);

	if (r < 0 || dp->tv.key[r] >= dp->d->nrows)
		return -1;
	return (long)dp->tv.key[r];
}

static int
diff_key(struct pane *p, enum action a)
{
	struct diffpane *dp = p->data;
	long k, r;

	if (dp->d == NULL)
		return 0;
	switch (a) {
	case ACT_NEXT_DIFF:
	case ACT_PREV_DIFF:
		r = tview_row(&dp->tv);
		k = r < 0 ? -1 : (long)dp->tv.key[r];
		if (a == ACT_PREV_DIFF && k < 0)
			return 1;
		k = diff_next(dp->d, k, a == ACT_NEXT_DIFF ? 1 : -1);
		if (k >= 0)
			goto_row(dp, k);
		return 1;
	case ACT_ONLY_DIFF:
		dp->only = !dp->only;
		rebuild(dp, current(dp));
		return 1;
	case ACT_SORT:
		return 1;	/* rows keep the registry's order */
	default:
		return tview_move(&dp->tv, a);
	}
}

static struct doc *
diff_detail(struct pane *p)
{
	struct diffpane *dp = p->data;
	long k;

	if (dp->d == NULL || (k = current(dp)) < 0)
		return NULL;
	return detail_diff_row(dp->d, (size_t)k);
}

static char *
diff_status(struct pane *p)
{
	struct diffpane *dp = p->data;
	size_t k, ndiff = 0;

	if (dp->d == NULL)
		return xstrdup("Diff: mark chips in Specs with Space, then d");
	for (k = 0; k < dp->d->nrows; k++)
		ndiff += dp->d->row[k].differs != 0;
	return xasprintf("row %zu of %zu  %zu differ%s  } { next/previous  "
	    "D %s  * best  ≈ within " DIFF_STR(DIFF_TOLERANCE_PCT) "%%  "
	    "! conflict", dp->tv.n ?
	    dp->tv.cur + 1 : 0, dp->tv.n, ndiff, dp->only ?
	    " (only these shown)" : "", dp->only ? "all rows" :
	    "only differences");
}

static int
diff_find(struct pane *p, struct finder *fn, int dir)
{
	struct diffpane *dp = p->data;

	if (dp->d == NULL)
		return 0;
	dp->tv.find = fn;
	return fn != NULL ? tview_find(&dp->tv, fn, dir) : 0;
}

static struct grid *
diff_export(struct pane *p, int row_only)
{
	struct diffpane *dp = p->data;

	if (dp->d == NULL)
		return NULL;
	/* y copies the row as shown; :w writes what diff --format csv
	   prints: plain values, with ratios, best and conflicts in columns
	   of their own. */
	if (row_only)
		return tview_export(&dp->tv, row_only);
	return diff_grid(dp->d, 0, dp->only);
}

static int
diff_click(struct pane *p, int y, int x)
{
	struct diffpane *dp = p->data;

	return dp->d != NULL ? tview_click(&dp->tv, y, x) : 0;
}

const struct pane_ops pane_diff_ops = {
	"Diff", diff_init, diff_done, diff_draw, diff_key, diff_detail,
	diff_status, diff_find, NULL, NULL, NULL, NULL, diff_export,
	diff_click, pane_diff_set
};

/*
 * View mode: marked rows of the table side by side, a column a line.
 * Lines whose values differ carry '*'; } and { jump between them; D
 * shows only those.
 */
struct rowdiff {
	const struct grid *src;		/* the table: borrowed */
	size_t		  rows[DIFF_MAX];
	size_t		  n;		/* 0: nothing to show */
	unsigned char	 *differs;	/* per column of src; owned */
	int		  only;
	struct tview	  tv;
};

static void
rowdiff_build(struct rowdiff *rd, long keep)
{
	unsigned char *differs;
	struct grid *g = view_compare(rd->src, rd->rows, rd->n, &differs);
	size_t c, r, *key;
	char *mark;

	free(rd->differs);
	rd->differs = differs;
	if (rd->only)
		grid_keep_rows(g, differs);
	key = xcalloc(g->nrows ? g->nrows : 1, sizeof *key);
	mark = xcalloc(g->nrows ? g->nrows : 1, 1);
	for (c = 0, r = 0; c < rd->src->ncols; c++) {
		if (rd->only && !differs[c])
			continue;
		key[r] = c;
		mark[r++] = differs[c] ? '*' : ' ';
	}
	if (rd->tv.g != NULL)
		tview_done(&rd->tv);
	tview_init(&rd->tv, g);
	tview_set_keys(&rd->tv, key);
	tview_set_rowmarks(&rd->tv, mark);
	for (c = 1; c <= rd->n; c++)
		tview_widen(&rd->tv, c, 60);
	for (r = 0; keep >= 0 && r < g->nrows; r++)
		if ((long)key[r] >= keep) {
			tview_goto(&rd->tv, r);
			break;
		}
}

static void
rowdiff_set(struct pane *p, const size_t *rows, size_t n)
{
	struct rowdiff *rd = p->data;

	memcpy(rd->rows, rows, n * sizeof *rows);
	rd->n = n;
	rowdiff_build(rd, -1);
}

static void
rowdiff_init(struct pane *p, const struct dataset *ds)
{
	struct rowdiff *rd = xcalloc(1, sizeof *rd);

	(void)ds;
	rd->src = p->grid;
	p->data = rd;
}

static void
rowdiff_done(struct pane *p)
{
	struct rowdiff *rd = p->data;

	if (rd->tv.g != NULL)
		tview_done(&rd->tv);
	free(rd->differs);
	free(rd);
	p->data = NULL;
}

static void
rowdiff_draw(struct pane *p, WINDOW *win, int h, int w)
{
	struct rowdiff *rd = p->data;
	static const char *const help[] = {
		"No rows to compare yet.",
		"",
		"In the Table (1), mark two to four rows with Space and",
		"press d; or press d on a row to compare it with the next.",
		"",
		"Here: } and { jump between columns that differ, D shows only",
		"those.",
	};

	if (rd->n > 0)
		tview_draw(&rd->tv, win, 0, 0, h, w);
	else
		draw_help(win, h, w, help, sizeof help / sizeof help[0]);
}

static int
rowdiff_key(struct pane *p, enum action a)
{
	struct rowdiff *rd = p->data;
	long r, k;
	size_t c;

	if (rd->n == 0)
		return 0;
	switch (a) {
	case ACT_NEXT_DIFF:
	case ACT_PREV_DIFF:
		r = tview_row(&rd->tv);
		k = r < 0 ? -1 : (long)rd->tv.key[r];
		for (c = (size_t)(k + (a == ACT_NEXT_DIFF ? 1 : -1));
		    c < rd->src->ncols; a == ACT_NEXT_DIFF ? c++ : c--)
			if (rd->differs[c]) {
				for (r = 0; (size_t)r < rd->tv.g->nrows; r++)
					if (rd->tv.key[r] == c)
						tview_goto(&rd->tv, (size_t)r);
				break;
			}
		return 1;
	case ACT_ONLY_DIFF:
		r = tview_row(&rd->tv);
		rd->only = !rd->only;
		rowdiff_build(rd, r < 0 ? -1 : (long)rd->tv.key[r]);
		return 1;
	case ACT_SORT:
		return 1;	/* lines keep the table's column order */
	default:
		return tview_move(&rd->tv, a);
	}
}

static struct doc *
rowdiff_detail(struct pane *p)
{
	struct rowdiff *rd = p->data;
	struct doc *d;
	long r;
	size_t k, c;

	if (rd->n == 0 || (r = tview_row(&rd->tv)) < 0)
		return NULL;
	c = rd->tv.key[r];
	d = doc_new();
	doc_add(d, DOC_TITLE, "%s", rd->src->head[c]);
	for (k = 0; k < rd->n; k++) {
		const char *v = grid_get(rd->src, rd->rows[k], c);
		char *label = xasprintf("row %zu", rd->rows[k] + 1);

		doc_field(d, label, *v != '\0' ? v : "(empty)");
		free(label);
	}
	return d;
}

static char *
rowdiff_status(struct pane *p)
{
	struct rowdiff *rd = p->data;
	size_t c, ndiff = 0;

	if (rd->n == 0)
		return xstrdup("Diff: mark rows in the Table with Space, "
		    "then d");
	for (c = 0; c < rd->src->ncols; c++)
		ndiff += rd->differs[c] != 0;
	return xasprintf("line %zu of %zu  %zu differ%s  } { next/previous  "
	    "D %s  * differs", rd->tv.n ? rd->tv.cur + 1 : 0, rd->tv.n,
	    ndiff, rd->only ? " (only these shown)" : "", rd->only ?
	    "all columns" : "only differences");
}

static int
rowdiff_find(struct pane *p, struct finder *fn, int dir)
{
	struct rowdiff *rd = p->data;

	if (rd->n == 0)
		return 0;
	rd->tv.find = fn;
	return fn != NULL ? tview_find(&rd->tv, fn, dir) : 0;
}

static struct grid *
rowdiff_export(struct pane *p, int row_only)
{
	struct rowdiff *rd = p->data;

	return rd->n > 0 ? tview_export(&rd->tv, row_only) : NULL;
}

static int
rowdiff_click(struct pane *p, int y, int x)
{
	struct rowdiff *rd = p->data;

	return rd->n > 0 ? tview_click(&rd->tv, y, x) : 0;
}

const struct pane_ops pane_view_diff_ops = {
	"Diff", rowdiff_init, rowdiff_done, rowdiff_draw, rowdiff_key,
	rowdiff_detail, rowdiff_status, rowdiff_find, NULL, NULL, NULL, NULL,
	rowdiff_export, rowdiff_click, rowdiff_set
};
