/*
 * The table view; see tview.h.
 */
#include "tview.h"

#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "draw.h"
#include "layout.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAXW	40	/* widest a column grows before its text is cut */
#define SAMPLE	4096	/* rows a big table's widths start from */
#define SEP	2	/* cells between columns */
#define MARKW	4	/* the cursor, row marker and mark, then a blank */

/* Widen the columns to fit row r, up to MAXW. */
static void
fit_row(struct tview *tv, size_t r)
{
	size_t c, w;

	for (c = 0; c < tv->g->ncols; c++) {
		if (tv->width[c] >= MAXW)
			continue;
		w = utf8_width(grid_get(tv->g, r, c));
		if (tv->g->type[c] == GRID_NUMBER)
			w++;	/* the conflict marker */
		if (w > tv->width[c])
			tv->width[c] = w > MAXW ? MAXW : w;
	}
}

void
tview_init(struct tview *tv, struct grid *g)
{
	size_t r, c, step;

	memset(tv, 0, sizeof *tv);
	tv->g = g;
	tv->n = g->nrows;
	tv->order = xcalloc(g->nrows ? g->nrows : 1, sizeof *tv->order);
	for (r = 0; r < g->nrows; r++)
		tv->order[r] = r;
	tv->width = xcalloc(g->ncols ? g->ncols : 1, sizeof *tv->width);
	for (c = 0; c < g->ncols; c++)
		tv->width[c] = utf8_width(g->head[c]) + 2;	/* sort arrow */
	/*
	 * The widths from every row of a small table, from a sample of a big
	 * one spread through it; drawing widens a column for a wider cell
	 * when it comes into view.
	 */
	step = g->nrows > SAMPLE ? g->nrows / SAMPLE : 1;
	for (r = 0; r < g->nrows; r += step)
		fit_row(tv, r);
	tv->ccol = g->ncols > 1 ? 1 : 0;
	tv->sort_col = -1;
}

void
tview_done(struct tview *tv)
{
	size_t c;

	if (tv->unit != NULL)
		for (c = 0; c < tv->g->ncols; c++)
			free(tv->unit[c]);
	free(tv->unit);
	free(tv->flag);
	free(tv->rowmark);
	free(tv->key);
	free(tv->mark);
	free(tv->order);
	free(tv->width);
	filter_free(tv->filter);
	free(tv->filter_label);
	grid_free(tv->g);
	memset(tv, 0, sizeof *tv);
}

void
tview_set_units(struct tview *tv, char **unit)
{
	size_t c, w;

	tv->unit = unit;
	for (c = 0; c < tv->g->ncols; c++) {
		w = utf8_width(unit[c] ? unit[c] : "");
		if (w > tv->width[c])
			tv->width[c] = w;
	}
}

void
tview_set_flags(struct tview *tv, unsigned char *flag)
{
	tv->flag = flag;
}

void
tview_set_rowmarks(struct tview *tv, char *rowmark)
{
	tv->rowmark = rowmark;
}

void
tview_set_keys(struct tview *tv, size_t *key)
{
	tv->key = key;
}

void
tview_enable_marks(struct tview *tv)
{
	if (tv->mark == NULL)
		tv->mark = xcalloc(tv->g->nrows ? tv->g->nrows : 1,
		    sizeof *tv->mark);
}

int
tview_toggle_mark(struct tview *tv)
{
	size_t r;

	if (tv->mark == NULL || tv->n == 0)
		return 0;
	r = tv->order[tv->cur];
	if (tv->mark[r]) {
		tv->mark[r] = 0;
		tv->nmarked--;
	} else {
		tv->mark[r] = ++tv->markseq;
		tv->nmarked++;
	}
	if (tv->cur + 1 < tv->n)
		tv->cur++;
	return 1;
}

void
tview_clear_marks(struct tview *tv)
{
	if (tv->mark != NULL)
		memset(tv->mark, 0, (tv->g->nrows ? tv->g->nrows : 1) *
		    sizeof *tv->mark);
	tv->nmarked = 0;
	tv->markseq = 0;
}

size_t
tview_marked(const struct tview *tv, size_t *out, size_t max)
{
	size_t r, i, last = 0, n = tv->g->nrows;

	if (tv->mark == NULL)
		return 0;
	/* In marking order: the smallest sequence after the last taken. */
	for (i = 0; i < max && i < tv->nmarked; i++) {
		size_t pick = n, seq = 0;

		for (r = 0; r < n; r++)
			if (tv->mark[r] > last && (seq == 0 ||
			    tv->mark[r] < seq)) {
				seq = tv->mark[r];
				pick = r;
			}
		if (pick == n)
			break;
		last = seq;
		out[i] = tv->key != NULL ? tv->key[pick] : pick;
	}
	return tv->nmarked;
}

