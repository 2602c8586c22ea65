#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check: apply the series, lint it, build, boot, and collect KUnit and selftest results.
#   BASE=series (default): the whole series.  BASE=mainline: only its fixes and tests
#   parts, on mainline's own implementation.  VARIANT=kasan adds configs/variants/kasan.config.
#   REPEAT=N: boot N times and report per test how many runs failed (scripts/repeat.sh).
# Ends with "N passed, N failed, N skipped" and exits non-zero on any failure.
source "$(dirname "$0")/lib.sh"

# REPEAT=N: only boot the built kernel N times and count each test's failures.
[ -n "${REPEAT:-}" ] && exec "$TOP/scripts/repeat.sh"

mode=${BASE:-series}
variant=${VARIANT:-}
tree=$(tree_dir "$mode")
obj=$(obj_dir "$mode" "$variant")
out=$BUILD/results-$mode${variant:+-$variant}
summary=$out/summary.tsv
rm -rf "$out" && mkdir -p "$out"
: > "$summary"

row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$summary"; }

# run_stage NAME FUNCTION: time a stage; the function writes its own rows, and returns
# non-zero when later stages cannot run.
run_stage() {
	local name=$1 s=$SECONDS
	log "== $name"
	if ! "$2"; then
		row "$name" 0 1 0 $((SECONDS - s)) "stopped here: later stages need it"
		finish
	fi
}

finish() {
	echo
	printf '%-38s %6s %6s %7s %6s  %s\n' STAGE PASSED FAILED SKIPPED SECS NOTE
	awk -F'\t' '{ printf "%-38s %6d %6d %7d %6d  %s\n", $1, $2, $3, $4, $5, $6 }' "$summary"
	read -r p f s < <(awk -F'\t' '{ p += $2; f += $3; s += $4 } END { print p + 0, f + 0, s + 0 }' "$summary")
	echo "results: $out (base $BASE_PKG $(cat "$BUILD/base-version" 2>/dev/null), mode $mode${variant:+, variant $variant}, $((SECONDS))s)"
	echo "$p passed, $f failed, $s skipped"
	[ "$f" -eq 0 ] && exit 0
	exit 1
}

stage_apply() {
	local s=$SECONDS
	"$TOP/scripts/mktree.sh" "$mode" || return 1
	row apply "$(git -C "$tree" rev-list --count base..HEAD)" 0 0 $((SECONDS - s)) \
		"$(git -C "$tree" rev-list --count base..HEAD) patch(es) on $(cat "$BUILD/base-version")"
}

stage_checkpatch() {
	local s=$SECONDS ok=0 bad=0 p part
	part=$(mode_parts "$mode")
	for p in $(series_patches $part); do
		# The base is a tarball without mainline's history, so checkpatch cannot look
		# up the commit a Fixes: tag names; it still checks the tag's form.
		if (cd "$tree" && scripts/checkpatch.pl --strict --quiet --no-summary \
			--ignore UNKNOWN_COMMIT_ID "$PATCHES/$p") \
			> "$out/checkpatch-$p.log" 2>&1; then
			ok=$((ok + 1))
		else
			bad=$((bad + 1))
			echo "checkpatch --strict: $p:" && cat "$out/checkpatch-$p.log"
		fi
	done
	row checkpatch "$ok" "$bad" 0 $((SECONDS - s)) "one per patch"
}

# kernel-doc warnings a file had in the base are not the series' doing: only new ones fail.
kdoc_warnings() { (cd "$1" && "$tree/scripts/kernel-doc" -none -Wall "$2" 2>&1 | sed -E 's/:[0-9]+( |:)/\1/' | sort -u); }

stage_kerneldoc() {
	local s=$SECONDS ok=0 bad=0 old=0 f added base=$out/kdoc-base
	for f in $(git -C "$tree" diff --name-only --diff-filter=AM base..HEAD -- '*.c' '*.h'); do
		mkdir -p "$base/$(dirname "$f")"
		git -C "$tree" show "base:$f" > "$base/$f" 2>/dev/null || : > "$base/$f"
		added=$(comm -13 <(kdoc_warnings "$base" "$f") <(kdoc_warnings "$tree" "$f"))
		old=$((old + $(kdoc_warnings "$base" "$f" | grep -c . || true)))
		if [ -z "$added" ]; then
			ok=$((ok + 1))
		else
			bad=$((bad + 1))
			echo "kernel-doc -Wall, new in $f:" && echo "$added"
		fi
	done
	row kernel-doc "$ok" "$bad" 0 $((SECONDS - s)) "one per touched .c/.h; $old warning(s) already in the base not counted"
}

