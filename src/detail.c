/*
 * Detail documents; see detail.h.
 */
#include "detail.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"
#include "grid.h"
#include "view.h"
#include "xmalloc.h"

const char *
detail_verdict_badge(const char *verdict)
{
	if (strcmp(verdict, "accelerators") == 0)
		return "[ACCEL]";
	if (strcmp(verdict, "gpu") == 0)
		return "[GPU]";
	if (strcmp(verdict, "both") == 0)
		return "[BOTH]";
	return "[?]";
}

static void
source_field(struct doc *d, const struct dataset *ds, const char *label,
    const char *id)
{
	long s = dataset_find(ds, DS_SOURCES, id);
	char *v;

	if (s < 0) {
		doc_field(d, label, id);
		return;
	}
	v = xasprintf("%s (%s)%s%s", dataset_field(ds, DS_SOURCES, (size_t)s,
	    SRC_TITLE), id, *dataset_field(ds, DS_SOURCES, (size_t)s, SRC_URL) ?
	    " " : "", dataset_field(ds, DS_SOURCES, (size_t)s, SRC_URL));
	doc_field(d, label, v);
	free(v);
}

/* 1 if the "; "-separated list holds item. */
static int
list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p = list;

	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		if (strncmp(p, item, n) == 0 &&
		    (p[n] == '\0' || p[n] == ';' || p[n] == ' '))
			return 1;
		while (*p && *p != ';')
			p++;
	}
	return 0;
}

struct doc *
detail_dimension(const struct dataset *ds, size_t cmp, const char *dimension)
{
	struct doc *d = doc_new();
	const char *cid = dataset_field(ds, DS_COMPARISONS, cmp, CMP_ID);
	size_t n = dataset_count(ds, DS_MATRIX), i, side;
	int linked = 0;

	doc_add(d, DOC_TITLE, "%s", dimension);
	doc_add(d, DOC_PARA, "%s", dataset_field(ds, DS_COMPARISONS, cmp,
	    CMP_TITLE));
	for (side = 0; side < 2; side++) {
		const char *name = dataset_field(ds, DS_COMPARISONS, cmp,
		    side == 0 ? CMP_LEFT : CMP_RIGHT);

		for (i = 0; i < n; i++) {
			if (strcmp(dataset_field(ds, DS_MATRIX, i,
			    MX_COMPARISON), cid) != 0 ||
			    strcmp(dataset_field(ds, DS_MATRIX, i,
			    MX_DIMENSION), dimension) != 0 ||
			    strcmp(dataset_field(ds, DS_MATRIX, i, MX_SIDE),
			    name) != 0)
				continue;
			doc_add(d, DOC_BLANK, "%s", "");
			doc_add(d, DOC_HEADING, "%s", name);
			doc_add(d, DOC_PARA, "%s", dataset_field(ds, DS_MATRIX,
			    i, MX_TEXT));
			source_field(d, ds, "Source", dataset_field(ds,
			    DS_MATRIX, i, MX_SOURCE));
		}
	}
	n = dataset_count(ds, DS_ANALYSIS);
	for (i = 0; i < n; i++) {
		if (strcmp(dataset_field(ds, DS_ANALYSIS, i, AN_COMPARISON),
		    cid) != 0 || !list_has(dataset_field(ds, DS_ANALYSIS, i,
		    AN_DIMENSIONS), dimension))
			continue;
		if (!linked++) {
			doc_add(d, DOC_BLANK, "%s", "");
			doc_add(d, DOC_HEADING, "%s", "Analysis");
		}
		doc_add(d, DOC_BLANK, "%s", "");
		doc_add(d, DOC_HEADING, "%s", dataset_field(ds, DS_ANALYSIS, i,
		    AN_TITLE));
		doc_add(d, DOC_PARA, "%s", dataset_field(ds, DS_ANALYSIS, i,
		    AN_TEXT));
		source_field(d, ds, "Source", dataset_field(ds, DS_ANALYSIS, i,
		    AN_SOURCE));
	}
	return d;
}

