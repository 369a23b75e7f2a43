/* UTF-8 decoding, widths and escaping; see utf8.h. */
#include "utf8.h"

#include <string.h>
#include <wchar.h>

#include "buf.h"

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	*cp = s[0];
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((n == 3 && c < 0x800) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		/* ASCII other than NUL, the common case, needs no decoding. */
		while (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, sizeof w);
			/* A byte with its top bit set, or a zero byte. */
			if (((w | ((w - 0x0101010101010101u) & ~w)) &
			    0x8080808080808080u) != 0)
				break;
			i += 8;
		}
		if (i == len)
			break;
		if ((unsigned char)s[i] - 1u < 0x7fu) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || cp == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t
utf8_chars(const char *s, size_t len)
{
	size_t i = 0, n, count = 0;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

int
utf8_is_control(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 1;
	/*
	 * The bidirectional marks, embeddings, overrides and isolates: a
	 * terminal that honours them would show the text around them in
	 * another order than it has ("Trojan Source").  And a byte order
	 * mark inside text, which is invisible and always a mistake.
	 */
	return cp == 0xfeff || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

int
utf8_cp_width(uint32_t cp)
{
	int w;

	if (utf8_is_control(cp)) {
		if (cp == '\n' || cp == '\t' || cp == '\r' || cp == 0x1b)
			return 2;
		return cp >= 0x80 ? 6 : 4;
	}
	if (cp < 0x7f)
		return 1;
	w = wcwidth((wchar_t)cp);
	/* Unknown to the locale (a C locale, say): assume one column. */
	return w < 0 ? 1 : w;
}

static void
escape_byte(struct buf *b, uint32_t c)
{
	switch (c) {
	case '\n':
		buf_puts(b, "\\n");
		break;
	case '\t':
		buf_puts(b, "\\t");
		break;
	case '\r':
		buf_puts(b, "\\r");
		break;
	case 0x1b:
		buf_puts(b, "\\e");
		break;
	default:
		buf_printf(b, "\\x%02X", (unsigned)c & 0xff);
		break;
	}
}

static int ascii_only;

void
utf8_set_ascii(int on)
{
	ascii_only = on;
}

int
utf8_ascii(void)
{
	return ascii_only;
}

/* What stands for cp on a terminal that shows ASCII only. */
static const char *
ascii_for(uint32_t cp)
{
	static const struct {
		uint32_t	 cp;
		const char	*s;
	} tr[] = {
		{ 0x00a0, " " }, { 0x00b0, "deg" }, { 0x00b1, "+/-" },
		{ 0x00b5, "u" }, { 0x00b7, "." }, { 0x00d7, "x" },
		{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2013, "-" },
		{ 0x2014, "-" }, { 0x2018, "'" }, { 0x2019, "'" },
		{ 0x201c, "\"" }, { 0x201d, "\"" }, { 0x2022, "*" },
		{ 0x2026, "..." }, { 0x2192, "->" }, { 0x2190, "<-" },
		{ 0x2248, "~" }, { 0x2264, "<=" }, { 0x2265, ">=" },
		{ 0x2212, "-" }, { 0x25b2, "^" }, { 0x25bc, "v" },
	};
	size_t i;

	for (i = 0; i < sizeof tr / sizeof tr[0]; i++)
		if (tr[i].cp == cp)
			return tr[i].s;
	/* Box drawing: corners and crossings as +, lines as - and |. */
	if (cp >= 0x2500 && cp <= 0x257f) {
		if (cp == 0x2502 || cp == 0x2503 || cp == 0x2551)
			return "|";
		if (cp == 0x2500 || cp == 0x2501 || cp == 0x2550)
			return "-";
		return "+";
	}
	return "?";
}

/* text_escape(), keeping line feeds and tabs when lines is set. */
static char *
escape(const char *s, int lines)
{
	struct buf b;
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;

	buf_init(&b);
	buf_putn(&b, "", 0);
	while (i < len) {
		/* Printable ASCII, most text, goes in a run at a time. */
		for (n = i; n < len && (unsigned char)s[n] >= 0x20 &&
		    (unsigned char)s[n] < 0x7f; n++)
			;
		if (n > i) {
			buf_putn(&b, s + i, n - i);
			i = n;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			/* An invalid byte: show it, not a replacement guess. */
			escape_byte(&b, (unsigned char)s[i]);
			i++;
			continue;
		}
		if (lines && (cp == '\n' || cp == '\t'))
			buf_putn(&b, s + i, n);
		else if (utf8_is_control(cp)) {
			if (cp >= 0x80)
				buf_printf(&b, "\\u%04X", (unsigned)cp);
			else
				escape_byte(&b, cp);
		} else if (ascii_only && cp >= 0x80)
			buf_puts(&b, ascii_for(cp));
		else
			buf_putn(&b, s + i, n);
		i += n;
	}
	return buf_take(&b);
}

char *
text_escape(const char *s)
{
	return escape(s, 0);
}

char *
text_escape_lines(const char *s)
{
	return escape(s, 1);
}

size_t
utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0, n, w = 0;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			w += 4;
			i++;
			continue;
		}
		if (utf8_is_control(cp) && cp >= 0x80)
			w += 6;
		else if (ascii_only && cp >= 0x80)
			w += strlen(ascii_for(cp));
		else
			w += (size_t)utf8_cp_width(cp);
		i += n;
	}
	return w;
}

size_t
utf8_prefix(const char *s, size_t width, size_t *used)
{
	size_t len = strlen(s), i = 0, n, w = 0, cw;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1, cw = 1;
		else
			cw = (size_t)utf8_cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}
