// benchfs-gofuse: the benchfs peer daemon written on go-fuse's raw API
// (github.com/hanwen/go-fuse/v2/fuse, RawFileSystem). It implements the
// synthetic filesystem of /work/shared/specs/benchfs.md.
//
// Usage: benchfs-gofuse [-single] MOUNTPOINT
//
// Foreground; mounts with MountOptions.DirectMount (mount(2), nosuid,nodev);
// prints "BENCHFS-INIT {json}" on stderr once INIT is done and
// "BENCHFS-STATS {json}" on every SIGUSR1. SIGINT/SIGTERM unmount and exit 0;
// an external unmount (umount / fusermount3 -u) makes the process exit 0.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"syscall"

	"github.com/hanwen/go-fuse/v2/fuse"
)

// libVersion is set by build.sh (-ldflags -X) to the Debian package version.
var libVersion = "2.1.0+git20220822 (Debian golang-github-hanwen-go-fuse-dev)"

// ---------------------------------------------------------------------------
// Namespace (spec §1)

const (
	inoRoot  = 1
	inoFile  = 2
	inoSmall = 3
	inoSink  = 4
	inoMany  = 5

	manyBase  = 1000
	manyCount = 10000

	fileSize  = 1 << 30
	smallSize = 4096

	patternPeriod = 251
	// One period-aligned table large enough for any single request
	// (max_pages 256 → at most 1 MiB), plus one period of slack so that
	// any starting phase can be served with one copy.
	patternLen = 1<<20 + patternPeriod
)

var pattern = func() []byte {
	b := make([]byte, patternLen)
	for i := range b {
		b[i] = byte(i % patternPeriod)
	}
	return b
}()

// isMany reports whether ino is one of /many/fNNNNN.
func isMany(ino uint64) bool {
	return ino >= manyBase && ino < manyBase+manyCount
}

// fillAttr writes the attributes of ino into a; false if ino does not exist.
func fillAttr(ino uint64, a *fuse.Attr) bool {
	var mode, nlink uint32
	var size uint64
	switch {
	case ino == inoRoot:
		mode, nlink = syscall.S_IFDIR|0755, 3
	case ino == inoFile:
		mode, nlink, size = syscall.S_IFREG|0444, 1, fileSize
	case ino == inoSmall:
		mode, nlink, size = syscall.S_IFREG|0444, 1, smallSize
	case ino == inoSink:
		mode, nlink = syscall.S_IFREG|0666, 1
	case ino == inoMany:
		mode, nlink = syscall.S_IFDIR|0755, 2
	case isMany(ino):
		mode, nlink = syscall.S_IFREG|0644, 1
	default:
		return false
	}
	*a = fuse.Attr{
		Ino:     ino,
		Size:    size,
		Blocks:  size / 512,
		Mode:    mode,
		Nlink:   nlink,
		Blksize: 4096,
		// uid, gid, rdev, times: all zero.
	}
	return true
}

func isDir(ino uint64) bool { return ino == inoRoot || ino == inoMany }

func exists(ino uint64) bool {
	return (ino >= inoRoot && ino <= inoMany) || isMany(ino)
}

// fillEntry fills a LOOKUP / READDIRPLUS entry with zero timeouts.
func fillEntry(ino uint64, e *fuse.EntryOut) {
	e.NodeId = ino
	e.Generation = 0
	e.EntryValid, e.EntryValidNsec = 0, 0
	e.AttrValid, e.AttrValidNsec = 0, 0
	fillAttr(ino, &e.Attr)
}

var rootNames = [...]string{"file", "small", "sink", "many"}

// lookupChild resolves name in directory parent (0 = not found).
func lookupChild(parent uint64, name string) uint64 {
	switch parent {
	case inoRoot:
		for i, n := range rootNames {
			if n == name {
				return uint64(inoFile + i)
			}
		}
	case inoMany:
		// exactly "f" + 5 decimal digits
		if len(name) != 6 || name[0] != 'f' {
			return 0
		}
		v := 0
		for i := 1; i < 6; i++ {
			c := name[i]
			if c < '0' || c > '9' {
				return 0
			}
			v = v*10 + int(c-'0')
		}
		if v < manyCount {
			return uint64(manyBase + v)
		}
	}
	return 0
}

