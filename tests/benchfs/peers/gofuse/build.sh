#!/bin/sh
# Build the go-fuse (raw API) benchfs peer offline, from Debian's packages.
#   tests/benchfs/peers/gofuse/build.sh [OUTPUT]
# OUTPUT defaults to tests/benchfs/peers/gofuse/benchfs-gofuse.
# Installs golang-go and golang-github-hanwen-go-fuse-dev (which pulls
# golang-golang-x-sys-dev) with apt-get if they are missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/benchfs-gofuse"}
case $out in /*) ;; *) out="$(pwd)/$out" ;; esac

pkgs="golang-go golang-github-hanwen-go-fuse-dev golang-golang-x-sys-dev"
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "build.sh: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
fi

gofuse_version=$(dpkg-query -W -f='${Version}' golang-github-hanwen-go-fuse-dev)

# GOPATH mode, offline. Debian's go-fuse lives in
# /usr/share/gocode/src/github.com/hanwen/go-fuse and declares module
# github.com/hanwen/go-fuse/v2; GOPATH mode resolves the /v2 import there
# ("minimal module compatibility") only for importing code that sits inside
# a GOPATH tree and below a go.mod. So copy the sources into a throw-away
# GOPATH and build there.
gp=$(mktemp -d "${TMPDIR:-/tmp}/benchfs-gofuse-gopath.XXXXXX")
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/benchfs-gofuse"
cp "$here/main.go" "$here/go.mod" "$gp/src/benchfs-gofuse/"
cd "$gp/src/benchfs-gofuse"
GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOPROXY=off GOFLAGS= \
GOCACHE=${GOCACHE:-"${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/go-build"} \
    go build -trimpath \
    -ldflags "-X 'main.libVersion=$gofuse_version (Debian golang-github-hanwen-go-fuse-dev)'" \
    -o "$out" .
echo "$out"
