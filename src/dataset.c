/*
 * Loading and validating the dataset; see dataset.h.
 *
 * Stage by stage, as mandoc does: parse (table.c) -> validate each row
 * against its table's schema -> merge overlays by key -> check references
 * across tables -> type the figures and pick preferred values.
 */
#include "dataset.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundled.h"
#include "table.h"
#include "xmalloc.h"

enum check {
	CHK_TEXT,
	CHK_ID,		/* a slug: lower-case letters, digits, . _ - */
	CHK_ENUM,
	CHK_DATE,	/* YYYY, YYYY-MM or YYYY-MM-DD */
	CHK_URL,
	CHK_NUMBER,	/* finite and not negative */
	CHK_POSITIVE,	/* finite and above zero */
	CHK_WHOLE,	/* a whole number, zero or more */
	CHK_COUNT	/* a whole number, one or more */
};

static const char *const source_kinds[] = {
	"vendor", "docs", "paper", "benchmark", "press", "seed", NULL
};
static const char *const categories[] = {
	"GPU", "TPU", "ASIC", "LPU", "wafer-scale", "IPU", "RDU", "NPU",
	"platform", NULL
};
static const char *const statuses[] = {
	"shipping", "announced", "unverified", NULL
};
static const char *const deployments[] = {
	"on-prem", "cloud-only", "internal", "edge", NULL
};
static const char *const directions[] = { "higher", "lower", NULL };
static const char *const compares[] = { "ratio", "difference", NULL };
static const char *const spec_kinds[] = {
	"vendor-spec", "derived", "measured", "press", "estimate", "seed-claim",
	NULL
};
static const char *const attentions[] = { "mha", "gqa", "mla", NULL };
static const char *const precisions[] = {
	"fp32", "fp16", "bf16", "fp8", "int8", "fp4", "int4", NULL
};
static const char *const meas_metrics[] = {
	"tokens_per_s", "tokens_per_s_per_user", "ttft_ms", "tpot_ms",
	"e2e_ms", NULL
};
static const char *const verdicts[] = { "accelerators", "gpu", "both", NULL };

static const struct field_spec sources_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "title", 1, CHK_TEXT, NULL, -1 },
	{ "publisher", 1, CHK_TEXT, NULL, -1 },
	{ "url", 0, CHK_URL, NULL, -1 },
	{ "date", 0, CHK_DATE, NULL, -1 },
	{ "kind", 1, CHK_ENUM, source_kinds, -1 },
	{ "accessed", 0, CHK_DATE, NULL, -1 },
};
static const struct field_spec metrics_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "label", 1, CHK_TEXT, NULL, -1 },
	{ "unit", 1, CHK_TEXT, NULL, -1 },
	{ "direction", 1, CHK_ENUM, directions, -1 },
	{ "group", 1, CHK_TEXT, NULL, -1 },
	{ "description", 0, CHK_TEXT, NULL, -1 },
	{ "compare", 0, CHK_ENUM, compares, -1 },
};
static const struct field_spec hardware_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "name", 1, CHK_TEXT, NULL, -1 },
	{ "vendor", 1, CHK_TEXT, NULL, -1 },
	{ "category", 1, CHK_ENUM, categories, -1 },
	{ "status", 1, CHK_ENUM, statuses, -1 },
	{ "deployment", 1, CHK_ENUM, deployments, -1 },
	{ "software", 0, CHK_TEXT, NULL, -1 },
	{ "notes", 0, CHK_TEXT, NULL, -1 },
};
static const struct field_spec specs_fields[] = {
	{ "hardware", 1, CHK_ID, NULL, DS_HARDWARE },
	{ "metric", 1, CHK_ID, NULL, DS_METRICS },
	{ "value", 1, CHK_NUMBER, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
	{ "kind", 1, CHK_ENUM, spec_kinds, -1 },
	{ "note", 0, CHK_TEXT, NULL, -1 },
	{ "quote", 0, CHK_TEXT, NULL, -1 },
};
static const struct field_spec comparisons_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "title", 1, CHK_TEXT, NULL, -1 },
	{ "left", 1, CHK_TEXT, NULL, -1 },
	{ "right", 1, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
};
static const struct field_spec matrix_fields[] = {
	{ "comparison", 1, CHK_ID, NULL, DS_COMPARISONS },
	{ "dimension", 1, CHK_TEXT, NULL, -1 },
	{ "side", 1, CHK_TEXT, NULL, -1 },
	{ "text", 1, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
};
static const struct field_spec analysis_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "comparison", 1, CHK_ID, NULL, DS_COMPARISONS },
	{ "title", 1, CHK_TEXT, NULL, -1 },
	{ "dimensions", 0, CHK_TEXT, NULL, -1 },
	{ "text", 1, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
};
static const struct field_spec scenarios_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "group", 1, CHK_TEXT, NULL, -1 },
	{ "title", 1, CHK_TEXT, NULL, -1 },
	{ "verdict", 1, CHK_ENUM, verdicts, -1 },
	{ "rationale", 1, CHK_TEXT, NULL, -1 },
	{ "filter", 0, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
};

