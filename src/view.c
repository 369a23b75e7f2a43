/*
 * Grids built from the dataset; see view.h.
 */
#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "xmalloc.h"

const char *
view_value_text(const struct dataset *ds, size_t spec)
{
	const char *s = dataset_field(ds, DS_SPECS, spec, SPEC_VALUE);

	while (*s == ' ')
		s++;
	return s;
}

static struct grid *
list_hardware(const struct dataset *ds)
{
	size_t nm = dataset_count(ds, DS_METRICS), nh, i, m, r;
	static const int first[] = { HW_ID, HW_NAME, HW_VENDOR, HW_CATEGORY,
	    HW_STATUS, HW_DEPLOYMENT };
	const struct table_spec *sc = dataset_schema(DS_HARDWARE);
	struct grid *g;
	size_t nfirst = sizeof first / sizeof first[0];

	g = grid_new(nfirst + nm + 2);
	for (i = 0; i < nfirst; i++)
		grid_column(g, i, sc->fields[first[i]].name, GRID_TEXT);
	for (m = 0; m < nm; m++)
		grid_column(g, nfirst + m,
		    dataset_field(ds, DS_METRICS, m, MET_ID), GRID_NUMBER);
	grid_column(g, nfirst + nm, "software", GRID_TEXT);
	grid_column(g, nfirst + nm + 1, "notes", GRID_TEXT);
	nh = dataset_count(ds, DS_HARDWARE);
	for (i = 0; i < nh; i++) {
		r = grid_add_row(g);
		for (m = 0; m < nfirst; m++)
			grid_set(g, r, m, dataset_field(ds, DS_HARDWARE, i,
			    first[m]));
		for (m = 0; m < nm; m++) {
			long p = dataset_preferred_index(ds, i, m);

			if (p >= 0)
				grid_set(g, r, nfirst + m,
				    view_value_text(ds, (size_t)p));
		}
		grid_set(g, r, nfirst + nm, dataset_field(ds, DS_HARDWARE, i,
		    HW_SOFTWARE));
		grid_set(g, r, nfirst + nm + 1, dataset_field(ds, DS_HARDWARE,
		    i, HW_NOTES));
	}
	return g;
}

static struct grid *
list_specs(const struct dataset *ds)
{
	size_t n = dataset_count(ds, DS_SPECS), i, r;
	struct grid *g = grid_new(10);
	static const char *const names[] = { "hardware", "metric", "value",
	    "unit", "kind", "source", "preferred", "conflict", "note",
	    "quote" };

	for (i = 0; i < 10; i++)
		grid_column(g, i, names[i], i == 2 ? GRID_NUMBER : GRID_TEXT);
	for (i = 0; i < n; i++) {
		const struct spec *s = &ds->spec[i];

		r = grid_add_row(g);
		grid_set(g, r, 0, dataset_field(ds, DS_SPECS, i,
		    SPEC_HARDWARE));
		grid_set(g, r, 1, dataset_field(ds, DS_SPECS, i, SPEC_METRIC));
		grid_set(g, r, 2, view_value_text(ds, i));
		grid_set(g, r, 3, dataset_field(ds, DS_METRICS, s->metric,
		    MET_UNIT));
		grid_set(g, r, 4, dataset_field(ds, DS_SPECS, i, SPEC_KIND));
		grid_set(g, r, 5, dataset_field(ds, DS_SPECS, i, SPEC_SOURCE));
		grid_set(g, r, 6, dataset_preferred_index(ds, s->hw,
		    s->metric) == (long)i ? "yes" : "no");
		grid_set(g, r, 7, dataset_conflict(ds, s->hw, s->metric) ?
		    "yes" : "no");
		grid_set(g, r, 8, dataset_field(ds, DS_SPECS, i, SPEC_NOTE));
		grid_set(g, r, 9, dataset_field(ds, DS_SPECS, i, SPEC_QUOTE));
	}
	return g;
}

static struct grid *
list_plain(const struct dataset *ds, enum ds_table t)
{
	const struct table_spec *sc = dataset_schema(t);
	size_t n = dataset_count(ds, t), i, f, r, extra = 0;
	struct grid *g;

	if (t == DS_SOURCES)
		extra = 1;
	g = grid_new(sc->nfields + extra);
	for (f = 0; f < sc->nfields; f++)
		grid_column(g, f, sc->fields[f].name,
		    dataset_field_numeric(t, f) ? GRID_NUMBER : GRID_TEXT);
	if (t == DS_SOURCES)
		grid_column(g, sc->nfields, "figures", GRID_NUMBER);
	for (i = 0; i < n; i++) {
		r = grid_add_row(g);
		for (f = 0; f < sc->nfields; f++)
			grid_set(g, r, f, dataset_field(ds, t, i, (int)f));
		if (t == DS_SOURCES)
			grid_set_owned(g, r, sc->nfields, xasprintf("%zu",
			    ds->source_figures[i]));
	}
	return g;
}

struct grid *
view_list(const struct dataset *ds, enum ds_table t)
{
	switch (t) {
	case DS_HARDWARE:
		return list_hardware(ds);
	case DS_SPECS:
		return list_specs(ds);
	default:
		return list_plain(ds, t);
	}
}

