/*
 * Batching under load: a seeded, deterministic discrete-event simulation
 * of one serving replica.  Requests arrive as a Poisson process, all with
 * the same prompt and output lengths; the server runs them in batches
 * whose cost the caller gives as two functions of the batch size (the
 * prefill of k prompts, one decode step of k sequences), so the same
 * simulation serves any model of the hardware.
 *
 * Strategies:
 *   static      wait for a full batch (the last one goes partly full),
 *               run it to completion;
 *   dynamic     dispatch when the batch is full or its oldest request has
 *               waited max_wait, whichever comes first;
 *   continuous  iteration-level scheduling (Orca, vLLM): waiting requests
 *               join at the next step while slots are free, their prefill
 *               runs before the step, and finished requests leave at once.
 */
#ifndef SIM_H
#define SIM_H

#include <stddef.h>
#include <stdint.h>

enum sim_strategy {
	SIM_STATIC,
	SIM_DYNAMIC,
	SIM_CONTINUOUS,
	SIM_N
};

/* "continuous" to a strategy, or -1. */
int sim_strategy_by_name(const char *name);
const char *sim_strategy_name(enum sim_strategy s);

/* Seconds for the prefill of k prompts (kind 0) or a decode step of k
   sequences (kind 1); k >= 1.  Must be finite and positive. */
typedef double (*sim_cost_fn)(void *ctx, int kind, size_t k);

struct sim_cfg {
	enum sim_strategy strategy;
	double		rate;		/* requests per second */
	size_t		slots;		/* the largest batch */
	double		max_wait_s;	/* dynamic only */
	size_t		output;		/* tokens per request, >= 1 */
	size_t		requests;	/* how many arrive */
	uint64_t	seed;
};

struct sim_result {
	double	ttft_p50, ttft_p99;	/* seconds */
	double	tpot_p50, tpot_p99;
	double	e2e_p50, e2e_p99;
	double	throughput;		/* output tokens per second */
	double	offered;		/* rate x output */
	double	mean_batch;		/* sequences per decode step */
	double	span_s;			/* first arrival to last finish */
	int	overloaded;		/* throughput well below offered */
};

/*
 * Run the simulation.  The same configuration and costs give the same
 * result, bit for bit.  Returns 0, or -1 with why (static text) for a
 * configuration that cannot run (no rate, no slots, no requests), a
 * cost that is not finite and positive, or times that are not finite (a
 * rate so low that the arrivals overflow).  Every figure of r is finite.
 */
int sim_run(const struct sim_cfg *c, sim_cost_fn cost, void *ctx,
    struct sim_result *r, const char **why);

/* The nearest-rank p-quantile (0 < p <= 1) of v[0..n-1]; sorts v. */
double sim_quantile(double *v, size_t n, double p);

#endif
