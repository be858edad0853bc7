/*
 * benchfs on libfuse 3.14's low-level API: the filesystem of ../shared/specs/benchfs.md,
 * the libfuse peer of FuseWire's samples/BenchFs.
 *
 * Build:  gcc -O2 -Wall -o benchfs-libfuse benchfs.c $(pkg-config --cflags --libs fuse3)
 * Usage:  benchfs-libfuse [-s] MOUNTPOINT
 *         -s: single (fuse_session_loop); default mt (fuse_session_loop_mt, max_threads 2
 *         or BENCHFS_THREADS, clone_fd 0, idle threads never reaped).
 * Foreground; mounts itself (mount(2) as root, nosuid,nodev); exits 0 once unmounted.
 * SIGUSR1 prints one BENCHFS-STATS line on stderr (counted per handler: opcodes libfuse
 * answers by itself, e.g. STATX or GETLK, are not counted).
 */
#define FUSE_USE_VERSION 312
#define _GNU_SOURCE
#include <fuse_lowlevel.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INO_ROOT 1
#define INO_FILE 2
#define INO_SMALL 3
#define INO_SINK 4
#define INO_MANY 5
#define INO_MANY0 1000
#define MANY_COUNT 10000
#define FILE_SIZE (1ULL << 30)
#define SMALL_SIZE 4096ULL
#define MAX_IO (1u << 20)
#define PERIOD 251
#define ENTRY_OUT_SIZE 128 /* sizeof(struct fuse_entry_out) */

enum { C_INIT, C_LOOKUP, C_FORGET, C_BATCH_FORGET, C_GETATTR, C_SETATTR, C_OPEN, C_READ, C_WRITE, C_FLUSH,
       C_RELEASE, C_OPENDIR, C_READDIR, C_READDIRPLUS, C_RELEASEDIR, C_STATFS, C_ACCESS, C_GETXATTR,
       C_LISTXATTR, C_DESTROY, C_COUNT };
static const char *const op_names[C_COUNT] = {
	"INIT", "LOOKUP", "FORGET", "BATCH_FORGET", "GETATTR", "SETATTR", "OPEN", "READ", "WRITE", "FLUSH",
	"RELEASE", "OPENDIR", "READDIR", "READDIRPLUS", "RELEASEDIR", "STATFS", "ACCESS", "GETXATTR",
	"LISTXATTR", "DESTROY" };

static _Atomic unsigned long long ops[C_COUNT];
static _Atomic unsigned long long read_bytes, write_bytes, read_max, write_max, forget_items;
static unsigned char pattern[MAX_IO + 4096 + PERIOD];
static __thread char *read_buffer;
static int single_mode;
static int threads = 2;

#define COUNT(op) atomic_fetch_add_explicit(&ops[op], 1, memory_order_relaxed)

static void raise_max(_Atomic unsigned long long *max, unsigned long long value)
{
	unsigned long long cur = atomic_load_explicit(max, memory_order_relaxed);
	while (value > cur && !atomic_compare_exchange_weak_explicit(max, &cur, value, memory_order_relaxed,
								     memory_order_relaxed))
		;
}

static int is_many_child(fuse_ino_t ino) { return ino >= INO_MANY0 && ino < INO_MANY0 + MANY_COUNT; }
static int exists(fuse_ino_t ino) { return (ino >= INO_ROOT && ino <= INO_MANY) || is_many_child(ino); }
static int is_dir(fuse_ino_t ino) { return ino == INO_ROOT || ino == INO_MANY; }

static unsigned long long content_size(fuse_ino_t ino)
{
	return ino == INO_FILE ? FILE_SIZE : ino == INO_SMALL ? SMALL_SIZE : 0;
}

