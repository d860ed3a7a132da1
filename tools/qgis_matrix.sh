#!/usr/bin/env bash
# The QGIS test matrix: `make test` (or `make demo`) on each QGIS a county may run, one Debian release each.
#
#   tools/qgis_matrix.sh [test|demo|build]   QGIS_MATRIX="bookworm trixie sid" (default; also 3.22 3.40 3.44)
#   (build: only (re)build the chroots that are missing or out of date;
#    exec CMD...: run CMD in a fresh copy of the work tree in each chroot, e.g. QGIS_MATRIX=trixie ... exec bash)
#
# bookworm (QGIS 3.22) is this host itself (Debian 12). trixie (Debian 13, QGIS 3.40) and sid (unstable, QGIS 3.44)
# run in chroots built with mmdebstrap from the mirror the host's apt sources name; inside, `make setup` installs
# the project's own package list, exactly as on a new machine. Chroots are cached in $SOZIAL_MATRIX_CACHE
# (default /var/cache/sozialplanung-matrix/<suite>, untouched by `make clean`) and reused while the package list
# and this script's bootstrap settings are unchanged (a stamp holds their hash); otherwise rebuilt from scratch.
# Each run gets a fresh copy of the work tree (tracked and untracked, not ignored files); ../shared is bind-mounted
# read-only when present. /proc, /sys, /dev, /dev/pts, /dev/shm are bind-mounted for the run and always unmounted
# (trap); a tree with anything mounted below it is never deleted. Needs root (re-runs itself with sudo).
# Prints one line per version: passed/failed/skipped; exits non-zero when any version failed. Logs: build/matrix/.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET=${1:-test}
[ $# = 0 ] || shift
EXEC_ARGS=("$@") # exec: the command to run
MATRIX=${QGIS_MATRIX:-bookworm trixie sid}
CACHE=${SOZIAL_MATRIX_CACHE:-/var/cache/sozialplanung-matrix}
LOGS=${MATRIX_LOGS:-$REPO/build/matrix}
RUN_TIMEOUT=${MATRIX_TIMEOUT:-5400} # seconds for one version's run
# What mmdebstrap puts in before `make setup` (make, and git for the tests that list the project's files).
# Part of the stamp: change it and the chroots are rebuilt.
BOOTSTRAP_INCLUDE="make,git"
BOOTSTRAP_REV=1

case $TARGET in test | demo | build) ;;
exec) [ ${#EXEC_ARGS[@]} -gt 0 ] || {
	echo "usage: $0 exec CMD [ARG...]" >&2
	exit 2
} ;;
*)
	echo "usage: $0 [test|demo|build|exec CMD...]" >&2
	exit 2
	;;
esac
if [ "$(id -u)" != 0 ]; then
	exec sudo env QGIS_MATRIX="$MATRIX" SOZIAL_MATRIX_CACHE="$CACHE" MATRIX_LOGS="$LOGS" "$0" "$TARGET" "${EXEC_ARGS[@]}"
fi

log() { echo "matrix: $*" >&2; }

suite_of() { # accepted names -> Debian suite
	case $1 in
	bookworm | 3.22 | host) echo bookworm ;;
	trixie | 3.40) echo trixie ;;
	sid | unstable | 3.44) echo sid ;;
	*) return 1 ;;
	esac
}

host_codename() { . /etc/os-release && echo "${VERSION_CODENAME:-}"; }

mirror() { # the first Debian archive URI the host's apt sources name (not the security archive)
	local uri
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n' |
		grep -v -- '-security' | grep . | head -1 || true)
	if [ -z "$uri" ]; then
		uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -E '^deb[[:space:]]' |
			grep -v -- '-security' | sed 's/\[[^]]*\]//' | awk '{print $2; exit}' || true)
	fi
	echo "${uri:-http://deb.debian.org/debian}"
}

mounts_below() { # mount points at or below $1
	awk -v p="$1" '$2 == p || index($2, p "/") == 1 {print $2}' /proc/self/mounts
}

safe_rm() { # delete a tree only when nothing is mounted in it
	local path=$1
	[ -e "$path" ] || return 0
	if [ -n "$(mounts_below "$path")" ]; then
		log "refusing to delete $path: still mounted: $(mounts_below "$path" | tr '\n' ' ')"
		return 1
	fi
	rm -rf --one-file-system "$path"
}

MOUNTED=()
mount_into() { # mount_into ROOT: the kernel file systems a QGIS test run needs
	local root=$1 m
	for m in proc sys dev dev/pts dev/shm; do
		[ -d "/$m" ] || continue
		mkdir -p "$root/$m"
		mount --bind "/$m" "$root/$m"
		MOUNTED+=("$root/$m")
	done
}

