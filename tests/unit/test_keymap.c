/*
 * keymap.c: one table drives dispatch, help and the man page.  This test
 * fails when the KEYS section of man/accelscope.1 and the table drift.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keymap.h"

#ifndef MANPAGE
#define MANPAGE "man/accelscope.1"
#endif

static void
test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keymap_lookup("j"), ACT_DOWN);
	assert_int_equal(keymap_lookup("Down"), ACT_DOWN);
	assert_int_equal(keymap_lookup("C-f"), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup("Enter"), ACT_ENTER);
	assert_int_equal(keymap_lookup("q"), ACT_CLOSE);
	assert_int_equal(keymap_lookup("no-such-key"), ACT_NONE);
}

static void
test_unique(void **state)
{
	const struct keybind *k;
	size_t n, i, j, a, b;

	(void)state;
	k = keymap_table(&n);
	for (i = 0; i < n; i++) {
		assert_non_null(k[i].keys[0]);
		assert_true(strlen(k[i].help) > 0);
		for (a = 0; a < KEYMAP_MAXKEYS && k[i].keys[a]; a++)
			for (j = 0; j < n; j++)
				for (b = 0; b < KEYMAP_MAXKEYS && k[j].keys[b];
				    b++)
					if ((i != j || a != b) &&
					    strcmp(k[i].keys[a],
					    k[j].keys[b]) == 0)
						fail_msg("%s bound twice",
						    k[i].keys[a]);
	}
}

/* The keys of the man page's KEYS section, "|"-joined per .It line. */
static size_t
man_keys(char lines[][64], size_t max)
{
	FILE *fp = fopen(MANPAGE, "r");
	char buf[512], *p, *q;
	int in = 0;
	size_t n = 0;

	assert_non_null(fp);
	while (fgets(buf, sizeof buf, fp) != NULL) {
		buf[strcspn(buf, "\n")] = '\0';
		if (strncmp(buf, ".Sh ", 4) == 0) {
			in = strcmp(buf, ".Sh KEYS") == 0;
			continue;
		}
		if (!in || strncmp(buf, ".It ", 4) != 0)
			continue;
		assert_true(n < max);
		lines[n][0] = '\0';
		/* The action's name, in "Pq Ic name", comes first. */
		if ((p = strstr(buf, "Pq Ic ")) != NULL) {
			strcat(lines[n], p + 6);
			strcat(lines[n], "=");
			*p = '\0';
		}
		for (p = buf + 4; (p = strstr(p, "Cm ")) != NULL; p = q) {
			p += 3;
			if (strncmp(p, "\\&", 2) == 0)
				p += 2;
			q = p + strcspn(p, " ");
			if (lines[n][0] != '\0' &&
			    lines[n][strlen(lines[n]) - 1] != '=')
				strcat(lines[n], "|");
			strncat(lines[n], p, (size_t)(q - p));
		}
		n++;
	}
	fclose(fp);
	return n;
}

static void
test_man_page(void **state)
{
	char man[64][64], want[64];
	const struct keybind *k;
	size_t n, nman, i, j;

	(void)state;
	k = keymap_table(&n);
	nman = man_keys(man, 64);
	assert_int_equal(nman, n);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof want, "%s=", k[i].name);
		for (j = 0; j < KEYMAP_MAXKEYS && k[i].keys[j]; j++) {
			if (j)
				strcat(want, "|");
			strcat(want, k[i].keys[j]);
		}
		assert_string_equal(man[i], want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_unique),
		cmocka_unit_test(test_man_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
