#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: what MMU notifiers cost, the series against mainline, in one run.  Builds a
# production-like kernel of each tree, with the same config (the test kernel's plus
# configs/bench/bench.config: no lockdep, DEBUG_VM or KUnit), in build/obj-<mode>-bench;
# boots each with one vCPU under "-icount shift=0,sleep=off", where a guest nanosecond
# is a guest instruction, and without the test boot's fake NUMA, huge pages and big SRCU; runs the tests part's mmu_notifier_bench, one binary for both;
# and prints the table (scripts/bench.py).  Results: build/bench/.
source "$(dirname "$0")/lib.sh"

out=$BUILD/bench
modes=(mainline series)
mkdir -p "$out"
for m in "${modes[@]}"; do
	"$TOP/scripts/mktree.sh" "$m"
	"$TOP/scripts/build-kernel.sh" "$(tree_dir "$m")" "$BUILD/obj-$m-bench" "$TOP/configs/bench/bench.config"
done
# The tests part is in both trees: build the benchmark once, from the series.
echo "mm/mmu_notifier_bench" > "$out/list"
"$TOP/scripts/selftests.sh" "$(tree_dir series)" "$BUILD/obj-series-bench" "$out/tests" "$out/list"
"$TOP/scripts/initramfs.sh" "$out/tests" "$out/initramfs.cpio.gz"
for m in "${modes[@]}"; do
	BOOT_ICOUNT=1 BOOT_PLAIN=1 GUEST_CPUS=1 "$TOP/scripts/boot.sh" "$BUILD/obj-$m-bench/arch/x86/boot/bzImage" \
		"$out/initramfs.cpio.gz" "$out/$m" 1500 kunit.enable=0
done
# Debian's interpreter, which has python3-matplotlib, whatever python3 comes first in PATH.
/usr/bin/python3 "$TOP/scripts/bench.py" "$out"
log "make bench done"
