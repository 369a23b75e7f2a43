/*
 * The inference model; see perf.h.
 */
#include "perf.h"

#include <math.h>
#include <string.h>

static const char *const prec_names[PREC_N] = {
	"fp32", "fp16", "bf16", "fp8", "int8", "fp4", "int4"
};
static const double prec_bytes[PREC_N] = { 4, 2, 2, 1, 1, 0.5, 0.5 };

/* Where a chip has no figure at a precision, the next it would run at. */
static const int fallback[PREC_N][4] = {
	[PREC_FP32] = { PREC_FP16, PREC_BF16, -1, -1 },
	[PREC_FP16] = { PREC_BF16, -1, -1, -1 },
	[PREC_BF16] = { PREC_FP16, -1, -1, -1 },
	[PREC_FP8] = { PREC_BF16, PREC_FP16, -1, -1 },
	[PREC_INT8] = { PREC_FP8, PREC_BF16, PREC_FP16, -1 },
	[PREC_FP4] = { PREC_FP8, PREC_BF16, PREC_FP16, -1 },
	[PREC_INT4] = { PREC_INT8, PREC_FP8, PREC_BF16, PREC_FP16 },
};

static const char *const bound_names[BOUND_N] = {
	"compute", "memory", "communication", "overhead", "pipeline"
};

int
perf_prec_by_name(const char *name)
{
	int i;

	for (i = 0; i < PREC_N; i++)
		if (strcmp(name, prec_names[i]) == 0)
			return i;
	return -1;
}

const char *
perf_prec_name(enum perf_prec p)
{
	return prec_names[p];
}

double
perf_prec_bytes(enum perf_prec p)
{
	return prec_bytes[p];
}

const char *
perf_bound_name(enum perf_bound b)
{
	return bound_names[b];
}

double
perf_kv_per_token(const struct perf_model *m, enum perf_prec p)
{
	if (m->kv_latent > 0)
		return m->layers * m->kv_latent * prec_bytes[p];
	return 2 * m->layers * m->kv_heads * m->head_dim * prec_bytes[p];
}

/*
 * A mixture of experts: shared weights S and E experts of P_e each, from
 * total = S + E.P_e and active = S + k.P_e.  0 for a dense model.
 */
static int
moe(const struct perf_model *m, double *shared, double *pe)
{
	if (m->experts <= m->active_experts || m->active_experts <= 0)
		return 0;
	*pe = (m->params - m->active) / (m->experts - m->active_experts);
	*shared = m->params - m->experts * *pe;
	if (*shared < 0)
		*shared = 0;
	return 1;
}

/*
 * A batch of t tokens, each routed to k of E experts, touches
 * 1 - (1 - k/E)^t of them on average.
 */
double
perf_weights_touched(const struct perf_model *m, double tokens,
    enum perf_prec p)
{
	double pe, shared, frac;

	if (!moe(m, &shared, &pe))
		return m->params * prec_bytes[p];
	frac = 1 - pow(1 - m->active_experts / m->experts,
	    tokens < 1 ? 1 : tokens);
	return (shared + m->experts * pe * frac) * prec_bytes[p];
}

/*
 * Decode's fraction of peak for a step of b tokens doing flops in all.  An
 * expert's products see only the tokens routed to it, b.k/E on average,
 * and run at the curve's fraction there; the rest runs at b's.
 */
static double
decode_mfu(const struct perf_model *m, const struct perf_eff *e, double b,
    double flops)
{
	double shared, pe, xf, f = perf_decode_mfu(e, b);

	if (e->ncurve == 0 || !moe(m, &shared, &pe))
		return f;
	xf = b * 2 * m->active_experts * pe;
	if (!(xf > 0 && xf < flops))
		return f;
	return flops / ((flops - xf) / f + xf / perf_decode_mfu(e, b *
	    m->active_experts / m->experts));
}

double
perf_decode_mfu(const struct perf_eff *e, double tokens)
{
	double best, f, t;
	size_t i;

	if (e->ncurve == 0)
		return e->mfu_decode;
	best = f = e->curve_mfu[0];
	for (i = 1; i < e->ncurve && tokens > e->curve_tokens[i - 1]; i++) {
		if (tokens >= e->curve_tokens[i])
			f = e->curve_mfu[i];
		else {
			t = log(tokens / e->curve_tokens[i - 1]) /
			    log(e->curve_tokens[i] / e->curve_tokens[i - 1]);
			f = e->curve_mfu[i - 1] + t * (e->curve_mfu[i] -
			    e->curve_mfu[i - 1]);
		}
		if (f > best)
			best = f;
	}
	return best;
}

