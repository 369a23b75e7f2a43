/*
 * CSV loading through libcsv, with positions.
 *
 * libcsv reports a field only when it ends, and without an offset.  Fields
 * end only at a delimiter, a line end or the end of input, so the loader
 * hands libcsv one segment at a time, each ending just after one of those
 * bytes.  A field reported during a segment started where the previous field
 * ended; that position is tracked as the segments go by.
 */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "xmalloc.h"

struct table {
	char		*name;
	size_t		 ncols;
	/* Rows, the header first: cells [row_first[r], row_first[r + 1]). */
	size_t		*row_first;
	size_t		 nrows_all;
	size_t		 rowcap;
	/* Cells: offset into text, and position. */
	uint32_t	*off;
	uint32_t	*line;
	uint32_t	*col;
	size_t		 ncells;
	size_t		 cellcap;
	char		*text;
	size_t		 textlen;
	size_t		 textcap;
};

/* Parse state shared with libcsv's callbacks. */
struct loader {
	struct table	*t;
	struct diags	*dl;
	size_t		 row_start;	/* first cell of the row being read */
	unsigned	 fline;		/* where the current field starts */
	unsigned	 fcol;
	int		 fields_ended;	/* fields reported in this segment */
	int		 row_bad;	/* the row being read has a problem */
	int		 header_bad;	/* the first row had one */
	int		 quoted;	/* the current field opened with a quote */
	int		 too_big;
};

static void
table_add_text(struct loader *ld, const char *s, size_t len)
{
	struct table *t = ld->t;

	if (t->textlen + len + 1 > UINT32_MAX) {
		ld->too_big = 1;
		return;
	}
	if (t->textlen + len + 1 > t->textcap) {
		while (t->textlen + len + 1 > t->textcap)
			t->textcap = t->textcap ? t->textcap * 2 : 4096;
		t->text = xreallocarray(t->text, t->textcap, 1);
	}
	if (t->ncells == t->cellcap) {
		t->cellcap = t->cellcap ? t->cellcap * 2 : 256;
		t->off = xreallocarray(t->off, t->cellcap, sizeof *t->off);
		t->line = xreallocarray(t->line, t->cellcap, sizeof *t->line);
		t->col = xreallocarray(t->col, t->cellcap, sizeof *t->col);
	}
	t->off[t->ncells] = (uint32_t)t->textlen;
	t->line[t->ncells] = ld->fline;
	t->col[t->ncells] = ld->fcol;
	t->ncells++;
	memcpy(t->text + t->textlen, s, len);
	t->textlen += len;
	t->text[t->textlen++] = '\0';
}

/* Where, in line and column, is byte i of a field that starts at (l, c)? */
static void
field_offset_pos(const char *s, size_t i, unsigned *l, unsigned *c)
{
	size_t k;

	for (k = 0; k < i; k++) {
		if (s[k] == '\n' || (s[k] == '\r' && s[k + 1] != '\n')) {
			(*l)++;
			*c = 1;
		} else if (((unsigned char)s[k] & 0xc0) != 0x80)
			(*c)++;
	}
}

static void
cb_field(void *s, size_t len, void *data)
{
	struct loader *ld = data;
	const char *f = s != NULL ? s : "";
	size_t bad;
	unsigned l, c;

	if (s == NULL)
		len = 0;
	ld->fields_ended++;
	if (ld->row_bad)
		return;
	if (!utf8_valid(f, len, &bad)) {
		l = ld->fline;
		/* The field's text starts after its opening quote, if any. */
		c = ld->fcol + (ld->quoted ? 1 : 0);
		field_offset_pos(f, bad, &l, &c);
		diags_add(ld->dl, DIAG_ERROR, ld->t->name, l, c,
		    f[bad] == '\0' ? "NUL byte in field; row skipped" :
		    "invalid UTF-8 byte 0x%02X in field; row skipped",
		    (unsigned char)f[bad]);
		ld->row_bad = 1;
		return;
	}
	table_add_text(ld, f, len);
}