struct doc *
detail_scenario(const struct dataset *ds, size_t sc)
{
	struct doc *d = doc_new();
	const char *verdict = dataset_field(ds, DS_SCENARIOS, sc, SC_VERDICT);

	doc_add(d, DOC_TITLE, "%s %s", detail_verdict_badge(verdict),
	    dataset_field(ds, DS_SCENARIOS, sc, SC_TITLE));
	doc_field(d, "Verdict", verdict);
	doc_field(d, "Group", dataset_field(ds, DS_SCENARIOS, sc, SC_GROUP));
	doc_add(d, DOC_BLANK, "%s", "");
	doc_add(d, DOC_HEADING, "%s", "Rationale");
	doc_add(d, DOC_PARA, "%s", dataset_field(ds, DS_SCENARIOS, sc,
	    SC_RATIONALE));
	doc_add(d, DOC_BLANK, "%s", "");
	doc_add(d, DOC_HEADING, "%s", "Hardware that fits (filter)");
	doc_add(d, DOC_PRE, "  %s", dataset_field(ds, DS_SCENARIOS, sc,
	    SC_FILTER));
	doc_add(d, DOC_BLANK, "%s", "");
	source_field(d, ds, "Source", dataset_field(ds, DS_SCENARIOS, sc,
	    SC_SOURCE));
	return d;
}

static void
conflicts(struct doc *d, const struct dataset *ds, size_t hw)
{
	size_t nm = dataset_count(ds, DS_METRICS), ns, m, i;
	struct buf b;
	int any = 0;

	ns = dataset_count(ds, DS_SPECS);
	buf_init(&b);
	for (m = 0; m < nm; m++) {
		long p = dataset_preferred_index(ds, hw, m);

		if (p < 0 || !dataset_conflict(ds, hw, m))
			continue;
		if (!any++) {
			doc_add(d, DOC_BLANK, "%s", "");
			doc_add(d, DOC_HEADING, "%s",
			    "Where the sources disagree");
		}
		buf_reset(&b);
		for (i = 0; i < ns; i++) {
			const struct spec *s = &ds->spec[i];

			if (s->hw != hw || s->metric != m)
				continue;
			buf_printf(&b, "%s%s %s (%s, %s)%s", b.len ? "  vs  " :
			    "", view_value_text(ds, i), dataset_field(ds,
			    DS_METRICS, m, MET_UNIT), spec_kind_name(s->kind),
			    dataset_field(ds, DS_SPECS, i, SPEC_SOURCE),
			    (long)i == p ? " *" : "");
		}
		doc_field(d, dataset_field(ds, DS_METRICS, m, MET_ID), b.s);
	}
	buf_done(&b);
}

