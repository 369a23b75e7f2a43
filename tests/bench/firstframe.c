/*
 * firstframe: how long a terminal program takes to put something on the
 * screen, for the benchmarks (accelscope against VisiData, say).
 *
 *	firstframe [-w TEXT | -s KEYS | -p SECONDS]... -- COMMAND [ARG...]
 *
 * Runs COMMAND on a pseudo-terminal of 120x40 (TERM=xterm-256color), then
 * takes the steps in order: -w waits until TEXT appears in what the program
 * writes and prints the seconds since the previous step ended, a line each;
 * -s sends KEYS (\r for Enter, \e for Escape); -p pauses.  The program is
 * then killed if it has not exited, and its peak memory printed last, in
 * MB.  A step that
 * waits more than 120 seconds fails the run.
 *
 * TEXT is looked for in the bytes written, escape sequences and all, so it
 * must be text the program writes in one piece: a status line on a frame
 * drawn whole does.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

/* KEYS with \r, \n, \e and \\ turned into their bytes. */
static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 'e': out[n++] = '\033'; break;
		default: out[n++] = *s; break;
		}
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 40, 120, 0, 0 };
	static char seen[1 << 22];
	size_t len = 0, from = 0, n;
	struct rusage ru;
	struct pollfd pfd;
	double mark;
	int a, cmd, fd, status, exited = 0;
	pid_t pid;
	ssize_t r;
	char keys[1024];

	for (cmd = 1; cmd < argc && strcmp(argv[cmd], "--") != 0; cmd++)
		;
	if (cmd + 1 >= argc) {
		fprintf(stderr, "usage: firstframe [-w TEXT | -s KEYS | "
		    "-p SECONDS]... -- COMMAND [ARG...]\n");
		return 2;
	}
	mark = now();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[cmd + 1], argv + cmd + 1);
		_exit(127);
	}
	for (a = 1; a < cmd; a += 2) {
		if (a + 1 >= cmd) {
			fprintf(stderr, "firstframe: %s needs a value\n",
			    argv[a]);
			return 2;
		}
		if (strcmp(argv[a], "-s") == 0) {
			n = unescape(argv[a + 1], keys);
			if (write(fd, keys, n) != (ssize_t)n)
				perror("write");
			mark = now();
			continue;
		}
		if (strcmp(argv[a], "-p") == 0) {
			usleep((useconds_t)(atof(argv[a + 1]) * 1e6));
			mark = now();
			continue;
		}
		/* -w: read until the text shows, after what was seen. */
		for (;;) {
			seen[len] = '\0';
			if (memmem(seen + from, len - from, argv[a + 1],
			    strlen(argv[a + 1])) != NULL)
				break;
			if (now() - mark > 120) {
				fprintf(stderr, "firstframe: no \"%s\" after "
				    "120 s\n", argv[a + 1]);
				kill(pid, SIGKILL);
				return 1;
			}
			pfd.fd = fd;
			pfd.events = POLLIN;
			if (poll(&pfd, 1, 100) <= 0)
				continue;
			if (len + 4096 >= sizeof seen) {
				/* Keep the tail, where the text may start. */
				memmove(seen, seen + len - 4096, 4096);
				from = from > len - 4096 ? from - (len - 4096) :
				    0;
				len = 4096;
			}
			r = read(fd, seen + len, sizeof seen - len - 1);
			if (r <= 0) {
				fprintf(stderr, "firstframe: the program "
				    "ended before \"%s\"\n", argv[a + 1]);
				return 1;
			}
			len += (size_t)r;
		}
		printf("%.4f\n", now() - mark);
		fflush(stdout);
		from = len;
		mark = now();
	}
	/* Let it exit on its own for a moment, then not. */
	for (a = 0; a < 50 && !exited; a++) {
		char drain[4096];

		/* Reaped once, with its usage: a read may see it end. */
		while (read(fd, drain, sizeof drain) > 0)
			if (wait4(pid, &status, WNOHANG, &ru) == pid) {
				exited = 1;
				break;
			}
		if (exited || wait4(pid, &status, WNOHANG, &ru) == pid)
			exited = 1;
		else
			usleep(100000);
	}
	if (!exited) {
		kill(pid, SIGKILL);
		wait4(pid, &status, 0, &ru);
	}
	printf("%.1f\n", (double)ru.ru_maxrss / 1e3);
	return 0;
}
