#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make docs: build Documentation/mm of the series tree with Sphinx, and fail on any warning
# or error that names mmu_notifier (the page, the kernel-doc it renders, the example it
# includes).  The mm book of the base has warnings of its own (links to books that
# SPHINXDIRS=mm leaves out), so only those about our files count.
#   docs.sh [TREE [OBJ]]: build TREE as it is, into OBJ, instead of the BASE mode's tree.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
if [ $# -gt 0 ]; then
	tree=$1
else
	tree=$(tree_dir "$mode")
	"$TOP/scripts/mktree.sh" "$mode"
fi
obj=${2:-$BUILD/obj-docs-$mode}
html=$obj/Documentation/output/mm/mmu_notifier.html
command -v sphinx-build >/dev/null || die "sphinx-build not found: apt-get install python3-sphinx"

# Sphinx only reports warnings for the files it reads again: start from scratch.
rm -rf "$obj/Documentation/output"
mkdir -p "$obj"
log "building Documentation/mm of $tree with Sphinx in $obj"
if ! make -C "$tree" O="$obj" SPHINXDIRS=mm htmldocs >"$obj/docs.log" 2>&1; then
	tail -n 20 "$obj/docs.log" >&2
	die "sphinx failed on Documentation/mm; log: $obj/docs.log"
fi
[ -f "$html" ] || die "sphinx did not produce $html; log: $obj/docs.log"

all=$(grep -ciE 'warning|error|critical|severe' "$obj/docs.log" || true)
ours=$(grep -iE 'warning|error|critical|severe' "$obj/docs.log" | grep -i 'mmu_notifier' || true)
if [ -n "$ours" ]; then
	echo "$ours" >&2
	die "$(echo "$ours" | wc -l) Sphinx warning(s) about mmu_notifier; log: $obj/docs.log"
fi
log "docs: no warning about mmu_notifier ($all other(s) in Documentation/mm, see $obj/docs.log)"
log "HTML: $html"
