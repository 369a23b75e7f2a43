/*
 * accelscope: set the locale up, then hand over to the command line.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#endif

#include "cli.h"
#include "utf8.h"

/*
 * Grow the heap once by what the first frame needs and have the kernel
 * fill it in one call.  Touched a page at a time instead, it costs a page
 * fault per 4 KiB, and in a virtual machine a fault is dear: on the one
 * the README's figures come from, 15 us each, 4 ms of a 12 ms first frame.
 * Where libc or the kernel (before Linux 5.14) lacks the means, nothing
 * changes.  Freed, the block stays at the top of the heap for what comes.
 */
static void
prefault_heap(void)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	/* About the first frame's heap. */
	const size_t n = (size_t)768 << 10;
	long pg = sysconf(_SC_PAGESIZE);
	char *lo, *hi;
	void *p;

	/* From the heap, not an mmap; kept there once freed. */
	if (pg <= 0 || mallopt(M_MMAP_THRESHOLD, (int)(2 * n)) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, (int)(2 * n)) == 0)
		return;
	if ((p = malloc(n)) == NULL)
		return;
	lo = (char *)((uintptr_t)p & ~(uintptr_t)(pg - 1));
	hi = sbrk(0);
	if (hi != (char *)-1 && hi > lo && hi - lo < (ptrdiff_t)(2 * n))
		madvise(lo, (size_t)(hi - lo), MADV_POPULATE_WRITE);
	free(p);
#endif
}

int
main(int argc, char **argv)
{
	prefault_heap();
	setlocale(LC_CTYPE, "");
	/* A terminal that cannot show UTF-8 gets ASCII stand-ins. */
	utf8_set_ascii(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	return cli_main(argc, argv);
}
