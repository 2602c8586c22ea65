#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make consumers: compile, object by object, every in-tree .c file that uses the
# mmu_notifier API (lib.sh's consumer_objects), against the series.  Files for other
# architectures are listed as skipped, with the reason.
#   BASE=mainline: against mainline's implementation instead.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
tree=$(tree_dir "$mode")
out=$BUILD/consumers-$mode
mkdir -p "$out"
obj=$(consumers_prepare "$mode")
kmake=(make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" KBUILD_MODPOST_WARN=1)

consumer_objects "$tree" > "$out/files.tsv"
headers=$(git -C "$tree" grep -lE 'mmu_notifier|mmu_interval_' -- '*.h' ':!tools/' | wc -l)
log "$(wc -l < "$out/files.tsv") .c users (and $headers headers, compiled through them)"

skip=0 objs=()
: > "$out/report.tsv"
while IFS=$'\t' read -r f o reason; do
	if [ "$o" != - ]; then
		objs+=("$o")
	else
		echo -e "$f\tskipped\t$reason" >> "$out/report.tsv"
		skip=$((skip + 1))
	fi
done < "$out/files.tsv"

# One make for all objects (kbuild builds several single targets at once); -k goes on past
# a failure, and each object is then judged by whether it was written.
# The objects are removed first, so that each is really compiled against this tree now.
stamp=$out/stamp && touch "$stamp"
(cd "$obj" && rm -f "${objs[@]}")
"${kmake[@]}" -j"$(nproc)" -k "${objs[@]}" >"$out/build.log" 2>&1 || true
ok=0 bad=0
for o in "${objs[@]}"; do
	f=${o%.o}.c
	f=${f/amdgpu\/..\//}
	w=$(grep -cE "(^|/)$f:[0-9]+:[0-9]+: warning:" "$out/build.log" || true)
	if [ "$obj/$o" -nt "$stamp" ]; then
		echo -e "$f\tok\t$w warning(s)" >> "$out/report.tsv"
		ok=$((ok + 1))
	else
		echo -e "$f\tFAILED\t$(grep -m1 -E "(^|/)$f:.*error:" "$out/build.log" || echo "see $out/build.log")" >> "$out/report.tsv"
		bad=$((bad + 1))
	fi
done
awk -F'\t' '{ printf "%-60s %-8s %s\n", $1, $2, $3 }' "$out/report.tsv"
echo "consumers ($mode): $ok passed, $bad failed, $skip skipped; log: $out/build.log"
[ $bad -eq 0 ]
