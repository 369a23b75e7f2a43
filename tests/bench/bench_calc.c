/*
 * The calculator's speed: one evaluation of the model, and a full sweep
 * over batch sizes with a simulation under load, as the Calculator pane
 * does on every keystroke.  Run by `make bench`; prints the median of
 * repeated timings.  Not a test: nothing here fails on a slow machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "calc.h"
#include "diag.h"

#define REPS 21

static size_t
row(const struct dataset *ds, enum ds_table t, const char *id)
{
	long r = dataset_find(ds, t, id);

	if (r < 0) {
		fprintf(stderr, "bench: no %s in the bundled dataset\n", id);
		exit(1);
	}
	return (size_t)r;
}

/* A sweep and a simulation for one workload; seconds, median. */
static double
sweep_sim(const struct dataset *ds, const struct calc_req *q,
    enum sim_strategy st, double rate, double *batch)
{
	struct sim_cfg c;
	struct sim_result sr;
	struct perf_result r;
	const char *why;
	double t[REPS];
	int k;

	memset(&c, 0, sizeof c);
	c.strategy = st;
	c.rate = rate;
	c.requests = 1000;
	c.seed = 1;
	if (calc_run(ds, q, &r, &why) != 0) {
		fprintf(stderr, "bench: %s\n", why);
		exit(1);
	}
	*batch = r.batch;
	for (k = 0; k < REPS; k++) {
		double t0 = now();
		struct grid *g = calc_sweep(ds, q);

		if (calc_sim(ds, q, &c, &sr, &why) != 0) {
			fprintf(stderr, "bench: %s\n", why);
			exit(1);
		}
		t[k] = now() - t0;
		grid_free(g);
	}
	return median(t, REPS);
}

int
main(void)
{
	struct dataset_opts o = { NULL, NULL, NULL };
	struct diags dl;
	struct dataset *ds;
	struct calc_req q;
	struct perf_hw h;
	struct perf_model m;
	struct perf_eff e;
	struct perf_result r;
	const char *why;
	double t[REPS], sink = 0, b;
	int k, i, n = 100000;

	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	diags_done(&dl);
	if (ds == NULL)
		return 1;
	calc_req_init(&q, row(ds, DS_HARDWARE, "nvidia-h100"),
	    row(ds, DS_MODELS, "llama-3.1-70b"));
	q.w.chips = 4;
	q.w.batch = 8;

	/* The model alone, inputs prepared. */
	calc_hw(ds, q.hw, &h);
	calc_model(ds, q.model, &m);
	calc_eff(ds, q.hw, q.w.aprec, q.w.kvprec, q.software, &e, NULL);
	for (k = 0; k < REPS; k++) {
		double t0 = now();

		for (i = 0; i < n; i++) {
			q.w.batch = 1 + i % 64;
			if (perf_eval(&h, &m, &e, &q.w, &r, &why) != 0)
				return 1;
			sink += r.tpot_s;
		}
		t[k] = (now() - t0) / n;
	}
	printf("perf_eval, one evaluation:                 %8.3f us\n",
	    median(t, REPS) * 1e6);
	/* Through the dataset: figures, efficiencies and price looked up. */
	n = 10000;
	for (k = 0; k < REPS; k++) {
		double t0 = now();

		for (i = 0; i < n; i++) {
			q.w.batch = 1 + i % 64;
			if (calc_run(ds, &q, &r, &why) != 0)
				return 1;
			sink += r.tpot_s;
		}
		t[k] = (now() - t0) / n;
	}
	printf("calc_run, one evaluation from the dataset: %8.3f us\n",
	    median(t, REPS) * 1e6);

	q.w.batch = 0;
	printf("sweep + continuous simulation, 70B on 4 H100, 1000 requests "
	    "at 4/s: %.2f ms",
	    sweep_sim(ds, &q, SIM_CONTINUOUS, 4, &b) * 1e3);
	printf(" (batch up to %.0f)\n", b);
	q.model = row(ds, DS_MODELS, "llama-3.1-8b");
	q.hw = row(ds, DS_HARDWARE, "nvidia-h200");
	q.w.chips = 1;
	printf("sweep + continuous simulation, 8B on 1 H200, 1000 requests "
	    "at 40/s: %.2f ms",
	    sweep_sim(ds, &q, SIM_CONTINUOUS, 40, &b) * 1e3);
	printf(" (batch up to %.0f)\n", b);
	printf("sweep + static simulation, 8B on 1 H200, 1000 requests at "
	    "40/s: %.2f ms\n", sweep_sim(ds, &q, SIM_STATIC, 40, &b) * 1e3);
	dataset_free(ds);
	return sink < 0;
}