// manyName formats fNNNNN into a stack buffer.
func manyName(buf *[6]byte, n int) string {
	buf[0] = 'f'
	for i := 5; i >= 1; i-- {
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[:])
}

// ---------------------------------------------------------------------------
// Statistics (spec §7): plain atomic counters, no locks.

const (
	opLookup        = 1
	opForget        = 2
	opGetattr       = 3
	opSetattr       = 4
	opReadlink      = 5
	opSymlink       = 6
	opMknod         = 8
	opMkdir         = 9
	opUnlink        = 10
	opRmdir         = 11
	opRename        = 12
	opLink          = 13
	opOpen          = 14
	opRead          = 15
	opWrite         = 16
	opStatfs        = 17
	opRelease       = 18
	opFsync         = 20
	opSetxattr      = 21
	opGetxattr      = 22
	opListxattr     = 23
	opRemovexattr   = 24
	opFlush         = 25
	opInit          = 26
	opOpendir       = 27
	opReaddir       = 28
	opReleasedir    = 29
	opFsyncdir      = 30
	opGetlk         = 31
	opSetlk         = 32
	opSetlkw        = 33
	opAccess        = 34
	opCreate        = 35
	opFallocate     = 43
	opReaddirplus   = 44
	opLseek         = 46
	opCopyFileRange = 47
	opMax           = 64
)

var opNames = map[int]string{
	opLookup: "LOOKUP", opForget: "FORGET", opGetattr: "GETATTR", opSetattr: "SETATTR",
	opReadlink: "READLINK", opSymlink: "SYMLINK", opMknod: "MKNOD", opMkdir: "MKDIR",
	opUnlink: "UNLINK", opRmdir: "RMDIR", opRename: "RENAME", opLink: "LINK",
	opOpen: "OPEN", opRead: "READ", opWrite: "WRITE", opStatfs: "STATFS",
	opRelease: "RELEASE", opFsync: "FSYNC", opSetxattr: "SETXATTR", opGetxattr: "GETXATTR",
	opListxattr: "LISTXATTR", opRemovexattr: "REMOVEXATTR", opFlush: "FLUSH", opInit: "INIT",
	opOpendir: "OPENDIR", opReaddir: "READDIR", opReleasedir: "RELEASEDIR", opFsyncdir: "FSYNCDIR",
	opGetlk: "GETLK", opSetlk: "SETLK", opSetlkw: "SETLKW", opAccess: "ACCESS",
	opCreate: "CREATE", opFallocate: "FALLOCATE", opReaddirplus: "READDIRPLUS",
	opLseek: "LSEEK", opCopyFileRange: "COPY_FILE_RANGE",
}

type counter struct {
	v uint64
	_ [56]byte // one cache line each: the two workers do not share lines
}

var (
	ops         [opMax]counter
	readBytes   counter
	writeBytes  counter
	readMax     counter
	writeMax    counter
	forgetItems counter
)

func count(op int) { atomic.AddUint64(&ops[op].v, 1) }

func raiseMax(c *counter, v uint64) {
	for {
		cur := atomic.LoadUint64(&c.v)
		if v <= cur || atomic.CompareAndSwapUint64(&c.v, cur, v) {
			return
		}
	}
}

func statsLine() string {
	m := make(map[string]uint64)
	for i := range ops {
		if v := atomic.LoadUint64(&ops[i].v); v != 0 {
			name, ok := opNames[i]
			if !ok {
				name = fmt.Sprintf("OP_%d", i)
			}
			m[name] = v
		}
	}
	s := struct {
		Ops         map[string]uint64 `json:"ops"`
		ReadBytes   uint64            `json:"read_bytes"`
		WriteBytes  uint64            `json:"write_bytes"`
		ReadMax     uint64            `json:"read_max"`
		WriteMax    uint64            `json:"write_max"`
		ForgetItems uint64            `json:"forget_items"`
	}{m, atomic.LoadUint64(&readBytes.v), atomic.LoadUint64(&writeBytes.v),
		atomic.LoadUint64(&readMax.v), atomic.LoadUint64(&writeMax.v),
		atomic.LoadUint64(&forgetItems.v)}
	b, _ := json.Marshal(&s)
	return "BENCHFS-STATS " + string(b) + "\n"
}

