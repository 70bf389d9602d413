# vabench — a small explicit Makefile (STYLE.md habit 14).
#   make          build build/vabench
#   make test     install missing deps, build with ASan/UBSan, run every test
#   make demo     run a whole contest against five mock provinces on loopback
#   make bench    measured figures (ratios against wrk / cJSON parse)
#   make fuzz     every libFuzzer target for FUZZ_SECONDS each (tests/fuzz/)
#   make test-clang  the unit tests built with clang (build-fuzz/)

PKGS     := libcurl libcjson glib-2.0 gio-2.0 libmicrohttpd libcrypto
SANITIZE ?= 0
FUZZ     ?= 0
# float-cast-overflow is not part of gcc's -fsanitize=undefined: without it
# a double read from a file ("turn": 1e20) cast to an integer goes unseen.
UBSAN    := undefined,float-cast-overflow
ifeq ($(FUZZ),1)
# clang: libFuzzer's coverage on every object (fuzzer-no-link), so the same
# library links into the fuzz targets (-fsanitize=fuzzer) and into the test
# programs of `make test-clang`.
CC       := clang
BUILD    := build-fuzz
SANFLAGS := -fsanitize=address,$(UBSAN),fuzzer-no-link -fno-omit-frame-pointer \
            -fno-sanitize-recover=$(UBSAN)
OPT      := -O1 -g
# clang warns on the `{ NULL }` that ends a GOptionEntry table; gcc does not.
WEXTRA   := -Wno-missing-field-initializers
else ifeq ($(SANITIZE),1)
BUILD    ?= build-san
SANFLAGS := -fsanitize=address,$(UBSAN) -fno-omit-frame-pointer \
            -fno-sanitize-recover=$(UBSAN)
OPT      := -O1 -g
else
BUILD    ?= build
OPT      ?= -O2 -g
endif

# pkg-config is read on first use, once, not when make parses this file: on
# a fresh machine the first recipe that needs it runs after deps-quiet has
# installed the libraries, so the first `make` works (issue: it used to stop
# at glib.h and only the second run built).
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS) 2>/dev/null))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS) 2>/dev/null))$(PKG_LIBS)
INSTALL_DEPS ?= scripts/install-deps.sh
VERSION    := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wstrict-prototypes -Werror \
           -Wno-unused-parameter $(WEXTRA) $(OPT) $(SANFLAGS) $(PKG_CFLAGS) \
           -I. -DVABENCH_VERSION='"0.1.0-$(VERSION)"' -MMD -MP
LDLIBS  += $(PKG_LIBS) -lm
LDFLAGS += $(SANFLAGS)

# Every module folder is a library part; harness/main.c is the only entry point.
LIB_SRCS := $(sort $(wildcard util/*.c rundir/*.c testsets/*.c submissions/*.c \
              submissions/mock/*.c scoring/*.c reports/*.c harness/*.c))
LIB_SRCS := $(filter-out harness/main.c,$(LIB_SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
# Data compiled into the binary (scripts/embed-text.sh): the judge's cues.
GEN_OBJS := $(BUILD)/gen/cues_data.o
LIB_OBJS += $(GEN_OBJS)
TEST_SRCS := $(sort $(wildcard tests/test-*.c))
TEST_BINS := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
# libFuzzer targets (tests/fuzz/README.md), built with FUZZ=1 only.
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%) $(BUILD)/fuzz/seeds
FUZZ_SECONDS ?= 60


.PHONY: all deps-quiet test-bins test demo bench clean fuzz fuzz-bins \
        test-clang
all: deps-quiet $(BUILD)/vabench

deps-quiet:
	@$(INSTALL_DEPS) --quiet

# Every object waits for the installer (order-only: it never forces a
# rebuild), also under make -j.
$(BUILD)/%.o: %.c | deps-quiet
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/gen/cues_data.c: scoring/cues.tsv scripts/embed-text.sh | deps-quiet
	@mkdir -p $(dir $@)
	@scripts/embed-text.sh $< cues_tsv >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c | deps-quiet
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libvabench.a: $(LIB_OBJS)
	@rm -f $@
	@$(AR) rcs $@ $^

$(BUILD)/vabench: $(BUILD)/harness/main.o $(BUILD)/libvabench.a
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libvabench.a
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

test-bins: $(BUILD)/vabench $(TEST_BINS)

$(BUILD)/fuzz/seeds: $(BUILD)/tests/fuzz/seeds.o $(BUILD)/libvabench.a
	@mkdir -p $(dir $@)
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(BUILD)/libvabench.a
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

fuzz-bins: $(FUZZ_BINS)

# The fuzz smoke (20 s a target, tests/fuzz/smoke.sh) runs inside
# tests/run.sh when clang with libFuzzer is here; without it, it skips.
test: deps-quiet
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-san test-bins
	@if tests/fuzz/have-libfuzzer.sh; then \
	  $(MAKE) --no-print-directory FUZZ=1 fuzz-bins; fi
	@tests/run.sh build-san

# Every fuzz target for FUZZ_SECONDS (default 60), two at a time.
fuzz: deps-quiet
	@tests/fuzz/have-libfuzzer.sh || { \
	  echo "make fuzz: clang with libFuzzer is needed (apt-get install clang)"; \
	  exit 2; }
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-bins
	@tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# The unit and integration tests built with clang (build-fuzz/, the same
# objects as the fuzz targets: ASan, UBSan with float-cast-overflow).
test-clang: deps-quiet
	@$(MAKE) --no-print-directory FUZZ=1 test-bins
	@tests/run.sh build-fuzz

demo: deps-quiet $(BUILD)/vabench
	@scripts/demo.sh $(BUILD)/vabench

bench: deps-quiet $(BUILD)/vabench $(BUILD)/bench-parse $(BUILD)/bench-curl \
       $(BUILD)/tests/test-corpus $(BUILD)/tests/test-golden
	@scripts/bench.sh $(BUILD)/vabench

$(BUILD)/bench-parse: scripts/bench-parse.c | deps-quiet
	@$(CC) -O2 $(PKG_CFLAGS) $< -o $@ $(PKG_LIBS)

$(BUILD)/bench-curl: scripts/bench-curl.c | deps-quiet
	@$(CC) -O2 $(PKG_CFLAGS) $< -o $@ $(PKG_LIBS)

clean:
	rm -rf build build-san build-fuzz

-include $(shell find build build-san build-fuzz -name '*.d' 2>/dev/null)
