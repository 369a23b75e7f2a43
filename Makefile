# accelscope: one non-recursive Makefile.
#
#   make            build ./accelscope
#   make run        install missing build dependencies, build, open accelscope
#   make check      install missing dependencies, build, run every test
#   make asan       the whole test suite under AddressSanitizer + UBSan
#   make valgrind   every subcommand and an explorer session under memcheck
#   make fuzz       install clang and libFuzzer if missing, build the fuzz
#                   targets of tests/fuzz/ into build-fuzz/ and run each
#                   for FUZZ_TIME seconds (default 60), two at a time;
#                   fails if one finds a crash, leak or timeout.  make
#                   check replays their corpora without clang.
#   make deps       install missing build dependencies (Debian/Ubuntu)
#   make install    PREFIX=/usr/local DESTDIR= honoured; also BINDIR, MANDIR,
#                   DATADIR, BASHCOMPDIR, ZSHCOMPDIR
#   make uninstall, make clean

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
DATADIR   ?= $(PREFIX)/share/accelscope
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
CC        ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS    ?= -O2 -g
B         ?= build

WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes
ifeq ($(CI),true)
WARN     += -Werror
endif
# Expanded when a recipe runs, so after 'make deps' has installed them.
PCRE_CFLAGS  = $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS    = $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
# ncursesw's own feature macros would redefine ours (-D_XOPEN_SOURCE=600).
CURSES_CFLAGS = $(filter-out -D_XOPEN_SOURCE%,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
CURSES_LIBS  = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS  = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CPPFLAGS = -D_XOPEN_SOURCE=700 -DVERSION='"$(VERSION)"' \
               -DDATADIR='"$(DATADIR)"' -Isrc -I$(B) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS) $(PCRE_CFLAGS) -MMD -MP
CORE_LIBS    = -lcsv $(PCRE_LIBS) -lm