static const struct field_spec models_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "name", 1, CHK_TEXT, NULL, -1 },
	{ "params_b", 1, CHK_POSITIVE, NULL, -1 },
	{ "active_params_b", 1, CHK_POSITIVE, NULL, -1 },
	{ "layers", 1, CHK_COUNT, NULL, -1 },
	{ "hidden", 1, CHK_COUNT, NULL, -1 },
	{ "heads", 1, CHK_COUNT, NULL, -1 },
	{ "kv_heads", 1, CHK_COUNT, NULL, -1 },
	{ "head_dim", 1, CHK_COUNT, NULL, -1 },
	{ "ffn", 0, CHK_COUNT, NULL, -1 },
	{ "vocab", 0, CHK_COUNT, NULL, -1 },
	{ "experts", 0, CHK_WHOLE, NULL, -1 },
	{ "active_experts", 0, CHK_WHOLE, NULL, -1 },
	{ "attention", 1, CHK_ENUM, attentions, -1 },
	{ "kv_latent_dim", 0, CHK_WHOLE, NULL, -1 },
	{ "max_context", 0, CHK_COUNT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
	{ "note", 0, CHK_TEXT, NULL, -1 },
};
static const struct field_spec measurements_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "hardware", 1, CHK_ID, NULL, DS_HARDWARE },
	{ "chips", 0, CHK_COUNT, NULL, -1 },
	{ "model", 1, CHK_ID, NULL, DS_MODELS },
	{ "precision", 0, CHK_ENUM, precisions, -1 },
	{ "tp", 0, CHK_COUNT, NULL, -1 },
	{ "batch", 0, CHK_COUNT, NULL, -1 },
	{ "concurrency", 0, CHK_COUNT, NULL, -1 },
	{ "input_tokens", 0, CHK_COUNT, NULL, -1 },
	{ "output_tokens", 0, CHK_COUNT, NULL, -1 },
	{ "software", 0, CHK_ID, NULL, -1 },
	{ "metric", 1, CHK_ENUM, meas_metrics, -1 },
	{ "value", 1, CHK_POSITIVE, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
	{ "note", 0, CHK_TEXT, NULL, -1 },
	{ "quote", 0, CHK_TEXT, NULL, -1 },
};
static const struct field_spec prices_fields[] = {
	{ "hardware", 1, CHK_ID, NULL, DS_HARDWARE },
	{ "usd_per_chip_hour", 1, CHK_POSITIVE, NULL, -1 },
	{ "provider", 1, CHK_TEXT, NULL, -1 },
	{ "instance", 1, CHK_TEXT, NULL, -1 },
	{ "region", 0, CHK_TEXT, NULL, -1 },
	{ "date", 0, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
	{ "kind", 1, CHK_ENUM, spec_kinds, -1 },
	{ "note", 0, CHK_TEXT, NULL, -1 },
	{ "quote", 0, CHK_TEXT, NULL, -1 },
};
static const struct field_spec efficiency_fields[] = {
	{ "id", 1, CHK_ID, NULL, -1 },
	{ "scope", 1, CHK_TEXT, NULL, -1 },
	{ "quantity", 1, CHK_ID, NULL, -1 },
	{ "precision", 0, CHK_ENUM, precisions, -1 },
	{ "tokens", 0, CHK_COUNT, NULL, -1 },
	{ "software", 0, CHK_ID, NULL, -1 },
	{ "value", 1, CHK_NUMBER, NULL, -1 },
	{ "unit", 1, CHK_TEXT, NULL, -1 },
	{ "source", 1, CHK_ID, NULL, DS_SOURCES },
	{ "note", 0, CHK_TEXT, NULL, -1 },
	{ "quote", 0, CHK_TEXT, NULL, -1 },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct table_spec schemas[DS_NTABLES] = {
	{ "sources", "sources.csv", sources_fields, NELEM(sources_fields),
	  "a document a figure or text comes from", 0 },
	{ "metrics", "metrics.csv", metrics_fields, NELEM(metrics_fields),
	  "a measurable property, its unit and direction", 0 },
	{ "hardware", "hardware.csv", hardware_fields, NELEM(hardware_fields),
	  "a chip or system", 0 },
	{ "specs", "specs.csv", specs_fields, NELEM(specs_fields),
	  "one figure, with its source", 0 },
	{ "comparisons", "comparisons.csv", comparisons_fields,
	  NELEM(comparisons_fields), "a comparison matrix and its two sides",
	  0 },
	{ "matrix", "matrix.csv", matrix_fields, NELEM(matrix_fields),
	  "one cell of a comparison matrix", 0 },
	{ "analysis", "analysis.csv", analysis_fields, NELEM(analysis_fields),
	  "an analysis passage, linked to dimensions", 0 },
	{ "scenarios", "scenarios.csv", scenarios_fields,
	  NELEM(scenarios_fields), "a best-for scenario and its verdict", 0 },
	{ "models", "models.csv", models_fields, NELEM(models_fields),
	  "an LLM architecture for the calculator", 1 },
	{ "measurements", "measurements.csv", measurements_fields,
	  NELEM(measurements_fields), "a published inference result", 1 },
	{ "prices", "prices.csv", prices_fields, NELEM(prices_fields),
	  "a cloud list price per chip-hour", 1 },
	{ "efficiency", "efficiency.csv", efficiency_fields,
	  NELEM(efficiency_fields),
	  "an achievable fraction of peak, a latency or an overhead", 1 },
};

/* The fields that identify a row, for duplicates and overlays. */
static const int keys[DS_NTABLES][3] = {
	[DS_SOURCES] = { SRC_ID, -1, -1 },
	[DS_METRICS] = { MET_ID, -1, -1 },
	[DS_HARDWARE] = { HW_ID, -1, -1 },
	[DS_SPECS] = { SPEC_HARDWARE, SPEC_METRIC, SPEC_SOURCE },
	[DS_COMPARISONS] = { CMP_ID, -1, -1 },
	[DS_MATRIX] = { MX_COMPARISON, MX_DIMENSION, MX_SIDE },
	[DS_ANALYSIS] = { AN_ID, -1, -1 },
	[DS_SCENARIOS] = { SC_ID, -1, -1 },
	[DS_MODELS] = { MOD_ID, -1, -1 },
	[DS_MEASUREMENTS] = { MS_ID, -1, -1 },
	[DS_PRICES] = { PR_HARDWARE, PR_PROVIDER, PR_INSTANCE },
	[DS_EFFICIENCY] = { EF_ID, -1, -1 },
};

const struct table_spec *
dataset_schema(enum ds_table t)
{
	return &schemas[t];
}

int
dataset_field_numeric(enum ds_table t, size_t f)
{
	int c;

	if (f >= schemas[t].nfields)
		return 0;
	c = schemas[t].fields[f].check;
	return c == CHK_NUMBER || c == CHK_POSITIVE || c == CHK_WHOLE ||
	    c == CHK_COUNT;
}

int
dataset_table_by_name(const char *name)
{
	int t;

	for (t = 0; t < DS_NTABLES; t++)
		if (strcmp(schemas[t].name, name) == 0)
			return t;
	return -1;
}

const char *
spec_kind_name(enum spec_kind k)
{
	return spec_kinds[k];
}

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, best;

	row = xcalloc(lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

const char *
suggest(const char *word, const char *const *cand, size_t n)
{
	size_t i, d, best = (size_t)-1, limit;
	const char *pick = NULL;

	limit = strlen(word) / 3 + 1;
	for (i = 0; i < n; i++) {
		if (cand[i] == NULL)
			continue;
		d = edit_distance(word, cand[i]);
		if (d < best) {
			best = d;
			pick = cand[i];
		}
	}
	return best <= limit ? pick : NULL;
}

const char *
dataset_suggest(const struct dataset *ds, enum ds_table t, const char *word)
{
	const char **cand;
	const char *s;
	size_t i, n = ds->t[t].n;

	cand = xcalloc(n + 1, sizeof *cand);
	for (i = 0; i < n; i++)
		cand[i] = ds->t[t].r[i].v[0];
	s = suggest(word, cand, n);
	free(cand);
	return s;
}

static const char *
intern_file(struct dataset *ds, const char *name)
{
	size_t i;

	for (i = 0; i < ds->nfiles; i++)
		if (strcmp(ds->files[i], name) == 0)
			return ds->files[i];
	ds->files = xreallocarray(ds->files, ds->nfiles + 1, sizeof *ds->files);
	ds->files[ds->nfiles] = xstrdup(name);
	return ds->files[ds->nfiles++];
}

/* An absent field's text. */
static char empty[] = "";

/* Its fields belong to the file's text: only v (and col) is the row's. */
static void
record_free(struct record *r)
{
	free(r->v);
}

static int
is_slug(const char *s)
{
	if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && strchr("._-", *s) == NULL)
			return 0;
	return 1;
}

static int
is_date(const char *s)
{
	size_t n = strlen(s), i;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return 0;
	if (n == 10 && (atoi(s + 8) < 1 || atoi(s + 8) > 31))
		return 0;
	return 1;
}

static char *
enum_list(const char *const *values)
{
	size_t i, len = 0;
	char *s;

	for (i = 0; values[i] != NULL; i++)
		len += strlen(values[i]) + 2;
	s = xcalloc(len + 1, 1);
	for (i = 0; values[i] != NULL; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, values[i]);
	}
	return s;
}

/* Check one field's value.  Returns 0, or -1 with a diagnostic. */
static int
check_field(const struct field_spec *fs, const char *v, const char *file,
    unsigned line, unsigned col, struct diags *dl)
{
	const char *hint;
	char *list;
	double d;
	size_t i;

	if (*v == '\0') {
		if (!fs->required)
			return 0;
		diags_add(dl, DIAG_ERROR, file, line, col,
		    "empty %s: a value is required; row skipped", fs->name);
		return -1;
	}
	switch (fs->check) {
	case CHK_ID:
		if (is_slug(v))
			return 0;
		diags_add(dl, DIAG_ERROR, file, line, col,
		    "%s \"%s\" is not an id (lower-case letters, digits, '.', "
		    "'_', '-'); row skipped", fs->name, v);
		return -1;
	case CHK_ENUM:
		for (i = 0; fs->values[i] != NULL; i++)
			if (strcmp(v, fs->values[i]) == 0)
				return 0;
		for (i = 0; fs->values[i] != NULL; i++)
			;
		hint = suggest(v, fs->values, i);
		list = enum_list(fs->values);
		if (hint != NULL)
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "unknown %s \"%s\" (did you mean %s?); row skipped",
			    fs->name, v, hint);
		else
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "unknown %s \"%s\" (one of: %s); row skipped",
			    fs->name, v, list);
		free(list);
		return -1;
	case CHK_DATE:
		if (is_date(v))
			return 0;
		diags_add(dl, DIAG_ERROR, file, line, col,
		    "%s \"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD); "
		    "row skipped", fs->name, v);
		return -1;
	case CHK_URL:
		if (strncmp(v, "https://", 8) == 0 ||
		    strncmp(v, "http://", 7) == 0)
			return 0;
		diags_add(dl, DIAG_ERROR, file, line, col,
		    "%s \"%s\" is not an http(s) address; row skipped",
		    fs->name, v);
		return -1;
	case CHK_NUMBER:
		if (parse_number(v, &d) == -1) {
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s \"%s\" is not a finite number; row skipped",
			    fs->name, v);
			return -1;
		}
		if (d < 0) {
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s %s is negative; row skipped", fs->name, v);
			return -1;
		}
		return 0;
	case CHK_POSITIVE:
	case CHK_WHOLE:
	case CHK_COUNT:
		if (parse_number(v, &d) == -1) {
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s \"%s\" is not a finite number; row skipped",
			    fs->name, v);
			return -1;
		}
		if (fs->check != CHK_POSITIVE && (d != floor(d) || d > 1e15)) {
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s %s is not a whole number; row skipped",
			    fs->name, v);
			return -1;
		}
		if (fs->check == CHK_WHOLE ? d < 0 : d <= 0) {
			diags_add(dl, DIAG_ERROR, file, line, col,
			    "%s %s must be %s; row skipped", fs->name, v,
			    fs->check == CHK_COUNT ? "1 or more" :
			    fs->check == CHK_WHOLE ? "0 or more" :
			    "above zero");
			return -1;
		}
		return 0;
	default:
		return 0;
	}
}

