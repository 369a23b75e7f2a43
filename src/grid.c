/*
 * Grids and their text forms; see grid.h.
 */
#include "grid.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "number.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const format_names[] = {
	"table", "csv", "tsv", "json", "md", NULL
};

struct grid *
grid_new(size_t ncols)
{
	struct grid *g = xcalloc(1, sizeof *g);

	g->ncols = ncols;
	g->head = xcalloc(ncols ? ncols : 1, sizeof *g->head);
	g->type = xcalloc(ncols ? ncols : 1, sizeof *g->type);
	return g;
}

/* Is cell text p in g's arena? */
static int
in_arena(const struct grid *g, const char *p)
{
	uintptr_t a = (uintptr_t)g->arena, x = (uintptr_t)p;

	return g->arena != NULL && x >= a && x < a + g->arena_len;
}

static void
cell_free(const struct grid *g, char *p)
{
	if (!in_arena(g, p))
		free(p);
}

struct grid *
grid_adopt(size_t ncols, size_t nrows, char **cells, char *arena,
    size_t arena_len)
{
	struct grid *g = grid_new(ncols);

	g->nrows = g->cap = nrows;
	g->cell = cells;
	g->arena = arena;
	g->arena_len = arena_len;
	return g;
}

void
grid_free(struct grid *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->ncols; i++)
		free(g->head[i]);
	for (i = 0; i < g->nrows * g->ncols; i++)
		cell_free(g, g->cell[i]);
	free(g->head);
	free(g->type);
	free(g->cell);
	free(g->arena);
	free(g);
}

void
grid_column(struct grid *g, size_t c, const char *name, enum grid_type type)
{
	free(g->head[c]);
	g->head[c] = xstrdup(name);
	g->type[c] = type;
}

size_t
grid_add_row(struct grid *g)
{
	size_t i;

	if (g->nrows == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->cell = xreallocarray(g->cell, g->cap * (g->ncols ? g->ncols :
		    1), sizeof *g->cell);
	}
	for (i = 0; i < g->ncols; i++)
		g->cell[g->nrows * g->ncols + i] = NULL;
	return g->nrows++;
}

void
grid_set_owned(struct grid *g, size_t r, size_t c, char *s)
{
	cell_free(g, g->cell[r * g->ncols + c]);
	g->cell[r * g->ncols + c] = s;
}

void
grid_set(struct grid *g, size_t r, size_t c, const char *s)
{
	grid_set_owned(g, r, c, s != NULL ? xstrdup(s) : NULL);
}

const char *
grid_get(const struct grid *g, size_t r, size_t c)
{
	const char *s = g->cell[r * g->ncols + c];

	return s != NULL ? s : "";
}

void
grid_keep_rows(struct grid *g, const unsigned char *keep)
{
	size_t r, w = 0, c;

	for (r = 0; r < g->nrows; r++) {
		if (!keep[r])
			continue;
		if (w != r)
			for (c = 0; c < g->ncols; c++) {
				cell_free(g, g->cell[w * g->ncols + c]);
				g->cell[w * g->ncols + c] =
				    g->cell[r * g->ncols + c];
				g->cell[r * g->ncols + c] = NULL;
			}
		w++;
	}
	for (r = w; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			cell_free(g, g->cell[r * g->ncols + c]);
			g->cell[r * g->ncols + c] = NULL;
		}
	g->nrows = w;
}

long
grid_find_column(const struct grid *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->ncols; i++)
		if (g->head[i] != NULL && strcmp(g->head[i], name) == 0)
			return (long)i;
	return -1;
}

/*
 * Sorting: each cell's key is computed once, as integers that compare the
 * way the values do: a number's bits made orderable, or the first 23 bytes
 * of text folded to lower case, and whether there is more.  Only text that
 * shares those 23 bytes and goes on is compared whole.  Then an index
 * sort; rows move as wholes.
 */
struct sort_key {
	uint64_t	 a, b, c;
	size_t		 row;
};

static const struct grid *sort_grid;	/* for the whole-text fallback */
static size_t sort_col;
static int sort_desc;

static int
key_cmp(const void *pa, const void *pb)
{
	const struct sort_key *x = pa, *y = pb;
	int r;

	if (x->a != y->a)
		r = x->a < y->a ? -1 : 1;
	else if (x->b != y->b)
		r = x->b < y->b ? -1 : 1;
	else if (x->c != y->c)
		r = x->c < y->c ? -1 : 1;
	else if ((x->c & 1) == 0)
		r = 0;	/* text that ends within the key */
	else
		r = strcasecmp(grid_get(sort_grid, x->row, sort_col),
		    grid_get(sort_grid, y->row, sort_col));
	if (sort_desc)
		r = -r;
	return r != 0 ? r : x->row < y->row ? -1 : x->row > y->row;
}

