#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a test kernel under QEMU TCG (with SVM and NPT, for nested KVM) and wait for it to
# power off.  ttyS0 (the console) goes to OUTDIR/console.log, ttyS1 (test results) to
# OUTDIR/results.log.  A guest that hangs past TIMEOUT seconds or panics is a failure,
# reported with its last 40 console lines.  A hung guest is first asked, through the QEMU
# monitor, where its vCPUs are, and then made to panic with an NMI, so that its console
# shows the messages it still held back, its blocked tasks and its held locks
# (hang-report.py; the report is in OUTDIR/hang.txt).  A guest whose console goes silent
# before its tests start counts as hung too; if it hung before KUnit and the tests
# started, it is booted once more, and the first boot's files are kept in OUTDIR/hang-1.
# Each guest test is itself killed after GUEST_TEST_TIMEOUT seconds (default: TIMEOUT - 60,
# at most 900 but with FULL=1), so that one hung test leaves time for the ones after it.
# The host's load average is logged at both ends: TCG slows down with it.
#   boot.sh BZIMAGE INITRAMFS OUTDIR [TIMEOUT] [EXTRA KERNEL ARGS...]
source "$(dirname "$0")/lib.sh"

kernel=$1 initrd=$2 out=$3 limit=${4:-900}
shift $(( $# < 4 ? $# : 4 ))
mkdir -p "$out"

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
# Without KASLR, so that hang-report.py can name the vCPUs' instruction pointers.  Without
# movablecore=, which mmu_notifier_test's memory_offline needs (it skips here): with
# movablecore=1G, mm/cow's longterm GUP pins of hugetlb memfds failed (the boot's huge
# pages land in ZONE_MOVABLE, which a longterm pin must leave), and offlining memory
# after test_hmm and KSM ran made lockdep report a cycle outside the notifier code
# (ksm_thread_mutex, mmap_lock, test_hmm's devmem_lock, cpu_hotplug_lock,
# pcp_batch_high_lock, the memory notifier chain).
# BOOT_PLAIN=1 (make bench): none of the test set-up, which a production kernel lacks: no
# fake NUMA nodes, no huge pages set aside, SRCU as this machine's CPU count makes it.
tests="numa=fake=2 hugepages=32 $srcu"
[ "${BOOT_PLAIN:-0}" = 1 ] && tests=
args="console=ttyS0 panic=-1 nokaslr $tests"
args+=" test_timeout=$test_limit"
args+=" unknown_nmi_panic panic_sys_info=blocked_tasks,locks $*"
# BOOT_ICOUNT=1 (make bench): guest time counts guest instructions, one a nanosecond, and
# an idle guest skips ahead to its next timer.  icount needs single-threaded TCG.
accel=tcg,thread=multi icount=()
[ "${BOOT_ICOUNT:-0}" = 1 ] && accel=tcg,thread=single icount=(-icount shift=0,sleep=off)
# Until the guest's init starts its tests, the console never rests for long: the kernel
# boots and KUnit prints a line per case.  A console silent for this long then is a hang.
stall=${BOOT_STALL:-300}
mon=$out/monitor.sock
qemu=
# QEMU runs under timeout(1), a backstop should this script itself be killed: SIGTERM
# reaches QEMU through it, where SIGKILL would leave QEMU behind.
trap 'kill $qemu 2>/dev/null || true' EXIT

# boot_guest: one boot; sets rc to QEMU's exit status, or hung to why it was stopped.
boot_guest() {
	local deadline=$((SECONDS + limit)) size last=-1 since=$SECONDS
	rm -f "$out/console.log" "$out/results.log" "$out/hang.txt" "$mon"
	hung= rc=0
	timeout -k 10 $((limit + 90)) qemu-system-x86_64 \
		-accel "$accel" "${icount[@]}" -cpu EPYC,+svm,+npt -smp "${GUEST_CPUS:-3}" -m 3G \
		-nodefaults -display none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" -append "$args" \
		-monitor "unix:$mon,server=on,wait=off" \
		-serial "file:$out/console.log" -serial "file:$out/results.log" \
		</dev/null 2>"$out/qemu.log" &
	qemu=$!
	# A host-side watchdog, polling QEMU from outside: nothing in the guest waits on it.
	while kill -0 "$qemu" 2>/dev/null; do
		if [ $SECONDS -ge $deadline ]; then
			hung="no power-off within ${limit}s"
		elif ! grep -q '^### GUEST' "$out/results.log" 2>/dev/null; then
			size=$(stat -c %s "$out/console.log" 2>/dev/null || echo 0)
			[ "$size" != "$last" ] && last=$size since=$SECONDS
			[ $((SECONDS - since)) -ge "$stall" ] &&
				hung="no console output for ${stall}s before the tests started"
		fi
		[ -n "$hung" ] && break
		sleep 5
	done
	if [ -n "$hung" ]; then
		python3 "$TOP/scripts/hang-report.py" "$mon" "$(dirname "$kernel")/../../../System.map" \
			> "$out/hang.txt" 2>&1 || true
		# The panic ends in a reboot, which -no-reboot turns into QEMU's exit.
		for _ in $(seq 12); do kill -0 "$qemu" 2>/dev/null && sleep 5; done
		kill "$qemu" 2>/dev/null || true
	fi
	wait "$qemu" || rc=$?
	qemu=
}

# hung_before_kunit: the panic flushed the console, and neither KUnit nor the guest's
# tests had started (a guest booted with kunit.enable=0 prints no KTAP).  Until
# then no mm has had a subscriber (KUnit registers the first), so of the series only the
# hooks' no-subscriber check has run: such a hang is the emulator's or the boot's, not a
# result of the tests.  It is retried once, and said so in the log and the results.
hung_before_kunit() {
	grep -q 'Kernel panic - not syncing: NMI' "$out/console.log" &&
		! grep -q 'KTAP version' "$out/console.log" &&
		! grep -q '^### GUEST' "$out/results.log" 2>/dev/null
}

boot_guest
if [ -n "$hung" ] && hung_before_kunit; then
	rm -rf "$out/hang-1" && mkdir "$out/hang-1"
	mv "$out/console.log" "$out/results.log" "$out/hang.txt" "$out/qemu.log" "$out/hang-1/"
	log "the guest hung before KUnit started ($hung); its report is in $out/hang-1: booting again"
	boot_guest
fi
if [ -n "$hung" ]; then
	cat "$out/hang.txt" >&2
	tail_console
	inside=$(awk '/^### BEGIN / { t = $3 } /^### END / { t = "" } END { print t }' "$out/results.log" 2>/dev/null)
	die "guest hung: ${hung}${inside:+, inside test $inside}"
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