/* A number field of a row that passed check_field(); 0 when empty. */
static double
rec_number(const struct record *r, int f)
{
	double d = 0;

	if (*r->v[f] != '\0')
		parse_number(r->v[f], &d);
	return d;
}

/*
 * What one field alone cannot say: a part above its whole, a fraction
 * above one.  Returns 0, or -1 with a diagnostic.
 */
static int
check_row(enum ds_table t, const struct record *r, const char *file,
    struct diags *dl)
{
	static const struct {
		enum ds_table	 t;
		int		 part, whole;
	} within[] = {
		{ DS_MODELS, MOD_ACTIVE, MOD_PARAMS },
		{ DS_MODELS, MOD_KV_HEADS, MOD_HEADS },
		{ DS_MODELS, MOD_ACTIVE_EXPERTS, MOD_EXPERTS },
	};
	const struct field_spec *fs = schemas[t].fields;
	size_t i;
	double v;

	for (i = 0; i < NELEM(within); i++) {
		if (within[i].t != t ||
		    rec_number(r, within[i].part) <=
		    rec_number(r, within[i].whole))
			continue;
		diags_add(dl, DIAG_ERROR, file, r->line,
		    r->col[within[i].part], "%s %s is more than %s %s; row "
		    "skipped", fs[within[i].part].name, r->v[within[i].part],
		    fs[within[i].whole].name, r->v[within[i].whole]);
		return -1;
	}
	if (t == DS_MODELS && rec_number(r, MOD_EXPERTS) > 0 &&
	    rec_number(r, MOD_ACTIVE_EXPERTS) < 1) {
		diags_add(dl, DIAG_ERROR, file, r->line,
		    r->col[MOD_ACTIVE_EXPERTS] ? r->col[MOD_ACTIVE_EXPERTS] : 1,
		    "a model with experts has at least one active; row "
		    "skipped");
		return -1;
	}
	if (t == DS_EFFICIENCY && strcmp(r->v[EF_UNIT], "fraction") == 0 &&
	    ((v = rec_number(r, EF_VALUE)) <= 0 || v > 1)) {
		diags_add(dl, DIAG_ERROR, file, r->line, r->col[EF_VALUE],
		    "value %s is not a fraction (above 0, at most 1); row "
		    "skipped", r->v[EF_VALUE]);
		return -1;
	}
	/* A point on a curve of decode efficiency against tokens a step. */
	if (t == DS_EFFICIENCY && *r->v[EF_TOKENS] != '\0' &&
	    (strcmp(r->v[EF_QUANTITY], "mfu_decode") != 0 ||
	    *r->v[EF_PRECISION] == '\0')) {
		diags_add(dl, DIAG_ERROR, file, r->line, r->col[EF_TOKENS],
		    "tokens is for mfu_decode at a stated precision (a point "
		    "on its curve against the tokens in a step); row skipped");
		return -1;
	}
	return 0;
}

