/*
 * The text view; see textview.h.
 */
#include "textview.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "utf8.h"
#include "xmalloc.h"

#define LABELW	16	/* widest a field label gets before it wraps */

struct textview *
textview_new(struct doc *d)
{
	struct textview *tv = xcalloc(1, sizeof *tv);

	tv->doc = d;
	lines_init(&tv->lines);
	return tv;
}

void
textview_free(struct textview *tv)
{
	if (tv == NULL)
		return;
	doc_free(tv->doc);
	lines_done(&tv->lines);
	free(tv->style);
	free(tv->bold);
	free(tv);
}

/* Record the style of lines added since from. */
static void
mark(struct textview *tv, size_t from, enum doc_style st, size_t bold)
{
	size_t i;

	tv->style = xreallocarray(tv->style, tv->lines.n ? tv->lines.n : 1, 1);
	tv->bold = xreallocarray(tv->bold, tv->lines.n ? tv->lines.n : 1,
	    sizeof *tv->bold);
	for (i = from; i < tv->lines.n; i++) {
		tv->style[i] = (unsigned char)st;
		tv->bold[i] = i == from ? bold : 0;
	}
}

static void
rewrap(struct textview *tv, size_t width)
{
	size_t i, from, lw = 0, k;

	lines_done(&tv->lines);
	lines_init(&tv->lines);
	tv->width = width;
	for (i = 0; i < tv->doc->n; i++) {
		const struct doc_block *b = &tv->doc->v[i];

		if (b->style == DOC_FIELD && utf8_width(b->label) > lw)
			lw = utf8_width(b->label);
	}
	if (lw > LABELW)
		lw = LABELW;
	for (i = 0; i < tv->doc->n; i++) {
		const struct doc_block *b = &tv->doc->v[i];
		struct lines tmp;
		char *s;

		from = tv->lines.n;
		switch (b->style) {
		case DOC_PRE:
			s = text_escape(b->text);
			lines_add(&tv->lines, s);
			free(s);
			mark(tv, from, b->style, 0);
			break;
		case DOC_BLANK:
			lines_add(&tv->lines, "");
			mark(tv, from, b->style, 0);
			break;
		case DOC_FIELD: {
			/* Label, then the value with a hanging indent. */
			size_t ind = lw + 2, vw = width > ind + 10 ?
			    width - ind : width;
			char *lab = text_escape(b->label);
			size_t labw = utf8_width(lab);

			lines_init(&tmp);
			layout_wrap(&tmp, b->text, vw);
			for (k = 0; k < tmp.n; k++) {
				if (vw == width)
					s = k == 0 ? xasprintf("%s: %s", lab,
					    tmp.v[k]) : xstrdup(tmp.v[k]);
				else if (k == 0)
					s = xasprintf("%s%*s%s", lab,
					    (int)(labw < ind ? ind - labw : 1),
					    "", tmp.v[k]);
				else
					s = xasprintf("%*s%s", (int)ind, "",
					    tmp.v[k]);
				lines_add(&tv->lines, s);
				free(s);
			}
			lines_done(&tmp);
			mark(tv, from, b->style, labw);
			free(lab);
			break;
		}
		default:
			layout_wrap(&tv->lines, b->text, width);
			mark(tv, from, b->style, 0);
			break;
		}
	}
}

void
textview_draw(struct textview *tv, WINDOW *win, int y, int x, int h, int w)
{
	size_t i, width;

	if (h <= 0 || w <= 0)
		return;
	width = (size_t)w > 2 ? (size_t)w - 2 : 1;
	if (width != tv->width)
		rewrap(tv, width);
	tv->page = h;
	if (tv->lines.n <= (size_t)h)
		tv->top = 0;
	else if (tv->top > tv->lines.n - (size_t)h)
		tv->top = tv->lines.n - (size_t)h;
	for (i = 0; i < (size_t)h; i++) {
		size_t k = tv->top + i;
		const char *s;
		attr_t a = A_NORMAL;

		draw_blank(win, y + (int)i, x, (size_t)w, A_NORMAL);
		if (k >= tv->lines.n)
			continue;
		s = tv->lines.v[k];
		if (tv->find != NULL && *s && finder_match(tv->find, s, NULL,
		    NULL))
			a |= draw_attr.match;
		switch (tv->style[k]) {
		case DOC_TITLE:
			a |= A_BOLD;
			break;
		case DOC_HEADING:
			a |= draw_attr.heading;
			break;
		case DOC_PRE: {
			/* Wide tables scroll sideways instead of wrapping. */
			size_t used, off = utf8_prefix(s, tv->left, &used);

			s += off;
			break;
		}
		default:
			break;
		}
		if (tv->bold[k] > 0) {
			size_t used, n = utf8_prefix(s, tv->bold[k], &used);
			char *lab = xstrndup(s, n);

			draw_text(win, y + (int)i, x + 1, used, lab, A_BOLD);
			free(lab);
			draw_text(win, y + (int)i, x + 1 + (int)used,
			    width > used ? width - used : 0, s + n, a);
		} else
			draw_text(win, y + (int)i, x + 1, width, s, a);
	}
}

int
textview_move(struct textview *tv, enum action a)
{
	size_t page = tv->page > 1 ? (size_t)tv->page : 1;

	switch (a) {
	case ACT_LEFT:
		tv->left = tv->left > 8 ? tv->left - 8 : 0;
		return 1;
	case ACT_RIGHT:
		tv->left += 8;
		return 1;
	default:
		/* A find goes on from the screen's top once it scrolls. */
		if (layout_step(&tv->top, tv->lines.n > page ?
		    tv->lines.n - page : 0, page, a) == 0)
			return 0;
		tv->has_hit = 0;
		return 1;
	}
}

static int
line_matches(void *ctx, size_t k)
{
	struct textview *tv = ctx;

	return finder_match(tv->find, tv->lines.v[k], NULL, NULL);
}

int
textview_find(struct textview *tv, struct finder *fn, int dir)
{
	int r;

	tv->find = fn;
	if (fn == NULL)
		return 0;
	/*
	 * From the last match, not the top: on the last screenful the top
	 * stays put however far down the match is.
	 */
	r = layout_search(tv->has_hit ? tv->hit : tv->top, tv->lines.n, dir,
	    line_matches, tv, &tv->hit);
	if (r != 0) {
		tv->has_hit = 1;
		tv->top = tv->hit;
	}
	return r;
}

char *
textview_status(const struct textview *tv)
{
	size_t last = tv->top + (size_t)(tv->page > 0 ? tv->page : 1);

	if (last > tv->lines.n)
		last = tv->lines.n;
	if (tv->has_hit && tv->hit < tv->lines.n)
		return xasprintf("lines %zu-%zu of %zu, the match on %zu",
		    tv->top + 1, last, tv->lines.n, tv->hit + 1);
	return xasprintf("lines %zu-%zu of %zu", tv->lines.n ? tv->top + 1 :
	    0, last, tv->lines.n);
}
