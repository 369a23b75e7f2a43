/*
 * export.c: formats by extension, atomic writes that never clobber or
 * leave debris, base64 and OSC 52.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export.h"
#include "grid.h"
#include "xmalloc.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/accelscope-export-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];

	(void)state;
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		chmod(p, 0700);
		if (remove(p) != 0) {
			char q[600];

			snprintf(q, sizeof q, "rm -rf '%s'", p);
			if (system(q) != 0)
				return -1;
		}
	}
	if (d != NULL)
		closedir(d);
	return rmdir(dir);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s = xcalloc(4096, 1);

	assert_non_null(fp);
	assert_true(fread(s, 1, 4095, fp) < 4095);
	fclose(fp);
	return s;
}

/* Files in dir, "." and ".." aside. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_format_for(void **state)
{
	(void)state;
	assert_int_equal(export_format_for("a.csv"), GRID_CSV);
	assert_int_equal(export_format_for("dir.x/a.TSV"), GRID_TSV);
	assert_int_equal(export_format_for("a.md"), GRID_MD);
	assert_int_equal(export_format_for("a.json"), GRID_JSON);
	assert_int_equal(export_format_for("a.txt"), -1);
	assert_int_equal(export_format_for(".csv"), -1);
	assert_int_equal(export_format_for("csv"), -1);
	assert_int_equal(export_format_for(""), -1);
}

static void
test_write(void **state)
{
	char path[128], *s;
	struct diags dl;
	struct stat st;

	(void)state;
	snprintf(path, sizeof path, "%s/out.csv", dir);
	diags_init(&dl);
	assert_int_equal(export_write(path, "a,b\n1,2\n", 8, 0, &dl), 0);
	assert_int_equal(dl.n, 0);
	s = slurp(path);
	assert_string_equal(s, "a,b\n1,2\n");
	free(s);
	/* The usual mode, not mkstemp's 0600. */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0666 & ~(mode_t)022);

	/* No overwrite without force: the old content stays. */
	assert_int_equal(export_write(path, "new\n", 4, 0, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_string_equal(dl.v[0].msg, "the file exists (w! overwrites it)");
	assert_string_equal(dl.v[0].file, path);
	s = slurp(path);
	assert_string_equal(s, "a,b\n1,2\n");
	free(s);
	/* With force it is replaced whole. */
	assert_int_equal(export_write(path, "new\n", 4, 1, &dl), 0);
	s = slurp(path);
	assert_string_equal(s, "new\n");
	free(s);
	/* Nothing but the file itself is left in the directory. */
	assert_int_equal(entries(), 1);
	diags_done(&dl);
}

static void
test_write_fails_cleanly(void **state)
{
	char path[256], sub[128], *s;
	struct diags dl;

	(void)state;
	diags_init(&dl);
	/* A directory in the way. */
	assert_int_equal(export_write(dir, "x", 1, 1, &dl), -1);
	assert_string_equal(dl.v[0].msg, "cannot write: Is a directory");
	/* A missing directory. */
	snprintf(path, sizeof path, "%s/no/such/out.csv", dir);
	assert_int_equal(export_write(path, "x", 1, 0, &dl), -1);
	assert_string_equal(dl.v[1].msg, "cannot write: No such file or "
	    "directory");
	assert_int_equal(export_write("", "x", 1, 0, &dl), -1);
	assert_string_equal(dl.v[2].msg, "no file name given");
	/* An unwritable directory (root may write anyway: then skip). */
	snprintf(sub, sizeof sub, "%s/ro", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(path, sizeof path, "%s/keep.csv", sub);
	assert_int_equal(export_write(path, "old\n", 4, 0, &dl), 0);
	assert_int_equal(chmod(sub, 0500), 0);
	if (access(sub, W_OK) != 0) {
		assert_int_equal(export_write(path, "new\n", 4, 1, &dl), -1);
		assert_string_equal(dl.v[3].msg, "cannot write: Permission "
		    "denied");
		s = slurp(path);
		assert_string_equal(s, "old\n");
		free(s);
	}
	chmod(sub, 0700);
	diags_done(&dl);
}

static void
test_base64(void **state)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		/* RFC 4648, section 10. */
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		{ "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
		{ "\xff\xfe\x00", "//4A" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		s = export_base64(v[i].in, i == 7 ? 3 : strlen(v[i].in));
		assert_string_equal(s, v[i].out);
		free(s);
	}
	s = export_osc52("nvidia-h100\t80", 14);
	assert_string_equal(s, "\033]52;c;bnZpZGlhLWgxMDAJODA=\a");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_for),
		cmocka_unit_test_setup_teardown(test_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_fails_cleanly,
		    setup, teardown),
		cmocka_unit_test(test_base64),
	};

	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
