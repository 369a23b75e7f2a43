/*
 * CSV loading through libcsv, with positions.
 *
 * libcsv reports a field only when it ends, and without an offset.  Fields
 * end only at a delimiter, a line end or the end of input, so the loader
 * hands libcsv one segment at a time, each ending just after one of those
 * bytes.  A field reported during a segment started where the previous field
 * ended; that position is tracked as the segments go by.
 *
 * That costs a call into libcsv per field, so only the header and the rows
 * with a problem are read that way.  The others are handed over a line at a
 * time (read_rows()); a table load then finds where their fields start by
 * scanning the bytes libcsv took whole (row_positions()).
 */
/* madvise(MADV_HUGEPAGE), a Linux extension, where there is one. */
#define _DEFAULT_SOURCE
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grid.h"
#include "utf8.h"
#include "xmalloc.h"

struct table {
	char		*name;
	size_t		 ncols;
	/* Rows, the header first: cells [row_first[r], row_first[r + 1]). */
	size_t		*row_first;
	size_t		 nrows_all;
	size_t		 rowcap;
	/*
	 * Cells: offset into text, and position.  A grid load keeps the
	 * offsets in slot instead (8 bytes, to become the grid's pointers)
	 * and positions for the header only.
	 */
	uint32_t	*off;
	uint32_t	*line;
	uint32_t	*col;
	uintptr_t	*slot;
	size_t		 ncells;
	size_t		 cellcap;
	size_t		 hcap;		/* header positions held */
	char		*text;
	size_t		 textlen;
	size_t		 textcap;
	int		 borrowed;	/* arrays and text from table_parts */
};

/* Parse state shared with libcsv's callbacks. */
struct loader {
	struct table	*t;
	struct diags	*dl;
	size_t		 row_start;	/* first cell of the row being read */
	unsigned	 fline;		/* where the current field starts */
	unsigned	 fcol;
	int		 fields_ended;	/* fields reported in this segment */
	int		 row_done;	/* a row ended (or was skipped) */
	int		 redo;		/* the row needs reading again */
	int		 row_bad;	/* the row being read has a problem */
	int		 header_bad;	/* the first row had one */
	int		 quoted;	/* the current field opened quoted */
	int		 too_big;
	/*
	 * A grid load: text is written over the input, which it never
	 * overtakes; rows whose length differs from the header's are
	 * reported here, where the positions are known.
	 */
	int		 grid;
	size_t		 nh;		/* fields in the header */
	size_t		 maxf;		/* the most fields in a row */
	size_t		 nf;		/* fields so far in this row */
	unsigned	 xline, xcol;	/* where field nh of this row starts */
	unsigned	 eline, ecol;	/* just after its last field */
	const struct table_progress *progress;
	int		 cancelled;
};

/*
 * Memory for a big file's bytes.  Where the kernel offers huge pages on
 * request, ask for them: a million-row file is 160 MB, and faulting it in
 * 4 KiB at a time costs about as much as parsing it.
 */
static void
advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t a, e;

	/* The whole 2 MiB pages inside it. */
	a = ((uintptr_t)p + 0x1fffff) & ~(uintptr_t)0x1fffff;
	e = ((uintptr_t)p + n) & ~(uintptr_t)0x1fffff;
	if (n >= (size_t)8 << 20 && e > a)
		madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

static void *
big_alloc(size_t n)
{
	void *p = xmalloc(n);

	advise_huge(p, n);
	return p;
}

/* Room for twice the cells in a grid load, in huge pages where it is big. */
static void
grow_slots(struct table *t)
{
	t->cellcap = t->cellcap ? t->cellcap * 2 : 256;
	t->slot = xreallocarray(t->slot, t->cellcap, sizeof *t->slot);
	advise_huge(t->slot, t->cellcap * sizeof *t->slot);
}

