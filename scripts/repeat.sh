#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check REPEAT=N: boot the test kernel N times and run the guest tests (KUnit at
# boot, the selftests of patches/selftests) each time, to measure how often each fails.
# Lint, consumers and nomn are not run; the tree and the image are only brought up to date
# (no work when make check already built them).  Prints, per test, how many runs failed.
source "$(dirname "$0")/lib.sh"

mode=${BASE:-series}
variant=${VARIANT:-}
n=${REPEAT:?}
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "REPEAT=$n: give the number of boots, 1 or more"
tree=$(tree_dir "$mode")
obj=$(obj_dir "$mode" "$variant")
out=$BUILD/repeat-$mode${variant:+-$variant}
rm -rf "$out" && mkdir -p "$out"

log "make check REPEAT=$n: mode $mode${variant:+, variant $variant}"
"$TOP/scripts/mktree.sh" "$mode"
mapfile -t lists < <(selftest_lists)
"$TOP/scripts/guest-image.sh" "$tree" "$obj" "$out" "$variant" "${lists[@]}"

for i in $(seq "$n"); do
	run=$out/run-$i
	mkdir -p "$run"
	log "== boot $i of $n"
	s=$SECONDS
	if "$TOP/scripts/boot.sh" "$obj/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" "$run" \
		"$(boot_limit)"; then
		printf 'boot\t1\t0\t0\t%s\t\n' $((SECONDS - s)) > "$run/summary.tsv"
	else
		printf 'boot\t0\t1\t0\t%s\thung or panicked\n' $((SECONDS - s)) > "$run/summary.tsv"
	fi
	# Whatever the boot left is counted, also after a hang: the tests it never reached
	# count as failed in this run.
	guest_rows "$tree" "$run" >> "$run/summary.tsv" 2> "$run/failures.txt" ||
		printf 'results\t0\t1\t0\t0\ta result parser failed\n' >> "$run/summary.tsv"
	sed 's/^/  run '"$i"': /' "$run/failures.txt"
done

echo
echo "results: $out (base $BASE_PKG $(cat "$BUILD/base-version"), mode $mode${variant:+, variant $variant}, $n boot(s), $((SECONDS))s)"
summaries=()
for i in $(seq "$n"); do summaries+=("$out/run-$i/summary.tsv"); done
python3 "$TOP/scripts/results.py" repeat "${summaries[@]}"
