#!/bin/sh
# Install what accelscope needs to build and test, if it is missing.
# Debian/Ubuntu: apt-get (through sudo when not root).  Elsewhere: say exactly
# what is needed and stop.
#
#   sh tests/deps.sh            what make, make check and make asan need
#   sh tests/deps.sh valgrind   that, and valgrind for make valgrind
#   sh tests/deps.sh fuzz       that, and clang with libFuzzer for make fuzz
missing=""
need() { missing="$missing $1"; }

# apt-get install the packages named; exits when that cannot be done.
apt_install() {
	echo "accelscope: missing:$*"
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "accelscope: not a Debian/Ubuntu system: install the equivalents of"
		echo "  $*"
		echo "with your package manager (ncursesw, PCRE2, cmocka, libcsv, mandoc, tmux, zsh; clang with libFuzzer for make fuzz), then run make again."
		exit 1
	fi
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo="sudo"
		else
			echo "accelscope: not root and no sudo: run as root: apt-get install $*"
			exit 1
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	echo "accelscope: installing: $*"
	$sudo apt-get update -q || exit 1
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends "$@" || exit 1
}

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
# A decimal-comma locale for the locale test (localedef builds it).
[ -f /usr/share/i18n/locales/de_DE ] || need locales
case ${1:-} in
"") ;;
valgrind) command -v valgrind >/dev/null 2>&1 || need valgrind ;;
fuzz) command -v clang >/dev/null 2>&1 || need clang ;;
# make bench compares with VisiData, and reads peak memory with time(1).
bench)
	command -v vd >/dev/null 2>&1 || need visidata
	[ -x /usr/bin/time ] || need time
	;;
*) echo "accelscope: deps.sh: unknown extra \"$1\""; exit 1 ;;
esac

# shellcheck disable=SC2086
[ -z "$missing" ] || apt_install $missing
[ "${1:-}" = fuzz ] || exit 0

# Whether clang links a libFuzzer target with the sanitizers make fuzz uses.
fuzz_links() {
	d=$(mktemp -d) || return 1
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
	    '{ (void)d; (void)n; return 0; }' > "$d/t.c"
	clang -fsanitize=fuzzer,address,undefined -o "$d/t" "$d/t.c" \
	    >/dev/null 2>&1
	r=$?
	rm -rf "$d"
	return $r
}
fuzz_links && exit 0
# libFuzzer is in clang's runtime package, named for its major version
# (Debian bookworm: clang 14, libclang-rt-14-dev).
v=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
apt_install "libclang-rt-${v:-14}-dev"
fuzz_links && exit 0
echo "accelscope: clang cannot link a libFuzzer target (-fsanitize=fuzzer); make fuzz needs it"
exit 1