static int
same_key(enum ds_table t, const struct record *a, const struct record *b)
{
	int k;

	for (k = 0; k < 3 && keys[t][k] >= 0; k++)
		if (strcmp(a->v[keys[t][k]], b->v[keys[t][k]]) != 0)
			return 0;
	return 1;
}

/* FNV-1a over the key fields of row r of table t, each ended by a 0 byte. */
static size_t
key_hash(enum ds_table t, const char *const *v)
{
	uint64_t h = 0xcbf29ce484222325u;
	const unsigned char *s;
	int k;

	for (k = 0; k < 3 && keys[t][k] >= 0; k++) {
		for (s = (const unsigned char *)v[keys[t][k]]; *s; s++)
			h = (h ^ *s) * 0x100000001b3u;
		h *= 0x100000001b3u;
	}
	return (size_t)h;
}

static void
index_put(struct rtable *rt, enum ds_table t, size_t i)
{
	size_t m = rt->icap - 1, h = key_hash(t, (const char *const *)
	    rt->r[i].v) & m;

	while (rt->index[h] != 0)
		h = (h + 1) & m;
	rt->index[h] = i + 1;
}

/* Index every row of rt afresh, in a table at most half full of n. */
static void
index_build(struct rtable *rt, enum ds_table t, size_t n)
{
	size_t i;

	free(rt->index);
	for (rt->icap = 64; rt->icap < 2 * n + 2; rt->icap *= 2)
		;
	rt->index = xcalloc(rt->icap, sizeof *rt->index);
	for (i = 0; i < rt->n; i++)
		index_put(rt, t, i);
}

