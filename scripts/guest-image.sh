#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Everything a test boot needs: the kernel (TREE built in OBJDIR, with the config
# VARIANT if not empty), the selftests the LIST files name, and the initramfs
# OUTDIR/initramfs.cpio.gz that runs them.
#   guest-image.sh TREE OBJDIR OUTDIR VARIANT LIST...
source "$(dirname "$0")/lib.sh"

tree=$1 obj=$2 out=$3 variant=$4
shift 4
"$TOP/scripts/build-kernel.sh" "$tree" "$obj" "$variant"
"$TOP/scripts/selftests.sh" "$tree" "$obj" "$out/tests" "$@"
"$TOP/scripts/initramfs.sh" "$out/tests" "$out/initramfs.cpio.gz"
