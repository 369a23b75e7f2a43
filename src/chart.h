/*
 * Charts drawn with characters: a plot area of w x h cells over an x and
 * a y range, each linear or logarithmic, into which points and lines are
 * put; rendered as text lines with the axes and their end labels.  The
 * explorer's Calculator pane paints these lines; they are plain ASCII so
 * they read on any terminal.
 */
#ifndef CHART_H
#define CHART_H

struct chart {
	int	 w, h;		/* plot area, cells */
	double	 x0, x1, y0, y1;	/* ranges, as given */
	int	 logx, logy;
	char	*cell;		/* h rows of w; row 0 is the top */
};

/*
 * A blank chart.  Ranges must be finite with x0 < x1 and y0 < y1 (and
 * above 0 on a log axis); w and h at least 2.  NULL otherwise.  Free with
 * chart_free().
 */
struct chart *chart_new(int w, int h, double x0, double x1, double y0,
    double y1, int logx, int logy);
void chart_free(struct chart *c);

/* The cell of (x, y): 0, or -1 when it falls outside the area. */
int chart_cell(const struct chart *c, double x, double y, int *col,
    int *row);
/* Put ch at (x, y); 0, or -1 outside. */
int chart_point(struct chart *c, double x, double y, char ch);
/* A line from a to b (straight on the chart's axes), ch in every column
   it crosses; cells already holding a character other than ' ' keep it. */
void chart_line(struct chart *c, double xa, double ya, double xb, double yb,
    char ch);

/*
 * The chart as text: h + 2 lines, each ending in '\n': a y label column
 * of width ylw, '|' and the area; then the x axis and a line with the x
 * range's ends and xlabel between them.  Caller frees.
 */
char *chart_render(const struct chart *c, const char *xlabel);

/* v with an SI prefix in at most 6 characters: "1.23k", "989T", "0.5". */
void chart_si(double v, char *out, int len);

/* Width of the y label column chart_render() uses. */
#define CHART_YLABEL 7

#endif
