/*
 * Finding and reading themes; see themes.h.
 */
#include "themes.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAX_THEME	(64 * 1024)

static char *
user_dir(void)
{
	char *d = config_dir(), *t = xasprintf("%s/themes", d);

	free(d);
	return t;
}

/* A theme name is a file name: letters, digits, - _ . but not leading. */
static int
good_name(const char *s)
{
	size_t i;

	if (*s == '\0' || *s == '.' || strlen(s) > 64)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return 0;
	return 1;
}

static char *
user_file(const char *name)
{
	char *d = user_dir(), *p = xasprintf("%s/%s.theme", d, name);

	free(d);
	return p;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
themes_names(size_t *n)
{
	const char *const *b = theme_bundled_names(n);
	char **v = xcalloc(*n + 1, sizeof *v), *d = user_dir();
	size_t i, k, cap = *n + 1;
	DIR *dir;
	struct dirent *e;

	for (i = 0; i < *n; i++)
		v[i] = xstrdup(b[i]);
	if ((dir = opendir(d)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);
			char *name;

			if (len <= 6 || strcmp(e->d_name + len - 6, ".theme"))
				continue;
			name = xstrdup(e->d_name);
			name[len - 6] = '\0';
			if (!good_name(name)) {
				free(name);
				continue;
			}
			if (*n == cap) {
				cap *= 2;
				v = xreallocarray(v, cap, sizeof *v);
			}
			v[(*n)++] = name;
		}
		closedir(dir);
	}
	free(d);
	qsort(v, *n, sizeof *v, cmp_str);
	for (i = k = 0; i < *n; i++)
		if (k > 0 && strcmp(v[i], v[k - 1]) == 0)
			free(v[i]);
		else
			v[k++] = v[i];
	*n = k;
	return v;
}

const char *
themes_origin(const char *name)
{
	struct stat st;
	char *p;
	int user;
	size_t len;

	if (!good_name(name))
		return NULL;
	p = user_file(name);
	user = stat(p, &st) == 0;
	free(p);
	if (user)
		return "user";
	return theme_bundled(name, &len) != NULL ? "bundled" : NULL;
}

/* The file's bytes, or NULL with *err. */
static char *
slurp(const char *path, size_t *len, char **err)
{
	char *text, *why, *e;

	if ((text = buf_read_file(path, MAX_THEME, len, &why)) == NULL) {
		e = text_escape(path);
		*err = xasprintf("%s: %s", e, why);
		free(e);
		free(why);
	}
	return text;
}

char *
themes_unknown(const char *name)
{
	char **v, *e, *r;
	struct buf b;
	size_t n, i;

	v = themes_names(&n);
	buf_init(&b);
	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		buf_puts(&b, i ? ", " : "");
		buf_puts(&b, v[i]);
		free(v[i]);
	}
	free(v);
	e = text_escape(name);
	r = xasprintf("unknown theme \"%s\" (themes: %s)", e, b.s);
	free(e);
	buf_done(&b);
	return r;
}

int
themes_load(const char *name, struct theme *th, char **err)
{
	const char *text;
	char *owned = NULL, *path = NULL, *file;
	size_t len = 0;
	struct diags dl;
	int r;

	*err = NULL;
	if (themes_origin(name) == NULL) {
		*err = themes_unknown(name);
		theme_init_fallback(th);
		return -1;
	}
	if (strcmp(themes_origin(name), "user") == 0) {
		path = user_file(name);
		if ((owned = slurp(path, &len, err)) == NULL) {
			free(path);
			theme_init_fallback(th);
			return -2;
		}
		text = owned;
		file = text_escape(path);
	} else {
		text = theme_bundled(name, &len);
		file = xasprintf("%s.theme", name);
	}
	diags_init(&dl);
	r = theme_parse(th, name, text, len, file, &dl);
	if (r != 0) {
		char *m = diag_format(&dl.v[0]);

		*err = dl.n > 1 ? xasprintf("%s (and %zu more)", m, dl.n - 1) :
		    xstrdup(m);
		free(m);
	}
	diags_done(&dl);
	free(file);
	free(owned);
	free(path);
	return r == 0 ? 0 : -2;
}
