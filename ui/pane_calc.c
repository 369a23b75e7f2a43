/*
 * The Calculator pane: the form (calcform.h) on the left, the results on
 * the right with a line on what bounds the step, and below them a chart
 * that v cycles through: the latency-throughput curve over batch sizes,
 * the roofline with the chip's ridge point, and every chip ranked for
 * the workload by latency, cost and throughput.  Every change recomputes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calcform.h"
#include "chart.h"
#include "draw.h"
#include "layout.h"
#include "pane.h"
#include "utf8.h"
#include "xmalloc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum view {
	VIEW_CURVE,
	VIEW_ROOFLINE,
	VIEW_RANK_LATENCY,
	VIEW_RANK_COST,
	VIEW_RANK_THROUGHPUT,
	VIEW_N
};

static const char *const view_names[VIEW_N] = {
	"latency-throughput curve", "roofline", "ranking by latency",
	"ranking by cost", "ranking by throughput"
};

#define FORM_W	40	/* the form's columns */
#define LABEL_W	12

struct calcpane {
	struct calcform	 f;
	int		 cur;		/* the selected field */
	enum view	 view;
};

static void
calc_init(struct pane *p, const struct dataset *ds)
{
	struct calcpane *cp = xcalloc(1, sizeof *cp);

	p->ds = ds;
	p->data = cp;
	calcform_init(&cp->f, ds);
}

static void
calc_done(struct pane *p)
{
	struct calcpane *cp = p->data;

	if (cp == NULL)
		return;
	calcform_done(&cp->f);
	free(cp);
	p->data = NULL;
}

/* A time in the unit that reads best. */
static char *
dur(double s)
{
	if (s < 1e-3)
		return xasprintf("%.3g us", s * 1e6);
	if (s < 1)
		return xasprintf("%.3g ms", s * 1e3);
	return xasprintf("%.3g s", s);
}

/* s wrapped to w columns from (y, x), in at most max rows; returns them. */
static int
wrap(WINDOW *win, int y, int x, int w, int max, const char *s, attr_t attr)
{
	struct lines l;
	size_t i;

	if (w <= 0 || max <= 0)
		return 0;
	lines_init(&l);
	layout_wrap(&l, s, (size_t)w);
	for (i = 0; i < l.n && (int)i < max; i++)
		draw_text(win, y + (int)i, x, (size_t)w, l.v[i], attr);
	lines_done(&l);
	return (int)i;
}

/* Where the results go: the next row, and how wide the labels are. */
struct out {
	WINDOW	*win;
	int	 y, x, w, h;
	int	 lw;		/* the labels' column */
	int	 narrow;	/* the short forms of the values */
};

/*
 * One "label  value" entry of the results, the value wrapped under itself;
 * takes v.
 */
static void
line(struct out *o, const char *label, char *v, attr_t attr)
{
	int max = o->h - o->y;

	if (o->w <= 0 || max <= 0) {
		free(v);
		return;
	}
	draw_text(o->win, o->y, o->x, (size_t)(o->w < o->lw ? o->w : o->lw),
	    label, draw_attr.dim);
	if (o->w > o->lw)
		o->y += wrap(o->win, o->y, o->x + o->lw, o->w - o->lw, max, v,
		    attr);
	else
		o->y++;
	free(v);
}

/* A "label  p50 / p99" entry of times. */
static void
pair(struct out *o, const char *label, double p50, double p99)
{
	char *a = dur(p50), *b = dur(p99);

	line(o, label, xasprintf("%s / %s", a, b), A_NORMAL);
	free(a);
	free(b);
}

/* A paragraph across the results' width. */
static void
para(struct out *o, const char *s, attr_t attr)
{
	o->y += wrap(o->win, o->y, o->x, o->w, o->h - o->y, s, attr);
}

/*
 * The results, in h rows; returns the rows used.  Where the values have
 * under 40 columns (an 80-column terminal) they take their short forms,
 * so that the whole of them, under load too, fits beside the form.
 */
