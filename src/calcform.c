/*
 * The Calculator pane's form; see calcform.h.
 */
#include "calcform.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *label, *hint;
} fields[CF_N] = {
	{ "Hardware", "the chip: Left/Right step, Enter types an id or part "
	    "of a name" },
	{ "Model", "the model: Left/Right step, Enter types an id" },
	{ "Chips", "chips serving one replica; auto: the fewest that hold "
	    "the weights" },
	{ "Weights", "weight precision; setting it sets KV and activations "
	    "too" },
	{ "KV cache", "precision of the KV cache" },
	{ "Activations", "precision the chip computes at (its peak at this "
	    "precision)" },
	{ "Batch", "sequences decoded together (slots under load); max: "
	    "the largest that fits" },
	{ "Prompt", "input tokens per request" },
	{ "Output", "output tokens per request" },
	{ "Price", "USD per chip-hour; auto: the first price in prices.csv" },
	{ "Strategy", "batching under load: none, static, dynamic, "
	    "continuous (simulated)" },
	{ "Rate", "requests per second arriving, Poisson (with a strategy)" },
	{ "Max wait", "dynamic batching: longest a request waits for a batch" },
	{ "MFU", "achievable fraction of peak FLOP/s; auto: efficiency.csv" },
	{ "MBU", "achievable fraction of memory bandwidth; auto: "
	    "efficiency.csv" },
	{ "Overhead", "serving stack's time per step, microseconds; auto: "
	    "efficiency.csv" },
	{ "Software", "the serving software whose efficiency.csv rows apply "
	    "before the general ones" },
};

const char *
calcform_label(enum calcform_field k)
{
	return fields[k].label;
}

const char *
calcform_hint(enum calcform_field k)
{
	return fields[k].hint;
}

/* The row whose id is id, else 0. */
static size_t
row_or_first(const struct dataset *ds, enum ds_table t, const char *id)
{
	long r = dataset_find(ds, t, id);

	return r >= 0 ? (size_t)r : 0;
}

void
calcform_init(struct calcform *f, const struct dataset *ds)
{
	memset(f, 0, sizeof *f);
	f->ds = ds;
	calc_req_init(&f->q, row_or_first(ds, DS_HARDWARE, "nvidia-h100"),
	    row_or_first(ds, DS_MODELS, "llama-3.1-8b"));
	f->strategy = -1;
	f->rate = 4;
	f->max_wait_ms = 20;
	calcform_update(f);
}

void
calcform_done(struct calcform *f)
{
	grid_free(f->sweep);
	f->sweep = NULL;
}

void
calcform_update(struct calcform *f)
{
	const struct dataset *ds = f->ds;

	grid_free(f->sweep);
	f->sweep = NULL;
	f->ok = f->sim_ok = 0;
	f->why = f->sim_why = NULL;
	if (dataset_count(ds, DS_HARDWARE) == 0 ||
	    dataset_count(ds, DS_MODELS) == 0) {
		f->why = "the dataset has no hardware or no models";
		return;
	}
	calc_hw(ds, f->q.hw, &f->hw);
	calc_eff(ds, f->q.hw, f->q.w.aprec, f->q.w.kvprec, f->q.software,
	    &f->eff, f->eff_src);
	f->ok = calc_run(ds, &f->q, &f->r, &f->why) == 0;
	if (!f->ok)
		return;
	f->sweep = calc_sweep(ds, &f->q);
	if (f->strategy < 0)
		return;
	memset(&f->sc, 0, sizeof f->sc);
	f->sc.strategy = (enum sim_strategy)f->strategy;
	f->sc.rate = f->rate;
	f->sc.max_wait_s = f->max_wait_ms / 1e3;
	f->sc.requests = 1000;
	f->sc.seed = 1;
	f->sim_ok = calc_sim(ds, &f->q, &f->sc, &f->sr, &f->sim_why) == 0;
}

/*
 * The software names efficiency.csv has rows of for the form's chip, at
 * most 64, into names; how many.  *at gets sw's place among them plus 1,
 * or 0 where it is not one (or is NULL).
 */
static size_t
chip_softwares(const struct calcform *f, const char *sw, const char *names[64],
    size_t *at)
{
	size_t n = calc_softwares(f->ds, (long)f->q.hw, names, 64), i;

	n = n < 64 ? n : 64;
	*at = 0;
	for (i = 0; i < n && sw != NULL; i++)
		if (strcmp(names[i], sw) == 0)
			*at = i + 1;
	return n;
}

