/*
 * Side-by-side comparison of hardware rows; see diff.h.
 */
#include "diff.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

static const int fields[] = { HW_VENDOR, HW_CATEGORY, HW_STATUS,
    HW_DEPLOYMENT, HW_SOFTWARE };
#define NFIELDS	(sizeof fields / sizeof fields[0])

int
diff_close(double a, double b, double tol)
{
	double m = fmax(fabs(a), fabs(b));

	return fabs(a - b) <= tol * m;
}

/* 1 if a and b count as equal in row. */
static int
row_close(const struct diff *d, const struct diff_row *row, double a, double b)
{
	return row->by_difference ? a == b : diff_close(a, b, d->tol);
}

static void
rank_metric(struct diff *d, struct diff_row *row)
{
	size_t i, known = 0, first = 0;
	double best = 0;
	int spread = 0;

	for (i = 0; i < d->n; i++) {
		if (!row->c[i].known)
			continue;
		if (known++ == 0) {
			first = i;
			best = row->c[i].value;
			continue;
		}
		if (!row_close(d, row, row->c[i].value, row->c[first].value))
			spread = 1;
		if (row->higher_better ? row->c[i].value > best :
		    row->c[i].value < best)
			best = row->c[i].value;
	}
	/* Any pair apart, not just from the first. */
	for (i = 0; i < d->n && !spread; i++) {
		size_t j;

		for (j = i + 1; j < d->n; j++)
			if (row->c[i].known && row->c[j].known &&
			    !row_close(d, row, row->c[i].value,
			    row->c[j].value))
				spread = 1;
	}
	row->differs = spread || (known > 0 && known < d->n);
	if (!spread)
		return;
	d->ranked++;
	for (i = 0; i < d->n; i++)
		if (row->c[i].known && row_close(d, row, row->c[i].value,
		    best)) {
			row->c[i].best = 1;
			d->lead[i]++;
		}
}

static struct diff_row *
add_row(struct diff *d, size_t *cap)
{
	if (d->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		d->row = xreallocarray(d->row, *cap, sizeof *d->row);
	}
	memset(&d->row[d->nrows], 0, sizeof d->row[0]);
	return &d->row[d->nrows++];
}

struct diff *
diff_new(const struct dataset *ds, const size_t *hw, size_t n, double tol)
{
	const struct table_spec *sc = dataset_schema(DS_HARDWARE);
	size_t nm = dataset_count(ds, DS_METRICS), cap = 0, f, m, i;
	struct diff *d;

	if (n < 2 || n > DIFF_MAX)
		return NULL;
	d = xcalloc(1, sizeof *d);
	d->ds = ds;
	d->n = n;
	d->tol = tol;
	memcpy(d->hw, hw, n * sizeof *hw);
	for (f = 0; f < NFIELDS; f++) {
		struct diff_row *row = add_row(d, &cap);

		row->kind = DIFF_FIELD;
		row->index = (size_t)fields[f];
		row->label = sc->fields[fields[f]].name;
		row->unit = "";
		for (i = 0; i < n; i++) {
			row->c[i].spec = -1;
			row->c[i].text = dataset_field(ds, DS_HARDWARE, hw[i],
			    fields[f]);
			row->c[i].known = *row->c[i].text != '\0';
			if (i > 0 && strcmp(row->c[i].text,
			    row->c[0].text) != 0)
				row->differs = 1;
		}
	}
	for (m = 0; m < nm; m++) {
		struct diff_row *row;
		int any = 0;

		for (i = 0; i < n; i++)
			if (dataset_preferred_index(ds, hw[i], m) >= 0)
				any = 1;
		if (!any)
			continue;
		row = add_row(d, &cap);
		row->kind = DIFF_METRIC;
		row->index = m;
		row->label = dataset_field(ds, DS_METRICS, m, MET_ID);
		row->unit = dataset_field(ds, DS_METRICS, m, MET_UNIT);
		row->higher_better = dataset_higher_better(ds, m);
		row->by_difference = dataset_compare_difference(ds, m);
		for (i = 0; i < n; i++) {
			struct diff_cell *c = &row->c[i];
			long s = dataset_preferred_index(ds, hw[i], m);

			c->spec = s;
			c->text = "";
			if (s < 0)
				continue;
			c->known = 1;
			c->value = ds->spec[s].value;
			c->text = dataset_field(ds, DS_SPECS, (size_t)s,
			    SPEC_VALUE);
			while (*c->text == ' ')
				c->text++;
			c->conflict = dataset_conflict(ds, hw[i], m);
		}
		for (i = 1; i < n; i++) {
			struct diff_cell *c = &row->c[i];

			if (!c->known || !row->c[0].known)
				continue;
			c->approx = row_close(d, row, c->value,
			    row->c[0].value);
			c->delta = c->value - row->c[0].value;
			if (!row->by_difference && row->c[0].value != 0) {
				c->has_ratio = 1;
				c->ratio = c->value / row->c[0].value;
			}
		}
		rank_metric(d, row);
	}
	return d;
}

void
diff_free(struct diff *d)
{
	if (d == NULL)
		return;
	free(d->row);
	free(d);
}

const char *
diff_ratio_text(double ratio, char *out, size_t len)
{
	double a = fabs(ratio);

	if (a >= 100)
		snprintf(out, len, "×%.0f", ratio);
	else if (a >= 10)
		snprintf(out, len, "×%.1f", ratio);
	else
		snprintf(out, len, "×%.2f", ratio);
	return out;
}