static int
draw_results(struct calcpane *cp, WINDOW *win, int x, int w, int h)
{
	const struct calcform *f = &cp->f;
	const struct perf_result *r = &f->r;
	struct out o = { win, 0, x, w, h, 14, 0 };
	const char *s = r->chips == 1 ? "" : "s";
	char *a, *b, *ex;

	o.narrow = w - o.lw < 40;
	if (o.narrow)
		o.lw = 12;
	draw_text(win, o.y++, x, (size_t)w, "Result", draw_attr.heading);
	if (!f->ok) {
		para(&o, f->why, draw_attr.error);
		return o.y;
	}
	if (r->fits)
		a = o.narrow ? xasprintf("yes: %.0f chip%s, max batch %.0f",
		    r->chips, s, r->max_batch) : xasprintf("yes: %.0f chip%s "
		    "(%.0f needed), batch up to %.0f", r->chips, s,
		    r->chips_needed, r->max_batch);
	else
		a = o.narrow ? xasprintf("no: %.0f chips needed",
		    r->chips_needed) : xasprintf("no: %.0f chip%s hold%s %.0f "
		    "sequences; %.0f chips needed", r->chips, s, *s ? "" : "s",
		    r->max_batch, r->chips_needed);
	line(&o, "Fits", a, r->fits ? A_NORMAL : draw_attr.error);
	line(&o, "Memory", xasprintf(o.narrow ? "%.3g GB/chip, %.3g GB/seq" :
	    "%.3g GB weights per chip, %.3g GB KV per sequence",
	    r->weights_per_chip / 1e9, r->kv_per_seq / 1e9), A_NORMAL);
	a = dur(r->ttft_s);
	line(&o, "TTFT", xasprintf(o.narrow ? "%s (%s)" : "%s  (%s-bound "
	    "prefill)", a, perf_bound_name(r->prefill.bound)), A_BOLD);
	free(a);
	a = dur(r->tpot_s);
	line(&o, "TPOT", xasprintf(o.narrow ? "%s, %.4g tok/s" : "%s  %.4g "
	    "tokens/s per user", a, r->tokens_per_s_user), A_BOLD);
	free(a);
	line(&o, "Throughput", xasprintf(o.narrow ? "%.4g tok/s, batch %.0f" :
	    "%.4g tokens/s at batch %.0f", r->tokens_per_s, r->batch), A_BOLD);
	line(&o, "End to end", dur(r->e2e_s), A_NORMAL);
	line(&o, "Compute at", xasprintf(o.narrow ? "%.3g%% prefill, %.3g%% "
	    "decode" : "%.3g%% of peak in prefill, %.3g%% in decode",
	    100 * r->prefill.mfu, 100 * r->decode.mfu), A_NORMAL);
	line(&o, o.narrow ? "Bandwidth" : "Bandwidth at", xasprintf(o.narrow ?
	    "%.3g%% weights, %.3g%% KV" : "%.3g%% of peak reading weights, "
	    "%.3g%% the KV cache", 100 * r->decode.mbu, 100 * r->decode.mbu_kv),
	    A_NORMAL);
	if (!calc_has_cost(&f->q, r))
		a = xstrdup(o.narrow ? "no price" : "no price: set one");
	else
		a = xasprintf(o.narrow ? "$%.4g/Mtok" : "$%.4g per million "
		    "output tokens", r->cost_per_mtok);
	if (!(r->joules_per_token > 0))
		b = xstrdup(o.narrow ? "no power" : "no power figure");
	else
		b = xasprintf(o.narrow ? "%.3g J/tok" : "%.3g J per token",
		    r->joules_per_token);
	line(&o, "Cost", xasprintf("%s; %s", a, b), A_NORMAL);
	free(a);
	free(b);
	ex = calc_explain(r);
	para(&o, ex, draw_attr.best);
	free(ex);
	if ((ex = calc_batch_note(&f->q, r)) != NULL)
		para(&o, ex, A_NORMAL);
	free(ex);
	if (f->strategy < 0 || o.y + 1 >= h)
		return o.y;
	o.y++;
	if (!f->sim_ok) {
		para(&o, f->sim_why, draw_attr.error);
		return o.y;
	}
	line(&o, "Under load", o.narrow ? xasprintf("%s, %.4g req/s",
	    sim_strategy_name(f->sc.strategy), f->sc.rate) : xasprintf("%s "
	    "batching, %.4g requests/s, %zu slots, %zu requests",
	    sim_strategy_name(f->sc.strategy), f->sc.rate, (size_t)r->batch,
	    f->sc.requests), A_NORMAL);
	pair(&o, o.narrow ? "TTFT p50/99" : "TTFT p50/p99", f->sr.ttft_p50,
	    f->sr.ttft_p99);
	pair(&o, o.narrow ? "TPOT p50/99" : "TPOT p50/p99", f->sr.tpot_p50,
	    f->sr.tpot_p99);
	pair(&o, o.narrow ? "E2E p50/99" : "E2E p50/p99", f->sr.e2e_p50,
	    f->sr.e2e_p99);
	line(&o, "Achieved", o.narrow ? xasprintf("%.4g of %.4g tok/s%s",
	    f->sr.throughput, f->sr.offered, f->sr.overloaded ?
	    " OVERLOADED" : "") : xasprintf("%.4g of %.4g tokens/s offered, "
	    "mean batch %.3g%s", f->sr.throughput, f->sr.offered,
	    f->sr.mean_batch, f->sr.overloaded ? "  OVERLOADED" : ""),
	    f->sr.overloaded ? draw_attr.error : A_NORMAL);
	return o.y;
}