/* "0.55 (efficiency.csv)" or the override, with its unit. */
static char *
eff_value(double over, double base, const char *src, double scale,
    const char *unit, int raw)
{
	if (over >= 0)
		return xasprintf("%.4g%s", over, raw ? "" : unit);
	if (raw)
		return xstrdup("auto");
	return xasprintf("%.4g%s (%s)", base * scale, unit, src != NULL ?
	    "efficiency.csv" : "built-in");
}

/* The first efficiency row in use that names the form's software. */
static const char *
software_row(const struct calcform *f)
{
	size_t k;
	long r;

	if (f->q.software == NULL)
		return NULL;
	for (k = 0; k < CALC_NEFF; k++)
		if (f->eff_src[k] != NULL && (r = dataset_find(f->ds,
		    DS_EFFICIENCY, f->eff_src[k])) >= 0 &&
		    strcmp(dataset_field(f->ds, DS_EFFICIENCY, (size_t)r,
		    EF_SOFTWARE), f->q.software) == 0)
			return f->eff_src[k];
	return NULL;
}

const char *
calcform_source(const struct calcform *f, enum calcform_field k)
{
	switch (k) {
	case CF_MFU:
		return f->q.mfu < 0 ? f->eff_src[CALC_MFU] : NULL;
	case CF_MBU:
		return f->q.mbu < 0 ? f->eff_src[CALC_MBU] : NULL;
	case CF_OVERHEAD:
		if (f->q.overhead_us >= 0)
			return NULL;
		return f->eff_src[f->eff.seq_overhead_s > 0 ?
		    CALC_SEQ_OVERHEAD : CALC_OVERHEAD];
	case CF_SOFTWARE:
		return software_row(f);
	default:
		return NULL;
	}
}

char *
calcform_value(const struct calcform *f, enum calcform_field k, int raw)
{
	const struct dataset *ds = f->ds;
	const struct calc_req *q = &f->q;
	const char *names[64];
	size_t at;

	if (dataset_count(ds, DS_HARDWARE) == 0 ||
	    dataset_count(ds, DS_MODELS) == 0)
		return xstrdup("");
	switch (k) {
	case CF_HW:
		return xstrdup(dataset_field(ds, DS_HARDWARE, q->hw, HW_ID));
	case CF_MODEL:
		return xstrdup(dataset_field(ds, DS_MODELS, q->model, MOD_ID));
	case CF_CHIPS:
		if (q->w.chips > 0)
			return xasprintf("%.0f", q->w.chips);
		return raw || !f->ok ? xstrdup("auto") :
		    xasprintf("auto (%.0f)", f->r.chips);
	case CF_WPREC:
		return xstrdup(perf_prec_name(q->w.wprec));
	case CF_KVPREC:
		return xstrdup(perf_prec_name(q->w.kvprec));
	case CF_APREC:
		if (!raw && f->ok && f->r.aprec_used != q->w.aprec)
			return xasprintf("%s (runs at %s)",
			    perf_prec_name(q->w.aprec),
			    perf_prec_name(f->r.aprec_used));
		return xstrdup(perf_prec_name(q->w.aprec));
	case CF_BATCH:
		if (q->w.batch > 0)
			return xasprintf("%.0f", q->w.batch);
		if (raw || !f->ok)
			return xstrdup("max");
		return calc_batch_limited(q, &f->r) ?
		    xasprintf("max (%.0f, software limit)", f->r.batch) :
		    xasprintf("max (%.0f)", f->r.batch);
	case CF_PROMPT:
		return xasprintf("%.0f", q->w.prompt);
	case CF_OUTPUT:
		return xasprintf("%.0f", q->w.output);
	case CF_PRICE:
		if (q->price >= 0)
			return xasprintf(raw ? "%.4g" : "$%.4g/h", q->price);
		if (raw)
			return xstrdup("auto");
		return f->hw.price_h > 0 ? xasprintf("$%.4g/h (prices.csv)",
		    f->hw.price_h) : xstrdup("none (prices.csv has no row)");
	case CF_STRATEGY:
		return xstrdup(f->strategy < 0 ? "none" :
		    sim_strategy_name((enum sim_strategy)f->strategy));
	case CF_RATE:
		return xasprintf("%.4g%s", f->rate, raw ? "" :
		    " requests/s");
	case CF_MAXWAIT:
		return xasprintf("%.4g%s", f->max_wait_ms, raw ? "" : " ms");
	case CF_MFU:
		return eff_value(q->mfu, f->eff.mfu, f->eff_src[CALC_MFU], 1,
		    "", raw);
	case CF_MBU:
		return eff_value(q->mbu, f->eff.mbu, f->eff_src[CALC_MBU], 1,
		    "", raw);
	case CF_SOFTWARE:
		if (q->software == NULL)
			return xstrdup("default");
		/* A software with no rows for this chip changes nothing. */
		chip_softwares(f, q->software, names, &at);
		if (!raw && at == 0)
			return xasprintf("%s (no rows here)", q->software);
		return xstrdup(q->software);
	case CF_OVERHEAD:
	default:
		/* The host's part per sequence, where the chip has one. */
		if (q->overhead_us < 0 && !raw && f->eff.seq_overhead_s > 0) {
			if (f->eff.overhead_s > 0)
				return xasprintf("%.4g us + %.4g us/seq",
				    f->eff.overhead_s * 1e6,
				    f->eff.seq_overhead_s * 1e6);
			/* Three figures: it fits the form's 28 columns. */
			return xasprintf("%.3g us/seq (efficiency.csv)",
			    f->eff.seq_overhead_s * 1e6);
		}
		return eff_value(q->overhead_us, f->eff.overhead_s,
		    f->eff_src[CALC_OVERHEAD], 1e6, " us", raw);
	}
}

