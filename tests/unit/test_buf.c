/*
 * buf.c: growth, formatting, padding and handing the string over.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"

static void
test_empty(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	s = buf_take(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	buf_done(&b);
}

static void
test_append(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "ab");
	buf_putc(&b, 'c');
	buf_putn(&b, "defXYZ", 3);
	buf_pad(&b, '.', 3);
	buf_printf(&b, "%d-%s", 42, "x");
	assert_int_equal(b.len, strlen("abcdef...42-x"));
	s = buf_take(&b);
	assert_string_equal(s, "abcdef...42-x");
	assert_int_equal(b.len, 0);
	free(s);
	buf_puts(&b, "again");
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	buf_done(&b);
}

static void
test_growth(void **state)
{
	struct buf b;
	size_t i;
	char big[5000];

	(void)state;
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_init(&b);
	for (i = 0; i < 100; i++)
		buf_printf(&b, "%s", big);
	assert_int_equal(b.len, 100 * (sizeof(big) - 1));
	assert_int_equal(b.s[b.len], '\0');
	assert_int_equal(b.s[b.len - 1], 'q');
	buf_done(&b);
}

static void
test_read_file(void **state)
{
	char path[] = "/tmp/accelscope-buf-XXXXXX", *t, *why;
	size_t len = 99;
	FILE *fp;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fwrite("a\0b\n", 1, 4, fp);
	fclose(fp);
	t = buf_read_file(path, 4, &len, &why);
	assert_non_null(t);
	assert_null(why);
	assert_int_equal(len, 4);
	assert_memory_equal(t, "a\0b\n", 5);
	free(t);
	/* One byte over the limit: refused whole. */
	assert_null(buf_read_file(path, 3, &len, &why));
	assert_string_equal(why, "larger than 3 bytes");
	free(why);
	remove(path);
	assert_null(buf_read_file(path, 3, &len, &why));
	assert_string_equal(why, "No such file or directory");
	free(why);
	assert_null(buf_read_file("/tmp", 3, &len, &why));
	assert_string_equal(why, "not a regular file");
	free(why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_read_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