static void
table_add_text(struct loader *ld, const char *s, size_t len)
{
	struct table *t = ld->t;

	if (t->textlen + len + 1 > UINT32_MAX && !ld->grid) {
		ld->too_big = 1;
		return;
	}
	if (t->textlen + len + 1 > t->textcap) {
		/* A grid load's text fits where the input was, always. */
		if (ld->grid)
			die("CSV text outgrew its input");
		while (t->textlen + len + 1 > t->textcap)
			t->textcap = t->textcap ? t->textcap * 2 : 4096;
		t->text = xreallocarray(t->text, t->textcap, 1);
	}
	if (t->ncells == t->cellcap) {
		if (ld->grid)
			grow_slots(t);
		else {
			t->cellcap = t->cellcap ? t->cellcap * 2 : 256;
			t->off = xreallocarray(t->off, t->cellcap,
			    sizeof *t->off);
			t->line = xreallocarray(t->line, t->cellcap,
			    sizeof *t->line);
			t->col = xreallocarray(t->col, t->cellcap,
			    sizeof *t->col);
		}
	}
	if (ld->grid) {
		t->slot[t->ncells] = t->textlen;
		if (t->nrows_all == 0) {
			/* The header's positions, for naming its columns. */
			if (t->ncells == t->hcap) {
				t->hcap = t->hcap ? t->hcap * 2 : 64;
				t->line = xreallocarray(t->line, t->hcap,
				    sizeof *t->line);
				t->col = xreallocarray(t->col, t->hcap,
				    sizeof *t->col);
			}
			t->line[t->ncells] = ld->fline;
			t->col[t->ncells] = ld->fcol;
		}
	} else {
		t->off[t->ncells] = (uint32_t)t->textlen;
		t->line[t->ncells] = ld->fline;
		t->col[t->ncells] = ld->fcol;
	}
	t->ncells++;
	/* In a grid load, s is libcsv's copy: the input may be overwritten. */
	memmove(t->text + t->textlen, s, len);
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
	if (ld->grid) {
		if (ld->nf == ld->nh && ld->t->nrows_all > 0) {
			ld->xline = ld->fline;
			ld->xcol = ld->fcol;
		}
		ld->eline = ld->fline;
		ld->ecol = ld->fcol;	/* plus the field's width if needed */
		ld->nf++;
	}
	table_add_text(ld, f, len);
}

/* Drop the cells of the row being read. */
static void
undo_row(struct loader *ld)
{
	struct table *t = ld->t;

	if (t->ncells > ld->row_start) {
		t->textlen = ld->grid ? t->slot[ld->row_start] :
		    t->off[ld->row_start];
		t->ncells = ld->row_start;
	}
	ld->nf = 0;
}

