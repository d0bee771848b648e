# boardreport — see README.md.
#
# libhpdf-dev ships no pkg-config file on Debian, so libharu is linked with a
# plain -lhpdf; libyaml and cmocka are found with pkg-config.

PREFIX  ?= /usr/local
DESTDIR ?=
DATADIR  = $(PREFIX)/share/boardreport

CC      ?= cc
PKG_CONFIG ?= pkg-config

# Debian packages, each with what shows it is there (a file or a command):
# `make deps` installs only the missing ones, and says which.  The build
# needs BUILD_DEPS; the tests also need TEST_DEPS (poppler-utils reads the
# PDFs back, python3 with jsonschema and yaml checks the exports
# and the schema independently, openpyxl reads the xlsx export back, python3
# reads tagged PDFs with
# tests/tools/check_tags.py, man-db reads the installed man page, qpdf
# checks the PDFs' syntax).
BUILD_DEPS = gcc:cc make:make pkg-config:pkg-config libc6-dev:/usr/include/stdio.h \
             libhpdf-dev:/usr/include/hpdf.h libyaml-dev:/usr/include/yaml.h \
             libxlsxwriter-dev:/usr/include/xlsxwriter.h zlib1g-dev:/usr/include/zlib.h \
             poppler-utils:pdfinfo
TEST_DEPS  = libcmocka-dev:/usr/include/cmocka.h python3:/usr/bin/python3 \
             python3-yaml:py:yaml python3-jsonschema:py:jsonschema python3-openpyxl:py:openpyxl \
             man-db:man qpdf:qpdf
VERSION  = 0.1
# Debian's python3, where the python3-* packages above install (not a
# python3 earlier on PATH); the tests use it through $PYTHON.
PYTHON   = /usr/bin/python3
export PYTHON

YAML_CFLAGS = $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS   = $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
XLSX_CFLAGS = $(shell $(PKG_CONFIG) --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS   = $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wno-missing-field-initializers
# CPPFLAGS and LDFLAGS are the packager's (Debian's dpkg-buildflags sets them).
BASE_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(WARN) -Iinclude $(YAML_CFLAGS) $(XLSX_CFLAGS) \
          -DBR_DATADIR='"$(DATADIR)"' -DBR_VERSION='"$(VERSION)"' -MMD -MP $(CPPFLAGS)
CFLAGS  ?= -O2 -g
SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDLIBS  = -lhpdf $(YAML_LIBS) $(XLSX_LIBS) -lz -lm

# One folder per pipeline stage (src/core, load, compute, compose, layout,
# paint, archive, cli); unit tests mirror them under tests/unit/<stage>/.
STAGES   = core load compute compose layout paint archive cli
SRC      = $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c src/$(s)/*/*.c))
LIB_SRC  = $(filter-out src/cli/main.c,$(SRC))
OBJ      = $(SRC:src/%.c=build/obj/%.o)
LIB_OBJ  = $(LIB_SRC:src/%.c=build/obj/%.o)
TOBJ     = $(SRC:src/%.c=build/test/obj/%.o)
TLIB_OBJ = $(LIB_SRC:src/%.c=build/test/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/*/test_*.c)
UNIT_BIN = $(addprefix build/test/,$(notdir $(UNIT_SRC:.c=)))
vpath test_%.c $(sort $(dir $(UNIT_SRC)))

ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all deps deps-build deps-pdfjs check-deps FORCE test structure unit integration golden golden-check \
        coverage bad clean install uninstall example examples bench memcheck fuzz

all: build/boardreport

# Installs the missing Debian packages when run as root, saying which;
# otherwise names them with the apt-get line and fails, so a fresh machine
# never gets a half-built tree.  NO_DEPS=1 skips it (packagers, offline builds).
deps:
	@$(MAKE) --no-print-directory check-deps DEPS_FOR=build DEPS_LIST="$(BUILD_DEPS)"
	@$(MAKE) --no-print-directory check-deps DEPS_FOR=tests DEPS_LIST="$(TEST_DEPS)"
	@$(MAKE) --no-print-directory deps-pdfjs
# pdf.js (npm's pdfjs-dist) reads the tagged PDFs in make test where node
# is installed; without node that test is skipped.
PDFJS = build/npm/node_modules/pdfjs-dist/legacy/build/pdf.mjs
deps-pdfjs:
ifneq ($(NO_DEPS),1)
	@if command -v node >/dev/null && command -v npm >/dev/null && [ ! -f $(PDFJS) ]; then \
	  echo "deps: installing pdfjs-dist from npm into build/npm"; \
	  npm install --silent --no-audit --no-fund --prefix build/npm pdfjs-dist@4 >/dev/null || exit 1; \
	fi
endif
deps-build:
	@$(MAKE) --no-print-directory check-deps DEPS_FOR=build DEPS_LIST="$(BUILD_DEPS)"
check-deps:
ifeq ($(NO_DEPS),1)
	@true
