#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Materialise a kernel tree: the base as one commit, then the series applied with git am.
#   mktree.sh series    -> build/linux, every patch of the series (the tree developers edit)
#   mktree.sh mainline  -> build/linux-mainline, the "fixes" and "tests" parts (mainline's own core)
#   mktree.sh base      -> build/linux-base, no patch: v7.3 as shipped, for make crc
# A tree's unexported commits are kept on a saved/* branch before it is rebuilt; a tree with
# uncommitted changes is refused.
source "$(dirname "$0")/lib.sh"

mode=${1:-series}
tree=$(tree_dir "$mode")
main=$(tree_dir series)
tarball=$("$TOP/scripts/fetch-base.sh")
ver=$(cat "$BUILD/base-version")
git_id=(-c user.name="$(git -C "$TOP" config user.name)" -c user.email="$(git -C "$TOP" config user.email)")

# 1. The base commit, made once per base version.  Dates are fixed so that its hash, and
#    so every exported patch, is the same on every machine.
if [ ! -d "$main/.git" ]; then
	log "unpacking $BASE_PKG $ver"
	rm -rf "$main.tmp" && mkdir -p "$main.tmp"
	tar -xf "$tarball" -C "$main.tmp" --strip-components=1 || die "cannot unpack $tarball"
	cd "$main.tmp"
	git init -q -b vanilla && git config gc.auto 0 && git config core.untrackedCache true
	# Debian's .gitignore ignores the whole top level (its packaging repo tracks no source);
	# drop that block so that files a developer adds to the tree are seen by git.
	sed -i '/^# Debian packaging: ignore everything/,$d' .gitignore
	git add -A . >/dev/null
	stamp="$(stat -c %Y Makefile) +0000"
	GIT_AUTHOR_DATE="$stamp" GIT_COMMITTER_DATE="$stamp" \
		git "${git_id[@]}" commit -q -m "Linux $ver ($BASE_PKG from $BASE_SUITE)" \
		-m "The tarball as shipped, but for the Debian-only ignore block of .gitignore."
	git tag base
	cd "$TOP" && mv "$main.tmp" "$main"
fi
have=$(git -C "$main" log -1 --format=%s base)
[ "$have" = "Linux $ver ($BASE_PKG from $BASE_SUITE)" ] ||
	die "$main was made from '$have', not $BASE_PKG $ver; remove build/ to start over"

if [ ! -d "$tree" ]; then
	git -C "$main" worktree add -q --detach "$tree" base || die "cannot add worktree $tree"
fi
cd "$tree"

# 2. Never lose work: refuse a dirty tree, keep unexported commits on a branch.
dirty=$(git status --porcelain --untracked-files=no | head -n 5)
[ -z "$dirty" ] || die "$tree has uncommitted changes; commit them and run 'make export' first:
$dirty"
# A commit is exported when a patch of patches/ has its subject (git mailinfo unfolds
# the Subject: header, which format-patch wraps, and drops its "[PATCH n/m]").
exported=$(for p in "$PATCHES"/[0-9][0-9][0-9][0-9]-*.patch; do
	if [ -f "$p" ]; then git mailinfo /dev/null /dev/null < "$p" | sed -n 's/^Subject: //p'; fi
done)
unexported=$(git log --format=%s base..HEAD | while IFS= read -r s; do
	grep -qxF -- "$s" <<< "$exported" || echo "$s"
done)
if [ -n "$unexported" ]; then
	saved="saved/$(date +%Y%m%d-%H%M%S)"
	git branch -f "$saved" HEAD
	log "$tree had commits not in patches/; kept on branch $saved"
fi

# 3. The series, unless the tree already holds exactly this series.
part=$(mode_parts "$mode")
patches=()
[ "$mode" = base ] || mapfile -t patches < <(series_patches $part)
want=$( (echo "$ver $part"; for p in "${patches[@]}"; do cat "$PATCHES/$p"; done) |
	sha256sum | cut -c1-16)
stamp=$(git rev-parse --git-dir)/mktree-stamp
if [ "$(cat "$stamp" 2>/dev/null)" = "$want $(git rev-parse HEAD)" ]; then
	log "$tree: up to date ($BASE_PKG $ver + $(git rev-list --count base..HEAD) patch(es))"
	exit 0
fi
# The base tree is the tag itself; a branch named "base" would shadow the tag.
if [ "$mode" = base ]; then git checkout -q -f --detach base; else git checkout -q -f -B "$mode" base; fi
n=0
for p in "${patches[@]}"; do
	[ -f "$PATCHES/$p" ] || die "patches/series lists $p, which does not exist"
	if ! out=$(git "${git_id[@]}" am -q --committer-date-is-author-date "$PATCHES/$p" 2>&1); then
		git am --abort 2>/dev/null || true
		die "patch $p does not apply to $BASE_PKG $ver (the tree is left at the patch before it):
$(echo "$out" | grep -vE '^hint:|git am --|^When you have|^If you prefer|^To restore')"
	fi
	n=$((n + 1))
done
echo "$want $(git rev-parse HEAD)" > "$stamp"
log "$tree: $BASE_PKG $ver + $n patch(es)${part:+ (part: $part)}"
