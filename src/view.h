/*
 * Views of the dataset as grids: what `accelscope list` and `show` print and
 * what the explorer's tables hold.  One builder per view, so the CLI and the
 * explorer cannot drift apart.
 */
#ifndef VIEW_H
#define VIEW_H

#include "dataset.h"
#include "grid.h"

/*
 * The rows of table t.  For hardware: id, name, vendor, category, status,
 * deployment, then one number column per metric holding the preferred
 * figure (empty when unknown), then software and notes.  For specs: every
 * figure with its unit, source and kind, a "conflict" column saying "yes"
 * where the figures for that chip and metric disagree, and "preferred".
 * Other tables: their schema's columns.  Caller frees with grid_free().
 */
struct grid *view_list(const struct dataset *ds, enum ds_table t);

/*
 * Every figure for hardware row hw, grouped by metric in registry order:
 * metric, value, unit, kind, source (id), source title, note, and a mark
 * column: "*" for the preferred figure, "!" for a figure that disagrees
 * with it.  Caller frees.
 */
struct grid *view_hardware_figures(const struct dataset *ds, size_t hw);

/*
 * A key-value grid (field, value) of the hardware row's own fields.
 * Caller frees.
 */
struct grid *view_hardware_fields(const struct dataset *ds, size_t hw);

/*
 * Rows rows[0..n) of g side by side, for the Diff of a table: a "column"
 * column naming each of g's columns, then one column per row, titled by
 * the row's first cell (or "row N").  differs[k] is set to 1 where row k's
 * values are not all the same (number columns compare as numbers, so 80
 * and 80.0 agree).  Caller frees the grid and *differs.
 */
struct grid *view_compare(const struct grid *g, const size_t *rows, size_t n,
    unsigned char **differs);

/*
 * Format a figure the way it is shown in tables: the text the dataset
 * holds for it.  Valid until dataset_free().
 */
const char *view_value_text(const struct dataset *ds, size_t spec);

/*
 * Compile every scenario's filter for the hardware list, as f in the
 * explorer and list --scenario apply it.  Each that does not compile is
 * an error in dl at its place in scenarios.csv (the scenario stays).
 * Returns how many did not.
 */
size_t view_check_filters(const struct dataset *ds, struct diags *dl);

#endif