/* The row of rt with r's key, or -1. */
static long
find_key(const struct rtable *rt, enum ds_table t, const struct record *r)
{
	size_t m = rt->icap - 1, h;

	if (rt->icap == 0)
		return -1;
	for (h = key_hash(t, (const char *const *)r->v) & m;
	    rt->index[h] != 0; h = (h + 1) & m)
		if (same_key(t, &rt->r[rt->index[h] - 1], r))
			return (long)rt->index[h] - 1;
	return -1;
}

static void
rtable_push(struct rtable *rt, enum ds_table t, struct record *r)
{
	if (rt->n == rt->cap) {
		rt->cap = rt->cap ? rt->cap * 2 : 64;
		rt->r = xreallocarray(rt->r, rt->cap, sizeof *rt->r);
	}
	rt->r[rt->n++] = *r;
	if (2 * rt->n + 2 > rt->icap)
		index_build(rt, t, rt->n);
	else
		index_put(rt, t, rt->n - 1);
}

/*
 * Validate one loaded CSV against schema t and merge its rows into the
 * dataset.  Rows from an overlay replace rows with the same key.
 */
static void
merge_table(struct dataset *ds, enum ds_table t, struct table *tab,
    int overlay, struct diags *dl)
{
	const struct table_spec *sc = &schemas[t];
	struct rtable *rt = &ds->t[t];
	const char *file = intern_file(ds, table_name(tab));
	long *map;
	size_t i, f, ncols = table_ncols(tab), before = rt->n;
	unsigned line, col;
	long at;
	int bad, missing = 0;
	struct record r;
	const char **names;

	/* Which CSV column holds each schema field. */
	map = xcalloc(sc->nfields, sizeof *map);
	for (f = 0; f < sc->nfields; f++) {
		map[f] = table_column(tab, sc->fields[f].name);
		if (map[f] < 0 && sc->fields[f].required) {
			diags_add(dl, DIAG_ERROR, file, 1, 1,
			    "missing required column \"%s\"; file skipped",
			    sc->fields[f].name);
			missing = 1;
		}
	}
	names = xcalloc(sc->nfields, sizeof *names);
	for (f = 0; f < sc->nfields; f++)
		names[f] = sc->fields[f].name;
	for (i = 0; i < ncols; i++) {
		const char *h = table_header(tab, i), *hint;
		int known = 0;

		for (f = 0; f < sc->nfields; f++)
			if (strcmp(h, names[f]) == 0)
				known = 1;
		if (known)
			continue;
		table_pos(tab, (size_t)-1, i, &line, &col);
		hint = suggest(h, names, sc->nfields);
		diags_add(dl, DIAG_WARNING, file, 1, (unsigned)0 + col,
		    hint ? "unknown column \"%s\" ignored (did you mean %s?)" :
		    "unknown column \"%s\" ignored", h, hint ? hint : "");
	}
	free(names);
	if (missing) {
		free(map);
		return;
	}
	/* Room for every row at once: no array or index grown twice. */
	if (rt->n + table_nrows(tab) > rt->cap) {
		rt->cap = rt->n + table_nrows(tab);
		rt->r = xreallocarray(rt->r, rt->cap, sizeof *rt->r);
	}
	if (2 * (rt->n + table_nrows(tab)) + 2 > rt->icap)
		index_build(rt, t, rt->n + table_nrows(tab));
	for (i = 0; i < table_nrows(tab); i++) {
		size_t nf = table_fields(tab, i);

		table_pos(tab, i, 0, &line, &col);
		if (nf != ncols) {
			unsigned l2, c2;

			table_pos(tab, i, nf < ncols ? nf : ncols, &l2, &c2);
			diags_add(dl, DIAG_ERROR, file, l2, c2,
			    "row has %zu field%s, the header has %zu; "
			    "row skipped", nf, nf == 1 ? "" : "s", ncols);
			continue;
		}
		r.v = xcalloc(sc->nfields, sizeof *r.v + sizeof *r.col);
		r.col = (unsigned *)(void *)(r.v + sc->nfields);
		r.line = line;
		r.file = file;
		bad = 0;
		for (f = 0; f < sc->nfields; f++) {
			if (map[f] < 0) {
				r.v[f] = empty;
				continue;
			}
			table_pos(tab, i, (size_t)map[f], &line, &col);
			r.col[f] = col;
			r.v[f] = (char *)table_cell(tab, i, (size_t)map[f]);
			if (!bad && check_field(&sc->fields[f], r.v[f], file,
			    line, col, dl) == -1)
				bad = 1;
		}
		if (!bad && check_row(t, &r, file, dl) == -1)
			bad = 1;
		if (!bad && (at = find_key(rt, t, &r)) >= 0) {
			if ((size_t)at >= before || !overlay) {
				diags_add(dl, DIAG_ERROR, file, r.line,
				    r.col[keys[t][0]] ? r.col[keys[t][0]] : 1,
				    "duplicate %s \"%s\" (first at line %u); "
				    "row skipped", keys[t][1] >= 0 ? "row" :
				    sc->fields[keys[t][0]].name,
				    r.v[keys[t][0]], rt->r[at].line);
				bad = 1;
			} else {
				/* An overlay row replaces the row it names. */
				record_free(&rt->r[at]);
				rt->r[at] = r;
				continue;
			}
		}
		if (bad) {
			record_free(&r);
			continue;
		}
		rtable_push(rt, t, &r);
	}
	free(map);
	/* The rows kept point into the file's text: it stays with them. */
	ds->texts = xreallocarray(ds->texts, ds->ntexts + 1, sizeof *ds->texts);
	ds->texts[ds->ntexts++] = table_take_text(tab);
}