/* Weights set the other two as calc does: KV at 8 bits at least. */
static void
set_wprec(struct calc_req *q, int p)
{
	q->w.wprec = q->w.aprec = (enum perf_prec)p;
	q->w.kvprec = perf_prec_bytes(q->w.wprec) >= 1 ? q->w.wprec :
	    PREC_FP8;
}

/* A strategy chosen on batch 1 gets the slots that fit. */
static void
set_strategy(struct calcform *f, int s)
{
	if (f->strategy < 0 && s >= 0 && f->q.w.batch == 1)
		f->q.w.batch = 0;
	f->strategy = s;
}

static double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/*
 * The next or previous of: the default, then each software efficiency.csv
 * has rows of for this chip.  One the chip has no rows of steps to the
 * first (or, backwards, the last).
 */
static void
step_software(struct calcform *f, int dir)
{
	const char *names[64];
	size_t cur, n = chip_softwares(f, f->q.software, names, &cur);

	/* Positions: 0 the default, i + 1 names[i]. */
	cur = (cur + (dir > 0 ? 1 : n)) % (n + 1);
	f->q.software = cur == 0 ? NULL : names[cur - 1];
}

void
calcform_adjust(struct calcform *f, enum calcform_field k, int dir)
{
	struct calc_req *q = &f->q;
	size_t n;
	double v;

	dir = dir < 0 ? -1 : 1;
	switch (k) {
	case CF_HW:
		n = dataset_count(f->ds, DS_HARDWARE);
		if (n)
			q->hw = (q->hw + (dir > 0 ? 1 : n - 1)) % n;
		break;
	case CF_MODEL:
		n = dataset_count(f->ds, DS_MODELS);
		if (n)
			q->model = (q->model + (dir > 0 ? 1 : n - 1)) % n;
		break;
	case CF_CHIPS:
		v = q->w.chips > 0 ? q->w.chips : f->ok ? f->r.chips : 1;
		if (q->w.chips <= 0)
			q->w.chips = dir > 0 ? v * 2 : fmax(1, floor(v / 2));
		else if (dir < 0 && q->w.chips <= 1)
			q->w.chips = 0;
		else
			q->w.chips = clamp(dir > 0 ? v * 2 : floor(v / 2), 1,
			    1e6);
		break;
	case CF_WPREC:
		set_wprec(q, ((int)q->w.wprec + PREC_N + dir) % PREC_N);
		break;
	case CF_KVPREC:
		q->w.kvprec = (enum perf_prec)(((int)q->w.kvprec + PREC_N +
		    dir) % PREC_N);
		break;
	case CF_APREC:
		q->w.aprec = (enum perf_prec)(((int)q->w.aprec + PREC_N +
		    dir) % PREC_N);
		break;
	case CF_BATCH:
		v = f->ok ? f->r.max_batch : 0;
		if (q->w.batch <= 0) {
			/* From max down: the largest power of two below. */
			if (dir < 0)
				q->w.batch = v >= 2 ? exp2(ceil(log2(v)) - 1) :
				    1;
		} else if (dir > 0 && v > 0 && q->w.batch * 2 >= v)
			q->w.batch = 0;
		else
			q->w.batch = clamp(dir > 0 ? q->w.batch * 2 :
			    floor(q->w.batch / 2), 1, 1e9);
		break;
	case CF_PROMPT:
		q->w.prompt = clamp(dir > 0 ? q->w.prompt * 2 :
		    floor(q->w.prompt / 2), 1, 1e9);
		break;
	case CF_OUTPUT:
		q->w.output = clamp(dir > 0 ? q->w.output * 2 :
		    floor(q->w.output / 2), 1, 1e9);
		break;
	case CF_PRICE:
		v = q->price >= 0 ? q->price : f->hw.price_h > 0 ?
		    f->hw.price_h : 1;
		q->price = clamp(v + 0.25 * dir, 0, 1e7);
		break;
	case CF_STRATEGY:
		set_strategy(f, (f->strategy + 1 + SIM_N + 1 + dir) %
		    (SIM_N + 1) - 1);
		break;
	case CF_RATE:
		f->rate = clamp(dir > 0 ? f->rate * 2 : f->rate / 2,
		    1.0 / 1024, 1e9);
		break;
	case CF_MAXWAIT:
		f->max_wait_ms = clamp(dir > 0 ? (f->max_wait_ms > 0 ?
		    f->max_wait_ms * 2 : 1) : f->max_wait_ms / 2, 0, 1e9);
		if (f->max_wait_ms < 0.125)
			f->max_wait_ms = 0;
		break;
	case CF_MFU:
		v = q->mfu >= 0 ? q->mfu : f->eff.mfu;
		q->mfu = clamp(round((v + 0.05 * dir) * 100) / 100, 0.05, 1);
		break;
	case CF_MBU:
		v = q->mbu >= 0 ? q->mbu : f->eff.mbu;
		q->mbu = clamp(round((v + 0.05 * dir) * 100) / 100, 0.05, 1);
		break;
	case CF_SOFTWARE:
		step_software(f, dir);
		break;
	case CF_OVERHEAD:
	default:
		v = q->overhead_us >= 0 ? q->overhead_us : f->eff.overhead_s *
		    1e6;
		q->overhead_us = dir > 0 ? (v > 0 ? fmin(v * 2, 1e7) : 100) :
		    (v / 2 < 1 ? 0 : v / 2);
		break;
	}
	calcform_update(f);
}