bind_ro() { # bind_ro SRC DEST: read-only bind mount
	mkdir -p "$2"
	mount --bind "$1" "$2"
	MOUNTED+=("$2")
	mount -o remount,bind,ro "$2"
}

kill_chroot_procs() { # processes started in the chroot (a crashed test may leave postgres or Xvfb behind)
	local root=$1 pid link
	for pid in $(ls /proc | grep -E '^[0-9]+$'); do
		link=$(readlink "/proc/$pid/root" 2>/dev/null || true)
		if [ "$link" = "$root" ]; then kill -9 "$pid" 2>/dev/null || true; fi
	done
	return 0
}

unmount_all() {
	local i m
	for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
		m=${MOUNTED[i]}
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "could not unmount $m"
	done
	MOUNTED=()
}

CURRENT_ROOT=
cleanup() {
	if [ -n "$CURRENT_ROOT" ]; then kill_chroot_procs "$CURRENT_ROOT"; fi
	unmount_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_chroot() { # in_chroot ROOT CMD...: a clean environment, as a new machine has it
	local root=$1
	shift
	env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
		TERM=dumb DEBIAN_FRONTEND=noninteractive ${CI:+CI=$CI} chroot "$root" "$@"
}

copy_tree() { # copy_tree DEST: the work tree as git sees it (tracked + untracked, not ignored), as a git repo
	local dest=$1
	safe_rm "$dest"
	mkdir -p "$dest"
	if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$REPO" ls-files -co --exclude-standard -z | (cd "$REPO" && xargs -0 -r ls -d 2>/dev/null |
			tar -c --no-recursion -T -) | tar -x -C "$dest"
	else
		tar -C "$REPO" -c --exclude=./out --exclude=./dist --exclude=./build . | tar -x -C "$dest"
	fi
	# a repository of its own: the tests list the project's files with `git ls-files -co`
	git -C "$dest" init -q
}

package_hash() { # what the chroot's content depends on
	{
		make -s -C "$REPO" print-apt-packages
		echo "$BOOTSTRAP_INCLUDE $BOOTSTRAP_REV $(mirror)"
	} | sha256sum | cut -c1-16
}

prepare_root() { # prepare_root ROOT: before anything runs apt inside
	local root=$1
	cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	# no services start in the chroot (postgresql-common would start a cluster on install)
	printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
	chmod 755 "$root/usr/sbin/policy-rc.d"
}

