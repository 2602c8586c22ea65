#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make crc: a module built against v7.3 must load on a series kernel, so every export whose
# type reaches <linux/mmu_notifier.h> must keep v7.3's modversions CRC.  Compiles, with
# CONFIG_MODVERSIONS (configs/consumers/), the notifier core, hmm, all of KVM and every
# in-tree user of the API, in v7.3 as shipped (build/linux-base) and in the tree of BASE, and
# compares the CRCs genksyms wrote ("#SYMVER" lines of the objects' .cmd files).
# Fails on a CRC that differs and on a v7.3 export that is gone.
#   BASE=mainline: the fixes and tests parts instead of the whole series.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
out=$BUILD/crc-$mode
mkdir -p "$out"
[ "$mode" != base ] || die "make crc compares a tree with the base; use BASE=series or mainline"

# symvers TREE-MODE: build the objects in that tree's consumers directory, then print
# "SYMBOL CRC OBJECT" for each export, sorted by symbol.
symvers() {
	local m=$1 tree obj objs=() o f
	tree=$(tree_dir "$m")
	obj=$(consumers_prepare "$m")
	# The core, hmm and KVM are named below.  Leave their objects out of the user list:
	# arch/x86/kvm/ compiles virt/kvm's files for kvm.ko as arch/x86/kvm/../../../virt/kvm/*.o,
	# the same files as virt/kvm/*.o, and naming both lets two compilers write one object at
	# once under -j.
	while IFS=$'\t' read -r f o _; do
		case "$o" in
		- | mm/mmu_notifier.o | mm/hmm.o | arch/x86/kvm/* | virt/kvm/*) ;;
		*) objs+=("$o") ;;
		esac
	done < <(consumer_objects "$tree")
	log "compiling the notifier core, hmm, KVM and ${#objs[@]} users in $obj" >&2
	if ! make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" KBUILD_MODPOST_WARN=1 -j"$(nproc)" \
		mm/mmu_notifier.o mm/hmm.o arch/x86/kvm/ "${objs[@]}" > "$out/build-$m.log" 2>&1; then
		grep -m 10 -E 'error' "$out/build-$m.log" >&2
		die "building the CRC objects of $tree failed; see $out/build-$m.log"
	fi
	# kbuild appends genksyms' "#SYMVER name crc" to the .cmd file of an exporting object.
	(cd "$obj" && for o in mm/mmu_notifier.o mm/hmm.o $(find arch/x86/kvm virt/kvm -name '*.o') "${objs[@]}"; do
		f=$(dirname "$o")/.$(basename "$o").cmd
		if [ -f "$f" ]; then sed -n "s|^#SYMVER \([^ ]*\) \(0x[0-9a-f]*\)|\1 \2 $o|p" "$f"; fi
	done) | sort -u -k1,1
}

symvers base > "$out/base.txt"
symvers "$mode" > "$out/$mode.txt"
[ -s "$out/base.txt" ] || die "no #SYMVER line in the base's objects: is CONFIG_MODVERSIONS on? ($BUILD/obj-consumers-base/.config)"

# join: SYMBOL BASE-CRC BASE-OBJECT MODE-CRC MODE-OBJECT, for the symbols both export.
join "$out/base.txt" "$out/$mode.txt" > "$out/both.txt"
compared=$(wc -l < "$out/both.txt")
awk '$2 != $4 { printf "CRC differs: %-40s %s v7.3 %s, %s %s\n", $1, $3, $2, m, $4 }' m="$mode" "$out/both.txt" > "$out/differ.txt"
join -v 1 "$out/base.txt" "$out/$mode.txt" | awk '{ printf "export gone: %-40s %s (v7.3 %s)\n", $1, $3, $2 }' > "$out/gone.txt"
join -v 2 "$out/base.txt" "$out/$mode.txt" | awk '{ printf "new export:  %-40s %s\n", $1, $3 }' > "$out/new.txt"
cat "$out/differ.txt" "$out/gone.txt" "$out/new.txt"
differ=$(wc -l < "$out/differ.txt") gone=$(wc -l < "$out/gone.txt") new=$(wc -l < "$out/new.txt")
objs=$(cut -d' ' -f3 "$out/base.txt" | sort -u | wc -l)
echo "crc ($mode): $compared compared, $differ differ, $gone gone, $new new; from $objs exporting objects of v7.3"
[ "$differ" -eq 0 ] && [ "$gone" -eq 0 ]