/* Drop rows whose references do not resolve; report each. */
static void
check_refs(struct dataset *ds, enum ds_table t, struct diags *dl)
{
	const struct table_spec *sc = &schemas[t];
	struct rtable *rt = &ds->t[t];
	size_t i, f, keep = 0;
	const char *hint;
	int bad;

	for (i = 0; i < rt->n; i++) {
		struct record *r = &rt->r[i];

		bad = 0;
		for (f = 0; f < sc->nfields && !bad; f++) {
			int ref = sc->fields[f].ref;

			if (ref < 0 || *r->v[f] == '\0')
				continue;
			if (dataset_find(ds, (enum ds_table)ref, r->v[f]) >= 0)
				continue;
			hint = dataset_suggest(ds, (enum ds_table)ref, r->v[f]);
			if (hint != NULL)
				diags_add(dl, DIAG_ERROR, r->file, r->line,
				    r->col[f], "unknown %s \"%s\" (did you "
				    "mean %s?); row skipped",
				    sc->fields[f].name, r->v[f], hint);
			else
				diags_add(dl, DIAG_ERROR, r->file, r->line,
				    r->col[f], "unknown %s \"%s\" (not in %s); "
				    "row skipped", sc->fields[f].name, r->v[f],
				    schemas[ref].file);
			bad = 1;
		}
		if (!bad && t == DS_MATRIX) {
			long c = dataset_find(ds, DS_COMPARISONS,
			    r->v[MX_COMPARISON]);
			const char *left =
			    ds->t[DS_COMPARISONS].r[c].v[CMP_LEFT];
			const char *right =
			    ds->t[DS_COMPARISONS].r[c].v[CMP_RIGHT];

			if (strcmp(r->v[MX_SIDE], left) != 0 &&
			    strcmp(r->v[MX_SIDE], right) != 0) {
				diags_add(dl, DIAG_ERROR, r->file, r->line,
				    r->col[MX_SIDE], "side \"%s\" is neither "
				    "\"%s\" nor \"%s\"; row skipped",
				    r->v[MX_SIDE], left, right);
				bad = 1;
			}
		}
		if (bad)
			record_free(r);
		else
			rt->r[keep++] = *r;
	}
	/* Rows gone, the index is built again without them. */
	if (keep < rt->n) {
		rt->n = keep;
		index_build(rt, t, keep);
	}
}

