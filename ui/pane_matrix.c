/*
 * The Matrix pane: one comparison at a time, its dimensions as rows and
 * the two sides as columns, every cell wrapped to the window.
 */
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "draw.h"
#include "layout.h"
#include "pane.h"
#include "utf8.h"
#include "xmalloc.h"

struct dim {
	const char	*name;
	const char	*text[2];	/* left, right */
};

struct matrix {
	struct finder	*find;		/* borrowed: matches to highlight */
	size_t		 cmp;		/* current comparison */
	size_t		 ncmp;
	struct dim	*dims;		/* of the current comparison */
	size_t		 ndims;
	size_t		 cur;		/* selected dimension */
	size_t		 top;		/* first dimension shown */
	int		*y0, *y1;	/* per dimension, the lines the last
					   draw gave it; -1 when unseen */
};

static void
load_dims(struct pane *p)
{
	struct matrix *m = p->data;
	const struct dataset *ds = p->ds;
	const char *cid, *left, *dim, *side;
	size_t n = dataset_count(ds, DS_MATRIX), i, k;

	free(m->dims);
	free(m->y0);
	free(m->y1);
	m->dims = NULL;
	m->y0 = m->y1 = NULL;
	m->ndims = 0;
	m->cur = m->top = 0;
	if (m->ncmp == 0)
		return;
	cid = dataset_field(ds, DS_COMPARISONS, m->cmp, CMP_ID);
	left = dataset_field(ds, DS_COMPARISONS, m->cmp, CMP_LEFT);
	m->dims = xcalloc(n ? n : 1, sizeof *m->dims);
	m->y0 = xcalloc(n ? n : 1, sizeof *m->y0);
	m->y1 = xcalloc(n ? n : 1, sizeof *m->y1);
	for (i = 0; i < n; i++) {
		if (strcmp(dataset_field(ds, DS_MATRIX, i, MX_COMPARISON),
		    cid) != 0)
			continue;
		dim = dataset_field(ds, DS_MATRIX, i, MX_DIMENSION);
		side = dataset_field(ds, DS_MATRIX, i, MX_SIDE);
		for (k = 0; k < m->ndims; k++)
			if (strcmp(m->dims[k].name, dim) == 0)
				break;
		if (k == m->ndims) {
			m->dims[k].name = dim;
			m->dims[k].text[0] = m->dims[k].text[1] = "";
			m->ndims++;
		}
		m->dims[k].text[strcmp(side, left) == 0 ? 0 : 1] =
		    dataset_field(ds, DS_MATRIX, i, MX_TEXT);
	}
}

static void
matrix_init(struct pane *p, const struct dataset *ds)
{
	struct matrix *m = xcalloc(1, sizeof *m);

	p->ds = ds;
	p->data = m;
	m->ncmp = dataset_count(ds, DS_COMPARISONS);
	load_dims(p);
}

static void
matrix_done(struct pane *p)
{
	struct matrix *m = p->data;

	if (m != NULL) {
		free(m->dims);
		free(m->y0);
		free(m->y1);
	}
	free(m);
	p->data = NULL;
}

/* Column widths: dimension names, then the two sides sharing the rest. */
static void
widths(const struct matrix *m, int w, size_t *dw, size_t *sw)
{
	size_t want = 10, k, rest;

	for (k = 0; k < m->ndims; k++)
		if (utf8_width(m->dims[k].name) > want)
			want = utf8_width(m->dims[k].name);
	if (want > 24)
		want = 24;
	if ((size_t)w < 40)
		want = (size_t)w / 4;
	if (want < 1)
		want = 1;
	*dw = want;
	rest = (size_t)w > want + 2 + 2 + 2 ? (size_t)w - want - 6 : 2;
	*sw = rest / 2 ? rest / 2 : 1;
}

/* The wrapped lines of dimension k, in three columns; returns the height. */
static size_t
wrap_dim(const struct matrix *m, size_t k, size_t dw, size_t sw,
    struct lines l[3])
{
	size_t i, h = 0;