int
tview_goto(struct tview *tv, size_t r)
{
	size_t k;

	for (k = 0; k < tv->n; k++)
		if (tv->order[k] == r) {
			tv->cur = k;
			return 1;
		}
	return 0;
}

void
tview_widen(struct tview *tv, size_t c, size_t max)
{
	size_t r, w;

	for (r = 0; r < tv->g->nrows; r++) {
		w = utf8_width(grid_get(tv->g, r, c));
		if (w > tv->width[c])
			tv->width[c] = w > max ? max : w;
	}
}

long
tview_row(const struct tview *tv)
{
	return tv->n ? (long)tv->order[tv->cur] : -1;
}

static int
row_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Put the shown rows in order: by the sort column, else as in the table.
 * The cursor stays on the row it was on.
 */
static void
sort_rows(struct tview *tv, long keep)
{
	size_t r;

	if (tv->sort_col >= 0)
		grid_order(tv->g, tv->order, tv->n, (size_t)tv->sort_col,
		    tv->sort_desc);
	else
		qsort(tv->order, tv->n, sizeof *tv->order, row_cmp);
	tv->cur = 0;
	for (r = 0; r < tv->n; r++)
		if ((long)tv->order[r] == keep)
			tv->cur = r;
}

/* Rebuild the order: the rows the filter keeps, sorted; keep the cursor. */
static size_t
reorder(struct tview *tv, struct diags *dl)
{
	long keep = tview_row(tv);
	size_t r, failures = 0;
	int x;

	tv->n = 0;
	for (r = 0; r < tv->g->nrows; r++) {
		if (tv->filter != NULL) {
			x = filter_match(tv->filter, tv->g, r, dl);
			if (x < 0) {
				failures++;
				x = 0;
			}
			if (x == tv->invert)
				continue;
		}
		tv->order[tv->n++] = r;
	}
	sort_rows(tv, keep);
	return failures;
}

static void sort_cycle(struct tview *, size_t);

void
tview_sort_cycle(struct tview *tv)
{
	sort_cycle(tv, tv->ccol);
}

int
tview_click(struct tview *tv, int y, int x)
{
	size_t nh = tv->unit ? 2 : 1, c, k;
	int cx;
	long col = -1;

	y -= tv->oy;
	x -= tv->ox;
	if (y < 0 || x < 0 || x >= tv->ow || tv->g->ncols == 0)
		return 0;
	if (x >= MARKW && x < MARKW + (int)tv->ofw)
		col = 0;
	cx = MARKW + (int)tv->ofw + SEP;
	for (c = tv->ofirst; col < 0 && c < tv->g->ncols && cx < tv->ow;
	    c++) {
		if (x >= cx && x < cx + (int)tv->width[c])
			col = (long)c;
		cx += (int)tv->width[c] + SEP;
	}
	if ((size_t)y < nh) {
		if (col < 0)
			return 0;
		sort_cycle(tv, (size_t)col);
		return 1;
	}
	k = tv->top + (size_t)y - nh;
	if (k >= tv->n || (int)((size_t)y - nh) >= tv->page)
		return 0;
	tv->cur = k;
	if (col >= 1)
		tv->ccol = (size_t)col;
	return 1;
}

struct grid *
tview_export(const struct tview *tv, int row_only)
{
	struct grid *g = grid_new(tv->g->ncols);
	size_t c, k, r, from = 0, to = tv->n;

	for (c = 0; c < tv->g->ncols; c++)
		grid_column(g, c, tv->g->head[c], tv->g->type[c]);
	if (row_only) {
		if (tv->n == 0) {
			grid_free(g);
			return NULL;
		}
		from = tv->cur;
		to = tv->cur + 1;
	}
	for (k = from; k < to; k++) {
		r = grid_add_row(g);
		for (c = 0; c < tv->g->ncols; c++)
			grid_set(g, r, c, grid_get(tv->g, tv->order[k], c));
	}
	return g;
}

static void
sort_cycle(struct tview *tv, size_t col)
{
	if (tv->sort_col != (long)col) {
		tv->sort_col = (long)col;
		tv->sort_desc = 0;
	} else if (!tv->sort_desc)
		tv->sort_desc = 1;
	else
		tv->sort_col = -1;
	/* The rows shown stay the same: only their order changes. */
	sort_rows(tv, tview_row(tv));
}

