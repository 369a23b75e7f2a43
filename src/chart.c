/*
 * Character charts; see chart.h.
 */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

struct chart *
chart_new(int w, int h, double x0, double x1, double y0, double y1, int logx,
    int logy)
{
	struct chart *c;

	if (w < 2 || h < 2 || w > 10000 || h > 10000 || !isfinite(x0) ||
	    !isfinite(x1) || !isfinite(y0) || !isfinite(y1) || !(x0 < x1) ||
	    !(y0 < y1) || (logx && !(x0 > 0)) || (logy && !(y0 > 0)))
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->w = w;
	c->h = h;
	c->x0 = x0;
	c->x1 = x1;
	c->y0 = y0;
	c->y1 = y1;
	c->logx = logx;
	c->logy = logy;
	c->cell = xmalloc((size_t)w * (size_t)h);
	memset(c->cell, ' ', (size_t)w * (size_t)h);
	return c;
}

void
chart_free(struct chart *c)
{
	if (c == NULL)
		return;
	free(c->cell);
	free(c);
}

/* Where v falls between lo and hi, 0 to 1 (outside: beyond). */
static double
frac(double v, double lo, double hi, int lg)
{
	if (lg)
		return v > 0 ? (log(v) - log(lo)) / (log(hi) - log(lo)) : -1;
	return (v - lo) / (hi - lo);
}

int
chart_cell(const struct chart *c, double x, double y, int *col, int *row)
{
	double fx = frac(x, c->x0, c->x1, c->logx);
	double fy = frac(y, c->y0, c->y1, c->logy);

	if (!isfinite(fx) || !isfinite(fy) || fx < -1e-9 || fx > 1 + 1e-9 ||
	    fy < -1e-9 || fy > 1 + 1e-9)
		return -1;
	*col = (int)lround(fx * (c->w - 1));
	*row = c->h - 1 - (int)lround(fy * (c->h - 1));
	return 0;
}

int
chart_point(struct chart *c, double x, double y, char ch)
{
	int col, row;

	if (chart_cell(c, x, y, &col, &row) != 0)
		return -1;
	c->cell[(size_t)row * (size_t)c->w + (size_t)col] = ch;
	return 0;
}

/* The value at fraction f of an axis. */
static double
at(double f, double lo, double hi, int lg)
{
	return lg ? exp(log(lo) + f * (log(hi) - log(lo))) : lo + f *
	    (hi - lo);
}

void
chart_line(struct chart *c, double xa, double ya, double xb, double yb,
    char ch)
{
	double fa = frac(xa, c->x0, c->x1, c->logx);
	double fb = frac(xb, c->x0, c->x1, c->logx);
	double ga = frac(ya, c->y0, c->y1, c->logy);
	double gb = frac(yb, c->y0, c->y1, c->logy);
	int col, row, k, steps;

	if (!isfinite(fa + fb + ga + gb))
		return;
	/* Sample finely enough to touch every cell the line crosses. */
	steps = 2 * (c->w + c->h);
	for (k = 0; k <= steps; k++) {
		double t = (double)k / steps;
		double f = fa + t * (fb - fa), g = ga + t * (gb - ga);
		char *p;

		if (chart_cell(c, at(f, c->x0, c->x1, c->logx), at(g, c->y0,
		    c->y1, c->logy), &col, &row) != 0)
			continue;
		p = &c->cell[(size_t)row * (size_t)c->w + (size_t)col];
		if (*p == ' ')
			*p = ch;
	}
}

void
chart_si(double v, char *out, int len)
{
	static const char pre[] = "pnum kMGTPE";
	double a = fabs(v);
	int e = 4;	/* index of ' ' */
	char suffix[2] = "";

	if (!isfinite(v)) {
		snprintf(out, (size_t)len, "?");
		return;
	}
	if (a > 0) {
		while (a >= 999.5 && e < 10) {
			a /= 1000;
			e++;
		}
		while (a < 0.9995 && e > 0) {
			a *= 1000;
			e--;
		}
	}
	suffix[0] = e == 4 || a == 0 ? '\0' : pre[e];
	snprintf(out, (size_t)len, "%s%.3g%s", v < 0 ? "-" : "", a, suffix);
}

char *
chart_render(const struct chart *c, const char *xlabel)
{
	struct buf b;
	char lo[16], hi[16];
	int r, pad, room;

	buf_init(&b);
	for (r = 0; r < c->h; r++) {
		char lab[16] = "";

		if (r == 0)
			chart_si(c->y1, lab, sizeof lab);
		else if (r == c->h - 1)
			chart_si(c->y0, lab, sizeof lab);
		buf_printf(&b, "%*s |", CHART_YLABEL - 2, lab);
		buf_putn(&b, c->cell + (size_t)r * (size_t)c->w, (size_t)c->w);
		buf_puts(&b, "\n");
	}
	buf_printf(&b, "%*s +", CHART_YLABEL - 2, "");
	for (r = 0; r < c->w; r++)
		buf_puts(&b, "-");
	buf_puts(&b, "\n");
	chart_si(c->x0, lo, sizeof lo);
	chart_si(c->x1, hi, sizeof hi);
	room = c->w - (int)strlen(lo) - (int)strlen(hi);
	pad = room - (int)strlen(xlabel);
	buf_printf(&b, "%*s", CHART_YLABEL, "");
	buf_puts(&b, lo);
	if (pad >= 2)
		buf_printf(&b, "%*s%s%*s", pad / 2, "", xlabel, pad - pad / 2,
		    "");
	else
		buf_printf(&b, "%*s", room > 0 ? room : 1, "");
	buf_puts(&b, hi);
	buf_puts(&b, "\n");
	return buf_take(&b);
}