// ---------------------------------------------------------------------------
// The raw filesystem (spec §4). Every RawFileSystem method is implemented
// here so each request the library hands over is counted; the ones the
// spec does not serve reply ENOSYS.

type benchFS struct{}

var _ fuse.RawFileSystem = benchFS{}

func (benchFS) String() string             { return "benchfs" }
func (benchFS) SetDebug(bool)              {}
func (benchFS) Init(*fuse.Server)          {}
func (benchFS) Forget(_, _ uint64)         { atomic.AddUint64(&forgetItems.v, 1) }
func (benchFS) ReleaseDir(*fuse.ReleaseIn) { count(opReleasedir) }

func (benchFS) Lookup(_ <-chan struct{}, h *fuse.InHeader, name string, out *fuse.EntryOut) fuse.Status {
	count(opLookup)
	p := h.NodeId
	if !exists(p) {
		return fuse.ENOENT
	}
	if !isDir(p) {
		return fuse.ENOTDIR
	}
	ino := lookupChild(p, name)
	if ino == 0 {
		return fuse.ENOENT
	}
	fillEntry(ino, out)
	return fuse.OK
}

func (benchFS) GetAttr(_ <-chan struct{}, in *fuse.GetAttrIn, out *fuse.AttrOut) fuse.Status {
	count(opGetattr)
	if !fillAttr(in.NodeId, &out.Attr) {
		return fuse.ENOENT
	}
	out.AttrValid, out.AttrValidNsec = 0, 0
	return fuse.OK
}

func (benchFS) SetAttr(_ <-chan struct{}, in *fuse.SetAttrIn, out *fuse.AttrOut) fuse.Status {
	count(opSetattr)
	switch {
	case in.NodeId == inoSink:
		fillAttr(inoSink, &out.Attr)
		out.AttrValid, out.AttrValidNsec = 0, 0
		return fuse.OK
	case exists(in.NodeId):
		return fuse.EPERM
	}
	return fuse.ENOENT
}

func (benchFS) Open(_ <-chan struct{}, in *fuse.OpenIn, out *fuse.OpenOut) fuse.Status {
	count(opOpen)
	ino := in.NodeId
	rdonly := in.Flags&syscall.O_ACCMODE == syscall.O_RDONLY
	out.Fh = 0
	out.OpenFlags = 0
	switch {
	case ino == inoFile, ino == inoSmall:
		if !rdonly {
			return fuse.EACCES
		}
		out.OpenFlags = fuse.FOPEN_DIRECT_IO
	case ino == inoSink:
		out.OpenFlags = fuse.FOPEN_DIRECT_IO
	case isMany(ino):
		if !rdonly {
			return fuse.EACCES
		}
	case isDir(ino):
		return fuse.Status(syscall.EISDIR)
	default:
		return fuse.ENOENT
	}
	return fuse.OK
}

func (benchFS) Read(_ <-chan struct{}, in *fuse.ReadIn, buf []byte) (fuse.ReadResult, fuse.Status) {
	count(opRead)
	raiseMax(&readMax, uint64(in.Size))
	var size uint64
	switch ino := in.NodeId; {
	case ino == inoFile:
		size = fileSize
	case ino == inoSmall:
		size = smallSize
	case ino == inoSink, isMany(ino):
		return fuse.ReadResultData(buf[:0]), fuse.OK
	case isDir(ino):
		return nil, fuse.Status(syscall.EISDIR)
	default:
		return nil, fuse.ENOENT
	}
	off := in.Offset
	if off >= size {
		return fuse.ReadResultData(buf[:0]), fuse.OK
	}
	n := uint64(in.Size)
	if n > size-off {
		n = size - off
	}
	if n > uint64(len(buf)) { // cannot happen: go-fuse sizes buf to in.Size
		n = uint64(len(buf))
	}
	// Materialise the bytes in the request's own buffer (one copy per byte).
	dst := buf[:n]
	phase := int(off % patternPeriod)
	for len(dst) > 0 {
		c := copy(dst, pattern[phase:])
		dst = dst[c:]
		phase = (phase + c) % patternPeriod
	}
	atomic.AddUint64(&readBytes.v, n)
	return fuse.ReadResultData(buf[:n]), fuse.OK
}