size_t
tview_set_filter(struct tview *tv, struct filter *f, int invert,
    const char *label, struct diags *dl)
{
	struct diags tmp;
	size_t n;

	filter_free(tv->filter);
	free(tv->filter_label);
	tv->filter = f;
	tv->invert = invert;
	tv->filter_label = f != NULL && label != NULL ? xstrdup(label) : NULL;
	diags_init(&tmp);
	n = reorder(tv, dl != NULL ? dl : &tmp);
	diags_done(&tmp);
	return n;
}

static int
row_matches(struct tview *tv, size_t r, struct finder *fn)
{
	size_t c;

	for (c = 0; c < tv->g->ncols; c++)
		if (finder_match(fn, grid_get(tv->g, r, c), NULL, NULL))
			return 1;
	return 0;
}

struct row_find {
	struct tview	*tv;
	struct finder	*fn;
};

static int
row_match_at(void *ctx, size_t k)
{
	struct row_find *rf = ctx;

	return row_matches(rf->tv, rf->tv->order[k], rf->fn);
}

int
tview_find(struct tview *tv, struct finder *fn, int dir)
{
	struct row_find rf = { tv, fn };

	return layout_search(tv->cur, tv->n, dir, row_match_at, &rf,
	    &tv->cur);
}

int
tview_move(struct tview *tv, enum action a)
{
	switch (a) {
	case ACT_LEFT:
		if (tv->ccol > 1)
			tv->ccol--;
		return 1;
	case ACT_RIGHT:
		if (tv->ccol + 1 < tv->g->ncols)
			tv->ccol++;
		return 1;
	default:
		return layout_step(&tv->cur, tv->n ? tv->n - 1 : 0,
		    tv->page > 1 ? (size_t)tv->page : 1, a);
	}
}

char *
tview_status(const struct tview *tv)
{
	const char *col = tv->g->ncols ? tv->g->head[tv->ccol] : "";

	if (tv->filter_label != NULL)
		return xasprintf("%s%s: %zu of %zu rows  row %zu",
		    tv->invert ? "not " : "", tv->filter_label, tv->n,
		    tv->g->nrows, tv->n ? tv->cur + 1 : 0);

	if (tv->sort_col >= 0)
		return xasprintf("row %zu of %zu  column %s  sorted by %s %s",
		    tv->n ? tv->cur + 1 : 0, tv->n, col,
		    tv->g->head[tv->sort_col], tv->sort_desc ? "descending" :
		    "ascending");
	return xasprintf("row %zu of %zu  column %s", tv->n ? tv->cur + 1 : 0,
	    tv->n, col);
}

/* Paint one cell of column c at x, in width cells. */
static void
cell(struct tview *tv, WINDOW *win, int y, int x, size_t width, size_t r,
    size_t c, attr_t attr)
{
	const char *s = grid_get(tv->g, r, c);
	int flag = tv->flag ? tv->flag[r * tv->g->ncols + c] : 0;

	if (tv->find != NULL && *s && finder_match(tv->find, s, NULL, NULL))
		attr |= draw_attr.match;
	if (flag & TVIEW_BEST)
		attr |= draw_attr.best;

	if (tv->g->type[c] == GRID_NUMBER) {
		/* Right-aligned, with a column kept for the '!' marker. */
		if (width == 0)
			return;
		draw_text_right(win, y, x, width - 1, s, attr);
		draw_text(win, y, x + (int)width - 1, 1,
		    flag & TVIEW_CONFLICT ? "!" : " ",
		    flag & TVIEW_CONFLICT ? attr | draw_attr.mark : attr);
	} else
		/* Text too long for its column ends in a mark: a cut shows. */
		draw_text_cut(win, y, x, width, s, attr);
}

static void
header(struct tview *tv, WINDOW *win, int y, int x, size_t width, size_t c,
    int line)
{
	attr_t a = draw_attr.header;
	char *h;

	if (c == tv->ccol)
		a |= A_REVERSE;
	if (line == 1) {
		const char *u = tv->unit && tv->unit[c] ? tv->unit[c] : "";

		if (tv->g->type[c] == GRID_NUMBER && width > 0)
			draw_text_right(win, y, x, width - 1, u, a);
		else
			draw_text(win, y, x, width, u, a);
		if (tv->g->type[c] == GRID_NUMBER && width > 0)
			draw_text(win, y, x + (int)width - 1, 1, " ", a);
		return;
	}
	h = xasprintf("%s%s", tv->g->head[c], (long)c != tv->sort_col ? "" :
	    tv->sort_desc ? " v" : " ^");
	if (tv->g->type[c] == GRID_NUMBER && width > 0) {
		draw_text_right(win, y, x, width - 1, h, a);
		draw_text(win, y, x + (int)width - 1, 1, " ", a);
	} else
		draw_text(win, y, x, width, h, a);
	free(h);
}