# mkbundled.c is a build tool: it makes bundled_parts.c.
CORE_SRC  = $(filter-out src/mkbundled.c,$(wildcard src/*.c))
UI_SRC    = $(wildcard ui/*.c)
TEST_SRC  = $(wildcard tests/unit/test_*.c)
DATA      = $(sort $(wildcard dataset/*.csv))
# Sorted by theme name (bundled_theme_names is a sorted list).
THEME_NAMES = $(sort $(basename $(notdir $(wildcard themes/*.theme))))
THEMES    = $(THEME_NAMES:%=themes/%.theme)
CORE_OBJ  = $(CORE_SRC:%.c=$(B)/%.o) $(B)/bundled.o $(B)/bundled_parts.o \
            $(B)/bundled_themes.o
# What mkbundled needs of the core: the CSV loader alone.
MKBUNDLED_OBJ = $(addprefix $(B)/src/,table.o grid.o utf8.o xmalloc.o \
            diag.o buf.o number.o)
UI_OBJ    = $(UI_SRC:%.c=$(B)/%.o)
TEST_BIN  = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
MANPAGES  = $(wildcard man/*.[1-9])
# Fuzz targets: tests/fuzz/fuzz_NAME.c.  Each is linked twice: with
# libFuzzer (make fuzz, clang) and with replay.c, which make check runs
# over the target's corpus and saved crashes with any compiler.
FUZZ_TARGETS = $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BIN  = $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%)
REPLAY_BIN = $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
FUZZ_RUNS = $(FUZZ_TARGETS:%=fuzz-run-%)
# The argument target drives cli_main(): the ui objects but main().
FUZZ_UI_OBJ = $(filter-out $(B)/ui/main.o,$(UI_OBJ))
FUZZ_TIME ?= 60
FUZZ_CC   ?= clang
FUZZ_SAN  = -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: all run check test golden asan valgrind bench bench-run deps install uninstall \
        clean lint-man fuzz fuzz-deps fuzz-build $(FUZZ_RUNS)
.DEFAULT_GOAL := all

all: accelscope

accelscope: $(B)/accelscope
	cp $(B)/accelscope $@.tmp && mv -f $@.tmp $@

$(B)/accelscope: $(UI_OBJ) $(B)/libaccelscope.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UI_OBJ) $(B)/libaccelscope.a \
	    $(CURSES_LIBS) $(CORE_LIBS)

$(B)/libaccelscope.a: $(CORE_OBJ)
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJ)

$(B)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/ui/%.o: ui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CURSES_CFLAGS) -c -o $@ $<

# The bundled dataset, compiled in so the program runs from any directory.
$(B)/bundled.c: $(DATA) Makefile
	@mkdir -p $(@D)
	@{ echo '/* Generated from dataset/ by the Makefile: do not edit. */'; \
	  echo '#include "bundled.h"'; \
	  for f in $(DATA); do \
	    v=$$(basename $$f .csv); \
	    echo "static const unsigned char data_$$v[] = {"; \
	    od -An -v -tx1 $$f | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0x00};'; \
	  done; \
	  echo 'const struct bundled_file bundled_files[] = {'; \
	  for f in $(DATA); do \
	    v=$$(basename $$f .csv); \
	    echo "	{ \"$$v.csv\", (const char *)data_$$v, sizeof data_$$v - 1 },"; \
	  done; \
	  echo '	{ NULL, NULL, 0 }'; echo '};'; } > $@.tmp && mv $@.tmp $@

$(B)/bundled.o: $(B)/bundled.c src/bundled.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The bundled dataset again, parsed into cells by the build.
$(B)/mkbundled: src/mkbundled.c $(MKBUNDLED_OBJ)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(MKBUNDLED_OBJ) -lcsv -lm

$(B)/bundled_parts.c: $(B)/mkbundled $(DATA)
	$(B)/mkbundled $(DATA) > $@.tmp && mv $@.tmp $@

$(B)/bundled_parts.o: $(B)/bundled_parts.c src/bundled.h src/table.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The bundled themes, the same way; names are file names less ".theme".
$(B)/bundled_themes.c: $(THEMES) Makefile
	@mkdir -p $(@D)
	@{ echo '/* Generated from themes/ by the Makefile: do not edit. */'; \
	  echo '#include "bundled.h"'; \
	  i=0; for f in $(THEMES); do \
	    echo "static const unsigned char theme_$$i[] = {"; \
	    od -An -v -tx1 $$f | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0x00};'; i=$$((i + 1)); \
	  done; \
	  echo 'const struct bundled_file bundled_themes[] = {'; \
	  i=0; for n in $(THEME_NAMES); do \
	    echo "	{ \"$$n\", (const char *)theme_$$i, sizeof theme_$$i - 1 },"; \
	    i=$$((i + 1)); \
	  done; \
	  echo '	{ NULL, NULL, 0 }'; echo '};'; \
	  echo 'const char *const bundled_theme_names[] = {'; \
	  for n in $(THEME_NAMES); do echo "	\"$$n\","; done; \
	  echo '	NULL'; echo '};'; } > $@.tmp && mv $@.tmp $@

$(B)/bundled_themes.o: $(B)/bundled_themes.c src/bundled.h
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests link the core alone: a curses call in src/ fails here.
$(B)/tests/%: tests/unit/%.c $(B)/libaccelscope.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/libaccelscope.a $(CMOCKA_LIBS) $(CORE_LIBS)

# The fuzz targets' objects, and their two links.
$(B)/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Iui -Itests/fuzz $(ALL_CFLAGS) -c -o $@ $<

$(REPLAY_BIN): $(B)/fuzz/replay_%: $(B)/fuzz/fuzz_%.o $(B)/fuzz/fuzz.o \
    $(B)/fuzz/replay.o $(B)/libaccelscope.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) \
	    $(B)/libaccelscope.a $(if $(filter %_args,$@),$(CURSES_LIBS)) \
	    $(CORE_LIBS)

$(FUZZ_BIN): $(B)/fuzz/fuzz_%: $(B)/fuzz/fuzz_%.o $(B)/fuzz/fuzz.o \
    $(B)/libaccelscope.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ \
	    $(filter %.o,$^) $(B)/libaccelscope.a \
	    $(if $(filter %_args,$@),$(CURSES_LIBS)) $(CORE_LIBS)

$(B)/fuzz/fuzz_args $(B)/fuzz/replay_args: $(FUZZ_UI_OBJ)

# Benchmarks (tests/bench/): timed, never part of make check.
$(B)/bench/%: tests/bench/%.c $(B)/libaccelscope.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/libaccelscope.a $(CORE_LIBS)

# bench_view times the explorer's table code, so it links the ui objects.
$(B)/bench/bench_view: tests/bench/bench_view.c $(filter-out $(B)/ui/main.o,$(UI_OBJ)) $(B)/libaccelscope.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) -Iui $(ALL_CFLAGS) $(CURSES_CFLAGS) $(LDFLAGS) \
	    -o $@ $< $(filter-out $(B)/ui/main.o,$(UI_OBJ)) \
	    $(B)/libaccelscope.a $(CURSES_LIBS) $(CORE_LIBS)

