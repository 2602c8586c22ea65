# SPDX-License-Identifier: GPL-2.0
# Common helpers, sourced by every script in scripts/.  Nothing here runs on its own.
set -euo pipefail

# Debian's tools first: the kernel's python scripts need the modules deps.sh installs with
# apt-get (python3-ply), which another python3 earlier in PATH would not see.
export PATH=/usr/bin:/bin:$PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
PATCHES=$TOP/patches
# The base: Debian's packaging of mainline v7.3.
BASE_PKG=${BASE_PKG:-linux-source-7.3}
BASE_SUITE=${BASE_SUITE:-trixie-backports}
# ccache keys on paths below here relative to the build directory, so that another clone
# of this repository on the same machine hits the same cache.
export CCACHE_BASEDIR=$TOP
# The compiler for kernel builds: through ccache when it is installed.
KCC=gcc
command -v ccache >/dev/null && KCC="ccache gcc"
T0=${T0:-$(date +%s)}
export T0

log() { printf '[%4ds] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# tree_dir MODE: the materialised kernel tree for "series" (the whole series),
# "mainline" (the base plus the parts of MAINLINE_PARTS: mainline's own core, fixed) or
# "base" (v7.3 as shipped, no patch: the reference of the modversions CRC check).
tree_dir() {
	case "$1" in
	series) echo "$BUILD/linux" ;;
	mainline) echo "$BUILD/linux-mainline" ;;
	base) echo "$BUILD/linux-base" ;;
	*) die "unknown BASE mode '$1' (use series or mainline)" ;;
	esac
}

# obj_dir MODE VARIANT: the O= directory for that tree and config variant.
obj_dir() { echo "$BUILD/obj-$1${2:+-$2}"; }

# The series file lists patches one a line; "# part: NAME" lines open a part.
# series_patches [PART...]: the patch file names, in series order, of those parts or of all.
series_patches() {
	awk -v want=" $* " '
		/^#[[:space:]]*part:/ { sub(/^#[[:space:]]*part:[[:space:]]*/, ""); part = $0; next }
		/^#/ || NF == 0 { next }
		want == "  " || index(want, " " part " ") { print $1 }
	' "$PATCHES/series"
}

# The parts that BASE=mainline applies: our fixes to mainline's core, and the tests.
MAINLINE_PARTS="fixes tests"

# mode_parts MODE: the parts that mode applies, empty for all of them.
mode_parts() {
	if [ "$1" = mainline ]; then echo "$MAINLINE_PARTS"; fi
}

# consumer_objects TREE: every in-tree .c file that uses the mmu_notifier API (git grep, not
# a hand list), one line each: "FILE<TAB>OBJECT" when x86_64 builds it, or
# "FILE<TAB>-<TAB>REASON" when it cannot (another architecture, configs/consumers/skip).
consumer_objects() {
	local tree=$1 f a reason
	git -C "$tree" grep -lE 'mmu_notifier|mmu_interval_(notifier|read_|set_seq|check_retry)' \
		-- '*.c' ':!tools/' ':!Documentation/' ':!samples/' |
	while IFS= read -r f; do
		case "$f" in
		arch/x86/*) printf '%s\t%s\n' "$f" "${f%.c}.o" ;;
		arch/*) a=${f#arch/}; printf '%s\t-\tarch/%s only: not buildable on x86_64\n' "$f" "${a%%/*}" ;;
		*)	reason=$(awk -F'\t' -v f="$f" '$1 == f { print $2 }' "$TOP/configs/consumers/skip")
			if [ -n "$reason" ]; then
				printf '%s\t-\t%s\n' "$f" "$reason"
				continue
			fi
			# amdkfd is built as part of amdgpu, from amdgpu's directory.
			a=${f/#drivers\/gpu\/drm\/amd\/amdkfd\//drivers/gpu/drm/amd/amdgpu/../amdkfd/}
			printf '%s\t%s\n' "$f" "${a%.c}.o" ;;
		esac
	done
}

# consumers_prepare MODE: the O= directory of make consumers and make crc for that tree,
# configured (x86_64_defconfig plus configs/consumers/) and prepared.  Prints its path.
consumers_prepare() {
	local tree obj
	tree=$(tree_dir "$1") obj=$BUILD/obj-consumers-$1
	"$TOP/scripts/mktree.sh" "$1" >&2
	"$TOP/scripts/kconfig.sh" "$tree" "$obj" defconfig "$TOP"/configs/consumers/*.config
	log "preparing $obj" >&2
	make -C "$tree" O="$obj" ARCH=x86_64 CC="$KCC" -j"$(nproc)" -s prepare >"$obj/prepare.log" 2>&1 ||
		{ tail -n 20 "$obj/prepare.log" >&2; die "make prepare failed in $obj; see $obj/prepare.log"; }
	echo "$obj"
}

# selftest_lists: the files naming the guest's selftests; FULL=1 adds the slow ones.
selftest_lists() {
	echo "$PATCHES/selftests"
	[ "${FULL:-0}" = 1 ] && echo "$PATCHES/selftests-full"
	return 0
}

# boot_limit: seconds a test boot may take before it counts as hung (check-full's slow
# selftests take about 25 minutes more under TCG); BOOT_TIMEOUT overrides it.
boot_limit() {
	local limit=1800
	[ "${FULL:-0}" = 1 ] && limit=3600
	echo "${BOOT_TIMEOUT:-$limit}"
}

# guest_rows TREE RUNDIR: the summary rows of one test boot that left console.log and
# results.log in RUNDIR: kernel splats on the console, KUnit, then one row per selftest.
# Returns non-zero if a parser itself failed, so that a missing row cannot pass unseen.
guest_rows() {
	local tree=$1 run=$2 rc=0
	python3 "$TOP/scripts/results.py" console "$run/console.log" || rc=1
	python3 "$tree/tools/testing/kunit/kunit.py" parse --json="$run/kunit.json" \
		< "$run/console.log" > "$run/kunit.txt" 2>&1 || true
	python3 "$TOP/scripts/results.py" kunit "$run/kunit.json" || rc=1
	python3 "$TOP/scripts/results.py" guest "$run/results.log" || rc=1
	return $rc
}
