/*
 * A document: what a detail screen shows.  A list of blocks, each with a
 * style; the explorer wraps paragraphs to the window and shows preformatted
 * lines as they are.  The core builds documents (see detail.h); the UI only
 * paints them.
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>

#include "xmalloc.h"

enum doc_style {
	DOC_TITLE,	/* the document's title */
	DOC_HEADING,	/* a section heading */
	DOC_PARA,	/* running text, wrapped */
	DOC_FIELD,	/* "label: value", the value with a hanging indent */
	DOC_PRE,	/* a preformatted line: never wrapped */
	DOC_BLANK
};

struct doc_block {
	enum doc_style	 style;
	char		*label;	/* DOC_FIELD only, else NULL */
	char		*text;
};

struct doc {
	struct doc_block	*v;
	size_t			 n;
	size_t			 cap;
};

/* An empty document.  Caller frees with doc_free(). */
struct doc *doc_new(void);
void doc_free(struct doc *d);
void doc_add(struct doc *d, enum doc_style style, const char *fmt, ...)
    PRINTFLIKE(3, 4);
/* A field; an empty value is left out. */
void doc_field(struct doc *d, const char *label, const char *value);
/* Every line of text (as from grid_format()) as DOC_PRE blocks. */
void doc_pre_lines(struct doc *d, const char *text);
/* The document as plain text, for tests and for the CLI.  Caller frees. */
char *doc_text(const struct doc *d);

#endif
