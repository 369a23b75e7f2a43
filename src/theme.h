/*
 * Colour themes: what the explorer paints each kind of text with.
 *
 * A theme gives each role (the title line, the selected row, an error...)
 * a style: foreground and background colours, each with up to
 * THEME_MAXALT alternatives best first, and attributes.  Theme files are
 * parsed here into a struct theme; choosing the colour a given terminal
 * can show (theme_resolve()) is here too, as arithmetic on numbers.  The
 * explorer turns the result into curses colour pairs; nothing here knows
 * about curses.  The file format is described in accelscope-theme(5):
 *
 *	# a comment
 *	role = fg [bg] [attribute ...]
 *	heading = #5fafff,75,cyan - bold
 *
 * The bundled themes (themes/NAME.theme) are compiled into the program.
 */
#ifndef THEME_H
#define THEME_H

#include <stddef.h>

#include "diag.h"

enum theme_role {		/* what each role paints */
	THEME_NORMAL,		/* "normal": ordinary text */
	THEME_TITLE,		/* "title": the title line */
	THEME_TAB,		/* "tab": an inactive pane tab */
	THEME_TAB_ON,		/* "tab-on": the active tab */
	THEME_STATUS,		/* "status": the status line */
	THEME_HEADER,		/* "header": table headers */
	THEME_HEADING,		/* "heading": document headings */
	THEME_SELECT,		/* "select": the selected row */
	THEME_MARK,		/* "mark": markers (conflicts, announced
				   parts, marked rows) */
	THEME_BEST,		/* "best": the best value in a diff row */
	THEME_DIM,		/* "dim": secondary text */
	THEME_ERROR,		/* "error": error messages */
	THEME_MATCH,		/* "match": find matches */
	THEME_NROLES
};

/* The most alternatives one colour may list. */
#define THEME_MAXALT 4

enum theme_ckind {
	THEME_C_UNSET,		/* not given ("-"): as THEME_C_DEFAULT */
	THEME_C_DEFAULT,	/* "default": the terminal's own colour */
	THEME_C_INDEX,		/* a palette index, 0-255 (names are 0-15) */
	THEME_C_RGB		/* "#rrggbb" */
};

struct theme_colour {
	enum theme_ckind	kind;
	unsigned		v;	/* INDEX 0-255, RGB 0xRRGGBB, else 0 */
};

/* Attribute bits. */
#define THEME_A_BOLD		0x01
#define THEME_A_DIM		0x02
#define THEME_A_UNDERLINE	0x04
#define THEME_A_REVERSE		0x08
#define THEME_A_ITALIC		0x10
#define THEME_A_BLINK		0x20
#define THEME_A_STANDOUT	0x40

/*
 * One role's look.  fg[0..nfg) and bg[0..nbg) are alternatives, best
 * first; nfg or nbg 0 means unset ("-"), which paints as the terminal's
 * default, and then fg[0] or bg[0] is zero (THEME_C_UNSET).  attrs is an
 * OR of THEME_A_* bits; they apply whatever colour is chosen, and alone
 * where there is no colour.
 */
struct theme_style {
	struct theme_colour	fg[THEME_MAXALT], bg[THEME_MAXALT];
	size_t			nfg, nbg;
	unsigned		attrs;
};

struct theme {
	char			*name;	/* owned */
	struct theme_style	 role[THEME_NROLES];
};

/* A role's name in theme files ("tab-on"), or NULL if r is out of range. */
const char *theme_role_name(enum theme_role r);
/* The role a name stands for (case-blind), or -1. */
int theme_role_by_name(const char *name);

/*
 * Fill th with the built-in fallback: attributes only, no colour (the
 * look of a terminal without colours), named "fallback".  th need not be
 * initialised; anything it held is not freed.  Free with theme_done().
 */
void theme_init_fallback(struct theme *th);

/*
 * Parse a theme file's text (len bytes; it need not be NUL-terminated and
 * may not hold a NUL) into th, named name (copied; NULL is taken as "").
 * th is overwritten, as theme_init_fallback() does, and each role the
 * text sets replaces that role's fallback style.  file names the text in
 * diagnostics and may be NULL.  Returns 0, or -1 with every problem
 * (at most 20 errors, then a note) added to dl, each positioned at the
 * line and column (in characters) of the offending token: then th is
 * exactly the fallback, usable as it is.  Either way the caller frees th
 * with theme_done().
 */
int theme_parse(struct theme *th, const char *name, const char *text,
    size_t len, const char *file, struct diags *dl);

/* Free what th holds (its name); th is left zeroed. */
void theme_done(struct theme *th);

/*
 * The colour to hand curses for alternatives alt[0..n) on a terminal with
 * ncolours colours (0 or 1: none; 8, 16, 88, 256 or more), direct set for
 * a direct-colour (truecolor) terminal.  Returns -1 for the terminal's
 * default colour (always so when ncolours < 8, or n is 0, or the chosen
 * alternative is unset or default); otherwise a palette index below
 * ncolours, or on a direct terminal a packed 0xRRGGBB (an RGB below 8,
 * which xterm-direct takes for the ANSI colours 0-7, becomes 8, and an
 * index 8-255 becomes its xterm palette RGB; 0-7 stay as they are).
 *
 * The first alternative the terminal shows exactly wins: default always,
 * an index below the palette size, RGB only on direct terminals.  With
 * none, the first alternative is degraded: RGB to the nearest of the 256
 * palette's cube and greys (16-255; 0-15 are the user's own colours), or
 * of the 16 or the 8 base colours; an index 16-255 likewise from its RGB;
 * a bright colour 8-15 to its base 0-7.  A terminal with more than 16 but
 * fewer than 256 colours (88) is taken as 16, since its indexes above 15
 * mean other colours; one with 9-15 as 8.
 */
/*
 * The attributes role r is drawn with on a terminal of ncolours colours:
 * its own, and below 8 colours also the fallback's, so that bars and the
 * selection a theme marks with a background colour still show.
 */
unsigned theme_attrs(const struct theme *th, enum theme_role r,
    int ncolours);

int theme_resolve(const struct theme_colour *alt, size_t n, int ncolours,
    int direct);

/* The xterm palette's 0xRRGGBB for index 0-255; 0 for any other index. */
unsigned theme_palette_rgb(int index);

/*
 * The text of the bundled theme called name ("dark"), with its length in
 * *len (len may be NULL), or NULL if there is none.  Static: never freed.
 */
const char *theme_bundled(const char *name, size_t *len);
/* The bundled themes' names, sorted, with their number in *n.  Static. */
const char *const *theme_bundled_names(size_t *n);

#endif
