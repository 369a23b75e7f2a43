/*
 * The unit tests' fixture datasets under tests/data, loaded as a test
 * group's state and freed after it.  Included by the tests that read one.
 */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <stdio.h>

#include "dataset.h"

#ifndef TESTDATA
#define TESTDATA "tests/data"
#endif

/*
 * Load tests/data/name into *state; problems, when not NULL, gets the
 * number of errors and warnings.  Returns 0, or 1 when nothing loaded.
 */
static int
fixture_setup(void **state, const char *name, size_t *problems)
{
	struct dataset_opts o = { NULL, NULL, NULL };
	struct diags dl;
	char dir[256];

	snprintf(dir, sizeof dir, "%s/%s", TESTDATA, name);
	o.dir = dir;
	diags_init(&dl);
	*state = dataset_load(&o, &dl);
	if (problems != NULL)
		*problems = dl.errors + dl.warnings;
	diags_done(&dl);
	return *state == NULL;
}

static int
fixture_teardown(void **state)
{
	dataset_free(*state);
	return 0;
}

#endif