	for (i = 0; i < 3; i++) {
		lines_init(&l[i]);
		layout_wrap(&l[i], i == 0 ? m->dims[k].name :
		    m->dims[k].text[i - 1], i == 0 ? dw : sw);
		if (l[i].n > h)
			h = l[i].n;
	}
	return h;
}

static size_t
dim_height(const struct matrix *m, size_t k, size_t dw, size_t sw)
{
	struct lines l[3];
	size_t h = wrap_dim(m, k, dw, sw, l), i;

	for (i = 0; i < 3; i++)
		lines_done(&l[i]);
	return h;
}

static void
matrix_draw(struct pane *p, WINDOW *win, int h, int w)
{
	struct matrix *m = p->data;
	const struct dataset *ds = p->ds;
	size_t dw, sw, k, used, i, j, avail;
	int y;
	char *t;

	for (y = 0; y < h; y++)
		draw_blank(win, y, 0, (size_t)w, A_NORMAL);
	if (m->ncmp == 0) {
		draw_text(win, 0, 1, (size_t)w, "No comparisons in this "
		    "dataset.", draw_attr.dim);
		return;
	}
	t = xasprintf("Comparison %zu of %zu: %s", m->cmp + 1, m->ncmp,
	    dataset_field(ds, DS_COMPARISONS, m->cmp, CMP_TITLE));
	draw_text(win, 0, 1, (size_t)w > 1 ? (size_t)w - 1 : 0, t, A_BOLD);
	free(t);
	if (h < 3)
		return;
	widths(m, w, &dw, &sw);
	draw_blank(win, 1, 0, (size_t)w, draw_attr.header);
	draw_text(win, 1, 2, dw, "Dimension", draw_attr.header);
	draw_text(win, 1, 2 + (int)dw + 2, sw, dataset_field(ds,
	    DS_COMPARISONS, m->cmp, CMP_LEFT), draw_attr.header);
	if (2 + dw + 2 + sw + 2 < (size_t)w)
		draw_text(win, 1, 2 + (int)(dw + 2 + sw + 2), sw,
		    dataset_field(ds, DS_COMPARISONS, m->cmp, CMP_RIGHT),
		    draw_attr.header);
	avail = (size_t)h - 2;
	if (m->ndims == 0)
		return;
	/* Keep the selected dimension in view, rows one blank line apart. */
	if (m->cur < m->top)
		m->top = m->cur;
	for (;;) {
		used = 0;
		for (k = m->top; k <= m->cur; k++)
			used += dim_height(m, k, dw, sw) + (k > m->top);
		if (used <= avail || m->top == m->cur)
			break;
		m->top++;
	}
	for (k = 0; k < m->ndims; k++)
		m->y0[k] = m->y1[k] = -1;
	y = 2;
	for (k = m->top; k < m->ndims && y < h; k++) {
		struct lines l[3];
		size_t ht = wrap_dim(m, k, dw, sw, l);
		int sel = k == m->cur;
		attr_t a = sel ? draw_attr.select : A_NORMAL;

		if (k > m->top)
			y++;
		m->y0[k] = y;
		m->y1[k] = y + (int)ht;
		for (j = 0; j < ht && y < h; j++, y++) {
			draw_blank(win, y, 0, (size_t)w, sel ? a : A_NORMAL);
			draw_text(win, y, 0, 1, sel && j == 0 ? ">" : " ", a);
			for (i = 0; i < 3; i++) {
				int x = i == 0 ? 2 : 2 + (int)dw + 2 +
				    (int)(i - 1) * ((int)sw + 2);

				if (x >= w)
					break;
				const char *txt = j < l[i].n ? l[i].v[j] : "";
				attr_t hl = m->find != NULL && *txt &&
				    finder_match(m->find, txt, NULL, NULL) ?
				    draw_attr.match : 0;

				draw_text(win, y, x, (size_t)(w - x) < (i ? sw :
				    dw) ? (size_t)(w - x) : (i ? sw : dw),
				    txt, a | hl | (i == 0 ? A_BOLD : 0));
			}
		}
		for (i = 0; i < 3; i++)
			lines_done(&l[i]);
	}
}

