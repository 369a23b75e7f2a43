/*
 * What every fuzz target in tests/fuzz/ defines: libFuzzer's two entry
 * points.  `make fuzz` links each target with libFuzzer (clang); the
 * replay driver (replay.c) links the same file with any compiler and runs
 * it over the committed inputs, so `make check` replays them without
 * clang.  Every target defines both functions.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Once, before any input; argc and argv are the program's. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* One input: data[0..size) (not NUL-terminated).  Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Stop with a message on fuzz_fd (stderr unless a target moved it): a
 * property a target checks does not hold.  abort() so that libFuzzer
 * saves the input and the replay driver fails.
 */
extern int fuzz_fd;
void fuzz_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

#endif
