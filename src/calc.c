/*
 * The calculator over the dataset; see calc.h.
 */
#include "calc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The fixed metric ids (see accelscope-data(5)): a figure or 0. */
static double
figure(const struct dataset *ds, size_t hw, const char *metric)
{
	long m = dataset_find(ds, DS_METRICS, metric);
	const struct spec *s;

	if (m < 0 || (s = dataset_preferred(ds, hw, (size_t)m)) == NULL)
		return 0;
	return s->value;
}

static double
num(const struct dataset *ds, enum ds_table t, size_t i, int f)
{
	double v;

	return parse_number(dataset_field(ds, t, i, f), &v) == 0 ? v : 0;
}

void
calc_req_init(struct calc_req *q, size_t hw, size_t model)
{
	memset(q, 0, sizeof *q);
	q->hw = hw;
	q->model = model;
	q->w.batch = 1;
	q->w.prompt = 1024;
	q->w.output = 256;
	q->w.wprec = q->w.kvprec = q->w.aprec = PREC_BF16;
	q->mfu = q->mbu = q->overhead_us = q->price = -1;
}

/* v is a whole number from lo to hi. */
static int
whole(double v, double lo, double hi)
{
	return v >= lo && v <= hi && v == floor(v);
}

/* v is unset (negative: the dataset's) or from lo to hi; not NaN. */
static int
override(double v, double lo, double hi)
{
	return v < 0 || (v >= lo && v <= hi);
}

int
calc_req_check(const struct dataset *ds, const struct calc_req *q,
    const char **why)
{
	const struct perf_work *w = &q->w;

	*why = NULL;
	if (q->hw >= dataset_count(ds, DS_HARDWARE) ||
	    q->model >= dataset_count(ds, DS_MODELS))
		*why = "no such hardware or model in the dataset";
	else if (!whole(w->chips, 0, PERF_MAX_CHIPS))
		*why = "chips: a whole number up to 1,000,000, or 0 for the "
		    "fewest that hold the model";
	else if (!whole(w->batch, 0, 1e9) || !whole(w->batch_cap, 0, 1e9))
		*why = "batch: a whole number up to 1,000,000,000, or the "
		    "largest that fits";
	else if (!whole(w->prompt, 0, 1e9) || !whole(w->output, 1, 1e9))
		*why = "prompt and output: whole numbers of tokens up to "
		    "1,000,000,000, output at least 1";
	else if (!(q->mfu < 0 || (q->mfu > 0 && q->mfu <= 1)) ||
	    !(q->mbu < 0 || (q->mbu > 0 && q->mbu <= 1)))
		*why = "mfu and mbu are fractions of peak, above 0 and at "
		    "most 1";
	else if (!override(q->overhead_us, 0, 1e7) ||
	    !override(q->price, 0, 1e7))
		*why = "overhead and price: numbers from 0 to 10,000,000";
	else if ((unsigned)w->wprec >= PREC_N ||
	    (unsigned)w->kvprec >= PREC_N || (unsigned)w->aprec >= PREC_N)
		*why = "unknown precision";
	else if (q->software != NULL && *q->software != '\0' &&
	    !calc_software_known(ds, q->software))
		*why = "software: not one that efficiency.csv or "
		    "measurements.csv names";
	return *why != NULL ? -1 : 0;
}

void
calc_hw(const struct dataset *ds, size_t hw, struct perf_hw *h)
{
	const char *id = dataset_field(ds, DS_HARDWARE, hw, HW_ID);
	size_t i, n = dataset_count(ds, DS_PRICES);

	memset(h, 0, sizeof *h);
	h->peak[PREC_BF16] = h->peak[PREC_FP16] = figure(ds, hw,
	    "bf16_tflops") * 1e12;
	h->peak[PREC_FP8] = figure(ds, hw, "fp8_tflops") * 1e12;
	h->peak[PREC_FP4] = figure(ds, hw, "fp4_tflops") * 1e12;
	h->peak[PREC_INT8] = figure(ds, hw, "int8_tops") * 1e12;
	h->mem_bytes = figure(ds, hw, "memory_gb") * 1e9;
	h->mem_bw = figure(ds, hw, "memory_bw_tbs") * 1e12;
	h->sram_bytes = figure(ds, hw, "sram_mb") * 1e6;
	/* Scale-up figures are stated for both directions together. */
	h->link_bw = figure(ds, hw, "scaleup_gbs") * 1e9 / 2;
	h->domain = figure(ds, hw, "scaleup_chips");
	h->power_w = figure(ds, hw, "tdp_w");
	for (i = 0; i < n; i++)
		if (strcmp(dataset_field(ds, DS_PRICES, i, PR_HARDWARE),
		    id) == 0) {
			h->price_h = num(ds, DS_PRICES, i, PR_USD);
			break;
		}
}