static void
table_end_row(struct loader *ld)
{
	struct table *t = ld->t;

	if (ld->row_bad) {
		if (t->nrows_all == 0)
			ld->header_bad = 1;
		/* Roll the row back: reported, then left out. */
		if (t->ncells > ld->row_start) {
			t->textlen = t->off[ld->row_start];
			t->ncells = ld->row_start;
		}
		ld->row_bad = 0;
		return;
	}
	if (t->ncells == ld->row_start)
		return;
	if (t->nrows_all + 2 > t->rowcap) {
		t->rowcap = t->rowcap ? t->rowcap * 2 : 64;
		t->row_first = xreallocarray(t->row_first, t->rowcap,
		    sizeof *t->row_first);
	}
	t->row_first[t->nrows_all++] = ld->row_start;
	t->row_first[t->nrows_all] = t->ncells;
	ld->row_start = t->ncells;
}

static void
cb_row(int c, void *data)
{
	(void)c;
	table_end_row(data);
}

/* Is byte b one that ends a libcsv field? */
static int
is_delim(unsigned char b)
{
	return b == ',' || b == '\n' || b == '\r';
}

/* Move (l, c) over s[0..n): line ends are LF, CRLF or a lone CR. */
static void
advance_pos(const char *s, size_t n, const char *end, unsigned *l,
    unsigned *c)
{
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned char b = (unsigned char)s[k];

		if (b == '\n') {
			(*l)++;
			*c = 1;
		} else if (b == '\r') {
			if (s + k + 1 < end && s[k + 1] == '\n')
				continue;
			(*l)++;
			*c = 1;
		} else if ((b & 0xc0) != 0x80)
			(*c)++;
	}
}

static const char *
csv_problem(const char *seg, size_t at, size_t seglen)
{
	if (at < seglen && seg[at] == '"')
		return "unexpected '\"' in an unquoted field";
	return "unexpected character after a closing quote";
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
loader_reset(struct csv_parser *p)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die("cannot initialise libcsv");
	/* Keep spaces and tabs: a field's text is what the file says. */
	csv_set_space_func(p, no_space);
}

struct table *
table_load_mem(const char *name, const char *buf, size_t len,
    struct diags *dl)
{
	struct csv_parser p;
	struct loader ld;
	struct table *t;
	const char *s = buf, *end = buf + len, *seg, *fstart;
	unsigned l = 1, c = 1, el, ec;
	size_t n, done;

	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	memset(&ld, 0, sizeof ld);
	ld.t = t;
	ld.dl = dl;
	if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0)) {
		diags_add(dl, DIAG_ERROR, name, 1, 1, "UTF-16 text (it starts "
		    "with a byte order mark %s); save it as UTF-8, or convert "
		    "it: iconv -f UTF-16 -t UTF-8", s[0] == '\xff' ? "FF FE" :
		    "FE FF");
		table_free(t);
		return NULL;
	}
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	loader_reset(&p);
	fstart = s;
	ld.fline = l;
	ld.fcol = c;
	while (s < end && !ld.too_big) {
		seg = s;
		while (s < end && !is_delim((unsigned char)*s))
			s++;
		if (s < end)
			s++;
		n = (size_t)(s - seg);
		ld.fields_ended = 0;
		ld.quoted = *fstart == '"';
		done = csv_parse(&p, seg, n, cb_field, cb_row, &ld);
		if (done < n) {
			el = l;
			ec = c;
			advance_pos(seg, done, end, &el, &ec);
			diags_add(dl, DIAG_ERROR, t->name, el, ec, "%s; row skipped",
			    csv_problem(seg, done, n));
			/* Drop the partial row and go on after the line end. */
			ld.row_bad = 1;
			table_end_row(&ld);
			csv_free(&p);
			loader_reset(&p);
			/* Resume after the line holding the error, not the next. */
			s = seg + done;
			while (s < end && *s != '\n' && *s != '\r')
				s++;
			while (s < end && (*s == '\n' || *s == '\r'))
				s++;
			advance_pos(seg, (size_t)(s - seg), end, &l, &c);
			fstart = s;
			ld.fline = l;
			ld.fcol = c;
			continue;
		}
		advance_pos(seg, n, end, &l, &c);
		/*
		 * The next field starts after this segment if one ended here, or
		 * if this was an empty line (or the LF of a CRLF) between rows.
		 */
		if (ld.fields_ended > 0 ||
		    (seg == fstart && n == 1 && (*seg == '\n' || *seg == '\r') &&
		    ld.row_start == t->ncells)) {
			fstart = s;
			ld.fline = l;
			ld.fcol = c;
		}
	}
	ld.fields_ended = 0;
	if (csv_fini(&p, cb_field, cb_row, &ld) != 0) {
		diags_add(dl, DIAG_ERROR, t->name, ld.fline, ld.fcol,
		    "unterminated quoted field; row skipped");
		ld.row_bad = 1;
		table_end_row(&ld);
	}
	csv_free(&p);
	if (ld.too_big) {
		diags_add(dl, DIAG_ERROR, t->name, 0, 0,
		    "file too large (4 GiB of text at most)");
		table_free(t);
		return NULL;
	}
	/*
	 * Without its header a table means nothing: the next row must not
	 * stand in for it.  The header's problem is already reported.
	 */
	if (ld.header_bad) {
		diags_add(dl, DIAG_ERROR, t->name, 0, 0, "the header line "
		    "cannot be read, so nothing was loaded");
		table_free(t);
		return NULL;
	}
	if (t->nrows_all == 0) {
		diags_add(dl, DIAG_ERROR, t->name, 1, 1,
		    len == 0 ? "empty file: a header line is required" :
		    "no header line");
		table_free(t);
		return NULL;
	}
	t->ncols = t->row_first[1] - t->row_first[0];
	return t;
}

