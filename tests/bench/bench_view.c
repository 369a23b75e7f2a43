/*
 * The speed of accelscope view on a big CSV file: libcsv alone as the
 * yardstick, then loading into a grid, a regex filter over every cell, a
 * numeric sort, and a redraw after scrolling, the way the explorer does
 * each.  Run by `make bench` on the files tests/bench/gencsv writes; prints
 * the median of repeated timings.  Not a test: nothing fails when slow.
 *
 *	bench_view FILE.csv NUMBER_COLUMN
 */
#include <csv.h>
#include <curses.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "draw.h"
#include "filter.h"
#include "grid.h"
#include "table.h"
#include "tview.h"

static void
no_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	++*(size_t *)data;
}

static void
no_row(int c, void *data)
{
	(void)c;
	(void)data;
}

/* libcsv alone over the file's bytes, already in memory. */
static double
libcsv_alone(const char *buf, size_t len, size_t *fields)
{
	struct csv_parser p;
	double t0 = now();

	*fields = 0;
	csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
	csv_parse(&p, buf, len, no_field, no_row, fields);
	csv_fini(&p, no_field, no_row, fields);
	csv_free(&p);
	return now() - t0;
}

static struct grid *
load(const char *path)
{
	struct diags dl;
	struct grid *g;
	int cancelled;

	diags_init(&dl);
	g = table_load_grid(path, NULL, NULL, &cancelled, &dl);
	diags_done(&dl);
	if (g == NULL) {
		fprintf(stderr, "bench_view: cannot load %s\n", path);
		exit(1);
	}
	return g;
}

/* Filtering tv's table by expr, compiled each time: the median of 3. */
static double
time_filter(struct tview *tv, const char *expr, struct diags *dl)
{
	double t[3], t0;
	int i;

	for (i = 0; i < 3; i++) {
		t0 = now();
		tview_set_filter(tv, filter_compile(expr, tv->g, dl), 0, NULL,
		    dl);
		t[i] = now() - t0;
	}
	return median(t, 3);
}

int
main(int argc, char **argv)
{
	double t[9], t0;
	struct rusage ru;
	struct stat st;
	struct grid *g;
	struct tview tv;
	struct diags dl;
	size_t i, fields, len;
	char *buf;
	FILE *fp;
	SCREEN *scr;
	WINDOW *win;
	long col;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_view FILE.csv NUMBER_COLUMN\n");
		return 2;
	}
	if (stat(argv[1], &st) == -1) {
		perror(argv[1]);
		return 1;
	}

	/* First, alone in the process: what loading costs in memory. */
	t0 = now();
	g = load(argv[1]);
	t[0] = now() - t0;
	getrusage(RUSAGE_SELF, &ru);
	printf("file                 %.1f MB, %zu rows, %zu columns\n",
	    (double)st.st_size / 1e6, g->nrows, g->ncols);
	printf("peak RSS after load  %.1f MB (%.2f x the file)\n",
	    (double)ru.ru_maxrss / 1e3,
	    (double)ru.ru_maxrss * 1e3 / (double)st.st_size);
	grid_free(g);
	for (i = 1; i < 3; i++) {
		t0 = now();
		g = load(argv[1]);
		t[i] = now() - t0;
		grid_free(g);
	}
	printf("load into a grid     %.3f s (median of 3)\n", median(t, 3));

	buf = malloc((size_t)st.st_size + 1);
	fp = fopen(argv[1], "rb");
	len = fread(buf, 1, (size_t)st.st_size, fp);
	fclose(fp);
	for (i = 0; i < 3; i++)
		t[i] = libcsv_alone(buf, len, &fields);
	printf("libcsv alone         %.3f s (median of 3), %zu fields\n",
	    median(t, 3), fields);
	free(buf);

	g = load(argv[1]);
	tview_init(&tv, g);

	/* A regex over every cell, matching nothing: the worst case. */
	diags_init(&dl);
	t0 = time_filter(&tv, "/zq[0-9]+x/", &dl);
	printf("regex, every cell    %.3f s (median of 3), %zu rows kept\n",
	    t0, tv.n);
	t0 = time_filter(&tv, "notes ~ /liquid|spot/", &dl);
	printf("regex, one column    %.3f s (median of 3), %zu rows kept\n",
	    t0, tv.n);
	tview_set_filter(&tv, NULL, 0, NULL, &dl);
	diags_done(&dl);

	if ((col = grid_find_column(g, argv[2])) < 0) {
		fprintf(stderr, "bench_view: no column %s\n", argv[2]);
		return 1;
	}
	tv.ccol = (size_t)col;
	for (i = 0; i < 3; i++) {
		t0 = now();
		tview_sort_cycle(&tv);		/* ascending */
		t[i] = now() - t0;
		tview_sort_cycle(&tv);		/* descending */
		tview_sort_cycle(&tv);		/* off */
	}
	printf("numeric sort         %.3f s (median of 3)\n", median(t, 3));
	tv.ccol = 1;
	for (i = 0; i < 3; i++) {
		t0 = now();
		tview_sort_cycle(&tv);
		t[i] = now() - t0;
		tview_sort_cycle(&tv);
		tview_sort_cycle(&tv);
	}
	printf("text sort            %.3f s (median of 3)\n", median(t, 3));

	/* Redraws after scrolling, to a 200x60 terminal nobody watches. */
	fp = fopen("/dev/null", "w");
	setenv("TERM", "xterm-256color", 1);
	scr = newterm(NULL, fp, stdin);
	draw_init(1);
	win = newwin(60, 200, 0, 0);
	{
		double d[201];

		tview_draw(&tv, win, 0, 0, 60, 200);
		wnoutrefresh(win);
		doupdate();
		for (i = 0; i < 201; i++) {
			t0 = now();
			tview_move(&tv, i % 50 == 49 ? ACT_BOTTOM :
			    ACT_PAGE_DOWN);
			tview_draw(&tv, win, 0, 0, 60, 200);
			wnoutrefresh(win);
			doupdate();
			d[i] = now() - t0;
		}
		endwin();
		printf("redraw after scroll  %.3f ms (median of 201)\n",
		    median(d, 201) * 1e3);
	}
	delwin(win);
	delscreen(scr);
	fclose(fp);
	tview_done(&tv);
	return 0;
}