void
calc_model(const struct dataset *ds, size_t i, struct perf_model *m)
{
	memset(m, 0, sizeof *m);
	m->params = num(ds, DS_MODELS, i, MOD_PARAMS) * 1e9;
	m->active = num(ds, DS_MODELS, i, MOD_ACTIVE) * 1e9;
	m->layers = num(ds, DS_MODELS, i, MOD_LAYERS);
	m->hidden = num(ds, DS_MODELS, i, MOD_HIDDEN);
	m->heads = num(ds, DS_MODELS, i, MOD_HEADS);
	m->kv_heads = num(ds, DS_MODELS, i, MOD_KV_HEADS);
	m->head_dim = num(ds, DS_MODELS, i, MOD_HEAD_DIM);
	m->experts = num(ds, DS_MODELS, i, MOD_EXPERTS);
	m->active_experts = num(ds, DS_MODELS, i, MOD_ACTIVE_EXPERTS);
	if (strcmp(dataset_field(ds, DS_MODELS, i, MOD_ATTENTION), "mla") == 0)
		m->kv_latent = num(ds, DS_MODELS, i, MOD_KV_LATENT);
}

/* The efficiency quantities, in perf_eff's order, and their units. */
static const struct {
	const char	*quantity;
	const char	*unit;
	double		 scale;		/* to perf_eff's unit */
	double		 fallback;	/* when no row applies */
} quantities[] = {
	{ "mfu_prefill", "fraction", 1, 0.5 },
	{ "mfu_decode", "fraction", 1, -1 },	/* -1: as mfu_prefill */
	{ "mbu_decode", "fraction", 1, 0.6 },
	{ "link_fraction", "fraction", 1, 1 },
	{ "allreduce_latency_us", "us", 1e-6, 0 },
	{ "step_overhead_us", "us", 1e-6, 0 },
	{ "layer_latency_us", "us", 1e-6, 0 },
	{ "memory_fraction", "fraction", 1, 0.9 },
	{ "mbu_attention", "fraction", 1, 0 },	/* 0: as mbu_decode */
	{ "seq_overhead_us", "us", 1e-6, 0 },
	{ "max_batch", "sequences", 1, 0 },
};
/* quantities[1]: the one a curve is of; [8]: at the KV cache's precision */
enum { Q_MFU_DECODE = 1, Q_MBU_ATTENTION = 8 };
_Static_assert(NELEM(quantities) == CALC_NEFF, "CALC_NEFF in calc.h");

/* A curve's points while they are gathered: tokens ascending. */
struct curve {
	size_t	n;
	double	tokens[PERF_CURVE_MAX];
	double	mfu[PERF_CURVE_MAX];
	long	first;		/* the first row that gave a point */
};

/*
 * Add a point; one at the same tokens as another is dropped, and past
 * PERF_CURVE_MAX points the most tokens go.
 */
static void
curve_add(struct curve *c, double tokens, double mfu, long row)
{
	size_t k;

	for (k = c->n; k > 0 && c->tokens[k - 1] > tokens; k--)
		;
	if ((k > 0 && c->tokens[k - 1] == tokens) || k == PERF_CURVE_MAX)
		return;
	if (c->n == PERF_CURVE_MAX)
		c->n--;
	memmove(&c->tokens[k + 1], &c->tokens[k], (c->n - k) *
	    sizeof *c->tokens);
	memmove(&c->mfu[k + 1], &c->mfu[k], (c->n - k) * sizeof *c->mfu);
	c->tokens[k] = tokens;
	c->mfu[k] = mfu;
	c->n++;
	if (c->first < 0)
		c->first = row;
}

/* The scopes a row may give for hardware hw: its id, its category, any. */
static void
hw_scopes(const struct dataset *ds, size_t hw, const char *scopes[3])
{
	scopes[0] = dataset_field(ds, DS_HARDWARE, hw, HW_ID);
	scopes[1] = dataset_field(ds, DS_HARDWARE, hw, HW_CATEGORY);
	scopes[2] = "any";
}

/* Which of scopes row i of efficiency.csv is scoped to, 0 to 2, or 3. */
static size_t
eff_scope(const struct dataset *ds, size_t i, const char *const scopes[3])
{
	const char *f = dataset_field(ds, DS_EFFICIENCY, i, EF_SCOPE);
	size_t s;

	for (s = 0; s < 3 && strcmp(f, scopes[s]) != 0; s++)
		;
	return s;
}

/*
 * One pass over efficiency.csv.  For each quantity the row that applies is
 * the first that names software sw, else the first that names none; among
 * those, the first scoped to the chip, else to its category, else to
 * "any"; within a scope, one at precision p (kvp for attention's
 * bandwidth, which reads the KV cache) before one at any precision.  The
 * curve of decode efficiency is the points (rows of mfu_decode with
 * tokens, at p) of the first of those groups that has any.
 */
void
calc_eff(const struct dataset *ds, size_t hw, enum perf_prec p,
    enum perf_prec kvp, const char *sw, struct perf_eff *e, const char **src)
{
	const char *pn = perf_prec_name(p), *f, *fsw, *scopes[3];
	size_t n = dataset_count(ds, DS_EFFICIENCY), i, k, s, g, rank;
	/* 6 * (names no software) + 2 * scope + (no precision) */
	size_t best[NELEM(quantities)];
	long row[NELEM(quantities)];
	struct curve cv[6];	/* by 3 * (names no software) + scope */
	double v[NELEM(quantities)];