/* Whether s holds t, ignoring ASCII case. */
static int
holds(const char *s, const char *t)
{
	size_t n = strlen(t);

	for (; *s; s++)
		if (strncasecmp(s, t, n) == 0)
			return 1;
	return n == 0;
}

/* A row whose id is text, else whose id or name holds it (any case). */
static long
match_row(const struct dataset *ds, enum ds_table t, int namef,
    const char *text)
{
	size_t i, n = dataset_count(ds, t);
	long r = dataset_find(ds, t, text);
	int f;

	if (r >= 0)
		return r;
	for (f = 0; f < 2; f++)
		for (i = 0; i < n; i++)
			if (holds(dataset_field(ds, t, i, f ? namef : 0),
			    text))
				return (long)i;
	return -1;
}

static int
is_auto(const char *s)
{
	return *s == '\0' || strcasecmp(s, "auto") == 0 ||
	    strcasecmp(s, "max") == 0 || strcasecmp(s, "default") == 0;
}

/*
 * The software named t (any case), else the one whose name holds it, of
 * those efficiency.csv names; "default" (or auto, or nothing) for none.
 */
static void
set_software(struct calcform *f, const char *t, char **err)
{
	const char *names[64], *hit = NULL;
	size_t n = calc_softwares(f->ds, -1, names, NELEM(names)), i;
	char *all;

	n = n < NELEM(names) ? n : NELEM(names);
	if (is_auto(t)) {
		f->q.software = NULL;
		return;
	}
	for (i = 0; i < n && hit == NULL; i++)
		if (strcasecmp(names[i], t) == 0)
			hit = names[i];
	for (i = 0; i < n && hit == NULL; i++)
		if (holds(names[i], t))
			hit = names[i];
	if (hit != NULL) {
		f->q.software = hit;
		return;
	}
	all = calc_softwares_text(f->ds);
	*err = xasprintf("Software: %s; not \"%s\"", all, t);
	free(all);
}

