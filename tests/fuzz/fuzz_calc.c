/*
 * Fuzz the calculator: a request decoded from the input bytes -- which
 * chip and model of the bundled dataset, chips, batch, tokens, the three
 * precisions, the efficiency and price overrides, and a simulation's
 * strategy, rate, wait, requests and seed -- checked by calc_req_check()
 * as the command line checks it, then run: calc_run(), calc_sim(),
 * calc_sweep() and calc_rank().
 *
 * Numbers come either as small whole numbers or as raw doubles, so NaN,
 * infinities, negatives, huge and subnormal values all occur.  Checked:
 * a request that is accepted and runs gives only finite figures, in the
 * result structs and in every cell of the grids made from them.
 *
 * With FUZZ_SHOW set in the environment, each request is printed as the
 * calc command line that makes it, to try a failing input with the CLI.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "fuzz.h"
#include "grid.h"
#include "perf.h"
#include "sim.h"

/*
 * A simulation costs about requests x output tokens; the command line
 * allows 100 million (a second or so), which under the sanitizers takes
 * minutes.  Each input gets at most FUZZ_REQUESTS requests, fewer when
 * the output is long, so that one run stays well under a second.
 */
#define FUZZ_REQUESTS	4096
#define FUZZ_WORK	200000.0

static struct dataset *ds;
static size_t nhw, nmodels;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct dataset_opts o;
	struct diags dl;

	(void)argc;
	(void)argv;
	memset(&o, 0, sizeof o);
	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	if (ds == NULL || dl.errors > 0)
		fuzz_fail("the bundled dataset does not load");
	diags_done(&dl);
	nhw = dataset_count(ds, DS_HARDWARE);
	nmodels = dataset_count(ds, DS_MODELS);
	if (nhw == 0 || nmodels == 0)
		fuzz_fail("no hardware or no models");
	return 0;
}

/* The input, read a few bytes at a time; zeros once it runs out. */
struct in {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned
byte(struct in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static uint64_t
bits(struct in *in, int nbytes)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < nbytes; i++)
		v = v << 8 | byte(in);
	return v;
}

/*
 * A number: kept as it is (the default), a small whole number, a power
 * of ten times a digit, or any double at all.
 */
static void
number(struct in *in, double *v)
{
	uint64_t u;
	double d;

	switch (byte(in) % 4) {
	case 0:
		break;
	case 1:
		*v = (double)bits(in, 2);
		break;
	case 2:
		*v = (double)(byte(in) % 10) * pow(10, (int)(byte(in) % 40) -
		    20);
		break;
	default:
		u = bits(in, 8);
		memcpy(&d, &u, sizeof d);
		*v = d;
		break;
	}
}

static void
precision(struct in *in, enum perf_prec *p)
{
	unsigned b = byte(in);

	/* PREC_N now and then: an unknown precision must be refused. */
	if (b % 2)
		*p = (enum perf_prec)(b / 2 % (PREC_N + 1));
}

/* Stop when a figure is not finite. */
static void
finite(double v, const char *what)
{
	if (!isfinite(v))
		fuzz_fail("%s is %g", what, v);
}

static void
check_step(const struct perf_step *s, const char *what)
{
	finite(s->compute_s, what);
	finite(s->memory_s, what);
	finite(s->comm_s, what);
	finite(s->overhead_s, what);
	finite(s->pipeline_s, what);
	finite(s->total_s, what);
	finite(s->flops, what);
	finite(s->bytes, what);
	finite(s->weight_bytes, what);
	if ((unsigned)s->bound >= BOUND_N)
		fuzz_fail("%s: bound %d", what, s->bound);
}

static void
check_result(const struct perf_result *r)
{
	finite(r->chips, "chips");
	finite(r->chips_needed, "chips_needed");
	finite(r->weights_bytes, "weights_bytes");
	finite(r->weights_per_chip, "weights_per_chip");
	finite(r->kv_per_token, "kv_per_token");
	finite(r->kv_per_seq, "kv_per_seq");
	finite(r->max_batch, "max_batch");
	finite(r->batch, "batch");
	finite(r->peak_used, "peak_used");
	check_step(&r->prefill, "prefill");
	check_step(&r->decode, "decode");
	finite(r->ttft_s, "ttft_s");
	finite(r->tpot_s, "tpot_s");
	finite(r->e2e_s, "e2e_s");
	finite(r->tokens_per_s_user, "tokens_per_s_user");
	finite(r->tokens_per_s, "tokens_per_s");
	finite(r->cost_per_mtok, "cost_per_mtok");
	finite(r->joules_per_token, "joules_per_token");
	finite(r->ridge, "ridge");
	finite(r->intensity, "intensity");
}

static void
check_sim(const struct sim_result *r)
{
	finite(r->ttft_p50, "ttft_p50");
	finite(r->ttft_p99, "ttft_p99");
	finite(r->tpot_p50, "tpot_p50");
	finite(r->tpot_p99, "tpot_p99");
	finite(r->e2e_p50, "e2e_p50");
	finite(r->e2e_p99, "e2e_p99");
	finite(r->throughput, "throughput");
	finite(r->offered, "offered");
	finite(r->mean_batch, "mean_batch");
	finite(r->span_s, "span_s");
}

/* A cell printf made of a figure that is not finite: "inf", "-nan". */
static int
not_finite_text(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return strcmp(s, "inf") == 0 || strcmp(s, "nan") == 0;
}