	if (sw == NULL)
		sw = "";
	hw_scopes(ds, hw, scopes);
	for (k = 0; k < NELEM(quantities); k++) {
		best[k] = 2 * 6;	/* past every group */
		row[k] = -1;
	}
	for (g = 0; g < 6; g++) {
		cv[g].n = 0;
		cv[g].first = -1;
	}
	for (i = 0; i < n; i++) {
		if ((s = eff_scope(ds, i, scopes)) == 3)
			continue;
		fsw = dataset_field(ds, DS_EFFICIENCY, i, EF_SOFTWARE);
		if (*fsw != '\0' && strcmp(fsw, sw) != 0)
			continue;
		g = 3 * (*fsw == '\0') + s;
		f = dataset_field(ds, DS_EFFICIENCY, i, EF_QUANTITY);
		for (k = 0; k < NELEM(quantities) &&
		    strcmp(f, quantities[k].quantity) != 0; k++)
			;
		if (k == NELEM(quantities) || strcmp(dataset_field(ds,
		    DS_EFFICIENCY, i, EF_UNIT), quantities[k].unit) != 0)
			continue;
		f = dataset_field(ds, DS_EFFICIENCY, i, EF_PRECISION);
		if (*dataset_field(ds, DS_EFFICIENCY, i, EF_TOKENS) != '\0') {
			/* A point on a curve, not a figure on its own. */
			if (k == Q_MFU_DECODE && strcmp(f, pn) == 0)
				curve_add(&cv[g], num(ds, DS_EFFICIENCY, i,
				    EF_TOKENS), num(ds, DS_EFFICIENCY, i,
				    EF_VALUE), (long)i);
			continue;
		}
		if (*f == '\0')
			rank = 2 * g + 1;
		else if (strcmp(f, k == Q_MBU_ATTENTION ?
		    perf_prec_name(kvp) : pn) == 0)
			rank = 2 * g;
		else
			continue;
		if (rank < best[k]) {
			best[k] = rank;
			row[k] = (long)i;
		}
	}
	for (k = 0; k < NELEM(quantities); k++) {
		v[k] = (row[k] >= 0 ? num(ds, DS_EFFICIENCY, (size_t)row[k],
		    EF_VALUE) : quantities[k].fallback) * quantities[k].scale;
		if (src != NULL)
			src[k] = row[k] >= 0 ? dataset_field(ds, DS_EFFICIENCY,
			    (size_t)row[k], EF_ID) : NULL;
	}
	e->mfu = v[CALC_MFU];
	e->mfu_decode = v[1] >= 0 ? v[1] : v[CALC_MFU];
	e->ncurve = 0;
	for (g = 0; g < 6 && cv[g].n == 0; g++)
		;
	if (g < 6) {
		e->ncurve = cv[g].n;
		memcpy(e->curve_tokens, cv[g].tokens, cv[g].n *
		    sizeof *cv[g].tokens);
		memcpy(e->curve_mfu, cv[g].mfu, cv[g].n * sizeof *cv[g].mfu);
		if (src != NULL)
			src[Q_MFU_DECODE] = dataset_field(ds, DS_EFFICIENCY,
			    (size_t)cv[g].first, EF_ID);
	}
	e->mbu = v[CALC_MBU];
	e->link = v[3];
	e->allreduce_s = v[4];
	e->overhead_s = v[CALC_OVERHEAD];
	e->layer_s = v[6];
	e->mem_fraction = v[7];
	e->mbu_attention = v[Q_MBU_ATTENTION];
	e->seq_overhead_s = v[CALC_SEQ_OVERHEAD];
	e->max_batch = v[CALC_MAX_BATCH];
}

int
calc_software_known(const struct dataset *ds, const char *sw)
{
	size_t i;

	if (*sw == '\0')
		return 0;
	for (i = 0; i < dataset_count(ds, DS_EFFICIENCY); i++)
		if (strcmp(dataset_field(ds, DS_EFFICIENCY, i, EF_SOFTWARE),
		    sw) == 0)
			return 1;
	for (i = 0; i < dataset_count(ds, DS_MEASUREMENTS); i++)
		if (strcmp(dataset_field(ds, DS_MEASUREMENTS, i, MS_SOFTWARE),
		    sw) == 0)
			return 1;
	return 0;
}

char *
calc_softwares_text(const struct dataset *ds)
{
	const char *names[64];
	size_t n = calc_softwares(ds, -1, names, NELEM(names)), i;
	struct buf b;

	buf_init(&b);
	for (i = 0; i < n && i < NELEM(names); i++)
		buf_printf(&b, "%s, ", names[i]);
	buf_puts(&b, "or default");
	return buf_take(&b);
}

size_t
calc_softwares(const struct dataset *ds, long hw, const char **out,
    size_t max)
{
	size_t i, k, n = 0;
	const char *sw, *scopes[3];

	if (hw >= 0)
		hw_scopes(ds, (size_t)hw, scopes);
	for (i = 0; i < dataset_count(ds, DS_EFFICIENCY); i++) {
		sw = dataset_field(ds, DS_EFFICIENCY, i, EF_SOFTWARE);
		if (*sw == '\0' || (hw >= 0 && eff_scope(ds, i, scopes) == 3))
			continue;
		/* Once each: seen among the rows before this one? */
		for (k = 0; k < i; k++)
			if (strcmp(dataset_field(ds, DS_EFFICIENCY, k,
			    EF_SOFTWARE), sw) == 0 && (hw < 0 ||
			    eff_scope(ds, k, scopes) < 3))
				break;
		if (k < i)
			continue;
		if (n < max)
			out[n] = sw;
		n++;
	}
	return n;
}

