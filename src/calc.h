/*
 * The calculator over the dataset: turns hardware rows, models, prices and
 * efficiency rows into the model's inputs (perf.h), and runs it for one
 * workload, for every chip (rank), over batch sizes (sweep), and against
 * every published measurement (validate).  The CLI and the explorer's
 * Calculator pane both call these.
 */
#ifndef CALC_H
#define CALC_H

#include "dataset.h"
#include "grid.h"
#include "perf.h"
#include "sim.h"

/* What a user may set; a negative number (or NULL) keeps the default. */
struct calc_req {
	size_t		 hw;
	size_t		 model;
	struct perf_work w;
	double		 mfu, mbu, overhead_us, price;
	/* The serving software whose efficiency rows apply, or NULL; it
	   points into the dataset or at text that outlives the request. */
	const char	*software;
};

/* Defaults: batch 1, prompt 1024, output 256, bf16 throughout. */
void calc_req_init(struct calc_req *q, size_t hw, size_t model);

/*
 * Whether q is a request a user may make of ds: hardware and model rows
 * of ds; chips 0 (the fewest that hold the model) or a whole number up to
 * 1,000,000; batch 0 (the largest that fits) or a whole number up to
 * 1,000,000,000, and so are prompt and output tokens; mfu and mbu
 * fractions in (0, 1]; overhead_us and price at most 10,000,000; known
 * precisions; a software that efficiency.csv or measurements.csv names
 * (calc_software_known()), or none.  Negative mfu, mbu, overhead_us and
 * price keep the dataset's.  The command line and the fuzzers check
 * requests here before calc_run().  Returns 0, or -1 with why (static
 * text).
 */
int calc_req_check(const struct dataset *ds, const struct calc_req *q,
    const char **why);

/* The hardware's figures (preferred ones) and its first listed price. */
void calc_hw(const struct dataset *ds, size_t hw, struct perf_hw *h);
void calc_model(const struct dataset *ds, size_t model, struct perf_model *m);

/*
 * The efficiencies for hardware hw at precision p (attention's bandwidth
 * at the KV cache's, kvp), on serving software sw (NULL or "": none named):
 * for each quantity the first efficiency.csv row whose scope is the chip's
 * id (at the precision, then at any), else its category, else "any";
 * rows that name sw come before rows that name no software, and rows that
 * name another software never apply.  src[k], when not NULL, gets the id
 * of the row used for each of the CALC_NEFF quantities, in calc.c's order
 * (NULL where none applied and a built-in fallback did).
 */
#define CALC_NEFF	11
/* The src[] indices the calculator's form shows. */
enum { CALC_MFU = 0, CALC_MBU = 2, CALC_OVERHEAD = 5, CALC_SEQ_OVERHEAD = 9,
    CALC_MAX_BATCH = 10 };
void calc_eff(const struct dataset *ds, size_t hw, enum perf_prec p,
    enum perf_prec kvp, const char *sw, struct perf_eff *e,
    const char **src);

/* Whether efficiency.csv or measurements.csv names software sw. */
int calc_software_known(const struct dataset *ds, const char *sw);
/*
 * The software names efficiency.csv gives for hardware hw (rows scoped to
 * the chip, its category or "any"; every row when hw is -1), each once, in
 * file order: up to max of them into out, which point into the dataset.
 * Returns how many there are.
 */
size_t calc_softwares(const struct dataset *ds, long hw, const char **out,
    size_t max);
/* Those names for every chip, as a user may type them: "a, b, or default".
   Caller frees. */
char *calc_softwares_text(const struct dataset *ds);

/* Evaluate the request.  0, or -1 with why. */
int calc_run(const struct dataset *ds, const struct calc_req *q,
    struct perf_result *r, const char **why);

/*
 * Simulate serving the request's workload under load (sim.h): the cost of
 * each batch comes from the model.  cfg->slots 0 means the request's
 * batch (0 there: the largest that fits); cfg->output is taken from the
 * request.  0, or -1 with why, also when a time would not be finite in
 * milliseconds.
 */
int calc_sim(const struct dataset *ds, const struct calc_req *q,
    const struct sim_cfg *cfg, struct sim_result *r, const char **why);
/* Append the simulation's figures to a calc_grid. */
void calc_sim_grid(struct grid *g, const struct sim_cfg *cfg,
    const struct sim_result *r);

/* The result as a key-value grid (key, value, unit). Caller frees. */
struct grid *calc_grid(const struct dataset *ds, const struct calc_req *q,
    const struct perf_result *r);
/* One line on what bounds the decode step. Caller frees. */
char *calc_explain(const struct perf_result *r);
/* Whether batch "max" stopped short of what fits: the software's limit. */
int calc_batch_limited(const struct calc_req *q, const struct perf_result *r);
/* When calc_batch_limited(), a line that says so; else NULL.  Caller frees. */
char *calc_batch_note(const struct calc_req *q, const struct perf_result *r);
/* Whether r has a cost: a price from the dataset, or one q gives (0 too). */
int calc_has_cost(const struct calc_req *q, const struct perf_result *r);

/*
 * Every chip for the request's model and workload (chips 0: the fewest
 * that hold it), ranked by by ("cost", "latency" or "throughput"); chips
 * that cannot run it are listed last with the reason.  Caller frees.
 */
struct grid *calc_rank(const struct dataset *ds, const struct calc_req *q,
    const char *by);

/* Batch 1, 2, 4, ... up to the largest that fits. Caller frees. */
struct grid *calc_sweep(const struct dataset *ds, const struct calc_req *q);

struct calc_summary {
	size_t	n;		/* predicted and counted */
	size_t	calibrating;	/* predicted; an efficiency figure's source */
	size_t	skipped;	/* configuration incomplete */
	double	median_abs;	/* percent */
	double	worst;		/* signed percent, largest magnitude */
	char	worst_id[96];
	size_t	beyond;		/* cases beyond the tolerance */
};

/*
 * Every measurement predicted against published: id, hardware, model,
 * metric, published, predicted, error_pct (signed), and why a row was
 * skipped or which efficiency figure it calibrates (such a row is shown
 * but left out of the summary, since it matches by construction).  sum
 * gets the summary; fam, when not NULL, a per-family grid
 * (family, n, median_abs_pct, worst_pct).  tol is the tolerance in
 * percent for sum->beyond.  Caller frees.
 */
struct grid *calc_validate(const struct dataset *ds, double tol,
    struct calc_summary *sum, struct grid **fam);

#endif
