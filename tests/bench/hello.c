/*
 * hello: the least a curses program does before its first frame, for
 * scale next to accelscope's (tests/bench/compare.sh): the locale, initscr,
 * one line on the screen, and a key to end.
 *
 *	hello TEXT
 */
#include <curses.h>
#include <locale.h>

int
main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, argc > 1 ? argv[1] : "hello");
	refresh();
	getch();
	endwin();
	return 0;
}
