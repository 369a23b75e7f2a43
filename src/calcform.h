/*
 * The Calculator pane's form without the painting: its fields, what each
 * shows, how the arrow keys step it and how typed text sets it, and the
 * results recomputed after every change (the model, the sweep over batch
 * sizes, and the simulation when a strategy is chosen).  Kept in the core
 * so it is tested without a terminal.
 */
#ifndef CALCFORM_H
#define CALCFORM_H

#include "calc.h"

enum calcform_field {
	CF_HW,
	CF_MODEL,
	CF_CHIPS,
	CF_WPREC,
	CF_KVPREC,
	CF_APREC,
	CF_BATCH,
	CF_PROMPT,
	CF_OUTPUT,
	CF_PRICE,
	CF_STRATEGY,
	CF_RATE,
	CF_MAXWAIT,
	CF_MFU,
	CF_MBU,
	CF_OVERHEAD,
	CF_SOFTWARE,
	CF_N
};

struct calcform {
	const struct dataset *ds;
	struct calc_req	 q;
	int		 strategy;	/* enum sim_strategy, or -1: none */
	double		 rate;		/* requests/s */
	double		 max_wait_ms;
	/* Results, as of the last calcform_update(). */
	int		 ok;		/* the model ran */
	const char	*why;		/* why not */
	struct perf_result r;
	struct perf_eff	 eff;		/* the dataset's, before overrides */
	const char	*eff_src[CALC_NEFF];	/* efficiency.csv row ids */
	struct perf_hw	 hw;
	struct grid	*sweep;		/* calc_sweep(); owned */
	int		 sim_ok;
	const char	*sim_why;
	struct sim_cfg	 sc;
	struct sim_result sr;
};

/* Defaults: the first hardware and model rows (nvidia-h100 and
   llama-3.1-8b where the dataset has them), calc_req_init()'s workload. */
void calcform_init(struct calcform *f, const struct dataset *ds);
void calcform_done(struct calcform *f);

/* "Hardware", "Batch", ... */
const char *calcform_label(enum calcform_field k);
/* One line on what the field means and which keys change it. */
const char *calcform_hint(enum calcform_field k);

/*
 * The field's value as shown: "max (1039)", "2.99 (prices.csv)".  With
 * raw, only what a user would type back ("max", "2.99").  Caller frees.
 */
char *calcform_value(const struct calcform *f, enum calcform_field k,
    int raw);

/* The efficiency.csv row id an efficiency field comes from, or NULL
   (another field, an override, or the built-in fallback); for Software,
   the first row in use that names it. */
const char *calcform_source(const struct calcform *f, enum calcform_field k);

/* Step the field: the next or previous choice, or double / halve a
   count.  Recomputes. */
void calcform_adjust(struct calcform *f, enum calcform_field k, int dir);

/*
 * Set the field from typed text: an id or part of one or of a name for
 * hardware and model, a number, a precision or strategy name, or "auto"
 * (also "max", "default" or nothing) for the dataset's value.  0 and
 * recomputed, or -1 with *err (caller frees) and nothing changed.
 */
int calcform_set(struct calcform *f, enum calcform_field k, const char *text,
    char **err);

/* Recompute the results from the fields. */
void calcform_update(struct calcform *f);

#endif
