/*
 * Replay without libFuzzer: call a target's LLVMFuzzerInitialize() once,
 * then LLVMFuzzerTestOneInput() on each file named on the command line,
 * as libFuzzer does when given files.  tests/run.sh runs every target
 * this way over its seed corpus and saved crashes.  A target that finds a
 * problem aborts, so the exit status says whether every input passed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	unsigned char *buf = NULL, *nb;
	size_t cap = 0, n;

	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((nb = realloc(buf, cap)) == NULL) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = nb;
		}
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	return buf;
}

int
main(int argc, char **argv)
{
	unsigned char *data, *copy;
	size_t len;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if ((data = slurp(argv[i], &len)) == NULL) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], argv[i],
			    strerror(errno));
			return 1;
		}
		/* Exactly len bytes, as libFuzzer gives them, so that a read
		   past the end is caught under ASan. */
		if ((copy = malloc(len ? len : 1)) == NULL)
			return 1;
		memcpy(copy, data, len);
		free(data);
		LLVMFuzzerTestOneInput(copy, len);
		free(copy);
	}
	return 0;
}
