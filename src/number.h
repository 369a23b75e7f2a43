/*
 * Numbers as the dataset and tables write them.
 */
#ifndef NUMBER_H
#define NUMBER_H

/*
 * Parse a whole string as a finite number (surrounding spaces allowed).
 * Returns 0 and sets *out, or -1.
 */
int parse_number(const char *s, double *out);

#endif