static void
table_end_row(struct loader *ld)
{
	struct table *t = ld->t;

	if (ld->row_bad) {
		if (t->nrows_all == 0)
			ld->header_bad = 1;
		/* Roll the row back: reported, then left out. */
		undo_row(ld);
		ld->row_bad = 0;
		return;
	}
	if (t->ncells == ld->row_start)
		return;
	if (t->nrows_all == 0)
		ld->nh = t->ncells - ld->row_start;
	if (ld->grid) {
		if (t->nrows_all > 0 && ld->nf < ld->nh) {
			/* Just after the last field: its text is the last. */
			const char *last = t->text + t->slot[t->ncells - 1];

			ld->ecol += (unsigned)utf8_chars(last, strlen(last));
		}
		if (t->nrows_all > 0 && ld->nf != ld->nh)
			diags_add(ld->dl, DIAG_WARNING, t->name,
			    ld->nf < ld->nh ? ld->eline : ld->xline,
			    ld->nf < ld->nh ? ld->ecol : ld->xcol,
			    "row has %zu field%s, the header has %zu; %s",
			    ld->nf, ld->nf == 1 ? "" : "s", ld->nh,
			    ld->nf < ld->nh ? "the rest are empty" :
			    "kept in added columns");
		if (ld->nf > ld->maxf)
			ld->maxf = ld->nf;
	}
	ld->nf = 0;
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
	struct loader *ld = data;

	(void)c;
	ld->row_done = 1;
	table_end_row(ld);
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

/* Where a segment-by-segment parse is: the next byte, and the field's start. */
struct cursor {
	unsigned	 l, c;
	const char	*fstart;
};

/*
 * Parse s[0..end) one segment at a time, each ending just after a byte that
 * can end a field, so that every field's position is known (see the top of
 * the file).  A load reads its header this way, and any row with a
 * problem.  p carries libcsv's state, and cu the
 * position, from one call to the next.  A row with a CSV error is reported
 * and skipped to the end of its line.
 */
static void
segments(struct loader *ld, struct csv_parser *p, const char *s,
    const char *end, struct cursor *cu)
{
	struct table *t = ld->t;
	const char *seg;
	unsigned el, ec, nl, nc;
	size_t n, done;
	int blank;
	char opened[64];

	while (s < end && !ld->too_big) {
		/*
		 * The next segment, up to a delimiter, and where it leaves
		 * the position (as advance_pos() would, in the same pass).
		 * What it says is read before parsing it: a grid load may
		 * write the field that ends here over its bytes.
		 */
		seg = s;
		nl = cu->l;
		nc = cu->c;
		while (s < end && !is_delim((unsigned char)*s)) {
			if (((unsigned char)*s & 0xc0) != 0x80)
				nc++;
			s++;
		}
		if (s < end) {
			if (*s == ',')
				nc++;
			else if (*s == '\n' || s + 1 == end || s[1] != '\n') {
				nl++;
				nc = 1;
			}
			s++;
		}
		n = (size_t)(s - seg);
		ld->fields_ended = 0;
		ld->quoted = *cu->fstart == '"';
		blank = seg == cu->fstart && n == 1 && (*seg == '\n' ||
		    *seg == '\r');
		/*
		 * libcsv grows its field buffer by a block (128 bytes) at a
		 * time: a long field would be copied over and over.  Grow it
		 * by the segment, or by as much as it has, whichever is more.
		 */
		if (n > 4096 || p->entry_size > 4096)
			csv_set_blk_size(p, n > p->entry_size ? n :
			    p->entry_size);
		done = csv_parse(p, seg, n, cb_field, cb_row, ld);
		if (done < n) {
			/* No field ended in this segment: its bytes whole. */
			el = cu->l;
			ec = cu->c;
			advance_pos(seg, done, end, &el, &ec);
			/* A quote left open runs on over lines: say where. */
			opened[0] = '\0';
			if (ld->quoted && ld->fline < el)
				snprintf(opened, sizeof opened, "; the quote "
				    "opened at %u:%u runs on to here",
				    ld->fline, ld->fcol);
			diags_add(ld->dl, DIAG_ERROR, t->name, el, ec,
			    "%s%s; row skipped", csv_problem(seg, done, n),
			    opened);
			/* Drop the partial row and go on after the line end. */
			ld->row_bad = 1;
			table_end_row(ld);
			ld->row_done = 1;
			csv_free(p);
			loader_reset(p);
			/* Resume after the line of the error, not the next. */
			s = seg + done;
			while (s < end && *s != '\n' && *s != '\r')
				s++;
			while (s < end && (*s == '\n' || *s == '\r'))
				s++;
			advance_pos(seg, (size_t)(s - seg), end, &cu->l,
			    &cu->c);
			cu->fstart = s;
			ld->fline = cu->l;
			ld->fcol = cu->c;
			continue;
		}
		cu->l = nl;
		cu->c = nc;
		/*
		 * The next field starts after this segment if one ended
		 * here, or if this was an empty line (or the LF of a CRLF)
		 * between rows.
		 */
		if (ld->fields_ended > 0 || (blank &&
		    ld->row_start == t->ncells)) {
			cu->fstart = s;
			ld->fline = cu->l;
			ld->fcol = cu->c;
		}
	}
}

/*
 * The quick way through a grid load's rows: libcsv gets a line at a time,
 * and fields carry no positions.  A row the header's length with valid text
 * needs none.  Any other (a field too many or too few, bad UTF-8, a CSV
 * error) is undone and read again by segments() from a copy of its bytes,
 * which reports it with positions exactly as a table load would.
 */
static void
cbq_field(void *s, size_t len, void *data)
{
	struct loader *ld = data;
	struct table *t = ld->t;

	if (ld->redo || ++ld->nf > ld->nh) {
		ld->redo = 1;
		return;
	}
	if (!ld->grid) {
		/* Positions come when the row has ended: row_positions(). */
		table_add_text(ld, s != NULL ? s : "", len);
		return;
	}
	if (t->textlen + len + 1 > t->textcap)
		die("CSV text outgrew its input");
	if (t->ncells == t->cellcap)
		grow_slots(t);
	t->slot[t->ncells++] = t->textlen;
	if (len > 0)
		memmove(t->text + t->textlen, s, len);
	t->textlen += len;
	t->text[t->textlen++] = '\0';
}

static void
cbq_row(int c, void *data)
{
	struct loader *ld = data;

	(void)c;
	ld->row_done = 1;
	if (ld->redo || ld->nf != ld->nh)
		ld->redo = 1;
	else
		table_end_row(ld);
}

/*
 * A line without a quote that ends a row, s[0..eol): its fields are what
 * lies between its commas, as libcsv would find them, without its work.
 */
static void
plain_row(struct loader *ld, const char *s, const char *eol)
{
	const char *c;

	for (;;) {
		c = memchr(s, ',', (size_t)(eol - s));
		cbq_field((void *)(uintptr_t)s, (size_t)((c ? c : eol) - s),
		    ld);
		if (c == NULL)
			break;
		s = c + 1;
	}
	cbq_row('\n', ld);
}

/*
 * The cell just added, n bytes from a quoted field with quotes written
 * twice inside: each pair made one, in place.
 */
static void
undouble_last(struct table *t, int grid, size_t n)
{
	char *start = t->text + (grid ? t->slot[t->ncells - 1] :
	    t->off[t->ncells - 1]), *w = start;
	const char *r, *end = start + n;

	for (r = start; r < end; r++) {
		*w++ = *r;
		if (*r == '"')
			r++;
	}
	*w = '\0';
	t->textlen = (size_t)(w - t->text) + 1;
}

/*
 * A line with quotes that ends a row, s[0..eol): read as plain_row() reads
 * one without, when each field is either quoted, with a comma or the line's
 * end after it, or has no quote at all.  Returns 0, having read nothing,
 * for any other: libcsv reads it.
 */
static int
quoted_row(struct loader *ld, const char *s, const char *eol)
{
	const char *p, *q, *f, *e;
	size_t n, had;
	int pass, last, twice;

	/*
	 * First see that every field is plain; then read them.  A grid
	 * load writes each field's text over its bytes, up to the comma
	 * after it, so nothing is read there once it is written.
	 */
	for (pass = 0; pass < 2; pass++) {
		for (p = s;; p = e + 1) {
			twice = 0;
			if (p < eol && *p == '"') {
				for (q = p + 1;; q += 2) {
					q = memchr(q, '"', (size_t)(eol - q));
					if (q == NULL)
						return 0;
					if (q + 1 == eol || q[1] != '"')
						break;
					twice = 1;
				}
				f = p + 1;
				e = q + 1;
				n = (size_t)(q - f);
			} else {
				q = memchr(p, ',', (size_t)(eol - p));
				e = q != NULL ? q : eol;
				if (memchr(p, '"', (size_t)(e - p)) != NULL)
					return 0;
				f = p;
				n = (size_t)(e - p);
			}
			if (e < eol && *e != ',')
				return 0;
			last = e == eol;
			if (pass) {
				had = ld->t->ncells;
				cbq_field((void *)(uintptr_t)f, n, ld);
				if (twice && ld->t->ncells > had)
					undouble_last(ld->t, ld->grid, n);
			}
			if (last)
				break;
		}
	}
	cbq_row('\n', ld);
	return 1;
}

/* Characters in s[0..n), valid UTF-8: the bytes that do not go on one. */
static unsigned
chars_in(const char *s, size_t n)
{
	size_t i, cont = 0;
	uint64_t w;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, sizeof w);
		/* 10xxxxxx: the top bit set, the next clear; summed. */
		w = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
		cont += (size_t)((w * 0x0101010101010101u) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return (unsigned)(n - cont);
}

/*
 * The positions of a table load's row read the quick way, cells first..
 * from its bytes s[0..n), which start a line.  libcsv took them whole, so
 * each field is quoted (a quote inside written twice) or runs to the next
 * comma or line end.
 */
static void
row_positions(struct table *t, size_t first, const char *s, size_t n,
    unsigned line)
{
	const char *end = s + n, *f, *q;
	unsigned l = line, c = 1;
	size_t i, len;

	for (i = first; i < t->ncells; i++) {
		t->line[i] = l;
		t->col[i] = c;
		f = s;
		if (s < end && *s == '"') {
			for (s++;
			    (q = memchr(s, '"', (size_t)(end - s))) != NULL;
			    s = q + 2)
				if (q + 1 == end || q[1] != '"')
					break;
			s = q != NULL ? q + 1 : end;
			if (memchr(f, '\n', (size_t)(s - f)) != NULL ||
			    memchr(f, '\r', (size_t)(s - f)) != NULL) {
				advance_pos(f, (size_t)(s - f), end, &l, &c);
				f = s;
			}
		} else {
			/* Unquoted, the field is its cell's text. */
			len = (i + 1 < t->ncells ? t->off[i + 1] :
			    t->textlen) - t->off[i] - 1;
			if (len <= (size_t)(end - s) && (len == (size_t)(end -
			    s) || s[len] == ',' || s[len] == '\n' ||
			    s[len] == '\r'))
				s += len;
			else
				while (s < end && *s != ',' && *s != '\n' &&
				    *s != '\r')
					s++;
		}
		/* On one line: a column per character (the text is UTF-8). */
		c += chars_in(f, (size_t)(s - f));
		if (s < end && *s == ',') {
			s++;
			c++;
		}
	}
}

/*
 * Undo the row being read the quick way, and read its bytes again, copy[0..n)
 * from line `line`, segment by segment.  Returns whether it is still open.
 */
static int
replay(struct loader *ld, struct csv_parser *p, const char *copy, size_t n,
    unsigned line, struct cursor *cu)
{
	undo_row(ld);
	ld->redo = 0;
	csv_free(p);
	loader_reset(p);
	cu->l = line;
	cu->c = 1;
	cu->fstart = copy;
	ld->fline = line;
	ld->fcol = 1;
	ld->row_done = 0;
	segments(ld, p, copy, copy + n, cu);
	return !ld->row_done;
}

/* See table.h. */
int table_quick = 1;

/*
 * A load's rows, s[0..end), a line at a time: quickly where it can, segment
 * by segment for the header and the rows that need it.  Returns 0, or -1
 * when progress cancelled.
 */
static int
read_rows(struct loader *ld, struct csv_parser *p, const char *buf,
    const char *s, const char *end, struct cursor *cu)
{
	struct table *t = ld->t;
	const struct table_progress *pr = ld->progress;
	const char *q, *lf = NULL, *cr, *rs = s, *eol;
	char *copy = NULL;		/* a grid load's row's bytes */
	size_t ncopy = 0;		/* the row's length so far */
	size_t n, copycap = 0, done, next_report = 0, first;
	unsigned row_line = 1;
	int open = 0, slow = 1, sized = 0;

	while (s < end && !ld->too_big) {
		if (pr != NULL && (size_t)(s - buf) >= next_report) {
			if (pr->fn(pr->arg, (size_t)(s - buf),
			    (size_t)(end - buf)) != 0) {
				free(copy);
				ld->cancelled = 1;
				return -1;
			}
			next_report = (size_t)(s - buf) + pr->every;
		}
		/*
		 * The next line: up to an LF, a CRLF or a lone CR.  Where
		 * the next LF is, is kept: a file of lone CRs has none.
		 */
		if (lf != end && (lf == NULL || lf < s))
			if ((lf = memchr(s, '\n', (size_t)(end - s))) == NULL)
				lf = end;
		q = lf;
		if ((cr = memchr(s, '\r', (size_t)(q - s))) != NULL)
			q = cr + 1 < end && cr[1] == '\n' ? cr + 1 : cr;
		q = q < end ? q + 1 : end;
		n = (size_t)(q - s);
		if (!open) {
			/* libcsv skips empty lines between rows. */
			if (*s == '\n' || *s == '\r') {
				advance_pos(s, n, end, &cu->l, &cu->c);
				s = q;
				continue;
			}
			cu->fstart = rs = s;
			ld->fline = row_line = cu->l;
			ld->fcol = cu->c;
			ncopy = 0;
		}
		if (slow) {
			ld->row_done = 0;
			segments(ld, p, s, q, cu);
			open = !ld->row_done;
			slow = open || t->nrows_all == 0 || !table_quick;
			s = q;
			continue;
		}
		/*
		 * Once a little has been read, room for the cells that the
		 * rest will likely hold: grown by doubling, a big file's
		 * slots would be copied several times over.
		 */
		if (ld->grid && !sized &&
		    (size_t)(s - buf) >= ((size_t)1 << 18)) {
			double est = (double)t->ncells * (double)(end - buf) /
			    (double)(s - buf) * 1.05 + 1024;

			sized = 1;
			if (est > (double)t->cellcap && est < (double)SIZE_MAX /
			    (2 * sizeof *t->slot)) {
				t->cellcap = (size_t)est;
				t->slot = xreallocarray(t->slot, t->cellcap,
				    sizeof *t->slot);
				advise_huge(t->slot, t->cellcap *
				    sizeof *t->slot);
			}
		}
		/*
		 * A grid load's row is kept before parsing: its text may be
		 * written over it.  A table load's stays where it is, at rs.
		 */
		if (ld->grid) {
			if (ncopy + n > copycap) {
				copycap = ncopy + n > 2 * copycap ? ncopy + n :
				    2 * copycap;
				copy = xreallocarray(copy, copycap, 1);
			}
			memcpy(copy + ncopy, s, n);
		}
		ncopy += n;
		if (n > 4096 || p->entry_size > 4096)
			csv_set_blk_size(p, n > p->entry_size ? n :
			    p->entry_size);
		ld->row_done = 0;
		/* Without a line end, the last line: csv_fini() ends it. */
		ld->redo = q[-1] != '\n' && q[-1] != '\r';
		first = ld->row_start;
		/* Where the text ends, before its CR, LF or CRLF (if any). */
		eol = q - (n >= 2 && q[-2] == '\r' && q[-1] == '\n' ? 2 : 1);
		if (!utf8_valid(s, n, NULL))
			done = 0;
		else if (!open && !ld->redo && memchr(s, '"', n) == NULL) {
			plain_row(ld, s, eol);
			done = n;
		} else if (!open && !ld->redo && quoted_row(ld, s, eol))
			done = n;
		else
			done = csv_parse(p, s, n, cbq_field, cbq_row, ld);
		s = q;
		if (ld->too_big)
			break;
		if (done == n && !ld->redo) {
			open = !ld->row_done;
			if (!ld->grid && !open)
				row_positions(t, first, rs, (size_t)(q - rs),
				    row_line);
			cu->l++;
			continue;
		}
		/* A row still open goes on the slow way; the copy stays. */
		open = slow = replay(ld, p, ld->grid ? copy : rs, ncopy,
		    row_line, cu);
	}
	/* An open quote at the end: csv_fini() says where it opened. */
	if (open && !slow)
		replay(ld, p, ld->grid ? copy : rs, ncopy, row_line, cu);
	free(copy);
	return 0;
}

/*
 * Parse buf[0..len) into t.  In a grid load (ld->grid) buf is t->text and
 * the text is written over it.  Returns 0, or -1 with t to be freed: a
 * diagnostic says why, or ld->cancelled is set.
 */
static int
parse(struct table *t, struct loader *ld, const char *buf, size_t len)
{
	struct csv_parser p;
	struct diags *dl = ld->dl;
	const char *s = buf, *end = buf + len;
	struct cursor cu;

	if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0)) {
		diags_add(dl, DIAG_ERROR, t->name, 1, 1, "UTF-16 text (it "
		    "starts with a byte order mark %s); save it as UTF-8, or "
		    "convert it: iconv -f UTF-16 -t UTF-8", s[0] == '\xff' ?
		    "FF FE" : "FE FF");
		return -1;
	}
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	/* A table's text, a NUL for each delimiter, is no longer than buf. */
	if (!ld->grid && len < UINT32_MAX) {
		t->textcap = len + 2;
		t->text = xmalloc(t->textcap);
	}
	loader_reset(&p);
	cu.l = cu.c = 1;
	cu.fstart = s;
	ld->fline = 1;
	ld->fcol = 1;
	if (read_rows(ld, &p, buf, s, end, &cu) != 0) {
		csv_free(&p);
		return -1;
	}
	ld->fields_ended = 0;
	if (csv_fini(&p, cb_field, cb_row, ld) != 0) {
		diags_add(dl, DIAG_ERROR, t->name, ld->fline, ld->fcol,
		    "unterminated quoted field; row skipped");
		ld->row_bad = 1;
		table_end_row(ld);
	}
	csv_free(&p);
	if (ld->too_big) {
		diags_add(dl, DIAG_ERROR, t->name, 0, 0,
		    "file too large (4 GiB of text at most)");
		return -1;
	}
	/*
	 * Without its header a table means nothing: the next row must not
	 * stand in for it.  The header's problem is already reported.
	 */
	if (ld->header_bad) {
		diags_add(dl, DIAG_ERROR, t->name, 0, 0, "the header line "
		    "cannot be read, so nothing was loaded");
		return -1;
	}
	if (t->nrows_all == 0) {
		diags_add(dl, DIAG_ERROR, t->name, 1, 1,
		    len == 0 ? "empty file: a header line is required" :
		    "no header line");
		return -1;
	}
	t->ncols = t->row_first[1] - t->row_first[0];
	return 0;
}

