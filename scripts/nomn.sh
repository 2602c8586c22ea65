#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make nomn: build vmlinux with CONFIG_MMU_NOTIFIER=n and every notifier caller that can be
# enabled without it (configs/nomn/), so that a missing or wrong =n stub fails the build.
#   BASE=mainline: the same on mainline's header.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
tree=$(tree_dir "$mode")
obj=$BUILD/obj-nomn-$mode
"$TOP/scripts/mktree.sh" "$mode"
"$TOP/scripts/kconfig.sh" "$tree" "$obj" allnoconfig "$TOP"/configs/nomn/*.config
log "building vmlinux with CONFIG_MMU_NOTIFIER=n in $obj"
if ! make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" -j"$(nproc)" -s vmlinux >"$obj/build.log" 2>&1; then
	grep -E 'error' "$obj/build.log" | head -n 20 >&2
	die "CONFIG_MMU_NOTIFIER=n build failed; log: $obj/build.log"
fi
w=$(grep -c 'warning:' "$obj/build.log" || true)
grep 'warning:' "$obj/build.log" | head -n 10 >&2 || true
log "nomn: vmlinux built with CONFIG_MMU_NOTIFIER=n, $w warning(s)"
[ "$w" -eq 0 ]
