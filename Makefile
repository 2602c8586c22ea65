# SPDX-License-Identifier: GPL-2.0
# MMU notifier series harness.  'make help' lists the targets.
#   BASE=mainline   test mainline's implementation (only the fixes and tests parts of the series)
#   VARIANT=kasan   add configs/variants/kasan.config to the test kernel
#   REPEAT=N        make check only boots the built kernel N times, counting each test's failures

BASE ?= series
VARIANT ?=
export BASE VARIANT

S := scripts
TREE = $(if $(filter mainline,$(BASE)),build/linux-mainline,build/linux)
OBJ = build/obj-$(BASE)$(if $(VARIANT),-$(VARIANT))

.PHONY: help deps tree export kernel check check-full run bench consumers crc nomn docs clean

help:
	@echo 'make run        build the patched kernel, boot it, and swap, merge and migrate a KVM guest in it'
	@echo 'make check      apply, lint, build, boot and test the series (BASE=mainline, VARIANT=kasan)'
	@echo 'make check REPEAT=N  boot the built test kernel N times; per test, how many runs failed'
	@echo 'make check-full the same, plus the slow selftests of patches/selftests-full'
	@echo 'make bench      what MMU notifiers cost: the series against mainline, in guest instructions'
	@echo 'make tree       materialise build/linux: the base plus the series as commits'
	@echo 'make export     regenerate patches/ from the commits of build/linux'
	@echo 'make kernel     build the test kernel (O=$(OBJ))'
	@echo 'make consumers  compile every in-tree user of the mmu_notifier API'
	@echo 'make crc        compare the modversions CRCs of the notifier, hmm, KVM and user exports with v7.3'
	@echo 'make nomn       build vmlinux with CONFIG_MMU_NOTIFIER=n and the users that allow it'
	@echo 'make docs       build Documentation/mm with Sphinx; fails on any warning about mmu_notifier'

deps:
	@$(S)/deps.sh

tree: deps
	@$(S)/mktree.sh $(BASE)

export:
	@$(S)/export.sh

kernel: tree
	@$(S)/build-kernel.sh $(TREE) $(OBJ) $(VARIANT)

check: deps
	@$(S)/check.sh

check-full: deps
	@FULL=1 $(S)/check.sh

run: deps
	@$(S)/run.sh

bench:
	@$(S)/deps.sh python3-matplotlib
	@$(S)/bench.sh

consumers: deps
	@$(S)/consumers.sh

crc: deps
	@$(S)/crc.sh

nomn: deps
	@$(S)/nomn.sh

docs:
	@$(S)/deps.sh python3-sphinx python3-yaml graphviz
	@$(S)/docs.sh

clean:
	rm -rf build
