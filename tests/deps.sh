#!/bin/sh
# Install what accelscope needs to build and test, if it is missing.
# Debian/Ubuntu: apt-get (through sudo when not root).  Elsewhere: say exactly
# what is needed and stop.
#
#   sh tests/deps.sh            what make check needs
#   sh tests/deps.sh valgrind   that, and valgrind for make valgrind
missing=""
need() { missing="$missing $1"; }

have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need gcc
command -v make >/dev/null 2>&1 || need make
command -v pkg-config >/dev/null 2>&1 || need pkg-config
have_pc ncursesw || need libncurses-dev
have_pc libpcre2-8 || need libpcre2-dev
have_pc cmocka || need libcmocka-dev
[ -f /usr/include/csv.h ] || [ -f /usr/local/include/csv.h ] || need libcsv-dev
command -v mandoc >/dev/null 2>&1 || need mandoc
command -v tmux >/dev/null 2>&1 || need tmux
# Terminal descriptions the colour tests use (xterm-direct: 24-bit).
infocmp xterm-direct >/dev/null 2>&1 || need ncurses-term
# The tests read CSV and JSON output back with an independent parser.
command -v python3 >/dev/null 2>&1 || need python3
# man -l in the tests and for readers of the pages.
command -v man >/dev/null 2>&1 || need man-db
# The zsh completion is tested in a real zsh (the bash one needs only bash).
command -v zsh >/dev/null 2>&1 || need zsh
for extra; do
	case $extra in
	valgrind) command -v valgrind >/dev/null 2>&1 || need valgrind ;;
	*) echo "accelscope: deps.sh: unknown extra \"$extra\""; exit 1 ;;
	esac
done

[ -z "$missing" ] && exit 0
echo "accelscope: missing:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "accelscope: not a Debian/Ubuntu system: install the equivalents of"
	echo "  $missing"
	echo "with your package manager (ncursesw, PCRE2, cmocka, libcsv, mandoc, tmux, zsh), then run make again."
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "accelscope: not root and no sudo: run as root: apt-get install$missing"
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "accelscope: installing:$missing"
$sudo apt-get update -q || exit 1
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing || exit 1
