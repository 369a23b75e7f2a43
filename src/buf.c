/* Growable strings; see buf.h. */
#include "buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void
buf_done(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
buf_take(struct buf *b)
{
	char *s = b->s != NULL ? b->s : xstrdup("");

	buf_init(b);
	return s;
}

static void
buf_grow(struct buf *b, size_t more)
{
	size_t need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xreallocarray(b->s, b->cap, 1);
}

void
buf_putn(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_putn(b, &c, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

void
buf_pad(struct buf *b, char c, size_t n)
{
	buf_grow(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_read_file(const char *path, size_t max, size_t *len, char **why)
{
	struct stat st;
	struct buf b;
	FILE *fp;
	char chunk[4096];
	size_t n;

	*why = NULL;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		*why = xstrdup("not a regular file");
		return NULL;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		*why = xstrdup(strerror(errno));
		return NULL;
	}
	buf_init(&b);
	buf_puts(&b, "");
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + n > max) {
			*why = xasprintf("larger than %zu bytes", max);
			fclose(fp);
			buf_done(&b);
			return NULL;
		}
		buf_putn(&b, chunk, n);
	}
	if (ferror(fp)) {
		*why = xstrdup(strerror(errno));
		fclose(fp);
		buf_done(&b);
		return NULL;
	}
	fclose(fp);
	*len = b.len;
	return buf_take(&b);
}