static int
finite_pos(double v)
{
	return isfinite(v) && v >= 0;
}

static int
curve_ok(const struct perf_eff *e)
{
	size_t i;

	if (e->ncurve > PERF_CURVE_MAX)
		return 0;
	for (i = 0; i < e->ncurve; i++)
		if (!(e->curve_mfu[i] > 0 && e->curve_mfu[i] <= 1 &&
		    isfinite(e->curve_tokens[i]) && e->curve_tokens[i] >=
		    (i > 0 ? e->curve_tokens[i - 1] + 1 : 1)))
			return 0;
	return 1;
}

/* One all-reduce of bytes over n chips: latency plus a ring's traffic. */
static double
allreduce(const struct perf_hw *h, const struct perf_eff *e, double n,
    double bytes)
{
	double t;

	if (n <= 1)
		return 0;
	t = e->allreduce_s;
	if (h->link_bw > 0 && e->link > 0)
		t += 2 * (n - 1) / n * bytes / (h->link_bw * e->link);
	return t;
}

/*
 * One step of tokens on n chips.  flops and bytes are the whole step's;
 * aflops and kvbytes the part of them that attention computes and the
 * KV cache it reads or writes.
 */
static void
step(const struct perf_hw *h, const struct perf_model *m,
    const struct perf_eff *e, double n, double peak, double mfu,
    double tokens, double flops, double bytes, double aflops,
    double kvbytes, double abytes, int sram, double seqs, struct perf_step *s)
{
	double flop_s = n * peak * mfu, byte_s = n * h->mem_bw * e->mbu;
	double kv_s;
	double lc, lm, ac, am, kernels, by_compute;

	s->flops = flops;
	s->bytes = bytes;
	s->mfu = mfu;
	s->mbu = e->mbu;
	s->mbu_kv = e->mbu_attention > 0 ? e->mbu_attention : e->mbu;
	kv_s = n * h->mem_bw * s->mbu_kv;
	s->compute_s = flops / flop_s;
	s->memory_s = (bytes - kvbytes) / byte_s + kvbytes / kv_s;
	lc = (flops - aflops) / flop_s;
	lm = (bytes - kvbytes) / byte_s;
	ac = aflops / flop_s;
	am = kvbytes / kv_s;
	s->linear_s = fmax(lc, lm);
	s->attention_s = fmax(ac, am);
	s->linear_compute = lc >= lm;
	s->attention_compute = ac >= am;
	/* A pipeline hands activations on; its per-layer latency covers
	   that.  Tensor parallelism all-reduces twice a layer. */
	s->comm_s = sram ? 0 : 2 * m->layers * allreduce(h, e, n, tokens *
	    m->hidden * abytes);
	s->overhead_s = e->overhead_s + seqs * e->seq_overhead_s;
	s->pipeline_s = sram ? m->layers * e->layer_s : 0;
	kernels = s->linear_s + s->attention_s;
	s->total_s = kernels + s->comm_s + s->overhead_s + s->pipeline_s;
	/* Bound by what most of the kernels' time waits on. */
	by_compute = (s->linear_compute ? s->linear_s : 0) +
	    (s->attention_compute ? s->attention_s : 0);
	s->bound = by_compute >= kernels - by_compute ? BOUND_COMPUTE :
	    BOUND_MEMORY;
	if (s->comm_s > kernels && s->comm_s >= s->overhead_s &&
	    s->comm_s >= s->pipeline_s)
		s->bound = BOUND_COMMUNICATION;
	else if (s->overhead_s > kernels && s->overhead_s >= s->pipeline_s)
		s->bound = BOUND_OVERHEAD;
	else if (s->pipeline_s > kernels)
		s->bound = BOUND_PIPELINE;
}

static int
step_finite(const struct perf_step *s)
{
	return isfinite(s->compute_s) && isfinite(s->memory_s) &&
	    isfinite(s->linear_s) && isfinite(s->attention_s) &&
	    isfinite(s->comm_s) && isfinite(s->overhead_s) &&
	    isfinite(s->pipeline_s) && isfinite(s->total_s) &&
	    isfinite(s->flops) && isfinite(s->bytes) &&
	    isfinite(s->weight_bytes);
}

