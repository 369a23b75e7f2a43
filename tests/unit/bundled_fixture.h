/*
 * A cmocka group fixture: the bundled dataset, loaded once into ds for a
 * test file's tests.  Include it after cmocka.h.
 */
#ifndef BUNDLED_FIXTURE_H
#define BUNDLED_FIXTURE_H

#include "dataset.h"
#include "diag.h"

static struct dataset *ds;

static int
setup(void **state)
{
	struct dataset_opts o = { NULL, NULL, NULL };
	struct diags dl;

	(void)state;
	diags_init(&dl);
	ds = dataset_load(&o, &dl);
	diags_done(&dl);
	return ds == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	dataset_free(ds);
	return 0;
}

#endif
