/*
 * accelscope: set the locale up, then hand over to the command line.
 */
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "cli.h"
#include "utf8.h"

int
main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	/* A terminal that cannot show UTF-8 gets ASCII stand-ins. */
	utf8_set_ascii(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	return cli_main(argc, argv);
}