int
calcform_set(struct calcform *f, enum calcform_field k, const char *text,
    char **err)
{
	struct calc_req *q = &f->q;
	char *t = xstrdup(text), *e;
	double v = 0;
	long r;
	int p, num;

	*err = NULL;
	/* Trim the ends: what a user typed around the value is not it. */
	for (e = t + strlen(t); e > t && isspace((unsigned char)e[-1]); e--)
		e[-1] = '\0';
	while (isspace((unsigned char)*t))
		memmove(t, t + 1, strlen(t));
	num = parse_number(t, &v) == 0 && isfinite(v);
	switch (k) {
	case CF_HW:
	case CF_MODEL:
		r = *t ? match_row(f->ds, k == CF_HW ? DS_HARDWARE : DS_MODELS,
		    k == CF_HW ? HW_NAME : MOD_NAME, t) : -1;
		if (r < 0) {
			*err = xasprintf("no %s matches \"%s\"", k == CF_HW ?
			    "hardware" : "model", t);
			break;
		}
		if (k == CF_HW)
			q->hw = (size_t)r;
		else
			q->model = (size_t)r;
		break;
	case CF_WPREC:
	case CF_KVPREC:
	case CF_APREC:
		for (e = t; *e; e++)
			*e = (char)tolower((unsigned char)*e);
		if ((p = perf_prec_by_name(t)) < 0) {
			*err = xasprintf("precisions: fp32, fp16, bf16, fp8, "
			    "int8, fp4, int4; not \"%s\"", t);
			break;
		}
		if (k == CF_WPREC)
			set_wprec(q, p);
		else if (k == CF_KVPREC)
			q->w.kvprec = (enum perf_prec)p;
		else
			q->w.aprec = (enum perf_prec)p;
		break;
	case CF_STRATEGY:
		if (strcasecmp(t, "none") == 0 || *t == '\0')
			set_strategy(f, -1);
		else if ((p = sim_strategy_by_name(t)) >= 0)
			set_strategy(f, p);
		else
			*err = xasprintf("strategies: none, static, dynamic, "
			    "continuous; not \"%s\"", t);
		break;
	case CF_CHIPS:
	case CF_BATCH:
		if (is_auto(t))
			v = 0;
		else if (!num || v < 1 || v > (k == CF_CHIPS ? 1e6 : 1e9) ||
		    v != floor(v)) {
			*err = xasprintf("%s: a whole number from 1 to %s, "
			    "or %s; not \"%s\"", fields[k].label, k ==
			    CF_CHIPS ? "1,000,000" : "1,000,000,000", k ==
			    CF_CHIPS ? "auto" : "max", t);
			break;
		}
		if (k == CF_CHIPS)
			q->w.chips = v;
		else
			q->w.batch = v;
		break;
	case CF_PROMPT:
	case CF_OUTPUT:
		/* As calc takes them; the simulation says what it needs. */
		if (!num || v < (k == CF_OUTPUT) || v > 1e9 ||
		    v != floor(v)) {
			*err = xasprintf("%s: a whole number of tokens %s "
			    "1,000,000,000; not \"%s\"", fields[k].label,
			    k == CF_OUTPUT ? "from 1 to" : "up to", t);
			break;
		}
		if (k == CF_PROMPT)
			q->w.prompt = v;
		else
			q->w.output = v;
		break;
	case CF_RATE:
	case CF_MAXWAIT:
		/* As calc --rate and --max-wait take them. */
		if (!num || (k == CF_RATE ? !(v > 0) : v < 0) || v > 1e9) {
			*err = xasprintf("%s: %s; not \"%s\"", fields[k].label,
			    k == CF_RATE ? "requests per second, above 0 and "
			    "at most 1,000,000,000" : "milliseconds, from 0 to "
			    "1,000,000,000", t);
			break;
		}
		if (k == CF_RATE)
			f->rate = v;
		else
			f->max_wait_ms = v;
		break;
	case CF_SOFTWARE:
		set_software(f, t, err);
		break;
	case CF_PRICE:
	case CF_MFU:
	case CF_MBU:
	case CF_OVERHEAD:
	default:
		if (is_auto(t))
			v = -1;
		else if (!num || v < 0 || v > 1e7 || ((k == CF_MFU ||
		    k == CF_MBU) && !(v > 0 && v <= 1))) {
			*err = xasprintf("%s: %s, or auto; not \"%s\"",
			    fields[k].label, k == CF_MFU || k == CF_MBU ?
			    "a fraction above 0 and at most 1" :
			    "a number from 0 to 10,000,000", t);
			break;
		}
		if (k == CF_PRICE)
			q->price = v;
		else if (k == CF_MFU)
			q->mfu = v;
		else if (k == CF_MBU)
			q->mbu = v;
		else
			q->overhead_us = v;
		break;
	}
	free(t);
	if (*err != NULL)
		return -1;
	calcform_update(f);
	return 0;
}