stage_build() {
	local s=$SECONDS lists
	mapfile -t lists < <(selftest_lists)
	"$TOP/scripts/guest-image.sh" "$tree" "$obj" "$out" "$variant" "${lists[@]}" || return 1
	row build 1 0 0 $((SECONDS - s)) "bzImage, $(wc -l < "$out/tests/list") selftest(s), initramfs"
}

stage_boot() {
	local s=$SECONDS
	"$TOP/scripts/boot.sh" "$obj/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" "$out" \
		"$(boot_limit)" || return 1
	local note
	note=$(head -n 1 "$out/results.log" | sed 's/^### GUEST //')
	[ -d "$out/hang-1" ] && note+="; booted twice: the first boot hung before KUnit ($out/hang-1)"
	row boot 1 0 0 $((SECONDS - s)) "$note"
}

# Console splats, KUnit's TAP (parsed by the tree's kunit.py), the selftests' TAP.
stage_results() {
	guest_rows "$tree" "$out" >> "$summary"
}

# memory_offline needs a ZONE_MOVABLE, which the main boot has not (boot.sh says why):
# a guest of its own, with movablecore=1G, runs only it.
stage_movable() {
	local s=$SECONDS run=$out/movable
	[ -x "$out/tests/mmu_notifier_test" ] || return 0
	mkdir -p "$run/tests"
	cp "$out/tests/mmu_notifier_test" "$run/tests/"
	echo "mm/mmu_notifier_test:movablecore ./mmu_notifier_test -t memory_offline" > "$run/tests/list"
	"$TOP/scripts/initramfs.sh" "$run/tests" "$run/initramfs.cpio.gz" || return 1
	if ! "$TOP/scripts/boot.sh" "$obj/arch/x86/boot/bzImage" "$run/initramfs.cpio.gz" "$run" 600 \
		movablecore=1G kunit.enable=0; then
		row movable 0 1 0 $((SECONDS - s)) "the movablecore=1G guest failed; $run/console.log"
		return 0
	fi
	[ -d "$run/hang-1" ] && log "the movablecore guest booted twice: the first hung before its test ($run/hang-1)"
	python3 "$TOP/scripts/results.py" console "$run/console.log" | sed 's/^console/console:movablecore/' >> "$summary"
	python3 "$TOP/scripts/results.py" guest "$run/results.log" >> "$summary"
}

stage_consumers() {
	local s=$SECONDS p f k
	"$TOP/scripts/consumers.sh" > "$out/consumers.log" 2>&1 || true
	read -r p f k < <(sed -nE 's/^consumers \([a-z]+\): ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped.*/\1 \2 \3/p' "$out/consumers.log")
	[ -n "${p:-}" ] || { tail -n 20 "$out/consumers.log"; p=0 f=1 k=0; }
	[ "$f" -eq 0 ] || grep FAILED "$out/consumers.log"
	row consumers "$p" "$f" "$k" $((SECONDS - s)) "in-tree users compiled one by one; $out/consumers.log"
}

# Modversions: the CRCs of the notifier, hmm, KVM and user exports must be v7.3's.
stage_crc() {
	local s=$SECONDS c d g
	"$TOP/scripts/crc.sh" > "$out/crc.log" 2>&1 || true
	read -r c d g < <(sed -nE 's/^crc \([a-z]+\): ([0-9]+) compared, ([0-9]+) differ, ([0-9]+) gone.*/\1 \2 \3/p' "$out/crc.log")
	[ -n "${c:-}" ] || { tail -n 20 "$out/crc.log"; c=0 d=1 g=0; }
	grep -E '^(CRC differs|export gone)' "$out/crc.log" || true
	row crc $((c - d)) $((d + g)) 0 $((SECONDS - s)) "exports with v7.3's modversions CRC, of $c compared; $out/crc.log"
}

stage_nomn() {
	local s=$SECONDS
	if "$TOP/scripts/nomn.sh" > "$out/nomn.log" 2>&1; then
		row nomn 1 0 0 $((SECONDS - s)) "vmlinux with CONFIG_MMU_NOTIFIER=n, no warning"
	else
		tail -n 12 "$out/nomn.log"
		row nomn 0 1 0 $((SECONDS - s)) "CONFIG_MMU_NOTIFIER=n build; $out/nomn.log"
	fi
}

log "make check: mode $mode${variant:+, variant $variant}"
run_stage apply stage_apply
run_stage checkpatch stage_checkpatch
run_stage kernel-doc stage_kerneldoc
run_stage build stage_build
run_stage boot stage_boot
run_stage results stage_results
run_stage movable stage_movable
run_stage consumers stage_consumers
run_stage crc stage_crc
run_stage nomn stage_nomn
finish