struct table *
table_load_mem(const char *name, const char *buf, size_t len,
    struct diags *dl)
{
	struct loader ld;
	struct table *t;

	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	memset(&ld, 0, sizeof ld);
	ld.t = t;
	ld.dl = dl;
	if (parse(t, &ld, buf, len) != 0) {
		table_free(t);
		return NULL;
	}
	return t;
}

/*
 * Read the file at path into a buffer with room for slack more bytes.
 * Returns it and its length, or NULL with a diagnostic under name.
 */
static char *
read_file(const char *path, const char *name, size_t slack, size_t *lenp,
    const struct table_progress *pr, int *cancelled, struct diags *dl)
{
	struct stat st;
	char *buf;
	size_t len = 0, cap;
	ssize_t r;
	int fd;

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
	buf = big_alloc(cap + slack);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			buf = xreallocarray(buf, cap + slack, 1);
		}
		r = read(fd, buf + len, cap - len);
		/*
		 * A pipe may keep us waiting: a signal (Ctrl-C) interrupts
		 * the read, and the progress function may then cancel.
		 */
		if (pr != NULL && (r > 0 || (r == -1 && errno == EINTR)) &&
		    pr->fn(pr->arg, len, 0) != 0) {
			*cancelled = 1;
			free(buf);
			close(fd);
			return NULL;
		}
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
	*lenp = len;
	return buf;
}