func (benchFS) Write(_ <-chan struct{}, in *fuse.WriteIn, data []byte) (uint32, fuse.Status) {
	count(opWrite)
	n := uint64(len(data))
	raiseMax(&writeMax, n)
	if in.NodeId != inoSink {
		return 0, fuse.EBADF
	}
	atomic.AddUint64(&writeBytes.v, n)
	return uint32(n), fuse.OK
}

func (benchFS) Flush(<-chan struct{}, *fuse.FlushIn) fuse.Status { count(opFlush); return fuse.OK }
func (benchFS) Release(<-chan struct{}, *fuse.ReleaseIn)         { count(opRelease) }

func (benchFS) OpenDir(_ <-chan struct{}, in *fuse.OpenIn, out *fuse.OpenOut) fuse.Status {
	count(opOpendir)
	out.Fh, out.OpenFlags = 0, 0
	switch {
	case isDir(in.NodeId):
		return fuse.OK
	case exists(in.NodeId):
		return fuse.ENOTDIR
	}
	return fuse.ENOENT
}

// listDir emits the listing of dir from index in.Offset on; plus selects
// READDIRPLUS entries. DirEntryList numbers entries itself: the k-th
// emitted entry gets d_off = in.Offset + k + 1 = its listing index + 1.
func listDir(in *fuse.ReadIn, out *fuse.DirEntryList, plus bool) fuse.Status {
	dir := in.NodeId
	var total int
	switch {
	case dir == inoRoot:
		total = 2 + len(rootNames)
	case dir == inoMany:
		total = 2 + manyCount
	case exists(dir):
		return fuse.ENOTDIR
	default:
		return fuse.ENOENT
	}
	var nb [6]byte
fill:
	for k := int(in.Offset); k < total; k++ {
		var e fuse.DirEntry
		switch {
		case k == 0:
			e = fuse.DirEntry{Name: ".", Ino: dir, Mode: syscall.S_IFDIR}
		case k == 1:
			e = fuse.DirEntry{Name: "..", Ino: inoRoot, Mode: syscall.S_IFDIR}
		case dir == inoRoot:
			ino := uint64(inoFile + k - 2)
			mode := uint32(syscall.S_IFREG)
			if ino == inoMany {
				mode = syscall.S_IFDIR
			}
			e = fuse.DirEntry{Name: rootNames[k-2], Ino: ino, Mode: mode}
		default:
			e = fuse.DirEntry{Name: manyName(&nb, k-2), Ino: uint64(manyBase + k - 2), Mode: syscall.S_IFREG}
		}
		if !plus {
			if !out.AddDirEntry(e) {
				break fill
			}
			continue
		}
		eo := out.AddDirLookupEntry(e)
		if eo == nil {
			break fill
		}
		if k >= 2 { // "." and "..": all-zero fuse_entry_out (kernel skips them)
			fillEntry(e.Ino, eo)
		}
	}
	return fuse.OK
}

func (benchFS) ReadDir(_ <-chan struct{}, in *fuse.ReadIn, out *fuse.DirEntryList) fuse.Status {
	count(opReaddir)
	return listDir(in, out, false)
}

func (benchFS) ReadDirPlus(_ <-chan struct{}, in *fuse.ReadIn, out *fuse.DirEntryList) fuse.Status {
	count(opReaddirplus)
	return listDir(in, out, true)
}

func (benchFS) StatFs(_ <-chan struct{}, _ *fuse.InHeader, out *fuse.StatfsOut) fuse.Status {
	count(opStatfs)
	*out = fuse.StatfsOut{
		Blocks:  262145,
		Bfree:   0,
		Bavail:  0,
		Files:   10005,
		Ffree:   0,
		Bsize:   4096,
		NameLen: 255,
		Frsize:  4096,
	}
	return fuse.OK
}

func (benchFS) Access(_ <-chan struct{}, in *fuse.AccessIn) fuse.Status {
	count(opAccess)
	if !exists(in.NodeId) {
		return fuse.ENOENT
	}
	return fuse.OK
}

