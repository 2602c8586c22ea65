#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a test kernel under QEMU TCG (with SVM and NPT, for nested KVM) and wait for it to
# power off.  ttyS0 (the console) goes to OUTDIR/console.log, ttyS1 (test results) to
# OUTDIR/results.log.  A guest that hangs past TIMEOUT seconds or panics is a failure,
# reported with its last 40 console lines.
# Each guest test is itself killed after GUEST_TEST_TIMEOUT seconds (default: TIMEOUT - 60,
# at most 900 but with FULL=1), so that one hung test leaves time for the ones after it.
# The host's load average is logged at both ends: TCG slows down with it.
#   boot.sh BZIMAGE INITRAMFS OUTDIR [TIMEOUT] [EXTRA KERNEL ARGS...]
source "$(dirname "$0")/lib.sh"

kernel=$1 initrd=$2 out=$3 limit=${4:-900}
shift $(( $# < 4 ? $# : 4 ))
mkdir -p "$out"
rm -f "$out/console.log" "$out/results.log"

tail_console() {
	echo "--- last 40 console lines ($out/console.log) ---" >&2
	tail -n 40 "$out/console.log" >&2
	echo "---" >&2
}

test_limit=$((limit > 120 ? limit - 60 : limit))
# check-full runs every case of the KVM integrity test in one binary: no cap there.
[ "${FULL:-0}" != 1 ] && [ "$test_limit" -gt 900 ] && test_limit=900
test_limit=${GUEST_TEST_TIMEOUT:-$test_limit}
# SRCU gets per-CPU callback lists from boot, as on a machine with 128 CPUs or more.  The
# KUnit regression case for mmu_notifier_synchronize() can only fail in that mode.
srcu=srcutree.convert_to_big=1
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
log "booting $(basename "$(dirname "$(dirname "$(dirname "$(dirname "$kernel")")")")") (timeout ${limit}s, ${test_limit}s a test; host load $(loadavg))"
rc=0
timeout --foreground -k 10 "$limit" qemu-system-x86_64 \
	-accel tcg,thread=multi -cpu EPYC,+svm,+npt -smp 3 -m 3G \
	-nodefaults -display none -no-reboot \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 numa=fake=2 hugepages=32 $srcu test_timeout=$test_limit $*" \
	-serial "file:$out/console.log" -serial "file:$out/results.log" </dev/null 2>"$out/qemu.log" || rc=$?

if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
	tail_console
	inside=$(awk '/^### BEGIN / { t = $3 } /^### END / { t = "" } END { print t }' "$out/results.log" 2>/dev/null)
	die "guest hung: no power-off within ${limit}s${inside:+, inside test $inside}"
fi
[ $rc -eq 0 ] || { tail_console; tail -n 5 "$out/qemu.log" >&2; die "qemu exited with status $rc"; }
if grep -q 'Kernel panic' "$out/console.log"; then
	tail_console
	die "guest kernel panicked"
fi
if ! grep -q '^### DONE' "$out/results.log"; then
	tail_console
	die "guest powered off before finishing its test list"
fi
log "guest finished (host load $(loadavg))"