struct grid *
view_hardware_figures(const struct dataset *ds, size_t hw)
{
	size_t nm = dataset_count(ds, DS_METRICS), n, m, i, r;
	struct grid *g = grid_new(8);
	static const char *const names[] = { "mark", "metric", "value", "unit",
	    "kind", "source", "title", "note" };

	for (i = 0; i < 8; i++)
		grid_column(g, i, names[i], i == 2 ? GRID_NUMBER : GRID_TEXT);
	n = dataset_count(ds, DS_SPECS);
	for (m = 0; m < nm; m++) {
		long p = dataset_preferred_index(ds, hw, m);

		if (p < 0)
			continue;
		/* The preferred figure first, then the rest in file order. */
		for (i = (size_t)-1; i == (size_t)-1 || i < n; i++) {
			size_t k = i == (size_t)-1 ? (size_t)p : i;
			const struct spec *s = &ds->spec[k];
			const struct spec *ps = &ds->spec[p];
			const char *mark = "*";

			if (i != (size_t)-1) {
				if (k == (size_t)p || s->hw != hw ||
				    s->metric != m)
					continue;
				mark = dataset_conflict(ds, hw, m) &&
				    s->value != ps->value ? "!" : "";
			}
			r = grid_add_row(g);
			grid_set(g, r, 0, mark);
			grid_set(g, r, 1, dataset_field(ds, DS_METRICS, m,
			    MET_ID));
			grid_set(g, r, 2, view_value_text(ds, k));
			grid_set(g, r, 3, dataset_field(ds, DS_METRICS, m,
			    MET_UNIT));
			grid_set(g, r, 4, dataset_field(ds, DS_SPECS, k,
			    SPEC_KIND));
			grid_set(g, r, 5, dataset_field(ds, DS_SPECS, k,
			    SPEC_SOURCE));
			grid_set(g, r, 6, dataset_field(ds, DS_SOURCES,
			    s->source, SRC_TITLE));
			grid_set(g, r, 7, dataset_field(ds, DS_SPECS, k,
			    SPEC_NOTE));
		}
	}
	return g;
}

struct grid *
view_hardware_fields(const struct dataset *ds, size_t hw)
{
	const struct table_spec *sc = dataset_schema(DS_HARDWARE);
	struct grid *g = grid_new(2);
	size_t f, r;

	grid_column(g, 0, "field", GRID_TEXT);
	grid_column(g, 1, "value", GRID_TEXT);
	for (f = 0; f < sc->nfields; f++) {
		r = grid_add_row(g);
		grid_set(g, r, 0, sc->fields[f].name);
		grid_set(g, r, 1, dataset_field(ds, DS_HARDWARE, hw, (int)f));
	}
	return g;
}

/* Do a and b say the same, for a column of type ty? */
static int
same_value(const char *a, const char *b, enum grid_type ty)
{
	double x, y;

	if (strcmp(a, b) == 0)
		return 1;
	return ty == GRID_NUMBER && parse_number(a, &x) == 0 &&
	    parse_number(b, &y) == 0 && x == y;
}

struct grid *
view_compare(const struct grid *g, const size_t *rows, size_t n,
    unsigned char **differs)
{
	struct grid *out = grid_new(n + 1);
	size_t c, k, r;
	char *title;

	*differs = xcalloc(g->ncols ? g->ncols : 1, 1);
	grid_column(out, 0, "column", GRID_TEXT);
	for (k = 0; k < n; k++) {
		const char *first = g->ncols ? grid_get(g, rows[k], 0) : "";

		title = *first != '\0' ? xstrdup(first) :
		    xasprintf("row %zu", rows[k] + 1);
		grid_column(out, k + 1, title, GRID_TEXT);
		free(title);
	}
	for (c = 0; c < g->ncols; c++) {
		r = grid_add_row(out);
		grid_set(out, r, 0, g->head[c]);
		for (k = 0; k < n; k++) {
			grid_set(out, r, k + 1, grid_get(g, rows[k], c));
			if (k > 0 && !same_value(grid_get(g, rows[0], c),
			    grid_get(g, rows[k], c), g->type[c]))
				(*differs)[c] = 1;
		}
	}
	return out;
}

size_t
view_check_filters(const struct dataset *ds, struct diags *dl)
{
	const struct rtable *st = &ds->t[DS_SCENARIOS];
	struct grid *g = NULL;
	struct filter *f;
	struct diags one;
	size_t i, bad = 0;

	for (i = 0; i < st->n; i++) {
		const struct record *r = &st->r[i];
		const char *expr = r->v[SC_FILTER];

		if (*expr == '\0')
			continue;
		if (g == NULL)
			g = view_list(ds, DS_HARDWARE);
		diags_init(&one);
		if ((f = filter_compile(expr, g, &one)) != NULL)
			filter_free(f);
		else if (one.n > 0) {
			/* The column in the expression, from the field's. */
			diags_add(dl, DIAG_ERROR, r->file, r->line,
			    r->col[SC_FILTER] + (one.v[0].col > 0 ?
			    one.v[0].col - 1 : 0), "filter of scenario %s: "
			    "%s; the scenario has no hardware to show",
			    r->v[SC_ID], one.v[0].msg);
			bad++;
		}
		diags_done(&one);
	}
	grid_free(g);
	return bad;
}