static enum spec_kind
kind_of(const char *s)
{
	int k;

	for (k = 0; k < KIND_NKINDS; k++)
		if (strcmp(spec_kinds[k], s) == 0)
			return (enum spec_kind)k;
	return KIND_ESTIMATE;
}

/* Type the figures, pick the preferred one per cell, find conflicts. */
static void
type_specs(struct dataset *ds)
{
	size_t i, nhw = ds->t[DS_HARDWARE].n, nm = ds->t[DS_METRICS].n;
	struct rtable *rt = &ds->t[DS_SPECS];

	ds->spec = xcalloc(rt->n, sizeof *ds->spec);
	ds->preferred = xcalloc(nhw * nm + 1, sizeof *ds->preferred);
	ds->conflict = xcalloc(nhw * nm + 1, 1);
	ds->source_figures = xcalloc(ds->t[DS_SOURCES].n + 1,
	    sizeof *ds->source_figures);
	for (i = 0; i < nhw * nm; i++)
		ds->preferred[i] = -1;
	for (i = 0; i < rt->n; i++) {
		struct spec *s = &ds->spec[i];
		size_t cell;
		long p;

		s->hw = (size_t)dataset_find(ds, DS_HARDWARE,
		    rt->r[i].v[SPEC_HARDWARE]);
		s->metric = (size_t)dataset_find(ds, DS_METRICS,
		    rt->r[i].v[SPEC_METRIC]);
		s->source = (size_t)dataset_find(ds, DS_SOURCES,
		    rt->r[i].v[SPEC_SOURCE]);
		parse_number(rt->r[i].v[SPEC_VALUE], &s->value);
		s->kind = kind_of(rt->r[i].v[SPEC_KIND]);
		ds->source_figures[s->source]++;
		cell = s->hw * nm + s->metric;
		p = ds->preferred[cell];
		if (p >= 0) {
			double a = ds->spec[p].value, b = s->value;
			double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

			if (fabs(a - b) > 0.005 * m)
				ds->conflict[cell] = 1;
		}
		if (p < 0 || s->kind < ds->spec[p].kind)
			ds->preferred[cell] = (long)i;
	}
	/* Conflicts among non-preferred pairs count too. */
	for (i = 0; i < rt->n; i++) {
		const struct spec *s = &ds->spec[i];
		size_t cell = s->hw * nm + s->metric;
		long p = ds->preferred[cell];
		double a = ds->spec[p].value, m;

		m = fabs(a) > fabs(s->value) ? fabs(a) : fabs(s->value);
		if (fabs(a - s->value) > 0.005 * m)
			ds->conflict[cell] = 1;
	}
}

/* A table from a list in memory, or NULL when it has none of that name. */
static struct table *
load_mem(const struct bundled_file *list, const char *file,
    struct diags *dl)
{
	const struct bundled_file *b;
	char *name;
	struct table *t;

	for (b = list; b->name != NULL; b++) {
		if (strcmp(b->name, file) != 0)
			continue;
		name = xasprintf("dataset/%s", file);
		t = table_load_mem(name, b->data, b->len, dl);
		free(name);
		return t;
	}
	return NULL;
}