/* The model's inputs for request q. */
static void
inputs(const struct dataset *ds, const struct calc_req *q, struct perf_hw *h,
    struct perf_model *m, struct perf_eff *e)
{
	calc_hw(ds, q->hw, h);
	calc_model(ds, q->model, m);
	calc_eff(ds, q->hw, q->w.aprec, q->w.kvprec, q->software, e,
	    NULL);
	if (q->mfu >= 0) {
		e->mfu = e->mfu_decode = q->mfu;
		e->ncurve = 0;
	}
	if (q->mbu >= 0) {
		e->mbu = q->mbu;
		e->mbu_attention = 0;
	}
	if (q->overhead_us >= 0) {
		e->overhead_s = q->overhead_us * 1e-6;
		e->seq_overhead_s = 0;
	}
	if (q->price >= 0)
		h->price_h = q->price;
}

int
calc_run(const struct dataset *ds, const struct calc_req *q,
    struct perf_result *r, const char **why)
{
	struct perf_hw h;
	struct perf_model m;
	struct perf_eff e;

	inputs(ds, q, &h, &m, &e);
	return perf_eval(&h, &m, &e, &q->w, r, why);
}

/* Simulation: batch costs from the model, each computed once. */

struct sim_ctx {
	struct perf_hw	 h;
	struct perf_model m;
	struct perf_eff	 e;
	struct perf_work w;
	double		*cache;		/* [2][slots + 1]; 0 not yet */
	size_t		 slots;
};

static double
sim_cost(void *arg, int kind, size_t k)
{
	struct sim_ctx *x = arg;
	struct perf_result r;
	const char *why;
	double *c = &x->cache[(size_t)kind * (x->slots + 1) + k];

	if (*c == 0) {
		x->w.batch = (double)k;
		if (perf_eval(&x->h, &x->m, &x->e, &x->w, &r, &why) != 0)
			return -1;
		x->cache[k] = r.prefill.total_s;
		x->cache[x->slots + 1 + k] = r.decode.total_s;
	}
	return *c;
}

int
calc_sim(const struct dataset *ds, const struct calc_req *q,
    const struct sim_cfg *cfg, struct sim_result *res, const char **why)
{
	struct sim_ctx x;
	struct sim_cfg c = *cfg;
	struct perf_result r;
	int rc;

	memset(&x, 0, sizeof x);
	inputs(ds, q, &x.h, &x.m, &x.e);
	if (perf_eval(&x.h, &x.m, &x.e, &q->w, &r, why) != 0)
		return -1;
	if (!(q->w.output >= 1 && q->w.output <= 1e6)) {
		*why = "the simulation needs 1 to 1,000,000 output tokens";
		return -1;
	}
	x.w = q->w;
	x.w.chips = r.chips;
	if (c.slots == 0)
		c.slots = (size_t)r.batch;
	if (c.slots < 1 || c.slots > 1000000) {
		*why = "the simulation needs a batch of 1 to 1,000,000";
		return -1;
	}
	c.output = (size_t)q->w.output;
	x.slots = c.slots;
	x.cache = xcalloc(2 * (c.slots + 1), sizeof *x.cache);
	rc = sim_run(&c, sim_cost, &x, res, why);
	free(x.cache);
	/* Shown in milliseconds: a wait of 1e306 s would be infinite. */
	if (rc == 0 && (!isfinite(res->ttft_p99 * 1e3) ||
	    !isfinite(res->tpot_p99 * 1e3))) {
		*why = "the simulation's times are not finite: the rate is too "
		    "low or a batch's cost too high";
		return -1;
	}
	return rc;
}

static void
kv(struct grid *g, const char *key, const char *unit, const char *fmt,
    double v)
{
	size_t r = grid_add_row(g);

	grid_set(g, r, 0, key);
	grid_set_owned(g, r, 1, xasprintf(fmt, v));
	grid_set(g, r, 2, unit);
}

static void
kvs(struct grid *g, const char *key, const char *v)
{
	size_t r = grid_add_row(g);

	grid_set(g, r, 0, key);
	grid_set(g, r, 1, v);
}