/* Paint a rendered chart's lines; markers stand out. */
static void
paint_chart(WINDOW *win, int y, int x, int w, const char *text,
    const char *marks)
{
	const char *p = text, *nl;
	int row = 0, col;

	while ((nl = strchr(p, '\n')) != NULL) {
		for (col = 0; p + col < nl && col < w; col++) {
			char ch = p[col];
			attr_t at = A_NORMAL;

			if (col >= CHART_YLABEL && strchr(marks, ch) != NULL &&
			    ch != ' ')
				at = draw_attr.best;
			else if (col < CHART_YLABEL || ch == '|' || ch == '-' ||
			    ch == '+')
				at = draw_attr.dim;
			mvwaddch(win, y + row, x + col,
			    (chtype)(unsigned char)ch | at);
		}
		row++;
		p = nl + 1;
	}
}

/* A number from a grid cell, or NAN. */
static double
cellnum(const struct grid *g, size_t r, size_t c)
{
	double v;

	return parse_number(grid_get(g, r, c), &v) == 0 ? v : NAN;
}

static void
draw_curve(struct calcpane *cp, WINDOW *win, int y, int h, int w)
{
	const struct calcform *f = &cp->f;
	const struct grid *g = f->sweep;
	struct chart *c;
	double x0 = HUGE_VAL, x1 = 0, y1 = 0, px = NAN, py = NAN, tx, ty;
	size_t r;
	int n;
	char *s;

	if (g == NULL || g->nrows == 0) {
		draw_text(win, y, 0, (size_t)w, "No batch fits: nothing to "
		    "plot.", draw_attr.dim);
		return;
	}
	for (r = 0; r < g->nrows; r++) {
		tx = cellnum(g, r, 2);
		ty = cellnum(g, r, 1);
		x0 = fmin(x0, tx);
		x1 = fmax(x1, tx);
		y1 = fmax(y1, ty);
	}
	s = xasprintf("Per-user against aggregate tokens/s, batch 1 to %s "
	    "(* each doubling, @ this batch)", grid_get(g, g->nrows - 1, 0));
	/* A title too wide for the window wraps, and the chart gives way. */
	n = wrap(win, y, 0, w, 2, s, draw_attr.header);
	free(s);
	if (!(x1 > x0))
		x1 = x0 * 2;
	c = chart_new(w - CHART_YLABEL - 1, h - 2 - n, x0 / 1.1, x1 * 1.1, 0,
	    y1 * 1.05, 1, 0);
	if (c == NULL)
		return;
	for (r = 0; r < g->nrows; r++) {
		tx = cellnum(g, r, 2);
		ty = cellnum(g, r, 1);
		if (r > 0)
			chart_line(c, px, py, tx, ty, '.');
		px = tx;
		py = ty;
	}
	for (r = 0; r < g->nrows; r++)
		chart_point(c, cellnum(g, r, 2), cellnum(g, r, 1), '*');
	chart_point(c, f->r.tokens_per_s, f->r.tokens_per_s_user, '@');
	s = chart_render(c, "aggregate tokens/s (log)");
	paint_chart(win, y + n, 0, w, s, "*@");
	free(s);
	chart_free(c);
}