// Everything else: ENOSYS.

func (benchFS) Mknod(<-chan struct{}, *fuse.MknodIn, string, *fuse.EntryOut) fuse.Status {
	count(opMknod)
	return fuse.ENOSYS
}
func (benchFS) Mkdir(<-chan struct{}, *fuse.MkdirIn, string, *fuse.EntryOut) fuse.Status {
	count(opMkdir)
	return fuse.ENOSYS
}
func (benchFS) Unlink(<-chan struct{}, *fuse.InHeader, string) fuse.Status {
	count(opUnlink)
	return fuse.ENOSYS
}
func (benchFS) Rmdir(<-chan struct{}, *fuse.InHeader, string) fuse.Status {
	count(opRmdir)
	return fuse.ENOSYS
}

// Rename: go-fuse routes both RENAME and RENAME2 here.
func (benchFS) Rename(<-chan struct{}, *fuse.RenameIn, string, string) fuse.Status {
	count(opRename)
	return fuse.ENOSYS
}
func (benchFS) Link(<-chan struct{}, *fuse.LinkIn, string, *fuse.EntryOut) fuse.Status {
	count(opLink)
	return fuse.ENOSYS
}
func (benchFS) Symlink(<-chan struct{}, *fuse.InHeader, string, string, *fuse.EntryOut) fuse.Status {
	count(opSymlink)
	return fuse.ENOSYS
}
func (benchFS) Readlink(<-chan struct{}, *fuse.InHeader) ([]byte, fuse.Status) {
	count(opReadlink)
	return nil, fuse.ENOSYS
}
func (benchFS) GetXAttr(<-chan struct{}, *fuse.InHeader, string, []byte) (uint32, fuse.Status) {
	count(opGetxattr)
	return 0, fuse.ENOSYS
}
func (benchFS) ListXAttr(<-chan struct{}, *fuse.InHeader, []byte) (uint32, fuse.Status) {
	count(opListxattr)
	return 0, fuse.ENOSYS
}
func (benchFS) SetXAttr(<-chan struct{}, *fuse.SetXAttrIn, string, []byte) fuse.Status {
	count(opSetxattr)
	return fuse.ENOSYS
}
func (benchFS) RemoveXAttr(<-chan struct{}, *fuse.InHeader, string) fuse.Status {
	count(opRemovexattr)
	return fuse.ENOSYS
}
func (benchFS) Create(<-chan struct{}, *fuse.CreateIn, string, *fuse.CreateOut) fuse.Status {
	count(opCreate)
	return fuse.ENOSYS
}
func (benchFS) Lseek(<-chan struct{}, *fuse.LseekIn, *fuse.LseekOut) fuse.Status {
	count(opLseek)
	return fuse.ENOSYS
}
func (benchFS) GetLk(<-chan struct{}, *fuse.LkIn, *fuse.LkOut) fuse.Status {
	count(opGetlk)
	return fuse.ENOSYS
}
func (benchFS) SetLk(<-chan struct{}, *fuse.LkIn) fuse.Status {
	count(opSetlk)
	return fuse.ENOSYS
}
func (benchFS) SetLkw(<-chan struct{}, *fuse.LkIn) fuse.Status {
	count(opSetlkw)
	return fuse.ENOSYS
}
func (benchFS) CopyFileRange(<-chan struct{}, *fuse.CopyFileRangeIn) (uint32, fuse.Status) {
	count(opCopyFileRange)
	return 0, fuse.ENOSYS
}
func (benchFS) Fsync(<-chan struct{}, *fuse.FsyncIn) fuse.Status {
	count(opFsync)
	return fuse.ENOSYS
}
func (benchFS) Fallocate(<-chan struct{}, *fuse.FallocateIn) fuse.Status {
	count(opFallocate)
	return fuse.ENOSYS
}
func (benchFS) FsyncDir(<-chan struct{}, *fuse.FsyncIn) fuse.Status {
	count(opFsyncdir)
	return fuse.ENOSYS
}

// ---------------------------------------------------------------------------
// INIT report (spec §3, §7)

