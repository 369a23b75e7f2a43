/*
 * utf8.c: decoding, validation, display width, escaping of control
 * characters and width-limited prefixes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

static void
test_decode(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;	/* bytes used; 0 for invalid */
		uint32_t	 cp;
	} cases[] = {
		{ "A", 1, 0x41 },
		{ "\xc3\xa9", 2, 0xe9 },		/* é */
		{ "\xe6\x9d\xb1", 3, 0x6771 },		/* 東 */
		{ "\xf0\x9f\x98\x80", 4, 0x1f600 },	/* emoji */
		{ "\xc3", 0, 0xc3 },			/* truncated */
		{ "\xc0\xaf", 0, 0xc0 },		/* overlong */
		{ "\xed\xa0\x80", 0, 0xed },		/* surrogate */
		{ "\xf4\x90\x80\x80", 0, 0xf4 },	/* beyond U+10FFFF */
		{ "\x80", 0, 0x80 },			/* lone continuation */
		{ "\xff", 0, 0xff },
	};
	size_t i;
	uint32_t cp;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cp = 0;
		assert_int_equal(utf8_decode(cases[i].s, strlen(cases[i].s),
		    &cp), cases[i].n);
		assert_int_equal(cp, cases[i].cp);
	}
}

static void
test_valid(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_int_equal(utf8_valid("plain \xe6\x9d\xb1", 9, &bad), 1);
	assert_int_equal(utf8_valid("ab\xffz", 4, &bad), 0);
	assert_int_equal(bad, 2);
	assert_int_equal(utf8_valid("ab\0c", 4, &bad), 0);
	assert_int_equal(bad, 2);
	assert_int_equal(utf8_chars("a\xe6\x9d\xb1z", 5), 3);
	assert_int_equal(utf8_chars("a\xffz", 3), 3);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width("\xe6\x9d\xb1\xe4\xba\xac"), 4);
	assert_int_equal(utf8_width("e\xcc\x81"), 1);	/* combining acute */
	assert_int_equal(utf8_width("a\tb"), 4);	/* a\tb */
	assert_int_equal(utf8_width("\x1b[31m"), 6);	/* \e[31m */
	assert_int_equal(utf8_cp_width(0x7f), 4);	/* \x7f */
	assert_int_equal(utf8_is_control(0x9b), 1);	/* C1 CSI */
	assert_int_equal(utf8_is_control(0x41), 0);
	assert_int_equal(utf8_cp_width(0x9b), 6);	/* \u009B */
	/* Bidirectional overrides and isolates are escaped too. */
	assert_int_equal(utf8_is_control(0x202e), 1);
	assert_int_equal(utf8_is_control(0x2066), 1);
	assert_int_equal(utf8_is_control(0x200f), 1);
	assert_int_equal(utf8_is_control(0x2010), 0);	/* a hyphen */
}

static void
test_escape(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "plain", "plain" },
		{ "two\nlines", "two\\nlines" },
		{ "tab\there", "tab\\there" },
		{ "cr\r", "cr\\r" },
		{ "\x1b]0;title\x07", "\\e]0;title\\x07" },
		{ "bad\xff byte", "bad\\xFF byte" },
		{ "\xc2\x9b" "2J", "\\u009B2J" },
		{ "abc\xe2\x80\xae" "def", "abc\\u202Edef" },	/* RLO */
		{ "\x1bP1$r\x1b\\", "\\eP1$r\\e\\" },		/* DCS */
		{ "\xe6\x9d\xb1\xe4\xba\xac", "\xe6\x9d\xb1\xe4\xba\xac" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = text_escape(cases[i].in);
		assert_string_equal(s, cases[i].out);
		assert_int_equal(utf8_width(s), utf8_width(cases[i].in));
		free(s);
	}
}

static void
test_escape_lines(void **state)
{
	char *s;

	(void)state;
	/* Line feeds and tabs stay; a CR, which could overwrite, does not. */
	s = text_escape_lines("a,b\tc\nd\x1b[2J\re\xe2\x80\xae");
	assert_string_equal(s, "a,b\tc\nd\\e[2J\\re\\u202E");
	free(s);
}

static void
test_prefix(void **state)
{
	size_t used;
	const char *s = "a\xe6\x9d\xb1" "b";	/* widths 1, 2, 1 */

	(void)state;
	assert_int_equal(utf8_prefix(s, 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(utf8_prefix(s, 1, &used), 1);
	assert_int_equal(used, 1);
	/* Never half a wide character. */
	assert_int_equal(utf8_prefix(s, 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(utf8_prefix(s, 3, &used), 4);
	assert_int_equal(used, 3);
	assert_int_equal(utf8_prefix(s, 80, &used), 5);
	assert_int_equal(used, 4);
}

static void
test_emoji_cjk(void **state)
{
	size_t used;
	/* A CJK pair, a flag-free emoji, a full-width Latin letter. */
	const char *s = "\xe4\xb8\xad\xe6\x96\x87" "\xf0\x9f\x9a\x80"
	    "\xef\xbc\xa1x";

	(void)state;
	assert_int_equal(utf8_cp_width(0x1f680), 2);	/* rocket */
	assert_int_equal(utf8_cp_width(0xff21), 2);	/* full-width A */
	assert_int_equal(utf8_cp_width(0x0301), 0);	/* combining */
	assert_int_equal(utf8_width(s), 9);
	/* Each cut lands between characters, never in one. */
	assert_int_equal(utf8_prefix(s, 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(utf8_prefix(s, 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_prefix(s, 6, &used), 10);
	assert_int_equal(used, 6);
	assert_int_equal(utf8_prefix(s, 7, &used), 10);
	assert_int_equal(used, 6);
	assert_int_equal(utf8_prefix(s, 9, &used), 14);
	assert_int_equal(used, 9);
}

static void
test_ascii(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "\xc3\x97" "2.5 \xe2\x89\x88", "x2.5 ~" },
		{ "\xe2\x80\x94", "-" },
		{ "\xc2\xb1" "5%", "+/-5%" },
		{ "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x82", "+-|" },
		{ "Caf\xc3\xa9 \xe6\x9d\xb1", "Caf? ?" },
		{ "\x1b[2J", "\\e[2J" },
		{ "bad\xff", "bad\\xFF" },
	};
	size_t i;
	char *e;

	(void)state;
	assert_int_equal(utf8_ascii(), 0);
	utf8_set_ascii(1);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		e = text_escape(cases[i].in);
		assert_string_equal(e, cases[i].out);
		/* Widths agree with what is shown. */
		assert_int_equal(utf8_width(cases[i].in), strlen(e));
		free(e);
	}
	utf8_set_ascii(0);
	e = text_escape("\xc3\x97");
	assert_string_equal(e, "\xc3\x97");
	free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_escape_lines),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_emoji_cjk),
		cmocka_unit_test(test_ascii),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