struct grid *
calc_grid(const struct dataset *ds, const struct calc_req *q,
    const struct perf_result *r)
{
	struct grid *g = grid_new(3);

	grid_column(g, 0, "key", GRID_TEXT);
	grid_column(g, 1, "value", GRID_NUMBER);
	grid_column(g, 2, "unit", GRID_TEXT);
	kvs(g, "hardware", dataset_field(ds, DS_HARDWARE, q->hw, HW_ID));
	kvs(g, "model", dataset_field(ds, DS_MODELS, q->model, MOD_ID));
	kvs(g, "software", q->software != NULL ? q->software : "");
	kvs(g, "fits", r->fits ? "true" : "false");
	kv(g, "chips", "", "%.0f", r->chips);
	kv(g, "chips_needed", "", "%.0f", r->chips_needed);
	kv(g, "batch", "", "%.0f", r->batch);
	kv(g, "max_batch", "", "%.0f", r->max_batch);
	kv(g, "weights_gb_per_chip", "GB", "%.4g", r->weights_per_chip / 1e9);
	kv(g, "kv_bytes_per_token", "B", "%.0f", r->kv_per_token);
	kv(g, "kv_gb_per_seq", "GB", "%.4g", r->kv_per_seq / 1e9);
	kv(g, "ttft_ms", "ms", "%.4g", r->ttft_s * 1e3);
	kv(g, "tpot_ms", "ms", "%.4g", r->tpot_s * 1e3);
	kv(g, "tokens_per_s_per_user", "tokens/s", "%.4g",
	    r->tokens_per_s_user);
	kv(g, "throughput_tokens_per_s", "tokens/s", "%.4g", r->tokens_per_s);
	kv(g, "e2e_latency_s", "s", "%.4g", r->e2e_s);
	kvs(g, "bound_prefill", perf_bound_name(r->prefill.bound));
	kvs(g, "bound_decode", perf_bound_name(r->decode.bound));
	if (calc_has_cost(q, r))
		kv(g, "cost_per_mtok_usd", "USD", "%.4g", r->cost_per_mtok);
	else
		kvs(g, "cost_per_mtok_usd", "");
	if (r->joules_per_token > 0)
		kv(g, "joules_per_token", "J", "%.4g", r->joules_per_token);
	else
		kvs(g, "joules_per_token", "");
	kv(g, "decode_memory_ms", "ms", "%.4g", r->decode.memory_s * 1e3);
	kv(g, "decode_compute_ms", "ms", "%.4g", r->decode.compute_s * 1e3);
	kv(g, "decode_comm_ms", "ms", "%.4g", r->decode.comm_s * 1e3);
	kv(g, "decode_overhead_ms", "ms", "%.4g", r->decode.overhead_s * 1e3);
	kv(g, "decode_pipeline_ms", "ms", "%.4g", r->decode.pipeline_s * 1e3);
	kv(g, "mfu_prefill", "", "%.4g", r->prefill.mfu);
	kv(g, "mfu_decode", "", "%.4g", r->decode.mfu);
	kv(g, "mbu_decode", "", "%.4g", r->decode.mbu);
	kv(g, "mbu_attention", "", "%.4g", r->decode.mbu_kv);
	kv(g, "arithmetic_intensity", "FLOP/B", "%.4g", r->intensity);
	kv(g, "ridge_point", "FLOP/B", "%.4g", r->ridge);
	kvs(g, "compute_precision", perf_prec_name(r->aprec_used));
	return g;
}

void
calc_sim_grid(struct grid *g, const struct sim_cfg *c,
    const struct sim_result *r)
{
	kvs(g, "strategy", sim_strategy_name(c->strategy));
	kv(g, "rate_per_s", "requests/s", "%.4g", c->rate);
	kv(g, "requests", "", "%.0f", (double)c->requests);
	kv(g, "seed", "", "%.0f", (double)c->seed);
	if (c->strategy == SIM_DYNAMIC)
		kv(g, "max_wait_ms", "ms", "%.4g", c->max_wait_s * 1e3);
	kv(g, "ttft_p50_ms", "ms", "%.4g", r->ttft_p50 * 1e3);
	kv(g, "ttft_p99_ms", "ms", "%.4g", r->ttft_p99 * 1e3);
	kv(g, "tpot_p50_ms", "ms", "%.4g", r->tpot_p50 * 1e3);
	kv(g, "tpot_p99_ms", "ms", "%.4g", r->tpot_p99 * 1e3);
	kv(g, "e2e_p50_s", "s", "%.4g", r->e2e_p50);
	kv(g, "e2e_p99_s", "s", "%.4g", r->e2e_p99);
	kv(g, "achieved_tokens_per_s", "tokens/s", "%.4g", r->throughput);
	kv(g, "offered_tokens_per_s", "tokens/s", "%.4g", r->offered);
	kv(g, "mean_batch", "", "%.4g", r->mean_batch);
	kvs(g, "overloaded", r->overloaded ? "true" : "false");
}

/* A share of the step in whole percent; one that rounds to 0 is "<1%". */
static const char *
share(char *buf, size_t len, double pct)
{
	if (pct > 0 && pct < 0.5)
		return "<1%";
	snprintf(buf, len, "%.0f%%", pct);
	return buf;
}

int
calc_has_cost(const struct calc_req *q, const struct perf_result *r)
{
	/* A price of 0 given on purpose costs nothing; no price is unknown. */
	return r->cost_per_mtok > 0 || q->price == 0;
}

int
calc_batch_limited(const struct calc_req *q, const struct perf_result *r)
{
	return q->w.batch <= 0 && r->fits && r->batch < r->max_batch;
}

char *
calc_batch_note(const struct calc_req *q, const struct perf_result *r)
{
	if (!calc_batch_limited(q, r))
		return NULL;
	return xasprintf("Batch %.0f: the serving software's largest "
	    "(max_batch, efficiency.csv); %.0f would fit.", r->batch,
	    r->max_batch);
}