static int fill_stat(fuse_ino_t ino, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	if (!exists(ino))
		return 0;
	st->st_ino = ino;
	st->st_nlink = 1;
	switch (ino) {
	case INO_ROOT: st->st_mode = S_IFDIR | 0755; st->st_nlink = 3; break;
	case INO_MANY: st->st_mode = S_IFDIR | 0755; st->st_nlink = 2; break;
	case INO_FILE: case INO_SMALL: st->st_mode = S_IFREG | 0444; break;
	case INO_SINK: st->st_mode = S_IFREG | 0666; break;
	default: st->st_mode = S_IFREG | 0644; break;
	}
	st->st_size = (off_t)content_size(ino);
	st->st_blocks = st->st_size / 512;
	st->st_blksize = 4096;
	return 1;
}

static void fill_entry(fuse_ino_t ino, struct fuse_entry_param *e)
{
	memset(e, 0, sizeof(*e));
	if (fill_stat(ino, &e->attr))
		e->ino = ino;
}

static fuse_ino_t lookup_many(const char *name)
{
	if (name[0] != 'f')
		return 0;
	unsigned value = 0;
	for (int i = 1; i < 6; i++) {
		unsigned digit = (unsigned)(name[i] - '0');
		if (digit > 9)
			return 0;
		value = value * 10 + digit;
	}
	if (name[6] != '\0' || value >= MANY_COUNT)
		return 0;
	return INO_MANY0 + value;
}

static void bf_init(void *userdata, struct fuse_conn_info *conn)
{
	(void)userdata;
	COUNT(C_INIT);
	conn->max_write = MAX_IO;
	conn->max_background = 0;
	conn->congestion_threshold = 0;
	conn->time_gran = 1;
	unsigned want = FUSE_CAP_ASYNC_READ | FUSE_CAP_READDIRPLUS | FUSE_CAP_PARALLEL_DIROPS | FUSE_CAP_AUTO_INVAL_DATA;
	conn->want = want & conn->capable;
	unsigned pages = (conn->max_write - 1) / 4096 + 1;
	char flags[256] = "";
	static const struct { unsigned cap; const char *name; } caps[] = {
		{ FUSE_CAP_ASYNC_READ, "ASYNC_READ" }, { FUSE_CAP_AUTO_INVAL_DATA, "AUTO_INVAL_DATA" },
		{ FUSE_CAP_READDIRPLUS, "DO_READDIRPLUS" },
	};
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		if (conn->want & caps[i].cap)
			snprintf(flags + strlen(flags), sizeof(flags) - strlen(flags), "%s\"%s\"", flags[0] ? "," : "", caps[i].name);
	fprintf(stderr,
		"BENCHFS-INIT {\"impl\":\"libfuse-benchfs\",\"lib\":\"libfuse %d.%d\",\"api\":\"lowlevel\",\"mode\":\"%s\","
		"\"threads\":%d,\"kernel_proto\":\"7.%u\",\"reply_proto\":\"7.31\",\"max_write\":%u,\"max_pages\":%u,"
		"\"max_readahead\":%u,\"max_background\":%u,\"reply_flags\":[%s,\"BIG_WRITES\",\"MAX_PAGES\"],"
		"\"reply_flags_note\":\"from conn->want; BIG_WRITES/MAX_PAGES added by libfuse; PARALLEL_DIROPS never sent by 3.14\","
		"\"splice\":false,\"readdirplus\":\"always\",\"pid\":%d,\"stats\":\"SIGUSR1\"}\n",
		fuse_version() / 100, fuse_version() % 100, single_mode ? "single" : "mt", single_mode ? 1 : threads,
		conn->proto_minor, conn->max_write, pages, conn->max_readahead, conn->max_background, flags, (int)getpid());
}

static void bf_destroy(void *userdata) { (void)userdata; COUNT(C_DESTROY); }

