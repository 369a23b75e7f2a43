/*
 * Numbers as the dataset and tables write them: decimal, no hex, no "inf".
 */
#include "number.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * A plain decimal, [-+]digits[.digits] with 15 digits at most and spaces
 * after it, the way most figures are written: its digits as a whole
 * number m and the count k of those after the point make m / 10^k, both
 * exact in a double, so the one rounding of the division gives what
 * strtod() would, in a tenth of the time (it is most of a dataset load's
 * number work).  0 when s is not such a decimal.
 */
static int
plain_decimal(const char *s, double *out)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	uint64_t m = 0;
	int neg = 0, digits = 0, k = -1;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (;; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits > 15)
				return 0;
			m = m * 10 + (uint64_t)(*s - '0');
			if (k >= 0)
				k++;
		} else if (*s == '.' && k < 0 && digits > 0)
			k = 0;
		else
			break;
	}
	if (digits == 0 || k == 0)
		return 0;
	while (*s == ' ')
		s++;
	if (*s != '\0')
		return 0;
	*out = (double)m / pow10[k > 0 ? k : 0];
	if (neg)
		*out = -*out;
	return 1;
}

int
parse_number(const char *s, double *out)
{
	char *end;
	double v;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return -1;
	if (plain_decimal(s, out))
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (end == s)
		return -1;
	while (*end == ' ')
		end++;
	if (*end != '\0' || errno == ERANGE || !isfinite(v))
		return -1;
	/* strtod takes "nan", "inf" and hex; a dataset figure is decimal. */
	for (; s < end; s++)
		if (!isdigit((unsigned char)*s) && strchr(".-+eE ", *s) == NULL)
			return -1;
	*out = v;
	return 0;
}
