/*
 * UTF-8 text as a terminal shows it: decoding, display width, and making
 * untrusted text safe to show.  Widths come from wcwidth(3) and so follow the
 * locale's LC_CTYPE; the program sets a UTF-8 locale at start-up.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one character from s (at most len bytes).  Returns the number of
 * bytes used (1-4) and sets *cp, or returns 0 for an invalid or truncated
 * sequence (then *cp is the first byte).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * 1 if s[0..len) is valid UTF-8 with no NUL byte.  Otherwise 0, with *bad set
 * to the offset of the first bad byte.
 */
int utf8_valid(const char *s, size_t len, size_t *bad);

/* Number of characters in s[0..len); an invalid byte counts as one. */
size_t utf8_chars(const char *s, size_t len);

/*
 * 1 if the character needs escaping before it reaches a terminal: C0
 * controls, DEL, C1 controls, the bidirectional formatting characters
 * (which reorder what is shown around them) and U+FEFF.
 */
int utf8_is_control(uint32_t cp);

/*
 * Display width of one character: 0, 1 or 2.  Controls count as the width of
 * their escaped form (2, 4 or 6), see text_escape().
 */
int utf8_cp_width(uint32_t cp);

/* Display width of s once escaped by text_escape(). */
size_t utf8_width(const char *s);

/*
 * ASCII-only mode, for a terminal whose locale is not UTF-8: text_escape()
 * then shows symbols as ASCII stand-ins (x for the multiplication sign, ~
 * for almost equal, - for dashes, +-| for box drawing) and any other
 * non-ASCII character as '?', and utf8_width() counts them so.  Off by
 * default.
 */
void utf8_set_ascii(int on);
int utf8_ascii(void);

/*
 * s with every control character and invalid byte shown as a visible escape
 * (\n, \t, \r, \e, \xHH), so that data can never drive the terminal.
 * Caller frees.
 */
char *text_escape(const char *s);
/*
 * text_escape() for text made of lines (CSV, say) on its way to a
 * terminal: line feeds and tabs stay as they are.  Caller frees.
 */
char *text_escape_lines(const char *s);

/*
 * The longest prefix of s (already escaped) whose display width is at most
 * width, never splitting a character.  Returns its length in bytes and sets
 * *used to its width.
 */
size_t utf8_prefix(const char *s, size_t width, size_t *used);

#endif
