# vabench — a small explicit Makefile (STYLE.md habit 14).
#   make          build build/vabench
#   make test     install missing deps, build with ASan/UBSan, run every test
#   make demo     run a whole contest against five mock provinces on loopback
#   make bench    measured figures (ratios against wrk / cJSON parse)

PKGS     := libcurl libcjson glib-2.0 gio-2.0 libmicrohttpd libcrypto
SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD    ?= build-san
# float-cast-overflow is not part of "undefined" in gcc: a double out of an
# integer's range cast to it ("turn": 1e20) is caught too (issue 19).
SANFLAGS := -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined,float-cast-overflow
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
           -Wno-unused-parameter $(OPT) $(SANFLAGS) $(PKG_CFLAGS) \
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


.PHONY: all deps-quiet test-bins test demo bench clean
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

test: deps-quiet
	@$(MAKE) --no-print-directory SANITIZE=1 BUILD=build-san test-bins
	@tests/run.sh build-san

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
	rm -rf build build-san

-include $(shell find build build-san -name '*.d' 2>/dev/null)