char *
calc_explain(const struct perf_result *r)
{
	const struct perf_step *s = &r->decode;
	double lin = 100 * s->linear_s / s->total_s;
	double att = 100 * s->attention_s / s->total_s;
	const char *ldo, *ado;
	char a[16], b[16];
	int isc, lfirst;

	ldo = s->linear_compute ? "computes the products with the weights" :
	    "reads weights";
	ado = s->attention_compute ? "computes attention" :
	    "reads the KV cache";
	switch (s->bound) {
	case BOUND_MEMORY:
	case BOUND_COMPUTE:
		/* First the kernel bound as the step is (the longer of two). */
		isc = s->bound == BOUND_COMPUTE;
		lfirst = s->linear_compute == isc &&
		    (s->attention_compute != isc || lin >= att);
		return xasprintf("%s-bound: %s of the step %s, %s %s",
		    perf_bound_name(s->bound),
		    share(a, sizeof a, lfirst ? lin : att), lfirst ? ldo : ado,
		    share(b, sizeof b, lfirst ? att : lin), lfirst ? ado : ldo);
	case BOUND_COMMUNICATION:
		return xasprintf("communication-bound: all-reduces take %.0f%% "
		    "of the step", 100 * s->comm_s / s->total_s);
	case BOUND_OVERHEAD:
		return xasprintf("overhead-bound: the serving stack's %.1f ms "
		    "per step is %.0f%% of it", s->overhead_s * 1e3,
		    100 * s->overhead_s / s->total_s);
	case BOUND_PIPELINE:
	default:
		return xasprintf("pipeline-bound: a token crosses %.0f%% of "
		    "the step in per-layer latency", 100 * s->pipeline_s /
		    s->total_s);
	}
}

/* Cell (row, c) of g: v to four significant digits. */
static void
set_num(struct grid *g, size_t row, size_t c, double v)
{
	grid_set_owned(g, row, c, xasprintf("%.4g", v));
}

/* Ranking */

struct ranked {
	size_t	hw;
	int	ok;
	double	key;
	struct perf_result r;
	const char *why;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->ok != y->ok)
		return y->ok - x->ok;
	if (!x->ok)
		return x->hw < y->hw ? -1 : x->hw > y->hw;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->hw < y->hw ? -1 : x->hw > y->hw;
}

struct grid *
calc_rank(const struct dataset *ds, const struct calc_req *q, const char *by)
{
	size_t n = dataset_count(ds, DS_HARDWARE), i, k, row;
	struct ranked *v = xcalloc(n ? n : 1, sizeof *v);
	struct grid *g = grid_new(10);
	static const char *const head[] = { "rank", "hardware", "chips",
	    "batch", "ttft_ms", "tpot_ms", "tokens_per_s",
	    "cost_per_mtok_usd", "bound", "note" };

	for (k = 0; k < NELEM(head); k++)
		grid_column(g, k, head[k], k >= 2 && k <= 7 ? GRID_NUMBER :
		    GRID_TEXT);
	for (i = 0; i < n; i++) {
		struct calc_req c = *q;

		c.hw = i;
		v[i].hw = i;
		if (calc_run(ds, &c, &v[i].r, &v[i].why) != 0)
			continue;
		if (!v[i].r.fits) {
			v[i].why = q->w.batch > 0 ? "does not fit: too "
			    "little memory for the weights and this batch" :
			    "does not fit: too little memory for the weights "
			    "and one sequence";
			continue;
		}
		v[i].ok = 1;
		if (strcmp(by, "cost") == 0)
			v[i].key = calc_has_cost(q, &v[i].r) ?
			    v[i].r.cost_per_mtok : HUGE_VAL;
		else if (strcmp(by, "throughput") == 0)
			v[i].key = -v[i].r.tokens_per_s;
		else
			v[i].key = v[i].r.e2e_s;
		if (strcmp(by, "cost") == 0 && !calc_has_cost(q, &v[i].r))
			v[i].why = "no price in the dataset";
	}
	qsort(v, n, sizeof *v, cmp_ranked);
	for (i = 0, k = 0; i < n; i++) {
		row = grid_add_row(g);
		if (v[i].ok && v[i].key < HUGE_VAL)
			grid_set_owned(g, row, 0, xasprintf("%zu", ++k));
		grid_set(g, row, 1, dataset_field(ds, DS_HARDWARE, v[i].hw,
		    HW_ID));
		if (v[i].ok) {
			grid_set_owned(g, row, 2, xasprintf("%.0f",
			    v[i].r.chips));
			grid_set_owned(g, row, 3, xasprintf("%.0f",
			    v[i].r.batch));
			set_num(g, row, 4, v[i].r.ttft_s * 1e3);
			set_num(g, row, 5, v[i].r.tpot_s * 1e3);
			set_num(g, row, 6, v[i].r.tokens_per_s);
			if (calc_has_cost(q, &v[i].r))
				set_num(g, row, 7, v[i].r.cost_per_mtok);
			grid_set(g, row, 8, perf_bound_name(
			    v[i].r.decode.bound));
		}
		grid_set(g, row, 9, v[i].why != NULL ? v[i].why : "");
	}
	free(v);
	return g;
}

