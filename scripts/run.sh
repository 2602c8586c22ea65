#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make run: build the patched kernel, boot it, and show what the notifiers did.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
tree=$(tree_dir "$mode")
obj=$(obj_dir "$mode" "${VARIANT:-}")
out=$BUILD/run-$mode

"$TOP/scripts/mktree.sh" "$mode"
impl="our implementation"
git -C "$tree" log --format=%s base..HEAD -- mm/mmu_notifier.c | grep -q . ||
	impl="mainline's implementation"
"$TOP/scripts/build-kernel.sh" "$tree" "$obj" "${VARIANT:-}"
"$TOP/scripts/selftests.sh" "$tree" "$obj" "$out/tests"
"$TOP/scripts/initramfs.sh" "$out/tests" "$out/initramfs.cpio.gz"
"$TOP/scripts/boot.sh" "$obj/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" "$out" 900

echo
echo "=== MMU notifiers at work: $BASE_PKG $(cat "$BUILD/base-version"), $impl ==="
sed -n 's/^### GUEST /guest: /p' "$out/results.log"
python3 "$tree/tools/testing/kunit/kunit.py" parse --json="$out/kunit.json" < "$out/console.log" >/dev/null 2>&1 || true
python3 "$TOP/scripts/results.py" kunit "$out/kunit.json" 2>/dev/null |
	awk -F'\t' '{ printf "KUnit: %d passed, %d failed, %d skipped (%s)\n", $2, $3, $4, $6 }'
python3 "$TOP/scripts/results.py" guest "$out/results.log" 2>/dev/null |
	awk -F'\t' '{ printf "%s: %d passed, %d failed, %d skipped in %ss\n", $1, $2, $3, $4, $5 }'
echo "console: $out/console.log   test output: $out/results.log"