struct doc *
detail_hardware(const struct dataset *ds, size_t hw)
{
	struct doc *d = doc_new();
	struct grid *g = view_hardware_figures(ds, hw);
	size_t ns = dataset_count(ds, DS_SPECS), nsrc, i;
	unsigned char *cited;
	char *t;

	doc_add(d, DOC_TITLE, "%s (%s)", dataset_field(ds, DS_HARDWARE, hw,
	    HW_NAME), dataset_field(ds, DS_HARDWARE, hw, HW_ID));
	doc_field(d, "Vendor", dataset_field(ds, DS_HARDWARE, hw, HW_VENDOR));
	doc_field(d, "Category", dataset_field(ds, DS_HARDWARE, hw,
	    HW_CATEGORY));
	doc_field(d, "Status", dataset_field(ds, DS_HARDWARE, hw, HW_STATUS));
	doc_field(d, "Deployment", dataset_field(ds, DS_HARDWARE, hw,
	    HW_DEPLOYMENT));
	doc_field(d, "Software", dataset_field(ds, DS_HARDWARE, hw,
	    HW_SOFTWARE));
	doc_field(d, "Notes", dataset_field(ds, DS_HARDWARE, hw, HW_NOTES));
	doc_add(d, DOC_BLANK, "%s", "");
	doc_add(d, DOC_HEADING, "%s", "Figures");
	if (g->nrows == 0)
		doc_add(d, DOC_PARA, "%s", "No figures.");
	else {
		grid_select(g, "mark,metric,value,unit,kind,source", NULL);
		t = grid_format(g, GRID_TABLE);
		doc_pre_lines(d, t);
		free(t);
		doc_add(d, DOC_PARA, "%s", "* preferred figure   ! disagrees "
		    "with it");
	}
	grid_free(g);
	conflicts(d, ds, hw);

	/* What each source says, figure by figure. */
	nsrc = dataset_count(ds, DS_SOURCES);
	cited = xcalloc(nsrc ? nsrc : 1, 1);
	for (i = 0; i < ns; i++) {
		const struct spec *s = &ds->spec[i];
		const char *q = dataset_field(ds, DS_SPECS, i, SPEC_QUOTE);
		const char *note = dataset_field(ds, DS_SPECS, i, SPEC_NOTE);
		char *label, *v;

		if (s->hw != hw)
			continue;
		if (!cited[s->source]++) {
			doc_add(d, DOC_BLANK, "%s", "");
			doc_add(d, DOC_HEADING, "%s", dataset_field(ds,
			    DS_SOURCES, s->source, SRC_TITLE));
			source_field(d, ds, "Source", dataset_field(ds,
			    DS_SOURCES, s->source, SRC_ID));
			doc_field(d, "Publisher", dataset_field(ds, DS_SOURCES,
			    s->source, SRC_PUBLISHER));
			doc_field(d, "Date", dataset_field(ds, DS_SOURCES,
			    s->source, SRC_DATE));
		}
		label = xasprintf("%s %s", dataset_field(ds, DS_METRICS,
		    s->metric, MET_ID), view_value_text(ds, i));
		v = xasprintf("%s%s%s%s%s", *q ? "\"" : "", q, *q ? "\"" : "",
		    *q && *note ? "  " : "", *note ? note : "");
		doc_field(d, label, *v ? v : spec_kind_name(s->kind));
		free(label);
		free(v);
	}
	free(cited);
	return d;
}

struct doc *
detail_source(const struct dataset *ds, size_t src)
{
	struct doc *d = doc_new();
	size_t ns = dataset_count(ds, DS_SPECS), i, r, uses;
	struct grid *g = grid_new(5);
	char *t;

	doc_add(d, DOC_TITLE, "%s", dataset_field(ds, DS_SOURCES, src,
	    SRC_TITLE));
	doc_field(d, "Id", dataset_field(ds, DS_SOURCES, src, SRC_ID));
	doc_field(d, "Publisher", dataset_field(ds, DS_SOURCES, src,
	    SRC_PUBLISHER));
	doc_field(d, "URL", dataset_field(ds, DS_SOURCES, src, SRC_URL));
	doc_field(d, "Date", dataset_field(ds, DS_SOURCES, src, SRC_DATE));
	doc_field(d, "Kind", dataset_field(ds, DS_SOURCES, src, SRC_KIND));
	doc_field(d, "Accessed", dataset_field(ds, DS_SOURCES, src,
	    SRC_ACCESSED));
	grid_column(g, 0, "hardware", GRID_TEXT);
	grid_column(g, 1, "metric", GRID_TEXT);
	grid_column(g, 2, "value", GRID_NUMBER);
	grid_column(g, 3, "unit", GRID_TEXT);
	grid_column(g, 4, "kind", GRID_TEXT);
	for (i = 0; i < ns; i++) {
		const struct spec *s = &ds->spec[i];

		if (s->source != src)
			continue;
		r = grid_add_row(g);
		grid_set(g, r, 0, dataset_field(ds, DS_SPECS, i,
		    SPEC_HARDWARE));
		grid_set(g, r, 1, dataset_field(ds, DS_SPECS, i, SPEC_METRIC));
		grid_set(g, r, 2, view_value_text(ds, i));
		grid_set(g, r, 3, dataset_field(ds, DS_METRICS, s->metric,
		    MET_UNIT));
		grid_set(g, r, 4, spec_kind_name(s->kind));
	}
	doc_add(d, DOC_BLANK, "%s", "");
	doc_add(d, DOC_HEADING, "Figures citing it (%zu)", g->nrows);
	if (g->nrows) {
		t = grid_format(g, GRID_TABLE);
		doc_pre_lines(d, t);
		free(t);
	}
	grid_free(g);
	/* Text rows citing it: matrix cells, passages, scenarios. */
	uses = 0;
	{
		static const struct { enum ds_table t; int f; } text[] = {
			{ DS_MATRIX, MX_SOURCE }, { DS_ANALYSIS, AN_SOURCE },
			{ DS_SCENARIOS, SC_SOURCE }, { DS_COMPARISONS,
			CMP_SOURCE } };
		const char *id = dataset_field(ds, DS_SOURCES, src, SRC_ID);
		size_t k;

		for (k = 0; k < sizeof text / sizeof text[0]; k++)
			for (i = 0; i < dataset_count(ds, text[k].t); i++)
				if (strcmp(dataset_field(ds, text[k].t, i,
				    text[k].f), id) == 0)
					uses++;
	}
	if (uses)
		doc_add(d, DOC_PARA, "Also cited by %zu matrix cells, analysis "
		    "passages, comparisons and scenarios.", uses);
	return d;
}

