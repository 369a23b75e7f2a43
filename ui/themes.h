/*
 * Finding themes: the user's, in $XDG_CONFIG_HOME/accelscope/themes/
 * (default ~/.config/accelscope/themes/), before the bundled ones of the
 * same name.  Parsing is theme.c's; this only finds and reads.
 */
#ifndef THEMES_H
#define THEMES_H

#include <stddef.h>

#include "theme.h"

/* Every theme's name, sorted and unique.  Caller frees each and the
   array. */
char **themes_names(size_t *n);

/* Where theme name comes from: "user" or "bundled", or NULL: nowhere. */
const char *themes_origin(const char *name);

/* "unknown theme "name" (themes: ...)".  Caller frees. */
char *themes_unknown(const char *name);

/*
 * Load theme name into th.  0; -1 for an unknown name, with *err (caller
 * frees) listing the themes; or -2 for a broken file, with *err its first
 * problem as file:line:col.  After -1 or -2 th is the fallback.  Either
 * way theme_done() frees th.
 */
int themes_load(const char *name, struct theme *th, char **err);

#endif
