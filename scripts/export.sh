#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make export: regenerate patches/ from the commits of build/linux (base..HEAD), with the
# cover letter's subject and text taken from patches/cover-letter.txt.  'make tree && make export' changes nothing.
source "$(dirname "$0")/lib.sh"

tree=$(tree_dir series)
[ -d "$tree/.git" ] || die "no $tree: run 'make tree' first"
cd "$tree"
[ "$(git rev-parse --abbrev-ref HEAD)" = series ] || die "$tree is not on branch 'series'"
dirty=$(git status --porcelain --untracked-files=no | head -n 5)
[ -z "$dirty" ] || die "$tree has uncommitted changes; commit them first:
$dirty"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(git rev-list --count base..HEAD)
if [ "$n" -gt 0 ]; then
	# Fixed identity and date: the same commits always give the same files.
	GIT_COMMITTER_DATE="$(git log -1 --format=%ad --date=raw HEAD)" \
	git -c branch.series.description="$(cat "$PATCHES/cover-letter.txt")" format-patch -q --zero-commit --no-signature --no-numbered-files \
		--cover-letter --cover-from-description=subject -o "$tmp" base..HEAD ||
		die "git format-patch failed"
fi
rm -f "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch
[ "$n" -gt 0 ] && cp "$tmp"/*.patch "$PATCHES/"
python3 "$TOP/scripts/series.py" "$PATCHES/series" \
	$(cd "$tmp" && ls | grep -v '^0000-cover-letter.patch$' || true)
log "exported $n patch(es) to patches/"
