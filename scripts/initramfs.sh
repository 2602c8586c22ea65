#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest initramfs: static busybox, guest/init, the guest-side scripts of
# guest/ (in /bin), and the test binaries of a directory that also holds "list" (one
# test a line: NAME COMMAND...).
#   initramfs.sh TESTDIR OUTPUT.cpio.gz
source "$(dirname "$0")/lib.sh"

tests=$(realpath "$1") out=$(realpath -m "$2")
bb=/bin/busybox
[ -x "$bb" ] || die "$bb not found (package busybox-static)"
[ -f "$tests/list" ] || die "$tests/list is missing"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,dev,proc,sys,tmp,tests}
cp "$bb" "$root/bin/busybox"
install -m 0755 "$TOP/guest/init" "$root/init"
install -m 0755 "$TOP/guest/kvm-demo" "$root/bin/kvm-demo"
cp -a "$tests/." "$root/tests/"
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