/*
 * Is s a decimal number, as a CSV of figures writes them: an optional sign,
 * digits with at most one point, an optional exponent, spaces around?
 * Quicker than strtod(), and without its hex, inf and nan.
 */
static int
is_decimal(const char *s)
{
	int digits = 0, exp;

	while (*s == ' ')
		s++;
	if (*s == '+' || *s == '-')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (digits == 0)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		/* Three digits at most, and below 300: finite as a double. */
		for (exp = 0, digits = 0; *s >= '0' && *s <= '9'; s++)
			if (++digits <= 3)
				exp = exp * 10 + (*s - '0');
		if (digits == 0 || digits > 3 || exp >= 300)
			return 0;
	}
	while (*s == ' ')
		s++;
	return *s == '\0';
}

/* Column name for header cell c of t: unique among names[0..c). */
static char *
column_name(const struct table *t, size_t c, char **names, struct diags *dl)
{
	const char *h = c < t->ncols ? t->text + t->slot[c] : "";
	unsigned line = c < t->ncols ? t->line[c] : 0;
	unsigned col = c < t->ncols ? t->col[c] : 0;
	char *name;
	size_t i, k, first = 0;

	if (*h == '\0') {
		name = xasprintf("column_%zu", c + 1);
		if (c < t->ncols)
			diags_add(dl, DIAG_WARNING, t->name, line, col,
			    "column %zu has no name; called %s", c + 1, name);
	} else
		name = xstrdup(h);
	for (k = 2;; k++) {
		for (i = 0; i < c; i++)
			if (strcmp(names[i], name) == 0)
				break;
		if (i == c)
			break;
		if (k == 2)
			first = i;
		free(name);
		name = xasprintf("%s_%zu", *h ? h : "column", k);
	}
	/* Said with the name it ends up with, not the first one tried. */
	if (k > 2 && *h != '\0')
		diags_add(dl, DIAG_WARNING, t->name, line, col, "column name "
		    "\"%s\" repeats column %zu; called %s", h, first + 1, name);
	return name;
}