void
tview_draw(struct tview *tv, WINDOW *win, int y, int x, int h, int w)
{
	size_t nh = tv->unit ? 2 : 1, ncols = tv->g->ncols, c, i, fw, avail,
	    first, *sw;
	int row, cx, line;

	if (h <= 0 || w <= 0)
		return;
	for (row = 0; row < h; row++)
		draw_blank(win, y + row, x, (size_t)w, A_NORMAL);
	if (ncols == 0)
		return;
	/* The rows about to be shown, where the sample missed a wide one. */
	tv->page = h > (int)nh ? h - (int)nh : 1;
	tv->top = layout_scroll(tv->top, tv->cur, tv->n, (size_t)tv->page);
	for (i = 0; i < (size_t)tv->page && tv->top + i < tv->n; i++)
		fit_row(tv, tv->order[tv->top + i]);
	/* Markers, the frozen column, then the rest. */
	fw = tv->width[0];
	if (fw + MARKW > (size_t)w)
		fw = (size_t)w > MARKW ? (size_t)w - MARKW : 0;
	avail = (size_t)w > fw + MARKW + SEP ? (size_t)w - fw - MARKW - SEP :
	    0;
	sw = tv->width + 1;
	if (ncols > 1) {
		if (tv->ccol < 1)
			tv->ccol = 1;
		if (tv->left < 1)
			tv->left = 1;
		first = 1 + layout_hscroll(tv->left - 1, tv->ccol - 1, sw,
		    ncols - 1, SEP, avail);
		tv->left = first;
	} else
		first = 1;
	tv->page = h > (int)nh ? h - (int)nh : 1;
	tv->oy = y;
	tv->ox = x;
	tv->ow = w;
	tv->ofirst = first;
	tv->ofw = fw;
	tv->top = layout_scroll(tv->top, tv->cur, tv->n, (size_t)tv->page);
	for (line = 0; line < (int)nh && line < h; line++) {
		draw_blank(win, y + line, x, (size_t)w, draw_attr.header);
		if (line == 0)
			draw_text(win, y + line, x + MARKW, fw, tv->g->head[0],
			    draw_attr.header);
		else
			draw_blank(win, y + line, x + MARKW, fw,
			    draw_attr.header);
		cx = x + MARKW + (int)fw + SEP;
		for (c = first; c < ncols && cx < x + w; c++) {
			size_t cw = tv->width[c];

			if (cx + (int)cw > x + w)
				cw = (size_t)(x + w - cx);
			header(tv, win, y + line, cx, cw, c, line);
			cx += (int)tv->width[c] + SEP;
		}
	}
	for (i = 0; i < (size_t)tv->page && tv->top + i < tv->n; i++) {
		size_t k = tv->top + i, r = tv->order[k];
		int ry = y + (int)nh + (int)i;
		int sel = k == tv->cur;
		attr_t a = sel ? draw_attr.select : A_NORMAL;
		char mk[2] = { tv->rowmark ? tv->rowmark[r] : ' ', '\0' };

		if (ry >= y + h)
			break;
		if (mk[0] == '\0')
			mk[0] = ' ';
		draw_blank(win, ry, x, (size_t)w, a);
		draw_text(win, ry, x, 1, sel ? ">" : " ", a);
		if (w > 1)
			draw_text(win, ry, x + 1, 1, mk, a | (mk[0] != ' ' ?
			    draw_attr.mark : 0));
		if (w > 2 && tv->mark != NULL && tv->mark[r]) {
			draw_text(win, ry, x + 2, 1, "*", a | draw_attr.mark |
			    A_BOLD);
			a |= A_BOLD;
		}
		cell(tv, win, ry, x + MARKW, fw, r, 0, a | (sel ? A_BOLD : 0));
		cx = x + MARKW + (int)fw + SEP;
		for (c = first; c < ncols && cx < x + w; c++) {
			size_t cw = tv->width[c];

			if (cx + (int)cw > x + w)
				cw = (size_t)(x + w - cx);
			cell(tv, win, ry, cx, cw, r, c, a | (sel &&
			    c == tv->ccol ? A_BOLD | A_UNDERLINE : 0));
			cx += (int)tv->width[c] + SEP;
		}
	}
	if (tv->n == 0 && h > (int)nh)
		draw_text(win, y + (int)nh, x + 2,
		    (size_t)w > 2 ? (size_t)w - 2 : 0, "(no rows)",
		    draw_attr.dim);
}
