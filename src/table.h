/*
 * A CSV file as a table of strings, every cell with its position.
 *
 * libcsv does the parsing (RFC 4180, strict).  The loader feeds it one
 * delimiter-ended segment at a time, which is how each cell learns the line
 * and column where it starts.  Cells live in one arena; a table owns it.
 * Problems (unreadable file, bad quoting, NUL bytes, invalid UTF-8) become
 * diagnostics; a row with a problem is reported and left out, the rest loads.
 */
#ifndef TABLE_H
#define TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct table;

/*
 * Load the CSV file at path.  name is used in diagnostics (NULL: path).
 * Returns NULL, with a diagnostic in dl, when the file cannot be read or has
 * no header line.  Caller frees with table_free().
 */
struct table *table_load_file(const char *path, const char *name,
    struct diags *dl);
/* The same from memory: buf[0..len) need not be NUL-terminated. */
struct table *table_load_mem(const char *name, const char *buf, size_t len,
    struct diags *dl);
void table_free(struct table *t);
/*
 * The text every cell points into, handed over: it stays when t is freed,
 * and the caller frees it.  Cells and headers read before stay valid; t is
 * then good only for table_free().
 */
char *table_take_text(struct table *t);

/*
 * A table as its arrays, for one parsed before the program ran (the
 * bundled dataset, by the build: see mkbundled.c): text holds every cell,
 * each ended by a NUL; cell i starts at text + off[i], at line[i], col[i];
 * row r (the header is 0) has cells [row_first[r], row_first[r + 1]).
 */
struct table_parts {
	const char	*name;		/* "hardware.csv"; NULL ends a list */
	const char	*text;
	size_t		 textlen;
	const uint32_t	*off, *line, *col;
	size_t		 ncells;
	const size_t	*row_first;
	size_t		 nrows;		/* with the header */
};
/*
 * The table those arrays make, named name, without copying them: they
 * must outlive it, and table_take_text() gives NULL, the text not being
 * its own.  Caller frees with table_free().
 */
struct table *table_from_parts(const char *name, const struct table_parts *p);
/* t's arrays as parts (name left NULL), valid until t changes. */
void table_get_parts(const struct table *t, struct table_parts *p);

/*
 * Progress of a long load: fn is called every `every` bytes parsed with
 * how many of total are done, and while reading with total 0 (after each
 * read, and when a signal interrupts one); a non-zero return cancels the
 * load.
 */
struct table_progress {
	int	(*fn)(void *arg, size_t done, size_t total);
	void	 *arg;
	size_t	  every;
};

/*
 * Any CSV file straight into a grid (accelscope view), for files of any
 * size: the file's bytes become the grid's text, parsed in place, and only
 * the header keeps positions.  The header names the columns: an empty name
 * becomes "column_N" and a repeated one gets "_2", "_3".  A column whose
 * every non-empty cell is a decimal number is a number column.  A row with
 * fewer fields than the header is padded; one with more keeps them in added
 * columns.  Each of these is a warning in dl at its position; rows that
 * cannot be read are errors and left out.  Returns NULL when nothing could
 * be loaded, or when progress cancelled the load (*cancelled set).  pr may
 * be NULL.  Caller frees with grid_free().
 */
struct grid;
struct grid *table_load_grid(const char *path, const char *name,
    const struct table_progress *pr, int *cancelled, struct diags *dl);
/*
 * The same from buf[0..len), which it takes over (freed, or the grid's
 * text); cap, its size, is at least len + 1.  For the fuzzer.
 */
struct grid *table_grid_buf(const char *name, char *buf, size_t len,
    size_t cap, const struct table_progress *pr, int *cancelled,
    struct diags *dl);
/*
 * Zero makes a load read every row the careful way, field by field, as it
 * reads the header and any row with a problem (1, the default, reads the
 * others a line at a time).  For tests: both ways give the same table or
 * grid, positions and report.
 */
extern int table_quick;

/* The name given at load time.  Valid until table_free(). */
const char *table_name(const struct table *t);
/* Columns in the header line. */
size_t table_ncols(const struct table *t);
/* Data rows (the header line is not one). */
size_t table_nrows(const struct table *t);
/* Header cell col, or NULL past the last column. */
const char *table_header(const struct table *t, size_t col);
/* Index of the header cell equal to name, or -1. */
long table_column(const struct table *t, const char *name);
/* Fields actually present in data row row (ragged rows differ). */
size_t table_fields(const struct table *t, size_t row);
/*
 * Cell (row, col) of the data rows; "" for a field the row lacks.  Valid until
 * table_free().
 */
const char *table_cell(const struct table *t, size_t row, size_t col);
/*
 * Where cell (row, col) starts: 1-based line and character column.  A field
 * the row lacks is placed at the end of the row's last field.  row may be
 * (size_t)-1 for the header.
 */
void table_pos(const struct table *t, size_t row, size_t col,
    unsigned *line, unsigned *column);

#endif
