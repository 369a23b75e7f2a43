/*
 * The dataset: sources, hardware, metrics, figures (specs), the comparison
 * matrices, analysis passages and best-for scenarios, loaded from CSV,
 * typed and cross-checked.
 *
 * Every table is described by a schema (its columns, which are required,
 * what each must hold), so one loader validates them all the same way.  A
 * bad row is reported as file:line:col and left out; the rest loads.  Rows
 * from an overlay directory (the user's own) replace rows with the same key
 * or are added.  Where several figures give the same hardware and metric,
 * all stay: one is preferred (by kind: vendor-spec, derived, measured, press,
 * estimate, seed-claim; then file order), and differing values are a
 * conflict the views show.
 */
#ifndef DATASET_H
#define DATASET_H

#include <stddef.h>

#include "diag.h"
#include "number.h"

enum ds_table {
	DS_SOURCES,
	DS_METRICS,
	DS_HARDWARE,
	DS_SPECS,
	DS_COMPARISONS,
	DS_MATRIX,
	DS_ANALYSIS,
	DS_SCENARIOS,
	DS_MODELS,
	DS_MEASUREMENTS,
	DS_PRICES,
	DS_EFFICIENCY,
	DS_NTABLES
};

/* Columns of each table, in schema order; records hold them in this order. */
enum { SRC_ID, SRC_TITLE, SRC_PUBLISHER, SRC_URL, SRC_DATE, SRC_KIND,
       SRC_ACCESSED, SRC_NFIELDS };
enum { MET_ID, MET_LABEL, MET_UNIT, MET_DIRECTION, MET_GROUP,
       MET_DESCRIPTION, MET_COMPARE, MET_NFIELDS };
enum { HW_ID, HW_NAME, HW_VENDOR, HW_CATEGORY, HW_STATUS, HW_DEPLOYMENT,
       HW_SOFTWARE, HW_NOTES, HW_NFIELDS };
enum { SPEC_HARDWARE, SPEC_METRIC, SPEC_VALUE, SPEC_SOURCE, SPEC_KIND,
       SPEC_NOTE, SPEC_QUOTE, SPEC_NFIELDS };
enum { CMP_ID, CMP_TITLE, CMP_LEFT, CMP_RIGHT, CMP_SOURCE, CMP_NFIELDS };
enum { MX_COMPARISON, MX_DIMENSION, MX_SIDE, MX_TEXT, MX_SOURCE,
       MX_NFIELDS };
enum { AN_ID, AN_COMPARISON, AN_TITLE, AN_DIMENSIONS, AN_TEXT, AN_SOURCE,
       AN_NFIELDS };
enum { SC_ID, SC_GROUP, SC_TITLE, SC_VERDICT, SC_RATIONALE, SC_FILTER,
       SC_SOURCE, SC_NFIELDS };
/* The calculator's tables. */
enum { MOD_ID, MOD_NAME, MOD_PARAMS, MOD_ACTIVE, MOD_LAYERS, MOD_HIDDEN,
       MOD_HEADS, MOD_KV_HEADS, MOD_HEAD_DIM, MOD_FFN, MOD_VOCAB,
       MOD_EXPERTS, MOD_ACTIVE_EXPERTS, MOD_ATTENTION, MOD_KV_LATENT,
       MOD_MAX_CONTEXT, MOD_SOURCE, MOD_NOTE, MOD_NFIELDS };
enum { MS_ID, MS_HARDWARE, MS_CHIPS, MS_MODEL, MS_PRECISION, MS_TP,
       MS_BATCH, MS_CONCURRENCY, MS_INPUT, MS_OUTPUT, MS_SOFTWARE,
       MS_METRIC, MS_VALUE, MS_SOURCE, MS_NOTE, MS_QUOTE, MS_NFIELDS };
enum { PR_HARDWARE, PR_USD, PR_PROVIDER, PR_INSTANCE, PR_REGION, PR_DATE,
       PR_SOURCE, PR_KIND, PR_NOTE, PR_QUOTE, PR_NFIELDS };
enum { EF_ID, EF_SCOPE, EF_QUANTITY, EF_PRECISION, EF_TOKENS,
       EF_SOFTWARE, EF_VALUE, EF_UNIT, EF_SOURCE, EF_NOTE, EF_QUOTE,
       EF_NFIELDS };

/* Kinds of figure, most preferred first. */
enum spec_kind {
	KIND_VENDOR,
	KIND_DERIVED,
	KIND_MEASURED,
	KIND_PRESS,
	KIND_ESTIMATE,
	KIND_SEED,
	KIND_NKINDS
};

