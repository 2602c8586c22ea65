#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build bzImage of TREE out of tree in OBJDIR, with ccache when it is installed.
# VARIANT names configs/variants/VARIANT.config, or is the path of a fragment (make bench's).
#   build-kernel.sh TREE OBJDIR [VARIANT]
source "$(dirname "$0")/lib.sh"

tree=$(realpath "$1") obj=$(realpath -m "$2") variant=${3:-}
frags=("$TOP"/configs/*.config)
if [ -n "$variant" ]; then
	case "$variant" in
	*/*) frags+=("$variant") ;;
	*) frags+=("$TOP/configs/variants/$variant.config") ;;
	esac
	[ -f "${frags[-1]}" ] || die "no config variant '$variant' (have: $(ls "$TOP/configs/variants" | sed 's/\.config$//' | xargs))"
fi
"$TOP/scripts/kconfig.sh" "$tree" "$obj" allnoconfig "${frags[@]}"
log "building $(basename "$tree") in $(basename "$obj") (cc: $KCC)"
if ! make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" -j"$(nproc)" -s bzImage \
	KBUILD_BUILD_USER=mmu KBUILD_BUILD_HOST=notifier >"$obj/build.log" 2>&1; then
	grep -E 'error|Error' "$obj/build.log" | head -n 20 >&2
	die "kernel build failed in $obj; full log: $obj/build.log"
fi
grep -E 'warning:' "$obj/build.log" | head -n 20 >&2 || true
log "built $obj/arch/x86/boot/bzImage"
