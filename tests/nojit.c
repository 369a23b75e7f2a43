/*
 * Preloaded into the program by tests/valgrind.sh: PCRE2's JIT compiler
 * always fails, as where the system forbids memory that is written and then
 * run, and accelscope matches with PCRE2's interpreter, a path it has to
 * take there anyway (find_compile() calls the JIT as a best effort).
 *
 * Why: the code the JIT writes scans the subject with 16-byte loads that
 * reach up to 15 bytes past its end, and memcheck reports them as invalid
 * reads and branches on undefined bytes.  That code has no object file and
 * no symbols, so a suppression for it would match any error in any code
 * without them.  The interpreter is plain C in libpcre2, which memcheck
 * follows byte by byte: a subject or length of ours that is wrong still
 * shows up, with the call that passed it.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

int
pcre2_jit_compile(pcre2_code *code, uint32_t options)
{
	(void)code;
	(void)options;
	return PCRE2_ERROR_JIT_BADOPTION;
}