static void bf_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	COUNT(C_LOOKUP);
	fuse_ino_t child = 0;
	if (parent == INO_ROOT) {
		if (!strcmp(name, "file")) child = INO_FILE;
		else if (!strcmp(name, "small")) child = INO_SMALL;
		else if (!strcmp(name, "sink")) child = INO_SINK;
		else if (!strcmp(name, "many")) child = INO_MANY;
	} else if (parent == INO_MANY) {
		child = lookup_many(name);
	} else {
		fuse_reply_err(req, exists(parent) ? ENOTDIR : ENOENT);
		return;
	}
	if (!child) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	struct fuse_entry_param e;
	fill_entry(child, &e);
	fuse_reply_entry(req, &e);
}

static void bf_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	(void)ino; (void)nlookup;
	COUNT(C_FORGET);
	atomic_fetch_add_explicit(&forget_items, 1, memory_order_relaxed);
	fuse_reply_none(req);
}

static void bf_forget_multi(fuse_req_t req, size_t count, struct fuse_forget_data *forgets)
{
	(void)forgets;
	COUNT(C_BATCH_FORGET);
	atomic_fetch_add_explicit(&forget_items, count, memory_order_relaxed);
	fuse_reply_none(req);
}

static void bf_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)fi;
	COUNT(C_GETATTR);
	struct stat st;
	if (!fill_stat(ino, &st)) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	fuse_reply_attr(req, &st, 0.0);
}

static void bf_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr, int to_set, struct fuse_file_info *fi)
{
	(void)attr; (void)to_set; (void)fi;
	COUNT(C_SETATTR);
	if (ino != INO_SINK) {
		fuse_reply_err(req, exists(ino) ? EPERM : ENOENT);
		return;
	}
	struct stat st;
	fill_stat(ino, &st);
	fuse_reply_attr(req, &st, 0.0);
}

static void bf_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	COUNT(C_OPEN);
	int rdonly = (fi->flags & O_ACCMODE) == O_RDONLY;
	fi->fh = 0;
	fi->keep_cache = 0;
	if (ino == INO_FILE || ino == INO_SMALL || ino == INO_SINK) {
		if (ino != INO_SINK && !rdonly) {
			fuse_reply_err(req, EACCES);
			return;
		}
		fi->direct_io = 1;
		fuse_reply_open(req, fi);
	} else if (is_dir(ino)) {
		fuse_reply_err(req, EISDIR);
	} else if (!is_many_child(ino)) {
		fuse_reply_err(req, ENOENT);
	} else if (!rdonly) {
		fuse_reply_err(req, EACCES);
	} else {
		fi->direct_io = 0;
		fuse_reply_open(req, fi);
	}
}

static void bf_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)fi;
	COUNT(C_READ);
	if (!exists(ino)) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	if (is_dir(ino)) {
		fuse_reply_err(req, EISDIR);
		return;
	}
	unsigned long long total = content_size(ino), offset = (unsigned long long)off;
	size_t n = 0;
	if (offset < total) {
		n = size;
		if (n > total - offset) n = (size_t)(total - offset);
		if (n > MAX_IO + 4096) n = MAX_IO + 4096;
	}
	if (!read_buffer) {
		read_buffer = malloc(MAX_IO + 4096);
		if (!read_buffer) {
			fuse_reply_err(req, ENOMEM);
			return;
		}
	}
	memcpy(read_buffer, pattern + offset % PERIOD, n);
	fuse_reply_buf(req, read_buffer, n);
	atomic_fetch_add_explicit(&read_bytes, n, memory_order_relaxed);
	raise_max(&read_max, size);
}

static void bf_write(fuse_req_t req, fuse_ino_t ino, const char *buf, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)buf; (void)off; (void)fi;
	COUNT(C_WRITE);
	if (ino != INO_SINK) {
		fuse_reply_err(req, EBADF);
		return;
	}
	fuse_reply_write(req, size);
	atomic_fetch_add_explicit(&write_bytes, size, memory_order_relaxed);
	raise_max(&write_max, size);
}

static void bf_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino; (void)fi;
	COUNT(C_FLUSH);
	fuse_reply_err(req, 0);
}

static void bf_release(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino; (void)fi;
	COUNT(C_RELEASE);
	fuse_reply_err(req, 0);
}