char *
diff_cell_text(const struct diff *d, size_t row, size_t col)
{
	const struct diff_row *r = &d->row[row];
	const struct diff_cell *c = &r->c[col];
	char rt[32] = "";

	assert(row < d->nrows && col < d->n);
	if (!c->known)
		return xstrdup("—");
	if (r->kind == DIFF_FIELD)
		return xstrdup(c->text);
	if (col > 0 && r->c[0].known) {
		if (c->approx)
			snprintf(rt, sizeof rt, " ≈");
		else if (r->by_difference)
			snprintf(rt, sizeof rt, " %+g", c->delta);
		else if (c->has_ratio) {
			rt[0] = ' ';
			diff_ratio_text(c->ratio, rt + 1, sizeof rt - 1);
		}
	}
	return xasprintf("%s%s%s%s", c->text, c->conflict ? "!" : "", rt,
	    c->best ? " *" : "");
}

long
diff_next(const struct diff *d, long from, int dir)
{
	long i;

	for (i = from + dir; i >= 0 && (size_t)i < d->nrows; i += dir)
		if (d->row[i].differs)
			return i;
	return -1;
}

const char *
diff_legend(void)
{
	return "* best by the metric's direction   ≈ within "
	    DIFF_STR(DIFF_TOLERANCE_PCT) "% of the first column   ×N ratio "
	    "to the first   ! sources disagree   — unknown";
}

static char *
ids_where(const struct diff *d, const struct diff_row *r, int best)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < d->n; i++)
		if (best ? r->c[i].best : r->c[i].conflict)
			buf_printf(&b, "%s%s", b.len ? " " : "",
			    dataset_field(d->ds, DS_HARDWARE, d->hw[i], HW_ID));
	return buf_take(&b);
}

static struct grid *
human_grid(const struct diff *d, int only_diff)
{
	struct grid *g = grid_new(2 + d->n);
	size_t i, k, r;

	grid_column(g, 0, "field", GRID_TEXT);
	grid_column(g, 1, "unit", GRID_TEXT);
	for (i = 0; i < d->n; i++)
		grid_column(g, 2 + i, dataset_field(d->ds, DS_HARDWARE,
		    d->hw[i], HW_NAME), GRID_TEXT);
	for (k = 0; k < d->nrows; k++) {
		if (only_diff && !d->row[k].differs)
			continue;
		r = grid_add_row(g);
		grid_set(g, r, 0, d->row[k].label);
		grid_set(g, r, 1, d->row[k].unit);
		for (i = 0; i < d->n; i++)
			grid_set_owned(g, r, 2 + i, diff_cell_text(d, k, i));
	}
	r = grid_add_row(g);
	grid_set(g, r, 0, "leads");
	for (i = 0; i < d->n; i++)
		grid_set_owned(g, r, 2 + i, xasprintf("%zu of %zu", d->lead[i],
		    d->ranked));
	return g;
}

static struct grid *
data_grid(const struct diff *d, int only_diff)
{
	size_t nc = 3 + d->n + (d->n - 1) + 3, i, k, r, c;
	struct grid *g = grid_new(nc);
	char *h;

	grid_column(g, 0, "field", GRID_TEXT);
	grid_column(g, 1, "unit", GRID_TEXT);
	grid_column(g, 2, "direction", GRID_TEXT);
	for (i = 0; i < d->n; i++)
		grid_column(g, 3 + i, dataset_field(d->ds, DS_HARDWARE,
		    d->hw[i], HW_ID), GRID_NUMBER);
	for (i = 1; i < d->n; i++) {
		h = xasprintf("%s_ratio", dataset_field(d->ds, DS_HARDWARE,
		    d->hw[i], HW_ID));
		grid_column(g, 2 + d->n + i, h, GRID_NUMBER);
		free(h);
	}
	c = 3 + 2 * d->n - 1;
	grid_column(g, c, "best", GRID_TEXT);
	grid_column(g, c + 1, "conflict", GRID_TEXT);
	grid_column(g, c + 2, "differs", GRID_TEXT);
	for (k = 0; k < d->nrows; k++) {
		const struct diff_row *row = &d->row[k];

		if (only_diff && !row->differs)
			continue;
		r = grid_add_row(g);
		grid_set(g, r, 0, row->label);
		grid_set(g, r, 1, row->unit);
		if (row->kind == DIFF_METRIC)
			grid_set(g, r, 2, row->higher_better ? "higher" :
			    "lower");
		for (i = 0; i < d->n; i++)
			grid_set(g, r, 3 + i, row->c[i].text);
		for (i = 1; i < d->n; i++)
			if (row->c[i].has_ratio)
				grid_set_owned(g, r, 2 + d->n + i,
				    xasprintf("%.4g", row->c[i].ratio));
		grid_set_owned(g, r, c, ids_where(d, row, 1));
		grid_set_owned(g, r, c + 1, ids_where(d, row, 0));
		grid_set(g, r, c + 2, row->differs ? "yes" : "no");
	}
	r = grid_add_row(g);
	grid_set(g, r, 0, "leads");
	for (i = 0; i < d->n; i++)
		grid_set_owned(g, r, 3 + i, xasprintf("%zu", d->lead[i]));
	return g;
}

struct grid *
diff_grid(const struct diff *d, int human, int only_diff)
{
	return human ? human_grid(d, only_diff) : data_grid(d, only_diff);
}
