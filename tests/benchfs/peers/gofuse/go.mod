module benchfs-gofuse

go 1.19

// Built in GOPATH mode (GO111MODULE=off) against Debian's go-fuse in
// /usr/share/gocode: see build.sh. This file marks the directory as module
// code so that the github.com/hanwen/go-fuse/v2 import resolves there
// (minimal module compatibility).