struct table *
table_load_file(const char *path, const char *name, struct diags *dl)
{
	struct table *t;
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd;

	if (name == NULL)
		name = path;
	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd == -1) {
		diags_add(dl, DIAG_ERROR, name, 0, 0, "cannot open: %s",
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || (!S_ISREG(st.st_mode) &&
	    !S_ISFIFO(st.st_mode))) {
		diags_add(dl, DIAG_ERROR, name, 0, 0, "%s",
		    S_ISDIR(st.st_mode) ? "is a directory, not a CSV file" :
		    "not a file (a device or a socket)");
		close(fd);
		return NULL;
	}
	/*
	 * A pipe (accelscope view <(command)) is read to its end.  It was
	 * opened without blocking, so a FIFO nobody writes to reads as
	 * empty instead of waiting for ever.
	 */
	if (S_ISFIFO(st.st_mode))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
		r = read(fd, buf + len, cap - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			diags_add(dl, DIAG_ERROR, name, 0, 0, "cannot read: %s",
			    strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	t = table_load_mem(name, buf, len, dl);
	free(buf);
	return t;
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->row_first);
	free(t->off);
	free(t->line);
	free(t->col);
	free(t->text);
	free(t);
}

const char *
table_name(const struct table *t)
{
	return t->name;
}

size_t
table_ncols(const struct table *t)
{
	return t->ncols;
}

size_t
table_nrows(const struct table *t)
{
	return t->nrows_all - 1;
}

const char *
table_header(const struct table *t, size_t col)
{
	if (col >= t->ncols)
		return NULL;
	return t->text + t->off[t->row_first[0] + col];
}

long
table_column(const struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(table_header(t, i), name) == 0)
			return (long)i;
	return -1;
}

size_t
table_fields(const struct table *t, size_t row)
{
	return t->row_first[row + 2] - t->row_first[row + 1];
}

const char *
table_cell(const struct table *t, size_t row, size_t col)
{
	if (row + 1 >= t->nrows_all || col >= table_fields(t, row))
		return "";
	return t->text + t->off[t->row_first[row + 1] + col];
}

void
table_pos(const struct table *t, size_t row, size_t col, unsigned *line,
    unsigned *column)
{
	size_t r = row + 1, first, n, k;
	const char *s;

	first = t->row_first[r];
	n = t->row_first[r + 1] - first;
	if (col < n) {
		*line = t->line[first + col];
		*column = t->col[first + col];
		return;
	}
	/* Past the end of a short row: just after its last field. */
	k = first + n - 1;
	s = t->text + t->off[k];
	*line = t->line[k];
	*column = t->col[k] + (unsigned)utf8_chars(s, strlen(s));
}
