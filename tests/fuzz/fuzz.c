/*
 * What the fuzz targets share; see fuzz.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int fuzz_fd = 2;

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	dprintf(fuzz_fd, "fuzz: ");
	va_start(ap, fmt);
	vdprintf(fuzz_fd, fmt, ap);
	va_end(ap);
	dprintf(fuzz_fd, "\n");
	abort();
}
