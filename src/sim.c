/*
 * The batching simulation; see sim.h.
 */
#include "sim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Bounds that keep a run under a second on any machine. */
#define SIM_MAX_REQUESTS 1000000
#define SIM_MAX_WORK 1e8	/* requests x output tokens */

static const char *const strategy_names[SIM_N] = {
	"static", "dynamic", "continuous"
};

int
sim_strategy_by_name(const char *name)
{
	int i;

	for (i = 0; i < SIM_N; i++)
		if (strcmp(name, strategy_names[i]) == 0)
			return i;
	return -1;
}

const char *
sim_strategy_name(enum sim_strategy s)
{
	return strategy_names[s];
}

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
sim_quantile(double *v, size_t n, double p)
{
	size_t k;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	k = (size_t)ceil(p * (double)n);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

/*
 * The clock decides what runs when; each request's times are kept from
 * its arrival (wait for its batch, first token, last token), summed from
 * the costs themselves.  Late in a long run at a low rate the clock is so
 * large that a short batch's cost would vanish in rounding it, but the
 * latencies measured from arrival keep it.
 */
struct run {
	const struct sim_cfg *c;
	sim_cost_fn	 cost;
	void		*ctx;
	double		*arr;		/* arrival times */
	double		*wait, *first, *last;	/* from arrival */
	double		 steps, batch_sum;
	int		 bad;
};

static double
cost(struct run *u, int kind, size_t k)
{
	double t = u->cost(u->ctx, kind, k);

	if (!(t > 0) || !isfinite(t)) {
		u->bad = 1;
		return 1;
	}
	return t;
}

/* Static and dynamic: whole batches, one after another. */
static void
run_batches(struct run *u)
{
	const struct sim_cfg *c = u->c;
	size_t n = c->requests, i = 0, j, k, last;
	double free_at = 0, go, full, pre, dec, rest;

	while (i < n && !u->bad) {
		last = i + c->slots - 1;
		full = last < n ? u->arr[last] : u->arr[n - 1];
		if (c->strategy == SIM_DYNAMIC)
			go = fmin(full, u->arr[i] + c->max_wait_s);
		else
			go = full;
		go = fmax(go, free_at);
		for (k = 0; i + k < n && k < c->slots &&
		    u->arr[i + k] <= go; k++)
			;
		pre = cost(u, 0, k);
		dec = c->output > 1 ? cost(u, 1, k) : 0;
		rest = (double)(c->output - 1) * dec;
		for (j = i; j < i + k; j++) {
			u->wait[j] = go - u->arr[j];
			u->first[j] = u->wait[j] + pre;
			u->last[j] = u->first[j] + rest;
		}
		u->steps += (double)(c->output - 1);
		u->batch_sum += (double)(c->output - 1) * (double)k;
		free_at = go + pre + rest;
		i += k;
	}
}

/* Continuous: one iteration at a time, requests join and leave. */
static void
run_continuous(struct run *u)
{
	const struct sim_cfg *c = u->c;
	size_t n = c->requests, head = 0, arrived = 0, nrun = 0, done = 0;
	size_t j, k, *run = xcalloc(c->slots, sizeof *run);
	size_t *left = xcalloc(n, sizeof *left);
	double t = 0, dt, base = 0, since = 0;

	/* t is the clock; since is the time since it last jumped to an
	   arrival, base, which the times from arrival are measured by. */
	while (done < n && !u->bad) {
		if (nrun == 0 && head < n && u->arr[head] > t) {
			t = base = u->arr[head];
			since = 0;
		}
		while (arrived < n && u->arr[arrived] <= t)
			arrived++;
		k = arrived - head;
		if (k > c->slots - nrun)
			k = c->slots - nrun;
		if (k > 0) {
			/* The newcomers' prefill gives their first token. */
			dt = cost(u, 0, k);
			t += dt;
			for (j = head; j < head + k; j++) {
				u->wait[j] = base - u->arr[j] + since;
				u->first[j] = u->wait[j] + dt;
				left[j] = c->output - 1;
				if (left[j] == 0) {
					u->last[j] = u->first[j];
					done++;
				} else
					run[nrun++] = j;
			}
			head += k;
			since += dt;
			continue;
		}
		dt = cost(u, 1, nrun);
		t += dt;
		since += dt;
		u->steps++;
		u->batch_sum += (double)nrun;
		for (j = 0; j < nrun; ) {
			if (--left[run[j]] == 0) {
				u->last[run[j]] = base - u->arr[run[j]] + since;
				done++;
				run[j] = run[--nrun];
			} else
				j++;
		}
	}
	free(run);
	free(left);
}

int
sim_run(const struct sim_cfg *c, sim_cost_fn costfn, void *ctx,
    struct sim_result *r, const char **why)
{
	struct run u;
	uint64_t seed = c->seed;
	size_t n = c->requests, i, q;
	double t = 0, *v, tokens;

	memset(r, 0, sizeof *r);
	*why = NULL;
	if (!(c->rate > 0) || !isfinite(c->rate) || c->rate > 1e9) {
		*why = "the request rate must be a positive number";
		return -1;
	}
	if (c->slots < 1 || c->output < 1 || n < 1 ||
	    n > SIM_MAX_REQUESTS) {
		*why = "the simulation needs a batch of at least 1, an output "
		    "of at least 1 token and 1 to 1,000,000 requests";
		return -1;
	}
	if ((double)n * (double)c->output > SIM_MAX_WORK) {
		*why = "requests x output tokens above 100 million: simulate "
		    "fewer requests";
		return -1;
	}
	if (c->strategy == SIM_DYNAMIC && (!(c->max_wait_s >= 0) ||
	    !isfinite(c->max_wait_s))) {
		*why = "the maximum wait must be a finite time, not negative";
		return -1;
	}
	memset(&u, 0, sizeof u);
	u.c = c;
	u.cost = costfn;
	u.ctx = ctx;
	u.arr = xcalloc(4 * n, sizeof *u.arr);
	u.wait = u.arr + n;
	u.first = u.wait + n;
	u.last = u.first + n;
	for (i = 0; i < n; i++) {
		/* Exponential gaps from a uniform in [0, 1). */
		t += -log1p(-(double)(next(&seed) >> 11) * 0x1p-53) / c->rate;
		u.arr[i] = t;
	}
	if (c->strategy == SIM_CONTINUOUS)
		run_continuous(&u);
	else
		run_batches(&u);
	if (u.bad) {
		free(u.arr);
		*why = "a batch's cost is not a finite, positive time";
		return -1;
	}

	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i] = u.first[i];
		r->span_s = fmax(r->span_s, u.arr[i] - u.arr[0] + u.last[i]);
	}
	/* Overloaded: the wait for a slot grows with time.  Compare the
	   first and last quarters of the run: waiting 5% longer for every
	   second of arrivals means arrivals outrun service by about 5%. */
	q = n / 4;
	if (q > 0) {
		double w1 = 0, w4 = 0, a1 = 0, a4 = 0;

		for (i = 0; i < q; i++) {
			w1 += u.wait[i];
			a1 += u.arr[i];
			w4 += u.wait[n - 1 - i];
			a4 += u.arr[n - 1 - i];
		}
		r->overloaded = a4 > a1 && (w4 - w1) / (a4 - a1) > 0.05;
	}
	r->ttft_p50 = sim_quantile(v, n, 0.5);
	r->ttft_p99 = sim_quantile(v, n, 0.99);
	for (i = 0; i < n; i++)
		v[i] = c->output > 1 ? (u.last[i] - u.first[i]) /
		    (double)(c->output - 1) : 0;
	r->tpot_p50 = sim_quantile(v, n, 0.5);
	r->tpot_p99 = sim_quantile(v, n, 0.99);
	for (i = 0; i < n; i++)
		v[i] = u.last[i];
	r->e2e_p50 = sim_quantile(v, n, 0.5);
	r->e2e_p99 = sim_quantile(v, n, 0.99);
	tokens = (double)n * (double)c->output;
	r->throughput = tokens / r->span_s;
	r->offered = c->rate * (double)c->output;
	r->mean_batch = u.steps > 0 ? u.batch_sum / u.steps : 0;
	free(v);
	free(u.arr);
	/* A rate so low that the arrival times overflow, or costs so
	   large that their sums do. */
	if (!isfinite(r->ttft_p99) || !isfinite(r->tpot_p99) ||
	    !isfinite(r->e2e_p99) || !isfinite(r->span_s) ||
	    !isfinite(r->throughput) || !isfinite(r->offered) ||
	    !isfinite(r->mean_batch)) {
		memset(r, 0, sizeof *r);
		*why = "the simulation's times are not finite: the rate is too "
		    "low or a batch's cost too high";
		return -1;
	}
	return 0;
}