/*
 * The next n (at most 8) bytes of text, lower-cased, as a number that sorts
 * as they do; past the end, zeros.
 */
static uint64_t
fold(const char **s, int n)
{
	uint64_t k = 0;
	int i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)**s;

		if (c != '\0')
			(*s)++;
		k = k << 8 | (uint64_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return k;
}

/* A double's bits, as an unsigned number in the same order. */
static uint64_t
orderable(double d)
{
	uint64_t u;

	if (d == 0)
		d = 0;	/* -0 as 0 */
	memcpy(&u, &d, sizeof u);
	return u >> 63 ? ~u : u | (uint64_t)1 << 63;
}

/*
 * Sort k[0..n) by key a, stably: a radix sort, a byte at a time from the
 * lowest, skipping bytes all keys share.  tmp holds n more.
 */
struct num_key {
	uint64_t	 a;
	size_t		 row;
};

static void
radix_sort(struct num_key *k, struct num_key *tmp, size_t n)
{
	size_t count[256], i, sum, b;
	struct num_key *from = k, *to = tmp, *swap;
	int shift;

	for (shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[from[i].a >> shift & 0xff]++;
		if (n > 0 && count[from[0].a >> shift & 0xff] == n)
			continue;
		for (b = 0, sum = 0; b < 256; b++) {
			size_t c = count[b];

			count[b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			to[count[from[i].a >> shift & 0xff]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != k)
		memcpy(k, from, n * sizeof *k);
}

void
grid_order(const struct grid *g, size_t *idx, size_t n, size_t c, int desc)
{
	struct sort_key *k = NULL;
	struct num_key *nk = NULL, *tmp;
	size_t *rest = xmalloc((n ? n : 1) * sizeof *rest);
	unsigned char *shown;
	size_t i, r, m = 0, nrest = 0;
	int number = g->type[c] == GRID_NUMBER;
	double d;

	/* Row order first, which equal values keep. */
	shown = xcalloc(g->nrows ? g->nrows : 1, 1);
	for (i = 0; i < n; i++)
		shown[idx[i]] = 1;
	for (r = 0, i = 0; r < g->nrows; r++)
		if (shown[r])
			idx[i++] = r;
	free(shown);
	if (number)
		nk = xmalloc((n ? n : 1) * sizeof *nk);
	else
		k = xmalloc((n ? n : 1) * sizeof *k);
	/* The cells to sort, and the rest (empty, or not numbers). */
	for (i = 0; i < n; i++) {
		const char *v = grid_get(g, idx[i], c);

		if (*v == '\0' || (number && parse_number(v, &d) != 0)) {
			rest[nrest++] = idx[i];
			continue;
		}
		if (number) {
			/* Descending: the complement, so ties stay in order. */
			nk[m].a = desc ? ~orderable(d) : orderable(d);
			nk[m++].row = idx[i];
			continue;
		}
		k[m].a = fold(&v, 8);
		k[m].b = fold(&v, 8);
		k[m].c = fold(&v, 7) << 8 | (*v != '\0');
		k[m++].row = idx[i];
	}
	if (number) {
		tmp = xmalloc((m ? m : 1) * sizeof *tmp);
		radix_sort(nk, tmp, m);
		free(tmp);
		for (i = 0; i < m; i++)
			idx[i] = nk[i].row;
	} else {
		sort_grid = g;
		sort_col = c;
		sort_desc = desc;
		qsort(k, m, sizeof *k, key_cmp);
		sort_grid = NULL;
		for (i = 0; i < m; i++)
			idx[i] = k[i].row;
	}
	memcpy(idx + m, rest, nrest * sizeof *rest);
	free(k);
	free(nk);
	free(rest);
}

void
grid_sort(struct grid *g, size_t c, int desc)
{
	size_t *idx, i;
	char **cells;

	if (g->nrows < 2)
		return;
	idx = xcalloc(g->nrows, sizeof *idx);
	for (i = 0; i < g->nrows; i++)
		idx[i] = i;
	grid_order(g, idx, g->nrows, c, desc);
	cells = xcalloc(g->cap * g->ncols, sizeof *cells);
	for (i = 0; i < g->nrows; i++)
		memcpy(cells + i * g->ncols, g->cell + idx[i] * g->ncols,
		    g->ncols * sizeof *cells);
	free(g->cell);
	g->cell = cells;
	free(idx);
}

int
grid_select(struct grid *g, const char *list, char **bad)
{
	char *copy = xstrdup(list), *p, *name, *next, **head, **cell;
	enum grid_type *type;
	long *pick = NULL, at;
	size_t n = 0, i, r;

	if (bad != NULL)
		*bad = NULL;
	for (p = copy; p != NULL; p = next) {
		name = p;
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		while (*name == ' ')
			name++;
		if (*name == '\0')
			continue;
		if ((at = grid_find_column(g, name)) < 0) {
			if (bad != NULL)
				*bad = xstrdup(name);
			free(pick);
			free(copy);
			return -1;
		}
		pick = xreallocarray(pick, n + 1, sizeof *pick);
		pick[n++] = at;
	}
	free(copy);
	head = xcalloc(n ? n : 1, sizeof *head);
	type = xcalloc(n ? n : 1, sizeof *type);
	cell = xcalloc((g->cap ? g->cap : 1) * (n ? n : 1), sizeof *cell);
	for (i = 0; i < n; i++) {
		head[i] = xstrdup(g->head[pick[i]]);
		type[i] = g->type[pick[i]];
		for (r = 0; r < g->nrows; r++) {
			char *v = g->cell[r * g->ncols + (size_t)pick[i]];

			/* Text in the arena stays there, shared. */
			cell[r * n + i] = v == NULL || in_arena(g, v) ? v :
			    xstrdup(v);
		}
	}
	for (i = 0; i < g->ncols; i++)
		free(g->head[i]);
	for (i = 0; i < g->nrows * g->ncols; i++)
		cell_free(g, g->cell[i]);
	free(g->head);
	free(g->type);
	free(g->cell);
	g->head = head;
	g->type = type;
	g->cell = cell;
	g->ncols = n;
	free(pick);
	return 0;
}

int
grid_format_by_name(const char *name)
{
	int i;

	for (i = 0; format_names[i] != NULL; i++)
		if (strcmp(format_names[i], name) == 0)
			return i;
	return -1;
}

const char *
grid_format_name(enum grid_format f)
{
	return format_names[f];
}

static void
put_table(struct buf *b, const struct grid *g)
{
	size_t *w, c, r, cw;
	char **esc;

	w = xcalloc(g->ncols ? g->ncols : 1, sizeof *w);
	esc = xcalloc((g->nrows + 1) * (g->ncols ? g->ncols : 1), sizeof *esc);
	for (c = 0; c < g->ncols; c++) {
		esc[c] = text_escape(g->head[c] ? g->head[c] : "");
		w[c] = utf8_width(esc[c]);
	}
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			char *e = text_escape(grid_get(g, r, c));

			esc[(r + 1) * g->ncols + c] = e;
			if ((cw = utf8_width(e)) > w[c])
				w[c] = cw;
		}
	for (r = 0; r <= g->nrows; r++) {
		size_t end = g->ncols;

		/* No trailing blanks: the last column is not padded. */
		for (c = 0; c < end; c++) {
			const char *e = esc[r * g->ncols + c];
			size_t ew = utf8_width(e);
			int right = g->type[c] == GRID_NUMBER;

			if (c > 0)
				buf_puts(b, "  ");
			if (right)
				buf_pad(b, ' ', w[c] - ew);
			buf_puts(b, e);
			if (!right && c + 1 < end)
				buf_pad(b, ' ', w[c] - ew);
		}
		/* No trailing blanks when the last cells are empty. */
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		buf_putc(b, '\n');
	}
	for (c = 0; c < (g->nrows + 1) * g->ncols; c++)
		free(esc[c]);
	free(esc);
	free(w);
}

static void
put_csv_field(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	/* Quote edge blanks too: some readers trim them. */
	if (strpbrk(s, ",\"\r\n") == NULL && (n == 0 || (s[0] != ' ' &&
	    s[0] != '\t' && s[n - 1] != ' ' && s[n - 1] != '\t'))) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
put_tsv_field(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		default:
			buf_putc(b, *s);
		}
	}
}

static void
put_json_string(struct buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;

	buf_putc(b, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			/* Invalid UTF-8 cannot be JSON: show the byte. */
			buf_puts(b, "\\ufffd");
			i++;
			continue;
		}
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (utf8_is_control(cp))
			/* As \uXXXX, so no reader's terminal obeys it. */
			buf_printf(b, "\\u%04x", (unsigned)cp);
		else
			buf_putn(b, s + i, n);
		i += n;
	}
	buf_putc(b, '"');
}

