/*
 * Fuzz the whole dataset loader -- validation, merging, cross-references,
 * typing the figures -- and the views built on it.  The first byte picks
 * which of the bundled files to replace (modulo their number); the rest
 * of the input is that file's text, the others are the bundled ones.
 *
 * After loading: every table's list view, each chip's figures, fields and
 * detail, each source's and scenario's detail with the scenario's filter
 * applied, a diff of the last chips, the calculator's validation; each
 * grid formatted in every format.  Then everything is freed, so a leak
 * shows.
 *
 * Formatting the whole bundled dataset five ways costs most of a run
 * under the sanitizers, and a grid the replaced file does not feed is the
 * same in every run; so such a grid is formatted in one format, which the
 * rest of the first byte picks.  A grid the file feeds -- its table's, a
 * table that refers to it (through the loader's reference checks rows
 * come and go), the chips' views for sources, metrics, hardware and
 * specs -- gets every format.
 */
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "calc.h"
#include "dataset.h"
#include "detail.h"
#include "diff.h"
#include "doc.h"
#include "filter.h"
#include "fuzz.h"
#include "grid.h"
#include "view.h"

static size_t nfiles;

/* Per input: the table the input replaced, and the format for grids
   that only the bundled files feed. */
static int fuzzed;
static enum grid_format one_format;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	while (bundled_files[nfiles].name != NULL)
		nfiles++;
	return 0;
}

/* A grid, formatted every way (or, when all is 0, one), then freed. */
static void
use_grid(struct grid *g, int all)
{
	enum grid_format f;

	if (!all)
		free(grid_format(g, one_format));
	else
		for (f = GRID_TABLE; f <= GRID_MD; f++)
			free(grid_format(g, f));
	grid_free(g);
}

/* Whether table t's rows depend on the input's table: t is it, or
   refers to it, directly or through another table. */
static int
feeds(int t)
{
	const struct table_spec *sc = dataset_schema((enum ds_table)t);
	size_t f;

	if (t == fuzzed)
		return 1;
	for (f = 0; f < sc->nfields; f++)
		if (sc->fields[f].ref >= 0 && sc->fields[f].ref != t &&
		    feeds(sc->fields[f].ref))
			return 1;
	return 0;
}

/* Whether the input's table feeds the views of the chips and figures:
   hardware rows, with a column per metric, the figures and sources. */
static int
feeds_chips(void)
{
	return feeds(DS_HARDWARE) || feeds(DS_SPECS) || feeds(DS_METRICS);
}

static void
use_doc(struct doc *d)
{
	free(doc_text(d));
	doc_free(d);
}

/* The scenario's filter over the hardware list, as list --scenario does. */
static void
scenario_filter(const struct dataset *ds, size_t sc)
{
	struct grid *g = view_list(ds, DS_HARDWARE);
	struct filter *f;
	struct diags dl;

	diags_init(&dl);
	f = filter_compile(dataset_field(ds, DS_SCENARIOS, sc, SC_FILTER), g,
	    &dl);
	if (f != NULL) {
		filter_grid(f, g, &dl);
		filter_free(f);
	}
	diags_done(&dl);
	use_grid(g, feeds(DS_SCENARIOS) || feeds_chips());
}

static void
views(const struct dataset *ds)
{
	size_t i, k, n, hw[DIFF_MAX];
	struct calc_summary sum;
	struct grid *fam;
	struct diff *d;
	int t;

	for (t = 0; t < DS_NTABLES; t++)
		use_grid(view_list(ds, (enum ds_table)t), feeds(t) ||
		    (t == DS_HARDWARE && feeds_chips()));
	n = dataset_count(ds, DS_HARDWARE);
	for (i = 0; i < n; i++) {
		use_grid(view_hardware_figures(ds, i), feeds_chips());
		use_grid(view_hardware_fields(ds, i), feeds_chips());
		use_doc(detail_hardware(ds, i));
	}
	for (i = 0; i < dataset_count(ds, DS_SOURCES); i++)
		use_doc(detail_source(ds, i));
	for (i = 0; i < dataset_count(ds, DS_SCENARIOS); i++) {
		use_doc(detail_scenario(ds, i));
		scenario_filter(ds, i);
	}
	for (i = 0; i < dataset_count(ds, DS_MATRIX); i++) {
		long c = dataset_find(ds, DS_COMPARISONS, dataset_field(ds,
		    DS_MATRIX, i, MX_COMPARISON));

		if (c >= 0)
			use_doc(detail_dimension(ds, (size_t)c,
			    dataset_field(ds, DS_MATRIX, i, MX_DIMENSION)));
	}
	if (n >= 2) {
		k = n < DIFF_MAX ? n : DIFF_MAX;
		for (i = 0; i < k; i++)
			hw[i] = n - 1 - i;
		if ((d = diff_new(ds, hw, k, DIFF_TOLERANCE)) == NULL)
			fuzz_fail("diff_new(%zu chips) failed", k);
		use_grid(diff_grid(d, 1, 0), 1);
		use_grid(diff_grid(d, 0, 1), 1);
		use_doc(detail_diff_row(d, 0));
		diff_free(d);
	}
	use_grid(calc_validate(ds, 50, &sum, &fam), 1);
	use_grid(fam, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundled_file *files;
	struct dataset_opts o;
	struct dataset *ds;
	struct diags dl;
	size_t pick, i;

	if (size < 1)
		return 0;
	files = calloc(nfiles + 1, sizeof *files);
	if (files == NULL)
		return 0;
	memcpy(files, bundled_files, (nfiles + 1) * sizeof *files);
	pick = data[0] % nfiles;
	one_format = (enum grid_format)(data[0] / nfiles % (GRID_MD + 1));
	for (fuzzed = 0; fuzzed < DS_NTABLES; fuzzed++)
		if (strcmp(dataset_schema((enum ds_table)fuzzed)->file,
		    files[pick].name) == 0)
			break;
	files[pick].data = (const char *)data + 1;
	files[pick].len = size - 1;

	memset(&o, 0, sizeof o);
	o.files = files;
	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.v[i]));
	if (ds != NULL)
		views(ds);
	dataset_free(ds);
	diags_done(&dl);
	free(files);
	return 0;
}