/* Every figure of r, and the times in milliseconds as they are shown. */
static int
result_finite(const struct perf_result *r)
{
	return isfinite(r->chips) && isfinite(r->chips_needed) &&
	    isfinite(r->weights_bytes) && isfinite(r->weights_per_chip) &&
	    isfinite(r->kv_per_token) && isfinite(r->kv_per_seq) &&
	    isfinite(r->max_batch) && isfinite(r->batch) &&
	    isfinite(r->peak_used) && step_finite(&r->prefill) &&
	    step_finite(&r->decode) && isfinite(r->ttft_s * 1e3) &&
	    isfinite(r->tpot_s * 1e3) && isfinite(r->e2e_s * 1e3) &&
	    isfinite(r->tokens_per_s_user) && isfinite(r->tokens_per_s) &&
	    isfinite(r->cost_per_mtok) && isfinite(r->joules_per_token) &&
	    isfinite(r->ridge) && isfinite(r->intensity);
}

int
perf_eval(const struct perf_hw *h, const struct perf_model *m,
    const struct perf_eff *e, const struct perf_work *w,
    struct perf_result *r, const char **why)
{
	double cap, usable, n, b, ctx, wt, peak = 0, abytes, flops, bytes;
	double att, tokens;
	int k, ap;

	memset(r, 0, sizeof *r);
	*why = NULL;
	if (!finite_pos(w->chips) || !finite_pos(w->batch) ||
	    !finite_pos(w->batch_cap) || !finite_pos(w->prompt) ||
	    !finite_pos(w->output) || w->chips > 1e6 || w->batch > 1e9 ||
	    w->prompt > 1e9 || w->output > 1e9) {
		*why = "chips, batch and token counts must be finite, not "
		    "negative and not absurdly large";
		return -1;
	}
	if (w->prompt + w->output < 1) {
		*why = "no tokens: give a prompt or an output length";
		return -1;
	}
	if (!(e->mfu > 0 && e->mfu <= 1 && e->mfu_decode > 0 &&
	    e->mfu_decode <= 1 && e->mbu > 0 && e->mbu <= 1 &&
	    e->mbu_attention >= 0 && e->mbu_attention <= 1 &&
	    finite_pos(e->overhead_s) && finite_pos(e->seq_overhead_s) &&
	    finite_pos(e->allreduce_s) &&
	    finite_pos(e->layer_s) && e->link >= 0 && e->link <= 1 &&
	    e->mem_fraction > 0 && e->mem_fraction <= 1 &&
	    finite_pos(e->max_batch) && e->max_batch <= 1e9)) {
		*why = "efficiencies must be fractions in (0, 1], latencies "
		    "finite and not negative, a batch limit at most 1e9";
		return -1;
	}
	if (!curve_ok(e)) {
		*why = "the decode efficiency curve needs up to 16 points, "
		    "tokens rising from 1, fractions in (0, 1]";
		return -1;
	}
	if (!(m->params > 0 && m->active > 0 && m->layers >= 1 &&
	    m->hidden > 0 && m->heads > 0 && m->kv_heads > 0 &&
	    m->head_dim > 0)) {
		*why = "the model needs parameters, layers, hidden size and "
		    "heads";
		return -1;
	}
	/* Each finite, and every product of them the model forms too. */
	if (!isfinite(m->params + m->active + m->experts + m->kv_latent +
	    m->layers * m->hidden * m->heads * m->kv_heads * m->head_dim *
	    (m->active_experts + 1))) {
		*why = "the model's figures are too large to compute with";
		return -1;
	}
	if (!(h->mem_bw > 0) || !isfinite(h->mem_bw)) {
		*why = "no memory bandwidth figure for this hardware";
		return -1;
	}
	/* Compute at the activation precision, or the next the chip has. */
	ap = (int)w->aprec;
	if (h->peak[ap] > 0)
		peak = h->peak[ap];
	for (k = 0; peak <= 0 && k < 4 && fallback[w->aprec][k] >= 0; k++)
		if (h->peak[fallback[w->aprec][k]] > 0) {
			ap = fallback[w->aprec][k];
			peak = h->peak[ap];
		}
	if (!(peak > 0) || !isfinite(peak)) {
		static const char *const none[PREC_N] = {
			"no fp32, fp16 or bf16 compute figure for this "
			    "hardware",
			"no fp16 or bf16 compute figure for this hardware",
			"no bf16 or fp16 compute figure for this hardware",
			"no fp8 compute figure for this hardware, nor a "
			    "higher precision's",
			"no int8 compute figure for this hardware, nor a "
			    "higher precision's",
			"no fp4 compute figure for this hardware, nor a "
			    "higher precision's",
			"no int4 compute figure for this hardware, nor a "
			    "higher precision's"
		};

		*why = none[w->aprec];
		return -1;
	}
	r->peak_used = peak;
	r->aprec_used = (enum perf_prec)ap;
	/*
	 * What the all-reduces carry: the products' outputs, which 8- and
	 * 4-bit products write at 16 bits (FP8 x FP8 -> BF16), and which are
	 * summed across the chips at that width.
	 */
	abytes = fmax(prec_bytes[w->aprec], 2);

