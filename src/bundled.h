/*
 * The bundled dataset and themes: the CSV files of dataset/ and the
 * themes/NAME.theme files compiled into the program by the Makefile, so
 * accelscope runs from any directory without installed files.
 */
#ifndef BUNDLED_H
#define BUNDLED_H

#include <stddef.h>

#include "table.h"

struct bundled_file {
	const char	*name;	/* "hardware.csv"; NULL ends the list */
	const char	*data;	/* len bytes, then a NUL */
	size_t		 len;
};

extern const struct bundled_file bundled_files[];

/*
 * The same files parsed by the build (mkbundled.c), in the same order: what
 * table_load_mem() would make of each, ready for table_from_parts().
 */
extern const struct table_parts bundled_parts[];

/* The themes, named without ".theme" and sorted by name (bundled_themes.c). */
extern const struct bundled_file bundled_themes[];
/* Their names in the same order; NULL ends the list. */
extern const char *const bundled_theme_names[];

#endif