/* Every cell of g: the figures must have been finite.  Frees g. */
static void
check_grid(struct grid *g, const char *what)
{
	size_t r, c;

	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++)
			if (not_finite_text(grid_get(g, r, c)))
				fuzz_fail("%s: row %zu (%s), %s is \"%s\"",
				    what, r, grid_get(g, r, 0), g->head[c],
				    grid_get(g, r, c));
	grid_free(g);
}

/* The request as a command line (numbers exact), on stderr. */
static void
show(const struct calc_req *q, unsigned strategy, double rate,
    double wait_ms, const struct sim_cfg *sc)
{
	fprintf(stderr, "accelscope calc --hw %s --model %s --chips %.17g "
	    "--batch %.17g --prompt %.17g --output %.17g --precision %s "
	    "--kv-precision %s --act-precision %s",
	    dataset_field(ds, DS_HARDWARE, q->hw, HW_ID),
	    dataset_field(ds, DS_MODELS, q->model, MOD_ID), q->w.chips,
	    q->w.batch, q->w.prompt, q->w.output,
	    (unsigned)q->w.wprec < PREC_N ? perf_prec_name(q->w.wprec) : "?",
	    (unsigned)q->w.kvprec < PREC_N ? perf_prec_name(q->w.kvprec) : "?",
	    (unsigned)q->w.aprec < PREC_N ? perf_prec_name(q->w.aprec) : "?");
	if (q->mfu >= 0)
		fprintf(stderr, " --mfu %.17g", q->mfu);
	if (q->mbu >= 0)
		fprintf(stderr, " --mbu %.17g", q->mbu);
	if (q->overhead_us >= 0)
		fprintf(stderr, " --overhead-us %.17g", q->overhead_us);
	if (q->price >= 0)
		fprintf(stderr, " --price %.17g", q->price);
	if (q->software != NULL)
		fprintf(stderr, " --software %s", q->software);
	if (strategy < SIM_N)
		fprintf(stderr, " --strategy %s --rate %.17g --max-wait %.17g "
		    "--requests %zu --seed %llu",
		    sim_strategy_name((enum sim_strategy)strategy), rate,
		    wait_ms, sc->requests, (unsigned long long)sc->seed);
	if (q->w.batch_cap != 0)
		fprintf(stderr, " (batch_cap %.17g)", q->w.batch_cap);
	fprintf(stderr, "\n");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const by[] = { "latency", "cost", "throughput" };
	struct in in = { data, size };
	struct calc_req q;
	struct perf_result r;
	struct sim_cfg sc;
	struct sim_result sr;
	struct grid *g;
	const char *why;
	double rate = 4, wait_ms = 20;
	unsigned strategy, rank_by, sw;
	size_t hw, model, nsw;
	const char *names[16];
	char *ex;

	hw = bits(&in, 2) % nhw;
	model = bits(&in, 2) % nmodels;
	calc_req_init(&q, hw, model);
	number(&in, &q.w.chips);
	number(&in, &q.w.batch);
	number(&in, &q.w.batch_cap);
	number(&in, &q.w.prompt);
	number(&in, &q.w.output);
	precision(&in, &q.w.wprec);
	precision(&in, &q.w.kvprec);
	precision(&in, &q.w.aprec);
	number(&in, &q.mfu);
	number(&in, &q.mbu);
	number(&in, &q.overhead_us);
	number(&in, &q.price);
	strategy = byte(&in) % (SIM_N + 1);
	number(&in, &rate);
	number(&in, &wait_ms);
	memset(&sc, 0, sizeof sc);
	sc.requests = 1 + bits(&in, 2) % FUZZ_REQUESTS;
	sc.seed = bits(&in, 8);
	rank_by = byte(&in) % 3;
	/* None, or one of the software names efficiency.csv gives. */
	sw = byte(&in);
	nsw = calc_softwares(ds, -1, names, 16);
	if (sw > 0 && nsw > 0)
		q.software = names[(sw - 1) % (nsw < 16 ? nsw : 16)];
	if ((double)sc.requests * q.w.output > FUZZ_WORK)
		sc.requests = q.w.output >= FUZZ_WORK ? 1 :
		    (size_t)(FUZZ_WORK / q.w.output);
	if (getenv("FUZZ_SHOW") != NULL)
		show(&q, strategy, rate, wait_ms, &sc);

	if (calc_req_check(ds, &q, &why) != 0)
		return 0;
	if (calc_run(ds, &q, &r, &why) == 0) {
		check_result(&r);
		check_grid(calc_grid(ds, &q, &r), "calc_grid");
		ex = calc_explain(&r);
		if (strstr(ex, "nan") != NULL || strstr(ex, " inf") != NULL)
			fuzz_fail("calc_explain: %s", ex);
		free(ex);
		/* The simulation, with what the command line accepts: a
		   rate above 0, a wait of 0 or more. */
		if (strategy < SIM_N && rate > 0 && isfinite(rate) &&
		    wait_ms >= 0 && isfinite(wait_ms)) {
			sc.strategy = (enum sim_strategy)strategy;
			sc.rate = rate;
			sc.max_wait_s = wait_ms / 1e3;
			if (calc_sim(ds, &q, &sc, &sr, &why) == 0) {
				check_sim(&sr);
				g = calc_grid(ds, &q, &r);
				calc_sim_grid(g, &sc, &sr);
				check_grid(g, "calc_sim_grid");
			}
		}
	}
	check_grid(calc_sweep(ds, &q), "calc_sweep");
	check_grid(calc_rank(ds, &q, by[rank_by]), "calc_rank");
	return 0;
}