/*
 * One row: its fields in schema order, and where each came from.  The
 * fields point into the text of the file they were read from (kept in
 * dataset.texts); v and col are one allocation.
 */
struct record {
	char		**v;	/* never NULL; "" when absent */
	unsigned	 *col;	/* per field; 0 when the column was absent */
	unsigned	  line;
	const char	 *file;	/* owned by the dataset */
};

struct rtable {
	struct record	*r;
	size_t		 n;
	size_t		 cap;
	/* The rows by key, hashed: row + 1 in each used slot, 0 if none. */
	size_t		*index;
	size_t		 icap;		/* a power of two */
};

struct field_spec {
	const char		*name;
	int			 required;	/* present and non-empty */
	int			 check;		/* see dataset.c */
	const char *const	*values;	/* for an enumeration */
	int			 ref;		/* table referenced, or -1 */
};

struct table_spec {
	const char		*name;	/* "hardware" */
	const char		*file;	/* "hardware.csv" */
	const struct field_spec	*fields;
	size_t			 nfields;
	const char		*help;	/* one line: what a row is */
	int			 optional;	/* a dataset may leave it out */
};

/* A figure, typed. */
struct spec {
	size_t		hw;
	size_t		metric;
	size_t		source;
	double		value;
	enum spec_kind	kind;
};

struct dataset {
	struct rtable	 t[DS_NTABLES];
	struct spec	*spec;		/* one per DS_SPECS record */
	/* Per hardware x metric: preferred figure (or -1), and conflicts. */
	long		*preferred;
	unsigned char	*conflict;
	size_t		*source_figures;	/* figures citing each source */
	char		**files;		/* interned file names */
	size_t		 nfiles;
	char		**texts;		/* the files' text: fields */
	size_t		 ntexts;
	char		*origin;		/* "bundled" or the directory */
};

struct bundled_file;

/*
 * Where to load from: a directory, or with dir NULL the files of a list
 * in memory (as bundled.h describes them, though the text need not end
 * in a NUL; an optional table may be left out).  Zero every field a
 * caller does not set.
 */
struct dataset_opts {
	const char	*dir;		/* NULL: files */
	const char	*overlay;	/* NULL or a directory of additions */
	const struct bundled_file *files;	/* NULL: the bundled set */
};

/*
 * Load, validate and cross-check.  Every problem goes to dl, positioned;
 * rows with errors are left out.  Returns NULL only if nothing could be
 * loaded at all.  Caller frees with dataset_free().
 */
struct dataset *dataset_load(const struct dataset_opts *o, struct diags *dl);
void dataset_free(struct dataset *ds);

/* The schema of table t, and the table with that name ("hardware"), or -1. */
const struct table_spec *dataset_schema(enum ds_table t);
int dataset_table_by_name(const char *name);
/* Whether field f of table t holds a number (value, params_b, batch). */
int dataset_field_numeric(enum ds_table t, size_t f);

size_t dataset_count(const struct dataset *ds, enum ds_table t);
/* Field f of row i of table t.  Valid until dataset_free(). */
const char *dataset_field(const struct dataset *ds, enum ds_table t,
    size_t i, int f);
/* Row whose key (first field) is id, or -1. */
long dataset_find(const struct dataset *ds, enum ds_table t, const char *id);

/* The preferred figure for (hardware, metric), or NULL. */
const struct spec *dataset_preferred(const struct dataset *ds, size_t hw,
    size_t metric);
/* Index of the preferred figure's spec row, or -1. */
long dataset_preferred_index(const struct dataset *ds, size_t hw,
    size_t metric);
/* 1 when the figures for (hardware, metric) disagree. */
int dataset_conflict(const struct dataset *ds, size_t hw, size_t metric);

const char *spec_kind_name(enum spec_kind k);
/* 1 if higher values of metric m are better. */
int dataset_higher_better(const struct dataset *ds, size_t m);
/*
 * 1 if values of metric m are compared by difference (a year: "+1"),
 * 0 by ratio (the default: "×1.76").
 */
int dataset_compare_difference(const struct dataset *ds, size_t m);

/*
 * The closest of n candidate names to word (edit distance at most a third
 * of its length), for "did you mean ...?", or NULL.
 */
const char *suggest(const char *word, const char *const *cand, size_t n);
/* The same over the keys of table t. */
const char *dataset_suggest(const struct dataset *ds, enum ds_table t,
    const char *word);

#endif
