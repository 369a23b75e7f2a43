/*
 * Detail documents: what the explorer shows when Enter opens a row.  Built
 * here, from the dataset alone, so they can be tested without a terminal.
 * Every builder returns a new document; caller frees with doc_free().
 */
#ifndef DETAIL_H
#define DETAIL_H

#include "dataset.h"
#include "doc.h"

/*
 * One dimension of a comparison (cmp, a DS_COMPARISONS row): both sides
 * in full, the source, and the analysis passages linked to it.
 */
struct doc *detail_dimension(const struct dataset *ds, size_t cmp,
    const char *dimension);
/* A scenario: verdict, rationale, the filter selecting its hardware. */
struct doc *detail_scenario(const struct dataset *ds, size_t sc);
/*
 * A chip: its fields, every figure with kind and source, the conflicting
 * values side by side, and what each source says.
 */
struct doc *detail_hardware(const struct dataset *ds, size_t hw);
/* A source: its fields and every figure that cites it. */
struct doc *detail_source(const struct dataset *ds, size_t src);

/*
 * One row of a diff (row of d): for a metric, each chip's figures for it
 * with kind, value, source (title and URL), what the source says, and
 * which is preferred; for a field, each chip's value.
 */
struct diff;
struct doc *detail_diff_row(const struct diff *d, size_t row);

/* The badge shown for a verdict: "[ACCEL]", "[GPU]", "[BOTH]". */
const char *detail_verdict_badge(const char *verdict);
/*
 * Row r of any grid, each column a field (accelscope view's detail); title
 * names the table.  Caller frees.
 */
struct grid;
struct doc *detail_row(const struct grid *g, size_t r, const char *title);

#endif
