/*
 * A growable byte string.  Formatting code in the core builds its results in
 * a buf and hands the string to the caller, who decides where it goes.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

#include "xmalloc.h"

struct buf {
	char	*s;	/* always NUL-terminated once anything is added */
	size_t	 len;
	size_t	 cap;
};

void buf_init(struct buf *b);
void buf_done(struct buf *b);
/* Hand the string over (never NULL); the buf is empty again.  Caller frees. */
char *buf_take(struct buf *b);
void buf_reset(struct buf *b);
void buf_putc(struct buf *b, char c);
void buf_putn(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) PRINTFLIKE(2, 3);
/* Append n copies of c. */
void buf_pad(struct buf *b, char c, size_t n);

/*
 * The whole of the regular file at path, at most max bytes, NUL-ended,
 * with its length in *len.  Caller frees.  NULL with *why (caller frees)
 * when it is not a regular file, cannot be read, or is larger.
 */
char *buf_read_file(const char *path, size_t max, size_t *len, char **why);

#endif