struct doc *
detail_diff_row(const struct diff *d, size_t row)
{
	const struct dataset *ds = d->ds;
	const struct diff_row *r = &d->row[row];
	struct doc *doc = doc_new();
	size_t ns = dataset_count(ds, DS_SPECS), i, k;

	if (r->kind == DIFF_FIELD) {
		doc_add(doc, DOC_TITLE, "%s", r->label);
		for (i = 0; i < d->n; i++) {
			char *t = diff_cell_text(d, row, i);

			doc_field(doc, dataset_field(ds, DS_HARDWARE, d->hw[i],
			    HW_NAME), t);
			free(t);
		}
		return doc;
	}
	doc_add(doc, DOC_TITLE, "%s (%s)", dataset_field(ds, DS_METRICS,
	    r->index, MET_LABEL), r->unit);
	doc_add(doc, DOC_PARA, "%s. %s is better.", dataset_field(ds,
	    DS_METRICS, r->index, MET_DESCRIPTION), r->higher_better ?
	    "Higher" : "Lower");
	for (i = 0; i < d->n; i++) {
		size_t shown = 0;
		char *t = diff_cell_text(d, row, i);

		doc_add(doc, DOC_BLANK, "%s", "");
		doc_add(doc, DOC_HEADING, "%s (%s): %s", dataset_field(ds,
		    DS_HARDWARE, d->hw[i], HW_NAME), dataset_field(ds,
		    DS_HARDWARE, d->hw[i], HW_ID), t);
		free(t);
		for (k = 0; k < ns; k++) {
			const struct spec *s = &ds->spec[k];
			const char *q = dataset_field(ds, DS_SPECS, k,
			    SPEC_QUOTE);
			const char *note = dataset_field(ds, DS_SPECS, k,
			    SPEC_NOTE);
			char *label;

			if (s->hw != d->hw[i] || s->metric != r->index)
				continue;
			if (shown++)
				doc_add(doc, DOC_BLANK, "%s", "");
			label = xasprintf("%s %s (%s%s)",
			    view_value_text(ds, k), r->unit,
			    spec_kind_name(s->kind),
			    (long)k == r->c[i].spec ? ", preferred" : "");
			doc_field(doc, "Figure", label);
			free(label);
			source_field(doc, ds, "Source", dataset_field(ds,
			    DS_SPECS, k, SPEC_SOURCE));
			if (*q) {
				label = xasprintf("\"%s\"", q);
				doc_field(doc, "Says", label);
				free(label);
			}
			doc_field(doc, "Note", note);
		}
		if (shown == 0)
			doc_add(doc, DOC_PARA, "%s",
			    "No figure in the dataset.");
	}
	return doc;
}

struct doc *
detail_row(const struct grid *g, size_t r, const char *title)
{
	struct doc *d = doc_new();
	size_t c, empty = 0;

	doc_add(d, DOC_TITLE, "%s: row %zu", title, r + 1);
	for (c = 0; c < g->ncols; c++) {
		if (*grid_get(g, r, c) == '\0')
			empty++;
		else
			doc_field(d, g->head[c], grid_get(g, r, c));
	}
	if (empty > 0) {
		doc_add(d, DOC_BLANK, "%s", "");
		doc_add(d, DOC_PARA, "%zu empty field%s not shown.", empty,
		    empty == 1 ? "" : "s");
	}
	return d;
}