struct grid *
calc_sweep(const struct dataset *ds, const struct calc_req *q)
{
	struct grid *g = grid_new(7);
	struct perf_result r;
	struct calc_req c = *q;
	const char *why;
	double b, max;
	size_t row;

	grid_column(g, 0, "batch", GRID_NUMBER);
	grid_column(g, 1, "tokens_per_s_per_user", GRID_NUMBER);
	grid_column(g, 2, "throughput_tokens_per_s", GRID_NUMBER);
	grid_column(g, 3, "ttft_ms", GRID_NUMBER);
	grid_column(g, 4, "tpot_ms", GRID_NUMBER);
	grid_column(g, 5, "cost_per_mtok_usd", GRID_NUMBER);
	grid_column(g, 6, "bound", GRID_TEXT);
	c.w.batch = 1;
	if (calc_run(ds, &c, &r, &why) != 0)
		return g;
	max = r.max_batch;
	for (b = 1; b <= max; b = b * 2 > max && b < max ? max : b * 2) {
		c.w.batch = b;
		if (calc_run(ds, &c, &r, &why) != 0)
			break;
		row = grid_add_row(g);
		grid_set_owned(g, row, 0, xasprintf("%.0f", b));
		set_num(g, row, 1, r.tokens_per_s_user);
		set_num(g, row, 2, r.tokens_per_s);
		set_num(g, row, 3, r.ttft_s * 1e3);
		set_num(g, row, 4, r.tpot_s * 1e3);
		if (calc_has_cost(q, &r))
			set_num(g, row, 5, r.cost_per_mtok);
		grid_set(g, row, 6, perf_bound_name(r.decode.bound));
		if (b >= max)
			break;
	}
	return g;
}

/* Validation */

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/*
 * Predict measurement i.  Returns 0 and sets *pred, or -1 with why.
 * Unstated parts of the configuration: chips from tp or the fewest that
 * hold the model; batch from concurrency, else the largest that fits for
 * throughput and 1 otherwise; bf16 when no precision is given.
 */
static int
predict(const struct dataset *ds, size_t i, double *pred, const char **why)
{
	long hw = dataset_find(ds, DS_HARDWARE, dataset_field(ds,
	    DS_MEASUREMENTS, i, MS_HARDWARE));
	long mo = dataset_find(ds, DS_MODELS, dataset_field(ds,
	    DS_MEASUREMENTS, i, MS_MODEL));
	const char *metric = dataset_field(ds, DS_MEASUREMENTS, i, MS_METRIC);
	const char *prec = dataset_field(ds, DS_MEASUREMENTS, i,
	    MS_PRECISION);
	int throughput = strcmp(metric, "tokens_per_s") == 0;
	int e2e = strcmp(metric, "e2e_ms") == 0;
	struct perf_result r;
	struct calc_req q;
	int p;

	if (hw < 0 || mo < 0) {
		*why = "unknown hardware or model";
		return -1;
	}
	calc_req_init(&q, (size_t)hw, (size_t)mo);
	q.software = dataset_field(ds, DS_MEASUREMENTS, i, MS_SOFTWARE);
	p = *prec ? perf_prec_by_name(prec) : PREC_BF16;
	q.w.wprec = q.w.aprec = (enum perf_prec)p;
	q.w.kvprec = perf_prec_bytes((enum perf_prec)p) >= 1 ?
	    (enum perf_prec)p : PREC_FP8;
	q.w.chips = num(ds, DS_MEASUREMENTS, i, MS_CHIPS);
	if (q.w.chips <= 0)
		q.w.chips = num(ds, DS_MEASUREMENTS, i, MS_TP);
	if (q.w.chips <= 0) {
		struct perf_hw h;

		/* SRAM-only parts need as many chips as hold the weights;
		   elsewhere the count is a choice the source must state. */
		calc_hw(ds, (size_t)hw, &h);
		if (h.mem_bytes > 0 || !(h.sram_bytes > 0)) {
			*why = "chip count not stated";
			return -1;
		}
	}
	q.w.batch = num(ds, DS_MEASUREMENTS, i, MS_BATCH);
	if (q.w.batch <= 0)
		q.w.batch = num(ds, DS_MEASUREMENTS, i, MS_CONCURRENCY);
	if (q.w.batch <= 0 && (e2e || strcmp(metric, "tpot_ms") == 0 ||
	    strcmp(metric, "ttft_ms") == 0)) {
		/* A latency under an unstated load (an MLPerf Server run):
		   the batch it was measured at is not known. */
		*why = "batch or concurrency not stated";
		return -1;
	}
	if (q.w.batch <= 0)
		q.w.batch = throughput ? 0 : 1;
	if (*dataset_field(ds, DS_MEASUREMENTS, i, MS_INPUT))
		q.w.prompt = num(ds, DS_MEASUREMENTS, i, MS_INPUT);
	else if (throughput || e2e || strcmp(metric, "ttft_ms") == 0) {
		*why = "input length not stated";
		return -1;
	}
	if (*dataset_field(ds, DS_MEASUREMENTS, i, MS_OUTPUT))
		q.w.output = num(ds, DS_MEASUREMENTS, i, MS_OUTPUT);
	else if (throughput || e2e) {
		*why = "output length not stated";
		return -1;
	} else if (strcmp(metric, "ttft_ms") == 0)
		q.w.output = 1;
	if (calc_run(ds, &q, &r, why) != 0)
		return -1;
	if (strcmp(metric, "ttft_ms") == 0)
		*pred = r.ttft_s * 1e3;
	else if (strcmp(metric, "tpot_ms") == 0)
		*pred = r.tpot_s * 1e3;
	else if (e2e)
		*pred = r.e2e_s * 1e3;
	else if (throughput)
		*pred = r.tokens_per_s;
	else
		*pred = r.tokens_per_s_user;
	return 0;
}

