/*
 * The panes that are tables: Scenarios, Specs and Sources.  Each builds a
 * grid from the dataset and hands it to a table view (tview.h).
 */
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "pane.h"
#include "tview.h"
#include "view.h"
#include "xmalloc.h"

/* The dataset row grid row r shows; without keys, r itself. */
#define KEY(tv, r)	((tv)->key != NULL ? (tv)->key[r] : (r))

static void
table_done(struct pane *p)
{
	struct tview *tv = p->data;

	if (tv != NULL)
		tview_done(tv);
	free(tv);
	p->data = NULL;
}

static void
table_draw(struct pane *p, WINDOW *win, int h, int w)
{
	tview_draw(p->data, win, 0, 0, h, w);
}

static int
table_key(struct pane *p, enum action a)
{
	if (a == ACT_SORT) {
		tview_sort_cycle(p->data);
		return 1;
	}
	return tview_move(p->data, a);
}

static long
table_key_row(struct pane *p)
{
	struct tview *tv = p->data;
	long r = tview_row(tv);

	if (r < 0)
		return -1;
	return (long)KEY(tv, (size_t)r);
}

static int
table_find(struct pane *p, struct finder *fn, int dir)
{
	struct tview *tv = p->data;

	tv->find = fn;
	return fn != NULL ? tview_find(tv, fn, dir) : 0;
}

static int
table_filter(struct pane *p, const char *expr, int invert, const char *label,
    struct diags *dl)
{
	struct tview *tv = p->data;
	struct filter *f;

	if (expr == NULL || *expr == '\0') {
		tview_set_filter(tv, NULL, 0, NULL, dl);
		return 0;
	}
	if ((f = filter_compile(expr, tv->g, dl)) == NULL)
		return -1;
	tview_set_filter(tv, f, invert, label != NULL ? label : expr, dl);
	return 0;
}

size_t
pane_table_cells(struct pane *p)
{
	struct tview *tv = p->data;

	return tv->g->nrows * tv->g->ncols;
}

int
pane_table_filter_check(struct pane *p, const char *expr, struct diags *dl)
{
	struct tview *tv = p->data;
	struct filter *f;

	if (expr == NULL || *expr == '\0')
		return 0;
	if ((f = filter_compile(expr, tv->g, dl)) == NULL)
		return -1;
	filter_free(f);
	return 0;
}

static struct grid *
table_export(struct pane *p, int row_only)
{
	return tview_export(p->data, row_only);
}

static int
table_click(struct pane *p, int y, int x)
{
	return tview_click(p->data, y, x);
}

/* Scenarios */

static void
scenarios_init(struct pane *p, const struct dataset *ds)
{
	struct tview *tv = xcalloc(1, sizeof *tv);
	size_t n = dataset_count(ds, DS_SCENARIOS), i, r;
	struct grid *g = grid_new(4);

	grid_column(g, 0, "verdict", GRID_TEXT);
	grid_column(g, 1, "scenario", GRID_TEXT);
	grid_column(g, 2, "group", GRID_TEXT);
	grid_column(g, 3, "id", GRID_TEXT);
	for (i = 0; i < n; i++) {
		r = grid_add_row(g);
		grid_set(g, r, 0, detail_verdict_badge(dataset_field(ds,
		    DS_SCENARIOS, i, SC_VERDICT)));
		grid_set(g, r, 1, dataset_field(ds, DS_SCENARIOS, i, SC_TITLE));
		grid_set(g, r, 2, dataset_field(ds, DS_SCENARIOS, i, SC_GROUP));
		grid_set(g, r, 3, dataset_field(ds, DS_SCENARIOS, i, SC_ID));
	}
	tview_init(tv, g);
	tview_widen(tv, 1, 80);
	p->ds = ds;
	p->data = tv;
}

static struct doc *
scenarios_detail(struct pane *p)
{
	long r = table_key_row(p);

	return r < 0 ? NULL : detail_scenario(p->ds, (size_t)r);
}

static char *
scenarios_status(struct pane *p)
{
	struct tview *tv = p->data;

	return xasprintf("scenario %zu of %zu  [ACCEL] accelerators  [GPU] "
	    "GPUs  [BOTH] either", tv->n ? tv->cur + 1 : 0, tv->n);
}

long
pane_scenarios_selected(struct pane *p)
{
	return table_key_row(p);
}

