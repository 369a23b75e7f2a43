/*
 * Side by side: two to four hardware rows aligned on the union of their
 * categorical fields and metrics.  For each metric, every column's
 * preferred figure, its ratio to the first column, which column is best by
 * the metric's direction (from the metric registry), whether values are
 * within a tolerance of each other, and whether a figure's sources
 * disagree.  One diff serves the explorer's Diff pane and `accelscope
 * diff`.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

#include "dataset.h"
#include "grid.h"

#define DIFF_MAX	4
/*
 * Values within DIFF_TOLERANCE_PCT percent of each other count as equal
 * ("≈"); the legends quote it from here.
 */
#define DIFF_TOLERANCE_PCT	5
#define DIFF_TOLERANCE		(DIFF_TOLERANCE_PCT / 100.0)
#define DIFF_STR_(x)		#x
#define DIFF_STR(x)		DIFF_STR_(x)

enum diff_kind {
	DIFF_FIELD,	/* a categorical field of the hardware row */
	DIFF_METRIC	/* a metric: the preferred figure */
};

struct diff_cell {
	int	 known;		/* a value is there */
	double	 value;		/* metrics */
	long	 spec;		/* the preferred figure's row, or -1 */
	int	 conflict;	/* its sources disagree */
	int	 has_ratio;	/* ratio to the first column is defined */
	double	 ratio;
	double	 delta;		/* value less the first column's */
	int	 approx;	/* within the tolerance of the first column */
	int	 best;		/* best (or tied best) in the row */
	const char *text;	/* as the dataset holds it; "" when unknown */
};

struct diff_row {
	enum diff_kind	 kind;
	size_t		 index;	/* metric row, or hardware field (HW_*) */
	const char	*label;	/* metric or field id */
	const char	*unit;	/* "" for fields */
	int		 higher_better;	/* metrics */
	int		 by_difference;	/* compared by difference, exactly */
	int		 differs;	/* see diff_new() */
	struct diff_cell c[DIFF_MAX];
};

struct diff {
	const struct dataset	*ds;
	size_t			 n;		/* columns */
	size_t			 hw[DIFF_MAX];
	struct diff_row		*row;
	size_t			 nrows;
	size_t			 lead[DIFF_MAX];	/* metrics each leads */
	size_t			 ranked;	/* metrics with a best */
	double			 tol;
};

/*
 * Compare the n (2..DIFF_MAX) hardware rows hw[], the first being the
 * baseline for ratios; tol is the relative tolerance (DIFF_TOLERANCE).
 * Rows: vendor, category, status, deployment, software, then every metric
 * at least one of them has a figure for, in registry order.  A field row
 * differs when the texts differ; a metric row differs when some values are
 * unknown and some known, or when two known values are further apart than
 * the tolerance (metrics compared by difference, such as a year: when
 * any two differ at all).  Best: the highest (or lowest) known value and
 * any within the tolerance of it, only when the row differs among known
 * values; each
 * best cell counts as a lead for its column.  Returns NULL when n is out of
 * range.  Caller frees with diff_free().
 */
struct diff *diff_new(const struct dataset *ds, const size_t *hw, size_t n,
    double tol);
void diff_free(struct diff *d);

/* 1 if a and b are within relative tolerance tol of each other. */
int diff_close(double a, double b, double tol);

/*
 * A cell as people read it: "5.3! ×1.58 *" (value, '!' where the sources
 * disagree, ratio to the first column -- or the difference, "+1", for
 * metrics compared by difference -- or "≈" when within the tolerance,
 * '*' when best); "—" when unknown.  Caller frees.
 */
char *diff_cell_text(const struct diff *d, size_t row, size_t col);

/* "×1.76": a ratio as shown.  Writes into out (at least 16 bytes). */
const char *diff_ratio_text(double ratio, char *out, size_t len);

/*
 * The next row after (dir 1) or before (dir -1) row from that differs, or
 * -1.  from may be -1 to start before the first row.
 */
long diff_next(const struct diff *d, long from, int dir);

/*
 * The diff as a grid.  For people (human): field, unit and one column per
 * hardware (headed by its name) holding diff_cell_text(), then a "leads"
 * row ("5 of 9").  For programs: field, unit, direction, one value column
 * per hardware (headed by its id), a ratio column per hardware after the
 * first (id_ratio), best and conflict (space-separated ids) and differs
 * (yes/no), then a "leads" row with each column's count.  only_diff keeps
 * the rows that differ.  Caller frees.
 */
struct grid *diff_grid(const struct diff *d, int human, int only_diff);

/* The legend for human output, one line. */
const char *diff_legend(void);

#endif