/* The efficiency row calibrated on measurement i, or NULL. */
static const char *
calibrates(const struct dataset *ds, size_t i)
{
	const char *id = dataset_field(ds, DS_MEASUREMENTS, i, MS_ID);
	size_t k, n = dataset_count(ds, DS_EFFICIENCY), len = strlen(id);

	for (k = 0; k < n; k++) {
		const char *note = dataset_field(ds, DS_EFFICIENCY, k, EF_NOTE);
		const char *p = strstr(note, id);

		if (p != NULL && !(p[len] == '-' || (p[len] >= 'a' &&
		    p[len] <= 'z') || (p[len] >= '0' && p[len] <= '9')))
			return dataset_field(ds, DS_EFFICIENCY, k, EF_ID);
	}
	return NULL;
}

struct grid *
calc_validate(const struct dataset *ds, double tol, struct calc_summary *sum,
    struct grid **fam)
{
	size_t n = dataset_count(ds, DS_MEASUREMENTS), i, k, row, nf = 0;
	struct grid *g = grid_new(8);
	double *err = xcalloc(n ? n : 1, sizeof *err);
	const char **family = xcalloc(n ? n : 1, sizeof *family);
	const char **fname = xcalloc(n ? n : 1, sizeof *fname);
	static const char *const head[] = { "id", "hardware", "model",
	    "metric", "published", "predicted", "error_pct", "note" };

	memset(sum, 0, sizeof *sum);
	for (k = 0; k < NELEM(head); k++)
		grid_column(g, k, head[k], k >= 4 && k <= 6 ? GRID_NUMBER :
		    GRID_TEXT);
	for (i = 0; i < n; i++) {
		double pub = num(ds, DS_MEASUREMENTS, i, MS_VALUE), pred, e;
		const char *why = NULL;
		long hw;

		row = grid_add_row(g);
		grid_set(g, row, 0, dataset_field(ds, DS_MEASUREMENTS, i,
		    MS_ID));
		grid_set(g, row, 1, dataset_field(ds, DS_MEASUREMENTS, i,
		    MS_HARDWARE));
		grid_set(g, row, 2, dataset_field(ds, DS_MEASUREMENTS, i,
		    MS_MODEL));
		grid_set(g, row, 3, dataset_field(ds, DS_MEASUREMENTS, i,
		    MS_METRIC));
		grid_set(g, row, 4, dataset_field(ds, DS_MEASUREMENTS, i,
		    MS_VALUE));
		if (predict(ds, i, &pred, &why) != 0 || !(pub > 0)) {
			grid_set_owned(g, row, 7, xasprintf("skipped: %s",
			    why != NULL ? why : "no published value"));
			sum->skipped++;
			continue;
		}
		e = 100 * (pred - pub) / pub;
		set_num(g, row, 5, pred);
		grid_set_owned(g, row, 6, xasprintf("%+.1f", e));
		if ((why = calibrates(ds, i)) != NULL) {
			/* Matches by construction: shown, not counted. */
			grid_set_owned(g, row, 7, xasprintf("calibrates %s; "
			    "not counted", why));
			sum->calibrating++;
			continue;
		}
		hw = dataset_find(ds, DS_HARDWARE, dataset_field(ds,
		    DS_MEASUREMENTS, i, MS_HARDWARE));
		family[sum->n] = dataset_field(ds, DS_HARDWARE, (size_t)hw,
		    HW_VENDOR);
		err[sum->n++] = e;
		if (fabs(e) > fabs(sum->worst) || sum->n == 1) {
			sum->worst = e;
			snprintf(sum->worst_id, sizeof sum->worst_id, "%s",
			    dataset_field(ds, DS_MEASUREMENTS, i, MS_ID));
		}
		if (fabs(e) > tol)
			sum->beyond++;
	}
	if (fam != NULL) {
		double *v = xcalloc(sum->n ? sum->n : 1, sizeof *v);

		*fam = grid_new(4);
		grid_column(*fam, 0, "family", GRID_TEXT);
		grid_column(*fam, 1, "n", GRID_NUMBER);
		grid_column(*fam, 2, "median_abs_pct", GRID_NUMBER);
		grid_column(*fam, 3, "worst_pct", GRID_NUMBER);
		for (i = 0; i < sum->n; i++) {
			for (k = 0; k < nf; k++)
				if (strcmp(fname[k], family[i]) == 0)
					break;
			if (k < nf)
				continue;
			fname[nf++] = family[i];
		}
		for (k = 0; k < nf; k++) {
			size_t m = 0;
			double worst = 0;

			for (i = 0; i < sum->n; i++)
				if (strcmp(family[i], fname[k]) == 0) {
					v[m++] = fabs(err[i]);
					if (fabs(err[i]) > fabs(worst))
						worst = err[i];
				}
			row = grid_add_row(*fam);
			grid_set(*fam, row, 0, fname[k]);
			grid_set_owned(*fam, row, 1, xasprintf("%zu", m));
			grid_set_owned(*fam, row, 2, xasprintf("%.1f",
			    median(v, m)));
			grid_set_owned(*fam, row, 3, xasprintf("%+.1f", worst));
		}
		free(v);
	}
	for (i = 0; i < sum->n; i++)
		err[i] = fabs(err[i]);
	sum->median_abs = median(err, sum->n);
	free(err);
	free(family);
	free(fname);
	return g;
}