/* A slot turns into a pointer where it lies. */
_Static_assert(sizeof(uintptr_t) == sizeof(char *), "a slot holds a pointer");

struct grid *
table_load_grid(const char *path, const char *name,
    const struct table_progress *pr, int *cancelled, struct diags *dl)
{
	char *buf;
	size_t len;

	*cancelled = 0;
	if (name == NULL)
		name = path;
	/* One byte more than the input: a last field with no line end. */
	if ((buf = read_file(path, name, 16, &len, pr, cancelled, dl)) ==
	    NULL)
		return NULL;
	return table_grid_buf(name, buf, len, len + 16, pr, cancelled, dl);
}

struct grid *
table_grid_buf(const char *name, char *buf, size_t len, size_t cap,
    const struct table_progress *pr, int *cancelled, struct diags *dl)
{
	struct loader ld;
	struct table *t;
	struct grid *g;
	char **cells, **names;
	size_t nr, nc, r, c, k, first, nf;
	int *number;

	*cancelled = 0;
	t = xcalloc(1, sizeof *t);
	t->name = xstrdup(name);
	t->text = buf;
	t->textcap = cap;
	memset(&ld, 0, sizeof ld);
	ld.t = t;
	ld.dl = dl;
	ld.grid = 1;
	ld.progress = pr;
	if (parse(t, &ld, t->text, len) != 0) {
		*cancelled = ld.cancelled;
		table_free(t);
		return NULL;
	}
	nr = t->nrows_all - 1;
	nc = ld.maxf > t->ncols ? ld.maxf : t->ncols;
	names = xcalloc(nc ? nc : 1, sizeof *names);
	for (c = 0; c < nc; c++)
		names[c] = column_name(t, c, names, dl);
	/*
	 * The cells, row by row, as pointers, and which columns hold numbers:
	 * a number column's every non-empty cell is a number, and one is.
	 * Where every row is as long as the header, the offsets are already
	 * in place past the header's, and turn into pointers where they lie.
	 */
	number = xcalloc(nc ? nc : 1, sizeof *number);
	for (c = 0; c < nc; c++)
		number[c] = -1;
	first = t->row_first[1];
	if (nr * nc == t->ncells - first)
		cells = (char **)(void *)t->slot;
	else
		cells = xcalloc(nr * nc > 0 ? nr * nc : 1, sizeof *cells);
	for (r = 0; r < nr; r++) {
		k = t->row_first[r + 1];
		nf = t->row_first[r + 2] - k;
		for (c = 0; c < nf; c++) {
			char *v = t->text + t->slot[k + c];

			cells[r * nc + c] = v;
			if (number[c] != 0 && *v != '\0')
				number[c] = is_decimal(v);
		}
	}
	if (cells == (char **)(void *)t->slot)
		t->slot = NULL;
	g = grid_adopt(nc, nr, cells, t->text, t->textcap);
	t->text = NULL;
	table_free(t);
	for (c = 0; c < nc; c++) {
		grid_column(g, c, names[c], number[c] == 1 ? GRID_NUMBER :
		    GRID_TEXT);
		free(names[c]);
	}
	free(names);
	free(number);
	return g;
}

