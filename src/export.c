/*
 * Atomic file export and OSC 52; see export.h.
 */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grid.h"
#include "utf8.h"
#include "xmalloc.h"

int
export_format_for(const char *path)
{
	static const struct {
		const char	*ext;
		int		 fmt;
	} ext[] = {
		{ ".csv", GRID_CSV }, { ".tsv", GRID_TSV },
		{ ".md", GRID_MD }, { ".json", GRID_JSON },
	};
	size_t i, len = strlen(path), n;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		n = strlen(ext[i].ext);
		if (len > n && strcasecmp(path + len - n, ext[i].ext) == 0)
			return ext[i].fmt;
	}
	return -1;
}

/* The process's umask, which reading changes: set it straight back. */
static mode_t
current_umask(void)
{
	mode_t m = umask(077);

	umask(m);
	return m;
}

static void
fail(struct diags *dl, const char *path, const char *what, int err)
{
	char *e = text_escape(path);

	diags_add(dl, DIAG_ERROR, e, 0, 0, "%s: %s", what, strerror(err));
	free(e);
}

int
export_write(const char *path, const char *data, size_t len, int force,
    struct diags *dl)
{
	struct stat st;
	char *tmp;
	const char *slash;
	size_t off = 0;
	ssize_t w;
	int fd, err;

	if (*path == '\0') {
		diags_add(dl, DIAG_ERROR, NULL, 0, 0, "%s",
		    "no file name given");
		return -1;
	}
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fail(dl, path, "cannot write", EISDIR);
			return -1;
		}
		if (!force) {
			char *e = text_escape(path);

			diags_add(dl, DIAG_ERROR, e, 0, 0, "%s", "the file "
			    "exists (w! overwrites it)");
			free(e);
			return -1;
		}
	}
	/* The temporary file goes beside the target, so rename is atomic. */
	slash = strrchr(path, '/');
	if (slash == NULL)
		tmp = xstrdup(".accelscope-XXXXXX");
	else
		tmp = xasprintf("%.*s/.accelscope-XXXXXX",
		    (int)(slash - path), path);
	if ((fd = mkstemp(tmp)) < 0) {
		fail(dl, path, "cannot write", errno);
		free(tmp);
		return -1;
	}
	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto bad;
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || fchmod(fd, 0666 & ~current_umask()) != 0)
		goto bad;
	if (close(fd) != 0) {
		fd = -1;
		goto bad;
	}
	fd = -1;
	if (force) {
		if (rename(tmp, path) != 0)
			goto bad;
	} else {
		/* link() fails if path appeared meanwhile: never clobber. */
		if (link(tmp, path) != 0)
			goto bad;
		unlink(tmp);
	}
	free(tmp);
	return 0;
bad:
	err = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	if (err == EEXIST) {
		char *e = text_escape(path);

		diags_add(dl, DIAG_ERROR, e, 0, 0, "%s", "the file exists "
		    "(w! overwrites it)");
		free(e);
	} else
		fail(dl, path, "cannot write", err);
	return -1;
}

char *
export_base64(const char *s, size_t len)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc(4 * ((len + 2) / 3) + 1), *o = out;
	size_t i;
	unsigned long v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)u[i] << 16 | (unsigned long)u[i + 1] << 8 |
		    u[i + 2];
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
		*o++ = abc[v >> 6 & 63];
		*o++ = abc[v & 63];
	}
	if (i < len) {
		v = (unsigned long)u[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)u[i + 1] << 8;
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
		*o++ = i + 1 < len ? abc[v >> 6 & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

char *
export_osc52(const char *s, size_t len)
{
	char *b = export_base64(s, len), *r;

	r = xasprintf("\033]52;c;%s\a", b);
	free(b);
	return r;
}