char *
json_quote(const char *s)
{
	struct buf b;

	buf_init(&b);
	put_json_string(&b, s);
	return buf_take(&b);
}

/* The shortest form of d that reads back as d: 3.35, not 3.3500000000000001. */
static void
put_json_number(struct buf *b, double d)
{
	char t[32];
	int prec;

	for (prec = 15; prec < 17; prec++) {
		snprintf(t, sizeof t, "%.*g", prec, d);
		if (strtod(t, NULL) == d)
			break;
	}
	if (prec == 17)
		snprintf(t, sizeof t, "%.17g", d);
	buf_puts(b, t);
}

static void
put_json(struct buf *b, const struct grid *g)
{
	size_t r, c;
	double d;

	buf_puts(b, "[");
	for (r = 0; r < g->nrows; r++) {
		buf_puts(b, r > 0 ? ",\n  {" : "\n  {");
		for (c = 0; c < g->ncols; c++) {
			const char *s = grid_get(g, r, c);

			if (c > 0)
				buf_puts(b, ", ");
			put_json_string(b, g->head[c] ? g->head[c] : "");
			buf_puts(b, ": ");
			if (g->type[c] == GRID_NUMBER && *s == '\0')
				buf_puts(b, "null");
			else if (g->type[c] == GRID_NUMBER &&
			    parse_number(s, &d) == 0)
				put_json_number(b, d);
			else
				put_json_string(b, s);
		}
		buf_puts(b, "}");
	}
	buf_puts(b, g->nrows > 0 ? "\n]\n" : "]\n");
}

