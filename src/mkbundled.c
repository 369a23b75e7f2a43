/*
 * mkbundled: a build tool, not part of the library.  Parses the dataset's
 * CSV files as table_load_file() would at run time and writes them as C
 * arrays, the table_parts of each (bundled_parts[] in bundled.h), so that
 * the program starts with its bundled tables already split into cells:
 * parsing them was a third of the work before the first frame.
 *
 *	mkbundled FILE.csv... > bundled_parts.c
 *
 * A file that does not load cleanly (bad quoting, invalid UTF-8) stops the
 * build with its diagnostics; the checks of the dataset's own rules stay
 * at run time, where `accelscope check` reports them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* What goes before item k of an array: twelve to a line. */
static const char *
sep(size_t k)
{
	return k % 12 == 0 ? "\n\t" : " ";
}

static void
put_u32s(const char *what, int i, const uint32_t *v, size_t n)
{
	size_t k;

	printf("static const uint32_t %s_%d[] = {", what, i);
	for (k = 0; k < n; k++)
		printf("%s%lu,", sep(k), (unsigned long)v[k]);
	/* Never empty; the count leaves this out. */
	printf("\n\t0\n};\n");
}

int
main(int argc, char **argv)
{
	struct diags dl;
	struct table *t;
	struct table_parts p;
	const char *base;
	size_t k;
	int i, bad = 0;

	printf("/* Generated from dataset/ by mkbundled: do not edit. */\n"
	    "#include \"bundled.h\"\n");
	for (i = 1; i < argc; i++) {
		diags_init(&dl);
		t = table_load_file(argv[i], NULL, &dl);
		for (k = 0; k < dl.n; k++) {
			char *m = diag_format(&dl.v[k]);

			fprintf(stderr, "mkbundled: %s\n", m);
			free(m);
		}
		if (t == NULL || dl.n > 0) {
			bad = 1;
			table_free(t);
			diags_done(&dl);
			continue;
		}
		diags_done(&dl);
		table_get_parts(t, &p);
		printf("static const unsigned char text_%d[] = {", i);
		for (k = 0; k < p.textlen; k++)
			printf("%s0x%02x,", sep(k), (unsigned char)p.text[k]);
		printf("\n\t0\n};\n");
		put_u32s("off", i, p.off, p.ncells);
		put_u32s("line", i, p.line, p.ncells);
		put_u32s("col", i, p.col, p.ncells);
		printf("static const size_t rows_%d[] = {", i);
		for (k = 0; k <= p.nrows; k++)
			printf("%s%lu,", sep(k), (unsigned long)p.row_first[k]);
		printf("\n};\n");
		table_free(t);
	}
	printf("const struct table_parts bundled_parts[] = {\n");
	for (i = 1; i < argc; i++) {
		base = strrchr(argv[i], '/');
		base = base != NULL ? base + 1 : argv[i];
		printf("\t{ \"%s\", (const char *)text_%d, sizeof text_%d - 1, "
		    "off_%d, line_%d, col_%d,\n\t  sizeof off_%d / sizeof "
		    "off_%d[0] - 1, rows_%d,\n\t  sizeof rows_%d / "
		    "sizeof rows_%d[0] - 1 },\n", base, i, i, i, i, i, i, i, i,
		    i, i);
	}
	printf("\t{ NULL, NULL, 0, NULL, NULL, NULL, 0, NULL, 0 }\n};\n");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("mkbundled");
		return 1;
	}
	return bad;
}