static void
draw_roofline(struct calcpane *cp, WINDOW *win, int y, int h, int w)
{
	const struct calcform *f = &cp->f;
	const struct perf_result *r = &f->r;
	double bw = f->hw.mem_bw, peak = r->peak_used, ridge = r->ridge;
	double di = r->intensity, dp, pi, pp, x0, x1, y0;
	struct chart *c;
	char *s, a[16], b[16], k[16];
	int n;

	dp = r->decode.flops / r->decode.total_s / r->chips;
	pi = r->prefill.flops / r->prefill.bytes;
	pp = r->prefill.flops / r->prefill.total_s / r->chips;
	chart_si(peak, a, sizeof a);
	chart_si(bw, b, sizeof b);
	chart_si(ridge, k, sizeof k);
	s = xasprintf("Roofline per chip: %sFLOP/s peak (%s), %sB/s; ridge "
	    "at %s FLOP/B (^).  D decode, P prefill", a,
	    perf_prec_name(r->aprec_used), b, k);
	n = wrap(win, y, 0, w, 2, s, draw_attr.header);
	free(s);
	x0 = fmin(fmin(di, pi), ridge) / 4;
	x1 = fmax(fmax(di, pi), ridge) * 4;
	y0 = fmin(fmin(dp, pp), bw * x0) / 2;
	c = chart_new(w - CHART_YLABEL - 1, h - 2 - n, x0, x1, y0, peak * 2,
	    1, 1);
	if (c == NULL)
		return;
	chart_line(c, x0, bw * x0, ridge, peak, '/');
	chart_line(c, ridge, peak, x1, peak, '-');
	chart_point(c, ridge, peak, '^');
	chart_point(c, pi, pp, 'P');
	chart_point(c, di, dp, 'D');
	s = chart_render(c, "arithmetic intensity, FLOP/B (log); FLOP/s "
	    "(log)");
	paint_chart(win, y + n, 0, w, s, "^PD");
	free(s);
	chart_free(c);
}

/*
 * One cell of the ranking at column x of a window w wide: numbers to the
 * right of their column, and a mark where the window cuts a cell.
 */
static void
rank_cell(WINDOW *win, int y, int x, int w, size_t width, const char *s,
    enum grid_type type, attr_t at)
{
	size_t room = (size_t)(w - x);

	if (type == GRID_NUMBER && width <= room)
		draw_text_right(win, y, x, width, s, at);
	else
		draw_text_cut(win, y, x, width < room ? width : room, s, at);
}

