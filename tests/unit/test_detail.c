/*
 * detail.c and doc.c: the documents detail screens show, on the mini
 * fixture, compared as plain text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "detail.h"
#include "fixture.h"

static int
setup(void **state)
{
	return fixture_setup(state, "mini", NULL);
}

static void
test_doc(void **state)
{
	struct doc *d = doc_new();
	char *s;

	(void)state;
	doc_add(d, DOC_TITLE, "T %d", 1);
	doc_field(d, "Label", "value");
	doc_field(d, "Empty", "");
	doc_add(d, DOC_BLANK, "%s", "");
	doc_pre_lines(d, "a  b\nc  d\n");
	s = doc_text(d);
	assert_string_equal(s, "T 1\nLabel: value\n\na  b\nc  d\n");
	free(s);
	doc_free(d);
	doc_free(NULL);
}

static void
test_dimension(void **state)
{
	struct doc *d = detail_dimension(*state, 0, "Speed");
	char *s = doc_text(d);

	assert_string_equal(s,
	    "Speed\n"
	    "Alpha vs Beta\n"
	    "\nAlpha\nFast\nSource: A seed article (seed-z)\n"
	    "\nBeta\nFaster\nSource: A seed article (seed-z)\n"
	    "\nAnalysis\n\nWhy\nBecause.\nSource: A seed article (seed-z)\n");
	free(s);
	doc_free(d);
}

static void
test_scenario(void **state)
{
	struct doc *d = detail_scenario(*state, 0);
	char *s = doc_text(d);

	assert_non_null(strstr(s, "[BOTH] Fast things\n"));
	assert_non_null(strstr(s, "\nRationale\nBoth are fast.\n"));
	assert_non_null(strstr(s, "  category = GPU\n"));
	free(s);
	doc_free(d);
	assert_string_equal(detail_verdict_badge("gpu"), "[GPU]");
	assert_string_equal(detail_verdict_badge("accelerators"), "[ACCEL]");
}

static void
test_hardware(void **state)
{
	const struct dataset *ds = *state;
	struct doc *d = detail_hardware(ds, (size_t)dataset_find(ds,
	    DS_HARDWARE, "alpha-x1"));
	char *s = doc_text(d);

	assert_non_null(strstr(s, "Alpha X1 (alpha-x1)\n"));
	/* Both memory figures, side by side, the preferred one starred. */
	assert_non_null(strstr(s, "memory_gb: 80 GB (vendor-spec, vend-a) *"
	    "  vs  96 GB (seed-claim, seed-z)\n"));
	/* What each source says. */
	assert_non_null(strstr(s, "memory_gb 96: \"96GB\"  the seed says "
	    "96\n"));
	free(s);
	doc_free(d);
}

static void
test_source(void **state)
{
	const struct dataset *ds = *state;
	struct doc *d = detail_source(ds, (size_t)dataset_find(ds,
	    DS_SOURCES, "seed-z"));
	char *s = doc_text(d);

	assert_non_null(strstr(s, "Figures citing it (2)\n"));
	assert_non_null(strstr(s, "gamma-n"));
	assert_non_null(strstr(s, "Also cited by 5 "));
	free(s);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_dimension),
		cmocka_unit_test(test_scenario),
		cmocka_unit_test(test_hardware),
		cmocka_unit_test(test_source),
	};

	return cmocka_run_group_tests(tests, setup, fixture_teardown);
}