$(B)/bench/firstframe: tests/bench/firstframe.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -D_GNU_SOURCE $(LDFLAGS) -o $@ $< -lutil

$(B)/bench/hello: tests/bench/hello.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) $(LDFLAGS) -o $@ $< $(CURSES_LIBS)

$(B)/bench/gencsv: tests/bench/gencsv.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# The synthetic tables, made once: 1k, 100k and 1M rows (157 MB).
$(B)/bench/rows-%.csv: $(B)/bench/gencsv
	$(B)/bench/gencsv $* > $@.tmp && mv $@.tmp $@

BENCH_ROWS = 1000 100000 1000000
# make check builds these too, without running them, so that they keep up
# with the code.
BENCH_BIN = $(B)/bench/bench_calc $(B)/bench/bench_view \
    $(B)/bench/firstframe $(B)/bench/hello $(B)/bench/gencsv
bench:
	@sh tests/deps.sh bench
	@$(MAKE) --no-print-directory bench-run

bench-run: $(B)/accelscope $(BENCH_BIN) $(BENCH_ROWS:%=$(B)/bench/rows-%.csv)
	@echo "== calculator ($$(uname -m), $$(nproc) cores)"
	@$(B)/bench/bench_calc
	@for n in $(BENCH_ROWS); do \
		echo "== view: $$n rows"; \
		$(B)/bench/bench_view $(B)/bench/rows-$$n.csv memory_gb; \
	done
	@sh tests/bench/compare.sh $(B) $(BENCH_ROWS)

deps:
	@sh tests/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./accelscope

check: deps
	@$(MAKE) --no-print-directory test

test: $(B)/accelscope $(TEST_BIN) $(REPLAY_BIN) $(BENCH_BIN)
	@sh tests/run.sh $(B)

asan:
	@$(MAKE) --no-print-directory B=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# The normal -O2 -g build, as installed: memcheck needs no instrumented
# binary, and tests/valgrind.sh checks what users run.
valgrind:
	@sh tests/deps.sh valgrind
	@$(MAKE) --no-print-directory $(B)/accelscope $(B)/tests/nojit.so
	@sh tests/valgrind.sh $(B)

# Preloaded under memcheck: PCRE2's JIT off; tests/nojit.c says why.
$(B)/tests/nojit.so: tests/nojit.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(PCRE_CFLAGS) -fPIC -shared $(LDFLAGS) -o $@ $<

# Fuzzing: everything built again with clang into build-fuzz/, libFuzzer
# and the sanitizers compiled in; then every target runs for FUZZ_TIME
# seconds, two at a time, -k so that each runs even when one fails.
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory B=build-fuzz CC=$(FUZZ_CC) \
	    CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    LDFLAGS="$(FUZZ_SAN)" fuzz-build
	@$(MAKE) --no-print-directory -k -j2 B=build-fuzz $(FUZZ_RUNS)

fuzz-deps:
	@sh tests/deps.sh fuzz

fuzz-build: $(FUZZ_BIN)

$(FUZZ_RUNS): fuzz-run-%:
	@sh tests/fuzz/run.sh $(B) $* $(FUZZ_TIME)

# Rewrite the golden files from the program's output; review the diff.
golden: $(B)/accelscope
	@UPDATE=1 sh tests/run.sh $(B)

lint-man:
	mandoc -Tlint -Wwarning $(MANPAGES)

# Installs the binary from $(B), so 'make install B=DIR' takes one already
# built there as it is.
install: $(B)/accelscope
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/dataset \
	    $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(B)/accelscope $(DESTDIR)$(BINDIR)/accelscope
	for m in $(MANPAGES); do s=$${m##*.}; \
	    install -d $(DESTDIR)$(MANDIR)/man$$s && \
	    install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; done
	install -m 644 $(DATA) $(DESTDIR)$(DATADIR)/dataset/
	for t in themes/*; do [ -f "$$t" ] && \
	    install -m 644 $$t $(DESTDIR)$(DATADIR)/themes/; done; true
	install -m 644 ui/completion/accelscope.bash \
	    $(DESTDIR)$(BASHCOMPDIR)/accelscope
	install -m 644 ui/completion/_accelscope $(DESTDIR)$(ZSHCOMPDIR)/_accelscope

# Removes what install put there; the directories it may share with other
# programs stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/accelscope
	for m in $(MANPAGES); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/accelscope $(DESTDIR)$(ZSHCOMPDIR)/_accelscope
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz accelscope

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(wildcard $(B)/fuzz/*.d)