static void
draw_rank(struct calcpane *cp, WINDOW *win, int y, int h, int w)
{
	static const char *const by[] = { "latency", "cost", "throughput" };
	static const char *const head[] = { "#", "hardware", "chips",
	    "batch", "TTFT ms", "TPOT ms", "tokens/s", "$/Mtok", "bound",
	    "note" };
	const struct calcform *f = &cp->f;
	struct calc_req q = f->q;
	struct grid *g;
	const char *id = dataset_field(f->ds, DS_HARDWARE, f->q.hw, HW_ID);
	size_t r, c, shown = 0, rows, cw[NELEM(head)], n;
	long mine = -1;
	int x;
	char *s;

	q.w.chips = 0;
	g = calc_rank(f->ds, &q, by[cp->view - VIEW_RANK_LATENCY]);
	s = xasprintf("Every chip for %s, %.0f+%.0f tokens, batch %s, fewest "
	    "chips that hold it; by %s", dataset_field(f->ds, DS_MODELS,
	    f->q.model, MOD_ID), f->q.w.prompt, f->q.w.output, f->q.w.batch >
	    0 ? "as set" : "max", by[cp->view - VIEW_RANK_LATENCY]);
	y += wrap(win, y, 0, w, 2, s, draw_attr.header);
	free(s);
	for (r = 0; r < g->nrows; r++)
		if (strcmp(grid_get(g, r, 1), id) == 0)
			mine = (long)r;
	rows = h > y + 1 ? (size_t)(h - y - 1) : 0;
	/* Each column as wide as its widest cell; the note takes the rest. */
	for (c = 0; c < NELEM(head) && c < g->ncols; c++) {
		cw[c] = utf8_width(head[c]);
		for (r = 0; r < g->nrows; r++)
			if ((n = utf8_width(grid_get(g, r, c))) > cw[c])
				cw[c] = n;
	}
	for (x = 0, c = 0; c < g->ncols && c < NELEM(head) && x < w;
	    x += (int)cw[c] + 1, c++)
		rank_cell(win, y, x, w, cw[c], head[c], g->type[c],
		    draw_attr.dim);
	y++;
	for (r = 0; r < g->nrows && shown < rows; r++) {
		/* Keep a row for this chip when it ranks below the fold. */
		if (mine >= (long)rows && shown + 1 == rows && (long)r != mine)
			r = (size_t)mine;
		for (x = 0, c = 0; c < g->ncols && c < NELEM(head) && x < w;
		    x += (int)cw[c] + 1, c++)
			rank_cell(win, y, x, w, cw[c], grid_get(g, r, c),
			    g->type[c], (long)r == mine ?
			    draw_attr.select : A_NORMAL);
		y++;
		shown++;
	}
	grid_free(g);
}

static void
calc_draw(struct pane *p, WINDOW *win, int h, int w)
{
	struct calcpane *cp = p->data;
	int k, y, rw, used;
	char *v;

	draw_text(win, 0, 0, FORM_W, "Workload", draw_attr.heading);
	for (k = 0; k < CF_N && k + 1 < h; k++) {
		attr_t at = k == cp->cur ? draw_attr.select : A_NORMAL;

		v = calcform_value(&cp->f, (enum calcform_field)k, 0);
		draw_text(win, k + 1, 0, LABEL_W, calcform_label(
		    (enum calcform_field)k), k == cp->cur ? at : draw_attr.dim);
		draw_text_cut(win, k + 1, LABEL_W, FORM_W - LABEL_W, v, at);
		free(v);
	}
	rw = w - FORM_W - 2;
	used = rw > 10 ? draw_results(cp, win, FORM_W + 2, rw, h) : 0;
	y = (used > CF_N + 1 ? used : CF_N + 1) + 1;
	if (h - y < 8 || w < 40) {
		if (y < h)
			draw_text(win, y, 0, (size_t)w, "(a taller window "
			    "shows the charts: v cycles them)", draw_attr.dim);
		return;
	}
	if (!cp->f.ok)
		return;
	switch (cp->view) {
	case VIEW_CURVE:
		draw_curve(cp, win, y, h - y, w);
		break;
	case VIEW_ROOFLINE:
		draw_roofline(cp, win, y, h - y, w);
		break;
	default:
		draw_rank(cp, win, y, h, w);
		break;
	}
}