static void
put_md_field(struct buf *b, const char *s)
{
	char *e = text_escape(s), *p;

	for (p = e; *p != '\0'; p++) {
		if (*p == '|')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	free(e);
}

static void
put_md(struct buf *b, const struct grid *g)
{
	size_t r, c;

	buf_puts(b, "|");
	for (c = 0; c < g->ncols; c++) {
		buf_putc(b, ' ');
		put_md_field(b, g->head[c] ? g->head[c] : "");
		buf_puts(b, " |");
	}
	buf_puts(b, "\n|");
	for (c = 0; c < g->ncols; c++)
		buf_puts(b, g->type[c] == GRID_NUMBER ? "---:|" : "---|");
	buf_putc(b, '\n');
	for (r = 0; r < g->nrows; r++) {
		buf_puts(b, "|");
		for (c = 0; c < g->ncols; c++) {
			buf_putc(b, ' ');
			put_md_field(b, grid_get(g, r, c));
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
	}
}

char *
grid_format(const struct grid *g, enum grid_format f)
{
	struct buf b;
	size_t r, c;

	buf_init(&b);
	buf_putn(&b, "", 0);
	switch (f) {
	case GRID_TABLE:
		put_table(&b, g);
		break;
	case GRID_CSV:
	case GRID_TSV:
		for (r = 0; r <= g->nrows; r++) {
			for (c = 0; c < g->ncols; c++) {
				const char *s = r == 0 ?
				    (g->head[c] ? g->head[c] : "") :
				    grid_get(g, r - 1, c);

				if (c > 0)
					buf_putc(&b,
					    f == GRID_CSV ? ',' : '\t');
				if (f == GRID_CSV)
					put_csv_field(&b, s);
				else
					put_tsv_field(&b, s);
			}
			/* RFC 4180 ends records with CRLF; Unix wants LF. */
			buf_putc(&b, '\n');
		}
		break;
	case GRID_JSON:
		put_json(&b, g);
		break;
	case GRID_MD:
		put_md(&b, g);
		break;
	}
	return buf_take(&b);
}

char *
grid_format_object(const struct grid *g)
{
	struct buf b;
	size_t r;
	double d;

	buf_init(&b);
	buf_puts(&b, "{");
	for (r = 0; r < g->nrows; r++) {
		const char *k = grid_get(g, r, 0), *v = grid_get(g, r, 1);
		char *q;

		q = json_quote(k);
		buf_printf(&b, "%s\n  %s: ", r ? "," : "", q);
		free(q);
		if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)
			buf_puts(&b, v);
		else if (*v == '\0')
			buf_puts(&b, "null");
		else if (parse_number(v, &d) == 0)
			buf_puts(&b, v);
		else {
			q = json_quote(v);
			buf_puts(&b, q);
			free(q);
		}
	}
	buf_puts(&b, "\n}\n");
	return buf_take(&b);
}