int
pane_table_filtered(struct pane *p)
{
	return ((struct tview *)p->data)->filter != NULL;
}

const struct pane_ops pane_scenarios_ops = {
	"Scenarios", scenarios_init, table_done, table_draw, table_key,
	scenarios_detail, scenarios_status, table_find, table_filter, NULL,
	NULL, NULL, table_export, table_click, NULL
};

/* Specs: one row per chip, one column per metric (the preferred figure). */

static void
specs_init(struct pane *p, const struct dataset *ds)
{
	struct tview *tv = xcalloc(1, sizeof *tv);
	size_t nh = dataset_count(ds, DS_HARDWARE);
	size_t nm = dataset_count(ds, DS_METRICS);
	size_t ncols = 3 + nm + 5, i, m, r;
	struct grid *g = grid_new(ncols);
	char **unit = xcalloc(ncols, sizeof *unit);
	unsigned char *flag = xcalloc(nh ? nh * ncols : 1, 1);
	char *mark = xcalloc(nh ? nh : 1, 1);
	size_t *key = xcalloc(nh ? nh : 1, sizeof *key);

	grid_column(g, 0, "name", GRID_TEXT);
	grid_column(g, 1, "category", GRID_TEXT);
	grid_column(g, 2, "status", GRID_TEXT);
	for (m = 0; m < nm; m++) {
		grid_column(g, 3 + m, dataset_field(ds, DS_METRICS, m,
		    MET_ID), GRID_NUMBER);
		/* A unit that only repeats the column's name ("year") is
		   left out. */
		if (strcmp(dataset_field(ds, DS_METRICS, m, MET_UNIT),
		    dataset_field(ds, DS_METRICS, m, MET_ID)) != 0)
			unit[3 + m] = xstrdup(dataset_field(ds, DS_METRICS, m,
			    MET_UNIT));
	}
	grid_column(g, 3 + nm, "vendor", GRID_TEXT);
	grid_column(g, 4 + nm, "deployment", GRID_TEXT);
	grid_column(g, 5 + nm, "id", GRID_TEXT);
	grid_column(g, 6 + nm, "software", GRID_TEXT);
	grid_column(g, 7 + nm, "notes", GRID_TEXT);
	for (i = 0; i < nh; i++) {
		const char *st = dataset_field(ds, DS_HARDWARE, i, HW_STATUS);

		r = grid_add_row(g);
		key[r] = i;
		mark[r] = strcmp(st, "announced") == 0 ? 'a' :
		    strcmp(st, "unverified") == 0 ? '?' : ' ';
		grid_set(g, r, 0, dataset_field(ds, DS_HARDWARE, i, HW_NAME));
		grid_set(g, r, 1, dataset_field(ds, DS_HARDWARE, i,
		    HW_CATEGORY));
		grid_set(g, r, 2, st);
		for (m = 0; m < nm; m++) {
			long s = dataset_preferred_index(ds, i, m);

			if (s < 0)
				continue;
			grid_set(g, r, 3 + m, view_value_text(ds, (size_t)s));
			if (dataset_conflict(ds, i, m))
				flag[r * ncols + 3 + m] |= TVIEW_CONFLICT;
		}
		grid_set(g, r, 3 + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_VENDOR));
		grid_set(g, r, 4 + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_DEPLOYMENT));
		grid_set(g, r, 5 + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_ID));
		grid_set(g, r, 6 + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_SOFTWARE));
		grid_set(g, r, 7 + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_NOTES));
	}
	tview_init(tv, g);
	tview_set_units(tv, unit);
	tview_set_flags(tv, flag);
	tview_set_rowmarks(tv, mark);
	tview_set_keys(tv, key);
	tview_enable_marks(tv);
	p->ds = ds;
	p->data = tv;
}

static struct doc *
specs_detail(struct pane *p)
{
	long r = table_key_row(p);

	return r < 0 ? NULL : detail_hardware(p->ds, (size_t)r);
}

/* The status of a table whose rows can be marked; hint when none are. */
static char *
marks_status(struct tview *tv, const char *hint)
{
	char *s = tview_status(tv), *t;

	if (tv->nmarked)
		t = xasprintf("%s  %zu marked: d diffs, M clears", s,
		    tv->nmarked);
	else
		t = xasprintf("%s  %s", s, hint);
	free(s);
	return t;
}

static char *
specs_status(struct pane *p)
{
	return marks_status(p->data, "a announced  ? unverified  ! conflict  "
	    "Space marks");
}