struct table *
table_load_file(const char *path, const char *name, struct diags *dl)
{
	struct table *t;
	char *buf;
	size_t len;

	if (name == NULL)
		name = path;
	if ((buf = read_file(path, name, 0, &len, NULL, NULL, dl)) == NULL)
		return NULL;
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
	if (t->borrowed) {
		free(t);
		return;
	}
	free(t->row_first);
	free(t->off);
	free(t->line);
	free(t->col);
	free(t->slot);
	free(t->text);
	free(t);
}

char *
table_take_text(struct table *t)
{
	char *text = t->borrowed ? NULL : t->text;

	if (!t->borrowed)
		t->text = NULL;
	return text;
}

struct table *
table_from_parts(const char *name, const struct table_parts *p)
{
	struct table *t = xcalloc(1, sizeof *t);

	/* Never written through: borrowed marks them so. */
	t->name = xstrdup(name);
	t->text = (char *)(uintptr_t)p->text;
	t->textlen = p->textlen;
	t->off = (uint32_t *)(uintptr_t)p->off;
	t->line = (uint32_t *)(uintptr_t)p->line;
	t->col = (uint32_t *)(uintptr_t)p->col;
	t->ncells = p->ncells;
	t->row_first = (size_t *)(uintptr_t)p->row_first;
	t->nrows_all = p->nrows;
	t->ncols = p->nrows > 0 ? p->row_first[1] - p->row_first[0] : 0;
	t->borrowed = 1;
	return t;
}

void
table_get_parts(const struct table *t, struct table_parts *p)
{
	memset(p, 0, sizeof *p);
	p->text = t->text;
	p->textlen = t->textlen;
	p->off = t->off;
	p->line = t->line;
	p->col = t->col;
	p->ncells = t->ncells;
	p->row_first = t->row_first;
	p->nrows = t->nrows_all;
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