// Names of fuse_init_out.flags bits (include/uapi/linux/fuse.h).
var initFlagNames = [32]string{
	"ASYNC_READ", "POSIX_LOCKS", "FILE_OPS", "ATOMIC_O_TRUNC",
	"EXPORT_SUPPORT", "BIG_WRITES", "DONT_MASK", "SPLICE_WRITE",
	"SPLICE_MOVE", "SPLICE_READ", "FLOCK_LOCKS", "IOCTL_DIR",
	"AUTO_INVAL_DATA", "DO_READDIRPLUS", "READDIRPLUS_AUTO", "ASYNC_DIO",
	"WRITEBACK_CACHE", "NO_OPEN_SUPPORT", "PARALLEL_DIROPS", "HANDLE_KILLPRIV",
	"POSIX_ACL", "ABORT_ERROR", "MAX_PAGES", "CACHE_SYMLINKS",
	"NO_OPENDIR_SUPPORT", "EXPLICIT_INVAL_DATA", "MAP_ALIGNMENT", "SUBMOUNTS",
	"HANDLE_KILLPRIV_V2", "SETXATTR_EXT", "INIT_EXT", "INIT_RESERVED",
}

// goFuseOurMinor is the protocol minor go-fuse 2.1 speaks on Linux
// (_OUR_MINOR_VERSION, unexported); its INIT reply is min(this, kernel's).
const goFuseOurMinor = 28

// requestedMaxWrite is what we ask for (spec: 1 MiB); go-fuse's NewServer
// caps it at fuse.MAX_KERNEL_WRITE.
const requestedMaxWrite = 1 << 20

func initLine(srv *fuse.Server, single bool, readers int) string {
	ks := srv.KernelSettings() // kernel's INIT, with Flags replaced by the reply flags
	replyMinor := uint32(goFuseOurMinor)
	if ks.Minor < replyMinor {
		replyMinor = ks.Minor
	}
	maxWrite := requestedMaxWrite
	if maxWrite > fuse.MAX_KERNEL_WRITE {
		maxWrite = fuse.MAX_KERNEL_WRITE
	}
	var flags []string
	for i := 0; i < 32; i++ {
		if ks.Flags&(1<<uint(i)) != 0 {
			flags = append(flags, initFlagNames[i])
		}
	}
	maxPages := 32 // FUSE_MAX_PAGES not sent: kernel keeps FUSE_DEFAULT_MAX_PAGES_PER_REQ
	if ks.Flags&fuse.CAP_MAX_PAGES != 0 {
		maxPages = (maxWrite-1)/4096 + 1
	}
	mode, threads := "mt", readers
	if single {
		mode, threads = "single", 1
	}
	type initInfo struct {
		Impl                string   `json:"impl"`
		Lib                 string   `json:"lib"`
		API                 string   `json:"api"`
		Mode                string   `json:"mode"`
		Threads             int      `json:"threads"`
		Readers             int      `json:"readers"`
		Gomaxprocs          int      `json:"gomaxprocs"`
		Go                  string   `json:"go"`
		KernelProto         string   `json:"kernel_proto"`
		ReplyProto          string   `json:"reply_proto"`
		MaxWrite            int      `json:"max_write"`
		MaxPages            int      `json:"max_pages"`
		MaxReadahead        uint32   `json:"max_readahead"`
		MaxBackground       int      `json:"max_background"`
		CongestionThreshold int      `json:"congestion_threshold"`
		TimeGran            int      `json:"time_gran"`
		ReplyFlags          []string `json:"reply_flags"`
		InitExt             bool     `json:"init_ext"`
		Splice              bool     `json:"splice"`
		Readdirplus         string   `json:"readdirplus"`
		Mount               string   `json:"mount"`
		Pid                 int      `json:"pid"`
		Stats               string   `json:"stats"`
		StatsNote           string   `json:"stats_note"`
		Deviations          []string `json:"deviations"`
	}
	info := initInfo{
		Impl:        "go-fuse-raw",
		Lib:         "go-fuse " + libVersion,
		API:         "raw (fuse.RawFileSystem)",
		Mode:        mode,
		Threads:     threads,
		Readers:     readers,
		Gomaxprocs:  runtime.GOMAXPROCS(0),
		Go:          runtime.Version(),
		KernelProto: fmt.Sprintf("%d.%d", ks.Major, ks.Minor),
		ReplyProto:  fmt.Sprintf("7.%d", replyMinor),
		MaxWrite:    maxWrite,
		MaxPages:    maxPages,
		// go-fuse echoes the kernel's offer (MountOptions.MaxReadAhead unset).
		MaxReadahead:        ks.MaxReadAhead,
		MaxBackground:       0,
		CongestionThreshold: 0,
		TimeGran:            0,
		ReplyFlags:          flags,
		InitExt:             false,
		Splice:              false,
		Readdirplus:         "always",
		Mount:               "DirectMount (mount(2)), nosuid,nodev",
		Pid:                 os.Getpid(),
		Stats:               "SIGUSR1",
		StatsNote: "counted in the RawFileSystem methods; INIT counted once; " +
			"FORGET/BATCH_FORGET are not distinguishable through the raw API (only forget_items); " +
			"INTERRUPT, DESTROY, IOCTL, POLL, BMAP and opcodes go-fuse 2.1 does not know " +
			"(e.g. STATX: ENOSYS plus a one-time 'Unimplemented opcode OPCODE-52' log line) " +
			"never reach the filesystem and are not counted; " +
			"RENAME2 is counted as RENAME",
		Deviations: []string{
			"reply minor 7.28 (go-fuse 2.1 protocol level)",
			"max_write capped at fuse.MAX_KERNEL_WRITE; FUSE_MAX_PAGES never sent (kernel max_pages 32)",
			"time_gran sent as 0 (kernel keeps its 1 ns default)",
			"no FUSE_INIT_EXT / flags2",
			"-single serialises processing behind one mutex; /dev/fuse is still read by go-fuse's reader goroutines",
		},
	}
	b, _ := json.Marshal(&info)
	return "BENCHFS-INIT " + string(b) + "\n"
}