/* A bundled table, parsed by the build, or NULL when it has none. */
static struct table *
load_parts(const char *file)
{
	const struct table_parts *p;
	struct table *t;
	char *name;

	for (p = bundled_parts; p->name != NULL; p++) {
		if (strcmp(p->name, file) != 0)
			continue;
		name = xasprintf("dataset/%s", file);
		t = table_from_parts(name, p);
		free(name);
		return t;
	}
	return NULL;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct dataset *
dataset_load(const struct dataset_opts *o, struct diags *dl)
{
	struct dataset *ds;
	struct table *tab;
	char *path;
	struct stat st;
	int t, any = 0;

	if (o->dir != NULL && !is_dir(o->dir)) {
		diags_add(dl, DIAG_ERROR, o->dir, 0, 0,
		    "not a dataset directory");
		return NULL;
	}
	/* A directory with none of the files is not a dataset at all. */
	for (t = 0; o->dir != NULL && t < DS_NTABLES; t++) {
		path = xasprintf("%s/%s", o->dir, schemas[t].file);
		any = stat(path, &st) == 0;
		free(path);
		if (any)
			break;
	}
	if (o->dir != NULL && !any) {
		diags_add(dl, DIAG_ERROR, o->dir, 0, 0, "not a dataset "
		    "directory: it has none of the files (sources.csv, "
		    "hardware.csv, specs.csv and the rest; see "
		    "accelscope-data(5))");
		return NULL;
	}
	any = 0;
	ds = xcalloc(1, sizeof *ds);
	ds->origin = xstrdup(o->dir != NULL ? o->dir : o->files != NULL ?
	    "memory" : "bundled");
	for (t = 0; t < DS_NTABLES; t++) {
		const char *file = schemas[t].file;

		if (o->dir == NULL && o->files == NULL) {
			tab = load_parts(file);
			if (tab == NULL)
				diags_add(dl, DIAG_ERROR, "dataset", 0, 0,
				    "bundled %s is missing", file);
		} else if (o->dir == NULL) {
			tab = load_mem(o->files, file, dl);
			if (tab == NULL && !schemas[t].optional)
				diags_add(dl, DIAG_ERROR, "dataset", 0, 0,
				    "missing: every dataset has %s (%s)", file,
				    schemas[t].help);
		} else {
			path = xasprintf("%s/%s", o->dir, file);
			if (stat(path, &st) == -1 && errno == ENOENT &&
			    schemas[t].optional)
				tab = NULL;
			else if (stat(path, &st) == -1 && errno == ENOENT) {
				diags_add(dl, DIAG_ERROR, path, 0, 0,
				    "missing: every dataset has %s (%s)", file,
				    schemas[t].help);
				tab = NULL;
			} else
				tab = table_load_file(path, NULL, dl);
			free(path);
		}
		if (tab != NULL) {
			merge_table(ds, (enum ds_table)t, tab, 0, dl);
			table_free(tab);
			any = 1;
		}
		if (o->overlay == NULL)
			continue;
		path = xasprintf("%s/%s", o->overlay, file);
		if (stat(path, &st) == 0) {
			tab = table_load_file(path, NULL, dl);
			if (tab != NULL) {
				merge_table(ds, (enum ds_table)t, tab, 1, dl);
				table_free(tab);
			}
		}
		free(path);
	}
	if (!any) {
		dataset_free(ds);
		return NULL;
	}
	for (t = 0; t < DS_NTABLES; t++)
		check_refs(ds, (enum ds_table)t, dl);
	type_specs(ds);
	diags_sort(dl);
	return ds;
}

void
dataset_free(struct dataset *ds)
{
	size_t i;
	int t;

	if (ds == NULL)
		return;
	for (t = 0; t < DS_NTABLES; t++) {
		for (i = 0; i < ds->t[t].n; i++)
			record_free(&ds->t[t].r[i]);
		free(ds->t[t].r);
		free(ds->t[t].index);
	}
	for (i = 0; i < ds->nfiles; i++)
		free(ds->files[i]);
	for (i = 0; i < ds->ntexts; i++)
		free(ds->texts[i]);
	free(ds->texts);
	free(ds->files);
	free(ds->spec);
	free(ds->preferred);
	free(ds->conflict);
	free(ds->source_figures);
	free(ds->origin);
	free(ds);
}

size_t
dataset_count(const struct dataset *ds, enum ds_table t)
{
	return ds->t[t].n;
}

const char *
dataset_field(const struct dataset *ds, enum ds_table t, size_t i, int f)
{
	return ds->t[t].r[i].v[f];
}

long
dataset_find(const struct dataset *ds, enum ds_table t, const char *id)
{
	const struct rtable *rt = &ds->t[t];
	const char *v[1] = { id };
	size_t i, m = rt->icap - 1, h;

	/* Tables keyed by their first field alone have it in the index. */
	if (keys[t][0] == 0 && keys[t][1] < 0 && rt->icap > 0) {
		for (h = key_hash(t, v) & m; rt->index[h] != 0;
		    h = (h + 1) & m)
			if (strcmp(rt->r[rt->index[h] - 1].v[0], id) == 0)
				return (long)rt->index[h] - 1;
		return -1;
	}
	for (i = 0; i < rt->n; i++)
		if (strcmp(rt->r[i].v[0], id) == 0)
			return (long)i;
	return -1;
}

long
dataset_preferred_index(const struct dataset *ds, size_t hw, size_t metric)
{
	return ds->preferred[hw * ds->t[DS_METRICS].n + metric];
}

const struct spec *
dataset_preferred(const struct dataset *ds, size_t hw, size_t metric)
{
	long p = dataset_preferred_index(ds, hw, metric);

	return p < 0 ? NULL : &ds->spec[p];
}

int
dataset_conflict(const struct dataset *ds, size_t hw, size_t metric)
{
	return ds->conflict[hw * ds->t[DS_METRICS].n + metric];
}

int
dataset_compare_difference(const struct dataset *ds, size_t m)
{
	return strcmp(ds->t[DS_METRICS].r[m].v[MET_COMPARE], "difference") == 0;
}

int
dataset_higher_better(const struct dataset *ds, size_t m)
{
	return strcmp(ds->t[DS_METRICS].r[m].v[MET_DIRECTION], "higher") == 0;
}