static void bf_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	COUNT(C_OPENDIR);
	if (!is_dir(ino)) {
		fuse_reply_err(req, exists(ino) ? ENOTDIR : ENOENT);
		return;
	}
	fi->fh = 0;
	fi->cache_readdir = 0;
	fi->keep_cache = 0;
	fuse_reply_open(req, fi);
}

static void bf_releasedir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino; (void)fi;
	COUNT(C_RELEASEDIR);
	fuse_reply_err(req, 0);
}

/* Entry k of a listing: ino, name (written into name_buf when generated). */
static fuse_ino_t list_entry(fuse_ino_t dir, unsigned long k, char name_buf[8], const char **name)
{
	static const char *const root_names[] = { "file", "small", "sink", "many" };
	if (k == 0) { *name = "."; return dir; }
	if (k == 1) { *name = ".."; return INO_ROOT; }
	if (dir == INO_ROOT) { *name = root_names[k - 2]; return INO_FILE + (k - 2); }
	snprintf(name_buf, 8, "f%05lu", k - 2);
	*name = name_buf;
	return INO_MANY0 + (k - 2);
}

static void list(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, int plus)
{
	if (!is_dir(ino)) {
		fuse_reply_err(req, exists(ino) ? ENOTDIR : ENOENT);
		return;
	}
	unsigned long count = ino == INO_ROOT ? 6 : MANY_COUNT + 2;
	if (size > MAX_IO) size = MAX_IO;
	if (!read_buffer && !(read_buffer = malloc(MAX_IO + 4096))) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	char *buf = read_buffer;
	size_t used = 0;
	for (unsigned long k = (unsigned long)off; k < count; k++) {
		char name_buf[8];
		const char *name;
		fuse_ino_t child = list_entry(ino, k, name_buf, &name);
		size_t len;
		if (plus) {
			struct fuse_entry_param e;
			fill_entry(child, &e); /* for . and .. the dirent takes ino/type from attr, then entry_out is zeroed */
			len = fuse_add_direntry_plus(req, buf + used, size - used, name, &e, (off_t)(k + 1));
			if (len > size - used)
				break;
			if (k < 2)
				memset(buf + used, 0, ENTRY_OUT_SIZE);
		} else {
			struct stat st;
			memset(&st, 0, sizeof(st));
			st.st_ino = child;
			st.st_mode = is_dir(child) ? S_IFDIR : S_IFREG;
			len = fuse_add_direntry(req, buf + used, size - used, name, &st, (off_t)(k + 1));
			if (len > size - used)
				break;
		}
		used += len;
	}
	fuse_reply_buf(req, buf, used);
}

static void bf_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)fi;
	COUNT(C_READDIR);
	list(req, ino, size, off, 0);
}

static void bf_readdirplus(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)fi;
	COUNT(C_READDIRPLUS);
	list(req, ino, size, off, 1);
}

static void bf_statfs(fuse_req_t req, fuse_ino_t ino)
{
	(void)ino;
	COUNT(C_STATFS);
	struct statvfs sv;
	memset(&sv, 0, sizeof(sv));
	sv.f_bsize = 4096;
	sv.f_frsize = 4096;
	sv.f_blocks = 262145;
	sv.f_files = 10005;
	sv.f_namemax = 255;
	fuse_reply_statfs(req, &sv);
}

static void bf_access(fuse_req_t req, fuse_ino_t ino, int mask)
{
	(void)mask;
	COUNT(C_ACCESS);
	fuse_reply_err(req, exists(ino) ? 0 : ENOENT);
}

static void bf_getxattr(fuse_req_t req, fuse_ino_t ino, const char *name, size_t size)
{
	(void)ino; (void)name; (void)size;
	COUNT(C_GETXATTR);
	fuse_reply_err(req, ENOSYS);
}

static void bf_listxattr(fuse_req_t req, fuse_ino_t ino, size_t size)
{
	(void)ino; (void)size;
	COUNT(C_LISTXATTR);
	fuse_reply_err(req, ENOSYS);
}