else
	@missing=""; for d in $(DEPS_LIST); do \
	  pkg=$${d%%:*}; what=$${d#*:}; \
	  case $$what in \
	    py:*) $(PYTHON) -c "import $${what#py:}" 2>/dev/null || missing="$$missing $$pkg" ;; \
	    /*) [ -e "$$what" ] || missing="$$missing $$pkg" ;; \
	    *) command -v "$$what" >/dev/null 2>&1 || missing="$$missing $$pkg" ;; \
	  esac; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing the Debian packages the $(DEPS_FOR) need:$$missing"; \
	    (apt-get update -qq || true) && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "deps: the $(DEPS_FOR) need Debian packages that are missing:$$missing"; \
	    echo "deps: run as root:  apt-get install -y$$missing   (or make NO_DEPS=1 to skip this check)"; exit 1; \
	  fi; \
	fi
endif

# The compiled-in data folder follows PREFIX: data.o is rebuilt when it changes.
build/datadir.stamp: FORCE
	@mkdir -p build
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
build/obj/core/data.o build/test/obj/core/data.o: build/datadir.stamp
FORCE:

build/boardreport: $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(BASE_CFLAGS) $(CFLAGS) -c -o $@ $<

# The test build: the same sources under AddressSanitizer and UBSan.
build/test/boardreport: $(TOBJ)
	@echo "  LD      $@"
	$(Q)$(CC) -O1 -g $(SAN) $(LDFLAGS) -o $@ $(TOBJ) $(LDLIBS)

build/test/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $< (asan,ubsan)"
	$(Q)$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -c -o $@ $<

build/test/test_%: test_%.c $(TLIB_OBJ) | build/test/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -Itests/unit $(LDFLAGS) -o $@ $< $(TLIB_OBJ) $(LDLIBS) $(CMOCKA_LIBS)

# The "nothing lost" oracle of the integration tests (tests/integration/nothing_lost.sh).
build/test/words: tests/tools/words.c $(TLIB_OBJ) | build/test/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $(LDFLAGS) -o $@ $< $(TLIB_OBJ) $(LDLIBS)

# The golden tests' dump tool: every stage's output as readable text
# (tests/golden/run.sh).
build/test/golden: tests/tools/golden.c $(TLIB_OBJ) | build/test/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $(LDFLAGS) -o $@ $< $(TLIB_OBJ) $(LDLIBS)

build/obj build/test/obj:
	$(Q)mkdir -p $@

# `make test` is what CI runs: dependencies, unit tests, then the binary on
# every file under tests/ and examples/.
test: deps
	$(Q)$(MAKE) --no-print-directory structure unit golden-check integration

# The shape of the code: stages include only earlier stages' headers, and
# every external name starts with br_.
structure: $(TOBJ)
	$(Q)sh tests/tools/layering.sh
	$(Q)sh tests/tools/names.sh $(TOBJ)

unit: $(UNIT_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1 sh tests/run-unit.sh $(UNIT_BIN)

# Golden tests: each case's dumps of the composed document, the display list
# and the exports must equal the files kept in tests/golden/<case>/.  After
# an intended change, `make golden` rewrites them (CASES=name limits either
# to some cases); review the diff and commit it with the change.
golden-check: build/test/golden
	$(Q)ASAN_OPTIONS=detect_leaks=1 sh tests/golden/run.sh build/test/golden $(CASES)

golden: build/test/golden
	$(Q)ASAN_OPTIONS=detect_leaks=1 UPDATE=1 sh tests/golden/run.sh build/test/golden $(CASES)

integration: build/bench/gen build/boardreport build/test/boardreport build/test/words build/test/golden
	$(Q)ASAN_OPTIONS=detect_leaks=1 BR=build/test/boardreport PDFJS=$(PDFJS) T="$(T)" sh tests/integration/run.sh

# The README's first command: build and render (for now: check and export)
# the bundled example.
example: deps-build
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tests/integration/example.sh build/boardreport

examples: all
	$(Q)sh tests/integration/example.sh build/boardreport

memcheck: all
	$(Q)sh tests/integration/memcheck.sh build/boardreport

# `make coverage`: the unit, golden and integration tests run once more on
# a build instrumented for gcov (build/cov/, no sanitizers), then the line
# coverage of each file of src/ and the total (tests/tools/coverage.sh;
# the figure is in the README's development section).
COV_FLAGS = -O0 -g --coverage
COV_OBJ   = $(SRC:src/%.c=build/cov/obj/%.o)
COV_LIB   = $(LIB_SRC:src/%.c=build/cov/obj/%.o)
COV_UNIT  = $(addprefix build/cov/,$(notdir $(UNIT_SRC:.c=)))

coverage: build/cov/boardreport build/cov/golden build/cov/words $(COV_UNIT) build/bench/gen
	$(Q)find build/cov/obj -name '*.gcda' -delete
	$(Q)sh tests/run-unit.sh $(COV_UNIT) >build/cov/unit.log 2>&1 || { tail -20 build/cov/unit.log; exit 1; }
	$(Q)sh tests/golden/run.sh build/cov/golden >build/cov/golden.log 2>&1 || { cat build/cov/golden.log; exit 1; }
	@# Not a verdict: under `ulimit -f` the instrumented binary dies writing
	@# its .gcda files, so the output-safety test fails here by design.
	$(Q)BR=build/cov/boardreport WORDS=build/cov/words GOLDEN=build/cov/golden \
	  sh tests/integration/run.sh >build/cov/integration.log 2>&1 || grep '^FAIL' build/cov/integration.log || true
	$(Q)sh tests/tools/coverage.sh build/cov/obj | tee build/cov/coverage.txt | tail -1

build/cov/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $< (coverage)"
	$(Q)$(CC) $(BASE_CFLAGS) $(COV_FLAGS) -c -o $@ $<

build/cov/boardreport: $(COV_OBJ)
	$(Q)$(CC) $(COV_FLAGS) -o $@ $(COV_OBJ) $(LDLIBS)

build/cov/golden: tests/tools/golden.c $(COV_LIB)
	$(Q)$(CC) $(BASE_CFLAGS) $(COV_FLAGS) -o $@ $< $(COV_LIB) $(LDLIBS)

build/cov/words: tests/tools/words.c $(COV_LIB)
	$(Q)$(CC) $(BASE_CFLAGS) $(COV_FLAGS) -o $@ $< $(COV_LIB) $(LDLIBS)

build/cov/test_%: test_%.c $(COV_LIB)
	$(Q)$(CC) $(BASE_CFLAGS) $(COV_FLAGS) -Itests/unit -o $@ $< $(COV_LIB) $(LDLIBS) $(CMOCKA_LIBS)

# `make bench`: generated reports of 200, 2,000 and 20,000 measures, checked
# and rendered, then `check` on each worst-case 8 MiB file of bench/worst.c,
# and rendered with the -O2 build; prints pages, time, memory and PDF size
# (bench/README.md).  The generator and the timer are plain C, no Python.
BENCH_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(WARN) -O2 -g

bench: all build/bench/gen build/bench/peak build/bench/worst
	$(Q)sh bench/run.sh
	$(Q)sh bench/archive.sh

build/bench/worst: bench/worst.c | build/bench
	@echo "  CC      $<"
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $<

build/bench/gen: bench/gen.c bench/words.h | build/bench
	@echo "  CC      $<"
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $<

build/bench/peak: bench/peak.c | build/bench
	@echo "  CC      $<"
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $<

build/bench:
	$(Q)mkdir -p $@

# `make fuzz`: libFuzzer targets (tests/fuzz/README.md) built with clang
# under ASan and UBSan, each run for FUZZ_SECONDS from the seed corpus in
# tests/fuzz/corpus_*; new inputs go to build/fuzz/corpus_*, crashes to
# build/fuzz/crashes/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(BASE_CFLAGS) -O1 -g $(FUZZ_SAN) -DBR_FUZZ_ROOT='"$(CURDIR)"'
FUZZ_OBJ      = $(LIB_SRC:src/%.c=build/fuzz/obj/%.o)
FUZZ_TARGETS  = load render template bag

fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	$(Q)mkdir -p build/fuzz/crashes
	$(Q)for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus_$$t; \
	  echo "  FUZZ    $$t for $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -dict=tests/fuzz/yaml.dict -artifact_prefix=build/fuzz/crashes/$$t- \
	    -print_final_stats=1 build/fuzz/corpus_$$t tests/fuzz/corpus_$$t \
	    $$(ls -d tests/fuzz/found_$$t 2>/dev/null) || exit 1; \
	done

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJ) | build/fuzz/obj
	@echo "  CC      $< (libFuzzer,asan,ubsan)"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC      $< (fuzz)"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/obj:
	$(Q)mkdir -p $@

# Kept between runs (make would delete them as intermediates).
.SECONDARY: $(FUZZ_OBJ)

MANDIR  = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions

# Everything lands under $(DESTDIR)$(PREFIX); the binary finds its data at
# <exe>/../share/boardreport wherever that is (docs/quickstart.md).
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts \
	  $(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(DATADIR)/starter $(DESTDIR)$(DATADIR)/doc \
	  $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 build/boardreport $(DESTDIR)$(PREFIX)/bin/boardreport
	install -m 644 templates/*.yaml $(DESTDIR)$(DATADIR)/templates/
	install -m 644 fonts/* $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 schema/boardreport.schema.json $(DESTDIR)$(DATADIR)/schema/
	install -m 644 starter/*.yaml $(DESTDIR)$(DATADIR)/starter/
	install -m 644 docs/*.md $(DESTDIR)$(DATADIR)/doc/
	sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@DATADIR@|$(DATADIR)|g' man/boardreport.1 \
	  > $(DESTDIR)$(MANDIR)/boardreport.1 && chmod 644 $(DESTDIR)$(MANDIR)/boardreport.1
	install -m 644 completion/boardreport.bash $(DESTDIR)$(BASHCOMPDIR)/boardreport

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/boardreport $(DESTDIR)$(MANDIR)/boardreport.1 \
	  $(DESTDIR)$(BASHCOMPDIR)/boardreport
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(TOBJ:.o=.d) $(UNIT_BIN:=.d) build/test/words.d build/test/golden.d $(FUZZ_OBJ:.o=.d)