static int
calc_key(struct pane *p, enum action a)
{
	struct calcpane *cp = p->data;

	switch (a) {
	case ACT_UP:
		if (cp->cur > 0)
			cp->cur--;
		return 1;
	case ACT_DOWN:
		if (cp->cur + 1 < CF_N)
			cp->cur++;
		return 1;
	case ACT_TOP:
	case ACT_PAGE_UP:
		cp->cur = 0;
		return 1;
	case ACT_BOTTOM:
	case ACT_PAGE_DOWN:
		cp->cur = CF_N - 1;
		return 1;
	case ACT_LEFT:
	case ACT_RIGHT:
		calcform_adjust(&cp->f, (enum calcform_field)cp->cur,
		    a == ACT_RIGHT ? 1 : -1);
		return 1;
	case ACT_VIEW:
		cp->view = (cp->view + 1) % VIEW_N;
		return 1;
	default:
		return 0;
	}
}

static struct doc *
calc_detail(struct pane *p)
{
	(void)p;
	return NULL;
}

static char *
calc_status(struct pane *p)
{
	struct calcpane *cp = p->data;
	enum calcform_field k = (enum calcform_field)cp->cur;
	const char *src = calcform_source(&cp->f, k);

	if (src != NULL)
		return xasprintf("%s: from efficiency.csv row %s  |  h/l "
		    "change, Enter type, v %s", calcform_label(k), src,
		    view_names[(cp->view + 1) % VIEW_N]);
	return xasprintf("%s: %s  |  h/l change, Enter type, v %s",
	    calcform_label(k), calcform_hint(k), view_names[(cp->view + 1) %
	    VIEW_N]);
}

static int
calc_find(struct pane *p, struct finder *fn, int dir)
{
	(void)p;
	(void)fn;
	(void)dir;
	return 0;
}

static char *
calc_edit(struct pane *p, char **label)
{
	struct calcpane *cp = p->data;

	*label = xstrdup(calcform_label((enum calcform_field)cp->cur));
	return calcform_value(&cp->f, (enum calcform_field)cp->cur, 1);
}

static int
calc_edit_apply(struct pane *p, const char *text, char **err)
{
	struct calcpane *cp = p->data;

	return calcform_set(&cp->f, (enum calcform_field)cp->cur, text, err);
}

/* The workload's fields, or only the selected one. */
static struct grid *
form_grid(struct calcpane *cp, int row_only)
{
	struct grid *g = grid_new(2);
	int k;
	size_t r;

	grid_column(g, 0, "field", GRID_TEXT);
	grid_column(g, 1, "value", GRID_TEXT);
	for (k = 0; k < CF_N; k++) {
		if (row_only && k != cp->cur)
			continue;
		r = grid_add_row(g);
		grid_set(g, r, 0, calcform_label((enum calcform_field)k));
		grid_set_owned(g, r, 1, calcform_value(&cp->f,
		    (enum calcform_field)k, 1));
	}
	return g;
}

/* :w writes the results as calc --format prints them; y the field. */
static struct grid *
calc_export(struct pane *p, int row_only)
{
	struct calcpane *cp = p->data;
	struct grid *g;

	if (row_only || !cp->f.ok)
		return form_grid(cp, row_only);
	g = calc_grid(p->ds, &cp->f.q, &cp->f.r);
	if (cp->f.sim_ok)
		calc_sim_grid(g, &cp->f.sc, &cp->f.sr);
	return g;
}

static int
calc_click(struct pane *p, int y, int x)
{
	struct calcpane *cp = p->data;

	if (x >= FORM_W || y < 1 || y > CF_N)
		return 0;
	cp->cur = y - 1;
	return 1;
}

const struct pane_ops pane_calc_ops = {
	"Calculator", calc_init, calc_done, calc_draw, calc_key, calc_detail,
	calc_status, calc_find, NULL, NULL, calc_edit, calc_edit_apply,
	calc_export, calc_click, NULL
};
