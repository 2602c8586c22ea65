#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make run: build the patched kernel, boot it, and inside it run a small KVM guest
# whose memory is swapped out, merged by KSM and migrated (guest/kvm-demo); then print
# what happened, and which MMU notifier implementation did it.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
tree=$(tree_dir "$mode")
obj=$(obj_dir "$mode" "${VARIANT:-}")
out=$BUILD/run-$mode

"$TOP/scripts/mktree.sh" "$mode"
# BASE=mainline applies only the fixes and tests parts: mainline's own core runs.
impl="our implementation (the whole series)"
[ "$mode" = mainline ] && impl="mainline's implementation (only the fixes and tests parts of the series)"
"$TOP/scripts/guest-image.sh" "$tree" "$obj" "$out" "${VARIANT:-}" "$TOP/guest/demo.list"
"$TOP/scripts/boot.sh" "$obj/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" "$out" 900 guest_demo=1

echo
echo "=== MMU notifiers at work: a KVM guest on $BASE_PKG $(cat "$BUILD/base-version"), $impl ==="
sed -n 's/^### GUEST /host (the test VM): /p' "$out/results.log"
sed -n 's/^REPORT: //p' "$out/results.log"
echo "full output: $out/results.log   console: $out/console.log"
grep -q '^### END demo rc=0 ' "$out/results.log" || die "the demo failed; see $out/results.log"