static const struct fuse_lowlevel_ops bf_ops = {
	.init = bf_init, .destroy = bf_destroy, .lookup = bf_lookup, .forget = bf_forget,
	.forget_multi = bf_forget_multi, .getattr = bf_getattr, .setattr = bf_setattr, .open = bf_open,
	.read = bf_read, .write = bf_write, .flush = bf_flush, .release = bf_release, .opendir = bf_opendir,
	.readdir = bf_readdir, .readdirplus = bf_readdirplus, .releasedir = bf_releasedir, .statfs = bf_statfs,
	.access = bf_access, .getxattr = bf_getxattr, .listxattr = bf_listxattr,
};

static void print_stats(void)
{
	char line[2048];
	int n = snprintf(line, sizeof(line), "BENCHFS-STATS {\"ops\":{");
	int first = 1;
	for (int i = 0; i < C_COUNT; i++) {
		unsigned long long v = atomic_load_explicit(&ops[i], memory_order_relaxed);
		if (v) {
			n += snprintf(line + n, sizeof(line) - n, "%s\"%s\":%llu", first ? "" : ",", op_names[i], v);
			first = 0;
		}
	}
	n += snprintf(line + n, sizeof(line) - n,
		      "},\"read_bytes\":%llu,\"write_bytes\":%llu,\"read_max\":%llu,\"write_max\":%llu,\"forget_items\":%llu}\n",
		      (unsigned long long)read_bytes, (unsigned long long)write_bytes, (unsigned long long)read_max,
		      (unsigned long long)write_max, (unsigned long long)forget_items);
	fputs(line, stderr);
}

static void *stats_thread(void *arg)
{
	sigset_t *set = arg;
	for (;;) {
		int sig;
		if (sigwait(set, &sig) == 0 && sig == SIGUSR1)
			print_stats();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *mountpoint = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-s"))
			single_mode = 1;
		else if (argv[i][0] != '-' && !mountpoint)
			mountpoint = argv[i];
		else {
			fprintf(stderr, "usage: %s [-s] MOUNTPOINT\n", argv[0]);
			return 2;
		}
	}
	if (!mountpoint) {
		fprintf(stderr, "usage: %s [-s] MOUNTPOINT\n", argv[0]);
		return 2;
	}
	const char *env = getenv("BENCHFS_THREADS");
	if (env && atoi(env) > 0)
		threads = atoi(env);
	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (unsigned char)(i % PERIOD);

	/* SIGUSR1 is handled by one thread with sigwait; every other thread (libfuse's workers) blocks it. */
	static sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	pthread_t stats;
	pthread_create(&stats, NULL, stats_thread, &usr1);

	char *fuse_argv[] = { argv[0], "-o", "fsname=benchfs,subtype=benchfs", NULL };
	struct fuse_args args = FUSE_ARGS_INIT(3, fuse_argv);
	struct fuse_session *se = fuse_session_new(&args, &bf_ops, sizeof(bf_ops), NULL);
	if (!se)
		return 1;
	if (fuse_set_signal_handlers(se) != 0 || fuse_session_mount(se, mountpoint) != 0) {
		fuse_session_destroy(se);
		return 1;
	}
	int rc;
	if (single_mode) {
		rc = fuse_session_loop(se);
	} else {
		struct fuse_loop_config *config = fuse_loop_cfg_create();
		fuse_loop_cfg_set_clone_fd(config, 0);
		fuse_loop_cfg_set_max_threads(config, (unsigned)threads);
		fuse_loop_cfg_set_idle_threads(config, (unsigned)threads + 8); /* more than max: never reaped */
		rc = fuse_session_loop_mt(se, config);
		fuse_loop_cfg_destroy(config);
	}
	print_stats();
	fuse_session_unmount(se);
	fuse_remove_signal_handlers(se);
	fuse_session_destroy(se);
	return rc < 0 ? 1 : 0;
}
