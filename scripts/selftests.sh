#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build, statically, each selftest that the LIST files name (one a line: DIR/BINARY
# [ARGS...], DIR under tools/testing/selftests), against the UAPI headers of the build
# in OBJDIR, into OUTDIR, and write OUTDIR/list for the guest's init.
#   selftests.sh TREE OBJDIR OUTDIR LIST...
source "$(dirname "$0")/lib.sh"

tree=$(realpath "$1") obj=$(realpath "$2") out=$(realpath -m "$3")
shift 3
rm -rf "$out" && mkdir -p "$out"
make -C "$tree" O="$obj" ARCH=x86_64 -s headers >"$obj/headers.log" 2>&1 ||
	die "make headers failed; see $obj/headers.log"

: > "$out/list"
cat "$@" | grep -vE '^[[:space:]]*(#|$)' | while read -r test args; do
	dir=${test%/*} bin=${test##*/}
	src=$tree/tools/testing/selftests/$dir
	[ -d "$src" ] || die "selftest list: $test: no directory tools/testing/selftests/$dir"
	mkdir -p "$obj/kselftest/$dir"
	if ! make -C "$src" -j"$(nproc)" OUTPUT="$obj/kselftest/$dir" KHDR_INCLUDES="-isystem $obj/usr/include" \
		LDFLAGS=-static "$obj/kselftest/$dir/$bin" >"$obj/kselftest/$dir/$bin.log" 2>&1; then
		tail -n 20 "$obj/kselftest/$dir/$bin.log" >&2
		die "selftest $test failed to build; log: $obj/kselftest/$dir/$bin.log"
	fi
	cp "$obj/kselftest/$dir/$bin" "$out/$bin"
	echo "$test ./$bin${args:+ $args}" >> "$out/list"
done
log "selftests: $(wc -l < "$out/list") built"
