/*
 * The what-if calculator's model of LLM inference: pure functions over
 * plain structs, SI units throughout (bytes, seconds, FLOP/s, watts).
 *
 * Memory: weights per chip at the weight precision; KV cache per token
 * 2 x layers x kv_heads x head_dim x bytes (or layers x latent x bytes
 * for MLA); the largest batch that fits.  Prefill: FLOPs (attention
 * included) at an achievable fraction of peak, bounded below by reading
 * the weights.  Decode: bytes (weights -- for a mixture of experts the
 * experts a batch touches -- plus the batch's KV cache) over achievable
 * bandwidth against FLOPs over achievable compute, plus tensor-parallel
 * all-reduces (two per layer, latency + size / link bandwidth) and a
 * per-step overhead.  Parts whose weights live in on-chip SRAM across
 * many chips (Groq, Cerebras) are pipelines: a token crosses every layer
 * in turn, each layer costing a fixed latency on top of its share of
 * reads and compute.
 */
#ifndef PERF_H
#define PERF_H

#include <stddef.h>

enum perf_prec {
	PREC_FP32,
	PREC_FP16,
	PREC_BF16,
	PREC_FP8,
	PREC_INT8,
	PREC_FP4,
	PREC_INT4,
	PREC_N
};

/* "bf16" to a precision, or -1. */
int perf_prec_by_name(const char *name);
const char *perf_prec_name(enum perf_prec p);
/* Bytes per value: 4, 2, 2, 1, 1, 0.5, 0.5. */
double perf_prec_bytes(enum perf_prec p);

struct perf_hw {
	double	peak[PREC_N];	/* FLOP/s per chip by precision; 0 unknown */
	double	mem_bytes;	/* off-chip memory per chip; 0: none */
	double	mem_bw;		/* bytes/s per chip (SRAM for SRAM-only) */
	double	sram_bytes;	/* on-chip SRAM per chip */
	double	link_bw;	/* scale-up bytes/s per chip, one direction */
	double	domain;		/* chips in one scale-up domain; 0 unknown */
	double	power_w;	/* per chip; 0 unknown */
	double	price_h;	/* USD per chip-hour; 0 unknown */
};

struct perf_model {
	double	params;		/* total */
	double	active;		/* per token */
	double	layers;
	double	hidden;
	double	heads;
	double	kv_heads;
	double	head_dim;
	double	experts;	/* 0: dense */
	double	active_experts;
	double	kv_latent;	/* MLA: values cached per token per layer */
};

#define PERF_CURVE_MAX 16
#define PERF_MAX_CHIPS 1e6	/* the most chips a run may take */

/* Achievable fractions and costs; see efficiency.csv. */
struct perf_eff {
	double	mfu;		/* of peak FLOP/s, prefill */
	double	mfu_decode;	/* of peak FLOP/s, decode */
	/*
	 * Decode's fraction of peak against the tokens a step computes (the
	 * matrix products' M), tokens ascending; when ncurve > 0 it is used
	 * instead of mfu_decode.  See perf_decode_mfu().
	 */
	size_t	ncurve;
	double	curve_tokens[PERF_CURVE_MAX];
	double	curve_mfu[PERF_CURVE_MAX];
	double	mbu;		/* of memory bandwidth, reading weights */
	double	mbu_attention;	/* attention's, on the KV cache; 0: mbu */
	double	link;		/* of link bandwidth */
	double	allreduce_s;	/* latency of one all-reduce */
	double	overhead_s;	/* per decode step (and per prefill) */
	double	seq_overhead_s;	/* and per sequence of the step's batch */
	double	layer_s;	/* SRAM pipelines: latency per layer */
	double	mem_fraction;	/* of memory usable for weights and KV */
	double	max_batch;	/* the serving software's largest; 0 none */
};

struct perf_work {
	double		chips;		/* 0: the fewest that hold the model
					   (at most PERF_MAX_CHIPS) */
	double		batch;		/* 0: the largest that fits */
	double		batch_cap;	/* a ceiling on batch 0, with
					   perf_eff.max_batch; 0 none */
	double		prompt;		/* tokens */
	double		output;		/* tokens */
	enum perf_prec	wprec, kvprec, aprec;
};

enum perf_bound {
	BOUND_COMPUTE,
	BOUND_MEMORY,
	BOUND_COMMUNICATION,
	BOUND_OVERHEAD,
	BOUND_PIPELINE,		/* SRAM pipelines: per-layer latency */
	BOUND_N
};
const char *perf_bound_name(enum perf_bound b);

/*
 * A step runs its matrix products with the weights, then attention, one
 * kernel after another, and each is bound by its own FLOPs or bytes:
 * linear_s = max(their FLOPs' time, reading the weights), attention_s =
 * max(its FLOPs' time, reading or writing the KV cache), and
 * linear_compute and attention_compute say which of the two each took.
 * compute_s and memory_s are the step's FLOPs and bytes over the
 * achievable rates.
 */
struct perf_step {
	double	compute_s, memory_s, comm_s, overhead_s, pipeline_s, total_s;
	double	linear_s, attention_s;
	int	linear_compute, attention_compute;
	double	flops, bytes, weight_bytes;
	double	mfu;		/* the fraction of peak FLOP/s computed at */
	double	mbu, mbu_kv;	/* of bandwidth: weights, the KV cache */
	enum perf_bound bound;
};

struct perf_result {
	int	 fits;
	int	 sram_only;
	double	 chips;
	double	 chips_needed;		/* fewest that hold the weights and
					   the batch (one sequence for max) */
	double	 weights_bytes;		/* all of them */
	double	 weights_per_chip;
	double	 kv_per_token;		/* bytes, all layers */
	double	 kv_per_seq;		/* bytes, prompt + output */
	double	 max_batch;
	double	 batch;
	double	 peak_used;		/* FLOP/s per chip at aprec */
	enum perf_prec aprec_used;
	struct perf_step prefill;	/* the whole batch's prompts */
	struct perf_step decode;	/* one step at the mean context */
	double	 ttft_s, tpot_s, e2e_s;
	double	 tokens_per_s_user, tokens_per_s;
	double	 cost_per_mtok;		/* USD per million output tokens */
	double	 joules_per_token;
	double	 ridge;			/* FLOP/B where compute = memory */
	double	 intensity;		/* of the decode step, FLOP per byte */
};

/*
 * Evaluate the workload w of model m on hardware h with efficiencies e.
 * Every result is finite, and so are the times in milliseconds.  Returns
 * 0, or -1 with why (static text) when the inputs cannot describe a run
 * (no bandwidth, no tokens) or give a figure that is not finite; a model
 * that does not fit is not an error: fits is 0 and max_batch 0.
 */
int perf_eval(const struct perf_hw *h, const struct perf_model *m,
    const struct perf_eff *e, const struct perf_work *w,
    struct perf_result *r, const char **why);

/*
 * Decode's fraction of peak FLOP/s at a step of tokens: mfu_decode, or the
 * curve read between its points (linearly in log tokens).  Below the first
 * point it holds the first value, since a smaller product is bound by
 * reading its weights, which the model counts as memory time.  At any
 * point it is at least the best fraction at fewer tokens: a step can
 * always be computed as smaller products.
 */
double perf_decode_mfu(const struct perf_eff *e, double tokens);
/* KV cache bytes per token at kv precision p. */
double perf_kv_per_token(const struct perf_model *m, enum perf_prec p);
/* Bytes of weights a decode step of batch tokens reads. */
double perf_weights_touched(const struct perf_model *m, double batch,
    enum perf_prec p);

#endif
