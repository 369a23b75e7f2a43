/*
 * Find; see find.h.
 */
#include "find.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

struct finder {
	char			*pattern;
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

#define MATCH_LIMIT	1000000
#define DEPTH_LIMIT	10000

pcre2_code *
find_compile(const char *pat, uint32_t flags, char *msg, size_t msglen,
    size_t *off)
{
	pcre2_code *re;
	const char *c;
	int err, upper = 0;
	PCRE2_SIZE at;

	for (c = pat; *c; c++)
		if (isupper((unsigned char)*c) && (c == pat || c[-1] != '\\'))
			upper = 1;
	if (!upper)
		flags |= PCRE2_CASELESS;
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, flags |
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &at, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, msglen);
		/* PCRE2 can point one past the end ("(*LIMIT_MATCH=1"). */
		*off = at > strlen(pat) ? strlen(pat) : at;
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);	/* best effort */
	return re;
}

pcre2_match_context *
find_match_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);

	pcre2_set_match_limit(mc, MATCH_LIMIT);
	pcre2_set_depth_limit(mc, DEPTH_LIMIT);
	return mc;
}

struct finder *
finder_new(const char *pattern, struct diags *dl)
{
	struct finder *f;
	char msg[256];
	size_t off;
	pcre2_code *re = find_compile(pattern, 0, msg, sizeof msg, &off);

	if (re == NULL) {
		diags_add(dl, DIAG_ERROR, NULL, 1, (unsigned)utf8_chars(pattern,
		    off) + 1, "bad regex: %s", msg);
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	f->re = re;
	f->pattern = xstrdup(pattern);
	f->md = pcre2_match_data_create(1, NULL);
	f->mc = find_match_context();
	return f;
}

void
finder_free(struct finder *f)
{
	if (f == NULL)
		return;
	pcre2_code_free(f->re);
	pcre2_match_data_free(f->md);
	pcre2_match_context_free(f->mc);
	free(f->pattern);
	free(f);
}

int
finder_match(struct finder *f, const char *s, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov;

	if (pcre2_match(f->re, (PCRE2_SPTR)s, strlen(s), 0, 0, f->md,
	    f->mc) < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(f->md);
	if (start != NULL)
		*start = ov[0];
	if (end != NULL)
		*end = ov[1];
	return 1;
}

const char *
finder_pattern(const struct finder *f)
{
	return f->pattern;
}