	/* Memory. */
	r->sram_only = !(h->mem_bytes > 0) && h->sram_bytes > 0;
	cap = r->sram_only ? h->sram_bytes : h->mem_bytes;
	if (!(cap > 0) || !isfinite(cap)) {
		*why = "no memory capacity figure for this hardware";
		return -1;
	}
	usable = cap * e->mem_fraction;
	r->weights_bytes = m->params * prec_bytes[w->wprec];
	r->kv_per_token = perf_kv_per_token(m, w->kvprec);
	r->kv_per_seq = r->kv_per_token * (w->prompt + w->output);
	/* The weights and the batch asked for, or one sequence for max. */
	r->chips_needed = ceil((r->weights_bytes + (w->batch > 0 ? w->batch :
	    1) * r->kv_per_seq) / usable);
	if (r->chips_needed < 1)
		r->chips_needed = 1;
	/* Left out, the chips are the fewest, up to the most there can be. */
	n = w->chips > 0 ? w->chips : fmin(r->chips_needed, PERF_MAX_CHIPS);
	r->chips = n;
	r->weights_per_chip = r->weights_bytes / n;
	r->max_batch = floor((n * usable - r->weights_bytes) / r->kv_per_seq);
	if (r->max_batch < 0 || !isfinite(r->max_batch))
		r->max_batch = 0;
	b = w->batch > 0 ? w->batch : r->max_batch;
	if (w->batch <= 0 && w->batch_cap > 0 && b > w->batch_cap)
		b = w->batch_cap;
	if (w->batch <= 0 && e->max_batch >= 1 && b > floor(e->max_batch))
		b = floor(e->max_batch);
	r->fits = r->max_batch >= 1 && b <= r->max_batch;
	if (b < 1)
		b = 1;
	r->batch = b;

	/* Prefill: every prompt of the batch, causal attention. */
	tokens = b * w->prompt;
	att = 2 * m->layers * w->prompt * w->prompt * m->heads * m->head_dim;
	flops = b * (2 * m->active * w->prompt + att);
	bytes = perf_weights_touched(m, tokens, w->wprec) + tokens *
	    r->kv_per_token;
	step(h, m, e, n, peak, e->mfu, tokens, flops, bytes, b * att,
	    tokens * r->kv_per_token, abytes, r->sram_only, b, &r->prefill);
	r->prefill.weight_bytes = bytes - tokens * r->kv_per_token;

	/* Decode: one step of the batch at the mean context. */
	ctx = w->prompt + w->output / 2;
	wt = perf_weights_touched(m, b, w->wprec);
	att = b * 4 * m->layers * ctx * m->heads * m->head_dim;
	flops = b * 2 * m->active + att;
	bytes = wt + b * ctx * r->kv_per_token;
	step(h, m, e, n, peak, decode_mfu(m, e, b, flops), b, flops, bytes,
	    att, b * ctx * r->kv_per_token, abytes, r->sram_only, b,
	    &r->decode);
	r->decode.weight_bytes = wt;

	r->ttft_s = r->prefill.total_s;
	r->tpot_s = r->decode.total_s;
	r->e2e_s = r->ttft_s + (w->output > 1 ? w->output - 1 : 0) *
	    r->tpot_s;
	r->tokens_per_s_user = 1 / r->tpot_s;
	/* Batch after batch: each gives its output tokens in e2e. */
	r->tokens_per_s = b * (w->output > 0 ? w->output : 1) / r->e2e_s;
	if (h->price_h > 0)
		r->cost_per_mtok = h->price_h * n / 3600 / r->tokens_per_s *
		    1e6;
	if (h->power_w > 0)
		r->joules_per_token = h->power_w * n / r->tokens_per_s;
	r->ridge = peak / h->mem_bw;
	r->intensity = r->decode.flops / r->decode.bytes;
	if (!result_finite(r)) {
		*why = "the figures give no finite result";
		return -1;
	}
	return 0;
}