/* A table whose rows can be marked. */
static int
marks_key(struct pane *p, enum action a)
{
	struct tview *tv = p->data;

	if (a == ACT_MARK)
		return tview_toggle_mark(tv);
	if (a == ACT_CLEAR_MARKS) {
		tview_clear_marks(tv);
		return 1;
	}
	return table_key(p, a);
}

/*
 * The rows to diff: the marked ones, or the one under the cursor and the
 * next.  Chips in Specs, rows of the table in view mode.
 */
static size_t
marked_rows(struct pane *p, size_t *hw, size_t max)
{
	struct tview *tv = p->data;
	size_t n = tview_marked(tv, hw, max), first;

	if (n > 0 || tv->n == 0 || max == 0)
		return n;
	/* Nothing marked: this chip and the next (the last: and the one
	   before). */
	if (tv->n == 1 || max < 2) {
		hw[0] = KEY(tv, tv->order[tv->cur]);
		return 1;
	}
	first = tv->cur + 1 < tv->n ? tv->cur : tv->cur - 1;
	hw[0] = KEY(tv, tv->order[first]);
	hw[1] = KEY(tv, tv->order[first + 1]);
	return 2;
}

const struct pane_ops pane_specs_ops = {
	"Specs", specs_init, table_done, table_draw, marks_key,
	specs_detail, specs_status, table_find, table_filter, marked_rows,
	NULL, NULL, table_export, table_click, NULL
};

/* Sources */

static void
sources_init(struct pane *p, const struct dataset *ds)
{
	struct tview *tv = xcalloc(1, sizeof *tv);
	size_t n = dataset_count(ds, DS_SOURCES), i, r;
	struct grid *g = grid_new(6);

	grid_column(g, 0, "title", GRID_TEXT);
	grid_column(g, 1, "figures", GRID_NUMBER);
	grid_column(g, 2, "kind", GRID_TEXT);
	grid_column(g, 3, "publisher", GRID_TEXT);
	grid_column(g, 4, "date", GRID_TEXT);
	grid_column(g, 5, "id", GRID_TEXT);
	for (i = 0; i < n; i++) {
		r = grid_add_row(g);
		grid_set(g, r, 0, dataset_field(ds, DS_SOURCES, i, SRC_TITLE));
		grid_set_owned(g, r, 1, xasprintf("%zu",
		    ds->source_figures[i]));
		grid_set(g, r, 2, dataset_field(ds, DS_SOURCES, i, SRC_KIND));
		grid_set(g, r, 3, dataset_field(ds, DS_SOURCES, i,
		    SRC_PUBLISHER));
		grid_set(g, r, 4, dataset_field(ds, DS_SOURCES, i, SRC_DATE));
		grid_set(g, r, 5, dataset_field(ds, DS_SOURCES, i, SRC_ID));
	}
	tview_init(tv, g);
	p->ds = ds;
	p->data = tv;
}

static struct doc *
sources_detail(struct pane *p)
{
	long r = table_key_row(p);

	return r < 0 ? NULL : detail_source(p->ds, (size_t)r);
}

static char *
sources_status(struct pane *p)
{
	return tview_status(p->data);
}

const struct pane_ops pane_sources_ops = {
	"Sources", sources_init, table_done, table_draw, table_key,
	sources_detail, sources_status, table_find, table_filter, NULL,
	NULL, NULL, table_export, table_click, NULL
};

/*
 * View mode: a CSV file's table (accelscope view).  Rows are marked with
 * Space and compared with d in the Diff pane beside it.
 */

static void
view_table_init(struct pane *p, const struct dataset *ds)
{
	struct tview *tv = xcalloc(1, sizeof *tv);

	(void)ds;
	tview_init(tv, p->grid);
	tview_enable_marks(tv);
	p->data = tv;
}

static struct doc *
view_table_detail(struct pane *p)
{
	struct tview *tv = p->data;
	long r = tview_row(tv);

	return r < 0 ? NULL : detail_row(tv->g, (size_t)r, "Table");
}

static char *
view_table_status(struct pane *p)
{
	return marks_status(p->data, "Space marks rows to diff");
}

const struct pane_ops pane_view_table_ops = {
	"Table", view_table_init, table_done, table_draw, marks_key,
	view_table_detail, view_table_status, table_find, table_filter,
	marked_rows, NULL, NULL, table_export, table_click, NULL
};
