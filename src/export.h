/*
 * Writing what the explorer shows to a file, and to the clipboard.
 * A file is written whole or not at all: into a temporary file beside
 * it, flushed to disk, then renamed over (or, when the user has not asked
 * to overwrite, linked into place, which fails if the name exists), so a
 * crash or a full disk never leaves a half-written file or a damaged
 * original.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include <stddef.h>

#include "diag.h"

/*
 * The format for path by its extension: .csv, .tsv, .md or .json
 * (case-blind), as an enum grid_format, or -1.
 */
int export_format_for(const char *path);

/*
 * Write data[0..len) to path atomically.  Without force an existing path
 * is left alone and refused.  Returns 0, or -1 with one diagnostic in dl
 * naming the file and the cause; on -1 path is as it was and no
 * temporary file is left behind.
 */
int export_write(const char *path, const char *data, size_t len, int force,
    struct diags *dl);

/* s[0..len) in base64 (RFC 4648, padded).  Caller frees. */
char *export_base64(const char *s, size_t len);

/*
 * The OSC 52 sequence that asks the terminal to put s[0..len) on the
 * clipboard: ESC ] 52 ; c ; base64 BEL.  Caller frees.
 */
char *export_osc52(const char *s, size_t len);

#endif
