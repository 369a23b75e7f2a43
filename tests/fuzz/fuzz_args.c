/*
 * Fuzz the command line: cli_main() with an argv made of the input split
 * at NUL bytes (at most MAXARGS arguments after "accelscope").
 *
 * stdin and stdout are /dev/null, so the explorer always refuses to start
 * (it needs a terminal) and what the subcommands print goes nowhere; so
 * does stderr while cli_main() runs, but a sanitizer's report and
 * fuzz_fail() go to the real stderr, and libFuzzer's own lines between
 * inputs too.  No user file may take part: ACCELSCOPE_DATA and NO_COLOR
 * are unset, TERM fixed, and the config and data directories are an empty
 * scratch directory.
 *
 * Checked: the exit status is 0, 1 or 2 (die() exiting 3 is caught as an
 * exit by libFuzzer; bad input must be an error status, not an exit).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fuzz.h"

#define MAXARGS 16

/* The sanitizers' report goes to this descriptor (when linked in). */
void __sanitizer_set_report_fd(void *fd) __attribute__((weak));

static int devnull = -1, saved_err = -1;
static char dir[] = "/tmp/accelscope-fuzz-XXXXXX";

/* Nothing writes there: the scratch directory is still empty. */
static void
remove_dir(void)
{
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	unsetenv("ACCELSCOPE_DATA");
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm-256color", 1);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(remove_dir);
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("HOME", dir, 1);
	if ((devnull = open("/dev/null", O_RDWR)) == -1 ||
	    (saved_err = dup(STDERR_FILENO)) == -1) {
		perror("/dev/null");
		exit(1);
	}
	fuzz_fd = saved_err;
	if (__sanitizer_set_report_fd != NULL)
		__sanitizer_set_report_fd((void *)(intptr_t)saved_err);
	dup2(devnull, STDIN_FILENO);
	dup2(devnull, STDOUT_FILENO);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[MAXARGS + 2];
	size_t i;
	int argc = 1, rc;

	if ((buf = malloc(size + 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = "accelscope";
	for (i = 0; i < size && argc <= MAXARGS; ) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;

	fflush(stderr);
	dup2(devnull, STDERR_FILENO);
	rc = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_err, STDERR_FILENO);
	/* Leave stdio as a new run finds it. */
	clearerr(stdout);
	clearerr(stderr);
	if (rc < 0 || rc > 2)
		fuzz_fail("exit status %d", rc);
	free(buf);
	return 0;
}