static int
matrix_key(struct pane *p, enum action a)
{
	struct matrix *m = p->data;
	size_t last = m->ndims ? m->ndims - 1 : 0;

	switch (a) {
	case ACT_UP:
		if (m->cur > 0)
			m->cur--;
		return 1;
	case ACT_DOWN:
		if (m->cur < last)
			m->cur++;
		return 1;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		m->cur = m->cur > 3 ? m->cur - 3 : 0;
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		m->cur = m->cur + 3 < last ? m->cur + 3 : last;
		return 1;
	case ACT_TOP:
		m->cur = 0;
		return 1;
	case ACT_BOTTOM:
		m->cur = last;
		return 1;
	case ACT_NEXT_COMPARISON:
	case ACT_PREV_COMPARISON:
		if (m->ncmp == 0)
			return 1;
		m->cmp = (m->cmp + (a == ACT_NEXT_COMPARISON ? 1 :
		    m->ncmp - 1)) % m->ncmp;
		load_dims(p);
		return 1;
	default:
		return 0;
	}
}

static struct doc *
matrix_detail(struct pane *p)
{
	struct matrix *m = p->data;

	if (m->ndims == 0)
		return NULL;
	return detail_dimension(p->ds, m->cmp, m->dims[m->cur].name);
}

static char *
matrix_status(struct pane *p)
{
	struct matrix *m = p->data;

	return xasprintf("dimension %zu of %zu  c, C: other comparisons",
	    m->ndims ? m->cur + 1 : 0, m->ndims);
}

static int
dim_matches(void *ctx, size_t k)
{
	struct matrix *m = ctx;
	const struct dim *d = &m->dims[k];

	return finder_match(m->find, d->name, NULL, NULL) ||
	    finder_match(m->find, d->text[0], NULL, NULL) ||
	    finder_match(m->find, d->text[1], NULL, NULL);
}

static int
matrix_find(struct pane *p, struct finder *fn, int dir)
{
	struct matrix *m = p->data;

	m->find = fn;
	if (fn == NULL)
		return 0;
	return layout_search(m->cur, m->ndims, dir, dim_matches, m, &m->cur);
}

/* The comparison on screen: a dimension per row, a column per side. */
static struct grid *
matrix_export(struct pane *p, int row_only)
{
	struct matrix *m = p->data;
	const struct dataset *ds = p->ds;
	struct grid *g;
	size_t k, r;

	if (m->ndims == 0)
		return NULL;
	g = grid_new(3);
	grid_column(g, 0, "dimension", GRID_TEXT);
	grid_column(g, 1, dataset_field(ds, DS_COMPARISONS, m->cmp,
	    CMP_LEFT), GRID_TEXT);
	grid_column(g, 2, dataset_field(ds, DS_COMPARISONS, m->cmp,
	    CMP_RIGHT), GRID_TEXT);
	for (k = 0; k < m->ndims; k++) {
		if (row_only && k != m->cur)
			continue;
		r = grid_add_row(g);
		grid_set(g, r, 0, m->dims[k].name);
		grid_set(g, r, 1, m->dims[k].text[0]);
		grid_set(g, r, 2, m->dims[k].text[1]);
	}
	return g;
}

static int
matrix_click(struct pane *p, int y, int x)
{
	struct matrix *m = p->data;
	size_t k;

	(void)x;
	for (k = 0; k < m->ndims; k++)
		if (y >= m->y0[k] && y < m->y1[k]) {
			m->cur = k;
			return 1;
		}
	return 0;
}

const struct pane_ops pane_matrix_ops = {
	"Matrix", matrix_init, matrix_done, matrix_draw, matrix_key,
	matrix_detail, matrix_status, matrix_find, NULL, NULL, NULL, NULL,
	matrix_export, matrix_click, NULL
};