// ---------------------------------------------------------------------------

func main() {
	single := flag.Bool("single", false, "serialise request processing (MountOptions.SingleThreaded)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [-single] MOUNTPOINT\n", os.Args[0])
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	mnt, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchfs-gofuse: %v\n", err)
		os.Exit(1)
	}

	// Install the handlers before mounting so an early signal is not fatal.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGUSR1, syscall.SIGINT, syscall.SIGTERM)

	opts := &fuse.MountOptions{
		FsName:           "benchfs",
		Name:             "benchfs",
		MaxWrite:         requestedMaxWrite, // capped by go-fuse at MAX_KERNEL_WRITE
		MaxBackground:    0,                 // reply 0/0: kernel defaults 12/9
		SingleThreaded:   *single,
		DirectMount:      true,
		DirectMountFlags: syscall.MS_NOSUID | syscall.MS_NODEV,
	}
	// NewServer mounts and handles INIT synchronously before returning.
	srv, err := fuse.NewServer(benchFS{}, mnt, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchfs-gofuse: mount %s: %v\n", mnt, err)
		os.Exit(1)
	}
	count(opInit)

	// go-fuse's reader-goroutine cap: clamp(GOMAXPROCS, 2, 16).
	readers := runtime.GOMAXPROCS(0)
	if readers < 2 {
		readers = 2
	} else if readers > 16 {
		readers = 16
	}
	os.Stderr.WriteString(initLine(srv, *single, readers))

	go func() {
		for s := range sigs {
			if s == syscall.SIGUSR1 {
				os.Stderr.WriteString(statsLine())
				continue
			}
			// SIGINT / SIGTERM: unmount; Serve() then returns and we exit 0.
			if err := srv.Unmount(); err != nil {
				fmt.Fprintf(os.Stderr, "benchfs-gofuse: unmount: %v; detaching\n", err)
				if err := syscall.Unmount(mnt, syscall.MNT_DETACH); err != nil {
					fmt.Fprintf(os.Stderr, "benchfs-gofuse: lazy unmount: %v\n", err)
				}
			}
		}
	}()

	// Returns when the connection ends (our unmount, umount(8), fusermount3 -u).
	srv.Serve()
	os.Exit(0)
}
