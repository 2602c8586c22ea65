#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make consumers: compile, object by object, every in-tree .c file that uses the
# mmu_notifier API (found with git grep, not a hand list), against the series.  Files for
# other architectures are listed as skipped, with the reason.
#   BASE=mainline: against mainline's implementation instead.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
tree=$(tree_dir "$mode")
obj=$BUILD/obj-consumers-$mode
out=$BUILD/consumers-$mode
mkdir -p "$out"
"$TOP/scripts/mktree.sh" "$mode"
"$TOP/scripts/kconfig.sh" "$tree" "$obj" defconfig "$TOP"/configs/consumers/*.config
kmake=(make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" KBUILD_MODPOST_WARN=1)

log "preparing $obj"
"${kmake[@]}" -j"$(nproc)" -s prepare >"$out/prepare.log" 2>&1 ||
	{ tail -n 20 "$out/prepare.log" >&2; die "make prepare failed; see $out/prepare.log"; }

mapfile -t files < <(git -C "$tree" grep -lE 'mmu_notifier|mmu_interval_(notifier|read_|set_seq|check_retry)' \
	-- '*.c' ':!tools/' ':!Documentation/' ':!samples/')
headers=$(git -C "$tree" grep -lE 'mmu_notifier|mmu_interval_' -- '*.h' ':!tools/' | wc -l)
log "${#files[@]} .c users (and $headers headers, compiled through them)"

skip=0 objs=()
: > "$out/report.tsv"
for f in "${files[@]}"; do
	case "$f" in
	arch/x86/*) objs+=("${f%.c}.o") ;;
	arch/*) a=${f#arch/}; a=${a%%/*}
		echo -e "$f\tskipped\tarch/$a only: not buildable on x86_64" >> "$out/report.tsv"
		skip=$((skip + 1)) ;;
	*)	reason=$(awk -F'\t' -v f="$f" '$1 == f { print $2 }' "$TOP/configs/consumers/skip")
		if [ -n "$reason" ]; then
			echo -e "$f\tskipped\t$reason" >> "$out/report.tsv"
			skip=$((skip + 1))
			continue
		fi
		# amdkfd is built as part of amdgpu, from amdgpu's directory.
		f=${f/#drivers\/gpu\/drm\/amd\/amdkfd\//drivers/gpu/drm/amd/amdgpu/../amdkfd/}
		objs+=("${f%.c}.o") ;;
	esac
done

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
