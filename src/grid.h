/*
 * A grid of strings with a header row, and its text forms: an aligned
 * table, CSV, TSV, JSON and Markdown.  Every view of the dataset the CLI
 * prints is built as a grid first, so the formats stay consistent and are
 * tested once.  Formatting is pure: it returns a string the caller prints.
 */
#ifndef GRID_H
#define GRID_H

#include <stddef.h>

enum grid_format {
	GRID_TABLE,
	GRID_CSV,
	GRID_TSV,
	GRID_JSON,
	GRID_MD
};

/* How a column's cells are typed, for alignment and JSON. */
enum grid_type {
	GRID_TEXT,
	GRID_NUMBER	/* right-aligned; a JSON number when it parses */
};

struct grid {
	size_t		  ncols;
	size_t		  nrows;
	size_t		  cap;
	char		**head;		/* ncols names */
	enum grid_type	 *type;		/* ncols */
	char		**cell;		/* nrows * ncols; NULL is empty */
	/*
	 * Text many cells point into, owned (a loaded file's, say), or
	 * NULL.  A cell inside it is never freed on its own; any other is
	 * its own allocation.
	 */
	char		 *arena;
	size_t		  arena_len;
};

/* A grid with ncols columns and no rows.  Caller frees with grid_free(). */
struct grid *grid_new(size_t ncols);
void grid_free(struct grid *g);
/*
 * A grid of nrows by ncols over cells (nrows * ncols, row by row; NULL is
 * empty) that point into arena[0..arena_len), taking both over.  Name the
 * columns with grid_column().
 */
struct grid *grid_adopt(size_t ncols, size_t nrows, char **cells,
    char *arena, size_t arena_len);
/* Name and type column c.  name is copied. */
void grid_column(struct grid *g, size_t c, const char *name,
    enum grid_type type);
/* Append an empty row; returns its index. */
size_t grid_add_row(struct grid *g);
/* Set cell (r, c) to a copy of s (NULL: empty). */
void grid_set(struct grid *g, size_t r, size_t c, const char *s);
/* Set cell (r, c) and take ownership of s. */
void grid_set_owned(struct grid *g, size_t r, size_t c, char *s);
/* Cell (r, c), never NULL.  Valid until the cell changes. */
const char *grid_get(const struct grid *g, size_t r, size_t c);
/* Column named name, or -1. */
long grid_find_column(const struct grid *g, const char *name);

/* Keep the rows r for which keep[r] is set, in order; drop the rest. */
void grid_keep_rows(struct grid *g, const unsigned char *keep);

/*
 * Order the row numbers idx[0..n) of g by column c; descending when desc.
 * Number columns compare as numbers, text case-blind; empty cells (and in
 * a number column, cells that are not numbers) go last either way; equal
 * values keep row order.  Each cell is parsed once, so a million rows sort
 * in well under a second.
 */
void grid_order(const struct grid *g, size_t *idx, size_t n, size_t c,
    int desc);

/*
 * Sort the rows by column c, stably; descending when desc.  Number columns
 * compare numerically with empty cells last; text compares case-blind.
 */
void grid_sort(struct grid *g, size_t c, int desc);

/*
 * Keep only the columns named in the comma-separated list, in its order.
 * Returns 0, or -1 with *bad (when not NULL) set to the first unknown name
 * (caller frees).
 */
int grid_select(struct grid *g, const char *list, char **bad);

/*
 * Format name to a format ("csv"), or -1.
 */
int grid_format_by_name(const char *name);
const char *grid_format_name(enum grid_format f);

/*
 * The grid as text in format f.  Table output is aligned by display width,
 * with control characters and invalid bytes shown as visible escapes; CSV
 * quotes as RFC 4180 says; TSV escapes tab, newline, CR and backslash; JSON
 * is an array of objects keyed by column name; Markdown escapes '|'.
 * Caller frees.
 */
char *grid_format(const struct grid *g, enum grid_format f);

/* A JSON string literal for s, quotes included, appended to the result. */
char *json_quote(const char *s);

/*
 * A grid of key-value rows (the first two columns) as one JSON object:
 * true and false as booleans, numbers as numbers, empty values as null.
 * calc --format json.  Caller frees.
 */
char *grid_format_object(const struct grid *g);

#endif