build_chroot() { # build_chroot SUITE: (re)build $CACHE/SUITE/root unless its stamp matches
	local suite=$1 dir="$CACHE/$1" hash t0
	local root="$dir/root" new="$dir/root.new"
	hash=$(package_hash)
	if [ -x "$root/usr/bin/qgis_process.bin" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$hash" ]; then
		return 0
	fi
	t0=$(date +%s)
	log "building the $suite chroot in $root (mirror $(mirror)) ..."
	command -v mmdebstrap >/dev/null || {
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q && apt-get install -y -q --no-install-recommends mmdebstrap
	}
	mkdir -p "$dir"
	safe_rm "$new"
	# unstable's index can be past its Valid-Until date; the option also stays in the chroot for `make setup`
	mmdebstrap --variant=apt --include="$BOOTSTRAP_INCLUDE" --components=main \
		--aptopt='Acquire::Check-Valid-Until "false"' --aptopt='APT::Install-Recommends "false"' \
		"$suite" "$new" "$(mirror)" >"$dir/build.log" 2>&1 || {
		tail -20 "$dir/build.log" >&2
		log "mmdebstrap failed for $suite (log: $dir/build.log)"
		return 1
	}
	prepare_root "$new"
	CURRENT_ROOT=$(realpath "$new")
	mount_into "$new"
	copy_tree "$new/work/sozialplanung"
	local rc=0
	in_chroot "$new" make -C /work/sozialplanung setup >>"$dir/build.log" 2>&1 || rc=$?
	kill_chroot_procs "$CURRENT_ROOT"
	unmount_all
	CURRENT_ROOT=
	if [ $rc != 0 ]; then
		tail -20 "$dir/build.log" >&2
		log "make setup failed in the $suite chroot (log: $dir/build.log)"
		return 1
	fi
	safe_rm "$new/work/sozialplanung"
	rm -rf "$new/var/cache/apt/archives/"*.deb
	safe_rm "$root"
	mv "$new" "$root"
	echo "$hash" >"$dir/stamp"
	log "built the $suite chroot in $(($(date +%s) - t0)) s ($(du -sh --one-file-system "$root" | cut -f1))"
}

COUNTS=(0 0 0) # passed failed skipped of the last summary
summary() { # summary LOG: "N passed, N failed, N skipped" from pytest's closing line (errors count as failed)
	local line p f e s
	line=$(grep -E '^(=+ )?[0-9]+ (passed|failed|errors?|skipped|deselected).* in [0-9.]+s' "$1" | tail -1 || true)
	p=$(grep -oE '[0-9]+ passed' <<<"$line" | cut -d' ' -f1 || true)
	f=$(grep -oE '[0-9]+ failed' <<<"$line" | cut -d' ' -f1 || true)
	e=$(grep -oE '[0-9]+ errors?' <<<"$line" | cut -d' ' -f1 || true)
	s=$(grep -oE '[0-9]+ skipped' <<<"$line" | cut -d' ' -f1 || true)
	COUNTS=("${p:-0}" $((${f:-0} + ${e:-0})) "${s:-0}")
	echo "${COUNTS[0]} passed, ${COUNTS[1]} failed, ${COUNTS[2]} skipped"
}

versions() { # versions [ROOT]: "QGIS x.y.z, Python a.b, ..." of the host or a chroot
	local code='import sys, numpy, pandas
from qgis.core import Qgis
print("QGIS %s, Python %s, pandas %s, numpy %s" % (Qgis.QGIS_VERSION.split("-")[0], sys.version.split()[0], pandas.__version__, numpy.__version__))'
	if [ -n "${1:-}" ]; then
		in_chroot "$1" env QT_QPA_PLATFORM=offscreen PYTHONNOUSERSITE=1 /usr/bin/python3 -c "$code" 2>/dev/null
	else
		env QT_QPA_PLATFORM=offscreen PYTHONNOUSERSITE=1 /usr/bin/python3 -c "$code" 2>/dev/null
	fi || echo "QGIS ?"
}

LINE=
RC=0
run_one() { # run_one SUITE: make TARGET there; sets LINE (the summary line), RC (its exit code) and COUNTS
	local suite=$1 logf="$LOGS/$1-$TARGET.log" t0 where ver secs result
	RC=0
	COUNTS=(0 0 0)
	mkdir -p "$LOGS"
	t0=$(date +%s)
	if [ "$suite" = "$(host_codename)" ]; then
		where="host"
		ver=$(versions)
		if [ "$TARGET" = exec ]; then
			(cd "$REPO" && "${EXEC_ARGS[@]}") || RC=$?
		else
			(cd "$REPO" && timeout "$RUN_TIMEOUT" make "$TARGET") >"$logf" 2>&1 || RC=$?
		fi
	else
		build_chroot "$suite"
		local root="$CACHE/$suite/root"
		where="chroot"
		CURRENT_ROOT=$(realpath "$root")
		prepare_root "$root"
		mount_into "$root"
		copy_tree "$root/work/sozialplanung"
		if [ -d "$REPO/../shared" ]; then bind_ro "$(cd "$REPO/../shared" && pwd)" "$root/work/shared"; fi
		ver=$(versions "$root")
		if [ "$TARGET" = exec ]; then
			in_chroot "$root" sh -c 'cd /work/sozialplanung && exec "$@"' sh "${EXEC_ARGS[@]}" || RC=$?
		else
			in_chroot "$root" timeout "$RUN_TIMEOUT" make -C /work/sozialplanung "$TARGET" >"$logf" 2>&1 || RC=$?
		fi
		kill_chroot_procs "$CURRENT_ROOT"
		unmount_all
		CURRENT_ROOT=
	fi
	secs=$(($(date +%s) - t0))
	if [ "$TARGET" = test ]; then
		result=$(summary "$logf")
		summary "$logf" >/dev/null # COUNTS in this shell
	elif [ "$TARGET" = exec ]; then
		result="${EXEC_ARGS[*]}"
	else
		if [ $RC = 0 ]; then result="make demo ok"; else result="make demo FAILED"; fi
	fi
	LINE=$(printf '%-8s %s (%s): %s, exit %s, %d min %02d s  [log %s]' "$suite" "$ver" "$where" "$result" "$RC" \
		$((secs / 60)) $((secs % 60)) "${logf#"$REPO"/}")
}

status=0
lines=()
total=(0 0 0)
for name in $MATRIX; do
	suite=$(suite_of "$name") || {
		log "unknown QGIS_MATRIX entry '$name' (bookworm|trixie|sid or 3.22|3.40|3.44)"
		exit 2
	}
	if [ "$TARGET" = build ]; then
		[ "$suite" = "$(host_codename)" ] || build_chroot "$suite"
		continue
	fi
	run_one "$suite"
	[ $RC = 0 ] || status=1
	echo "$LINE"
	lines+=("$LINE")
	for i in 0 1 2; do total[i]=$((total[i] + COUNTS[i])); done
done
[ "$TARGET" != build ] || exit 0
echo "---- QGIS matrix (make $TARGET) ----"
printf '%s\n' "${lines[@]}"
if [ "$TARGET" = test ]; then echo "matrix: ${total[0]} passed, ${total[1]} failed, ${total[2]} skipped"; fi
exit $status
