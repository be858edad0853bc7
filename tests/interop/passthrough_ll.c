/*
 * A small passthrough file system on libfuse3's low-level API, the daemon FuseWire's kernel-side client is proven against.
 *
 *   passthrough_ll SOURCE MOUNTPOINT [--splice] [-f] [-d]
 *
 * SOURCE is the real directory served; MOUNTPOINT is usually /dev/fd/N, a SOCK_SEQPACKET socket the test holds the other end
 * of, so that libfuse reads requests from it and writes replies to it instead of /dev/fuse. Single-threaded
 * (fuse_session_loop), replies are written with writev (never splice: READ replies carry bytes read into memory), unless
 * --splice is given: then READ is answered from the file's descriptor and libfuse splices the reply through a pipe, which a
 * socket carries as several packets (the tests prove the client rejects that).
 *
 * Each inode the kernel side knows of is a struct node holding an O_PATH descriptor of the real file and its lookup count;
 * its node id is the node's address (the root's is FUSE_ROOT_ID). Requests use the *at() calls relative to those descriptors.
 * On DESTROY it prints "passthrough_ll: destroy, N nodes left" to stderr, which the tests read.
 */
#define FUSE_USE_VERSION 34
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fuse_lowlevel.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/xattr.h>
#include <unistd.h>

struct node {
	struct node *prev, *next; /* every node but the root, in a ring through the root */
	int fd;                   /* O_PATH descriptor of the real file */
	dev_t dev;
	ino_t ino;
	uint64_t lookups;
};

struct open_dir {
	DIR *dir;
	off_t offset;             /* the telldir() cookie of the next entry, 0 at the start */
	struct dirent *pending;   /* read but not yet returned */
};

static struct node root = { &root, &root, -1, 0, 0, 2 };
static unsigned long live_nodes;
static int use_splice;

static struct node *node_of(fuse_ino_t ino)
{
	return ino == FUSE_ROOT_ID ? &root : (struct node *)(uintptr_t)ino;
}

static fuse_ino_t id_of(struct node *n)
{
	return n == &root ? FUSE_ROOT_ID : (fuse_ino_t)(uintptr_t)n;
}

/* The path through /proc of a node's descriptor, for calls that take no directory descriptor. */
static void proc_path(char *buf, size_t size, int fd)
{
	snprintf(buf, size, "/proc/self/fd/%d", fd);
}

static struct node *find_node(const struct stat *st)
{
	for (struct node *n = root.next; n != &root; n = n->next)
		if (n->ino == st->st_ino && n->dev == st->st_dev)
			return n;
	return NULL;
}

static void unref_node(struct node *n, uint64_t count)
{
	if (n == &root)
		return;
	n->lookups = count >= n->lookups ? 0 : n->lookups - count;
	if (n->lookups == 0) {
		n->prev->next = n->next;
		n->next->prev = n->prev;
		close(n->fd);
		free(n);
		live_nodes--;
	}
}

/* Looks NAME up in PARENT and counts one lookup of the node found; fills E. Returns 0 or an errno. */
static int do_lookup(struct node *parent, const char *name, struct fuse_entry_param *e)
{
	memset(e, 0, sizeof(*e));
	e->attr_timeout = 1.0;
	e->entry_timeout = 1.0;
	int fd = openat(parent->fd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno;
	if (fstatat(fd, "", &e->attr, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0) {
		int err = errno;
		close(fd);
		return err;
	}
	struct node *n = find_node(&e->attr);
	if (n) {
		close(fd);
	} else {
		n = calloc(1, sizeof(*n));
		if (!n) {
			close(fd);
			return ENOMEM;
		}
		n->fd = fd;
		n->dev = e->attr.st_dev;
		n->ino = e->attr.st_ino;
		n->next = &root;
		n->prev = root.prev;
		root.prev->next = n;
		root.prev = n;
		live_nodes++;
	}
	n->lookups++;
	e->ino = id_of(n);
	return 0;
}

static void reply_entry_or_error(fuse_req_t req, struct node *parent, const char *name)
{
	struct fuse_entry_param e;
	int err = do_lookup(parent, name, &e);
	if (err)
		fuse_reply_err(req, err);
	else
		fuse_reply_entry(req, &e);
}

static void pt_init(void *userdata, struct fuse_conn_info *conn)
{
	(void)userdata;
	/* Plain replies only: no splice in either direction (unless asked for), no writeback cache. */
	conn->want &= ~(FUSE_CAP_SPLICE_READ | FUSE_CAP_SPLICE_WRITE | FUSE_CAP_SPLICE_MOVE | FUSE_CAP_WRITEBACK_CACHE);
	if (use_splice)
		conn->want |= conn->capable & (FUSE_CAP_SPLICE_WRITE | FUSE_CAP_SPLICE_MOVE);
}

static void pt_destroy(void *userdata)
{
	(void)userdata;
	fprintf(stderr, "passthrough_ll: destroy, %lu nodes left\n", live_nodes);
}

static void pt_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	reply_entry_or_error(req, node_of(parent), name);
}

static void pt_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	unref_node(node_of(ino), nlookup);
	fuse_reply_none(req);
}

static void pt_forget_multi(fuse_req_t req, size_t count, struct fuse_forget_data *forgets)
{
	for (size_t i = 0; i < count; i++)
		unref_node(node_of(forgets[i].ino), forgets[i].nlookup);
	fuse_reply_none(req);
}

static void pt_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)fi;
	struct stat st;
	if (fstatat(node_of(ino)->fd, "", &st, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_attr(req, &st, 1.0);
}

static void pt_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr, int to_set, struct fuse_file_info *fi)
{
	struct node *n = node_of(ino);
	char path[64];
	proc_path(path, sizeof(path), n->fd);
	if ((to_set & FUSE_SET_ATTR_MODE) && chmod(path, attr->st_mode) < 0)
		goto error;
	if (to_set & FUSE_SET_ATTR_SIZE) {
		int res = fi ? ftruncate((int)fi->fh, attr->st_size) : truncate(path, attr->st_size);
		if (res < 0)
			goto error;
	}
	if (to_set & (FUSE_SET_ATTR_UID | FUSE_SET_ATTR_GID)) {
		uid_t uid = (to_set & FUSE_SET_ATTR_UID) ? attr->st_uid : (uid_t)-1;
		gid_t gid = (to_set & FUSE_SET_ATTR_GID) ? attr->st_gid : (gid_t)-1;
		if (fchownat(n->fd, "", uid, gid, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) < 0)
			goto error;
	}
	if (to_set & (FUSE_SET_ATTR_ATIME | FUSE_SET_ATTR_MTIME)) {
		struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
		if (to_set & FUSE_SET_ATTR_ATIME_NOW)
			times[0].tv_nsec = UTIME_NOW;
		else if (to_set & FUSE_SET_ATTR_ATIME)
			times[0] = attr->st_atim;
		if (to_set & FUSE_SET_ATTR_MTIME_NOW)
			times[1].tv_nsec = UTIME_NOW;
		else if (to_set & FUSE_SET_ATTR_MTIME)
			times[1] = attr->st_mtim;
		if (utimensat(AT_FDCWD, path, times, 0) < 0)
			goto error;
	}
	pt_getattr(req, ino, fi);
	return;
error:
	fuse_reply_err(req, errno);
}

static void pt_readlink(fuse_req_t req, fuse_ino_t ino)
{
	char target[PATH_MAX + 1];
	ssize_t length = readlinkat(node_of(ino)->fd, "", target, PATH_MAX);
	if (length < 0) {
		fuse_reply_err(req, errno);
		return;
	}
	target[length] = '\0';
	fuse_reply_readlink(req, target);
}

static void pt_mkdir(fuse_req_t req, fuse_ino_t parent, const char *name, mode_t mode)
{
	struct node *p = node_of(parent);
	if (mkdirat(p->fd, name, mode) < 0)
		fuse_reply_err(req, errno);
	else
		reply_entry_or_error(req, p, name);
}

static void pt_symlink(fuse_req_t req, const char *target, fuse_ino_t parent, const char *name)
{
	struct node *p = node_of(parent);
	if (symlinkat(target, p->fd, name) < 0)
		fuse_reply_err(req, errno);
	else
		reply_entry_or_error(req, p, name);
}

static void pt_unlink(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	fuse_reply_err(req, unlinkat(node_of(parent)->fd, name, 0) < 0 ? errno : 0);
}

static void pt_rmdir(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	fuse_reply_err(req, unlinkat(node_of(parent)->fd, name, AT_REMOVEDIR) < 0 ? errno : 0);
}

static void pt_rename(fuse_req_t req, fuse_ino_t parent, const char *name, fuse_ino_t newparent, const char *newname,
		      unsigned int flags)
{
	int res = renameat2(node_of(parent)->fd, name, node_of(newparent)->fd, newname, flags);
	fuse_reply_err(req, res < 0 ? errno : 0);
}

static void pt_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	char path[64];
	proc_path(path, sizeof(path), node_of(ino)->fd);
	int fd = open(path, (fi->flags & ~O_NOFOLLOW) | O_CLOEXEC);
	if (fd < 0) {
		fuse_reply_err(req, errno);
		return;
	}
	fi->fh = (uint64_t)fd;
	fuse_reply_open(req, fi);
}

static void pt_create(fuse_req_t req, fuse_ino_t parent, const char *name, mode_t mode, struct fuse_file_info *fi)
{
	struct node *p = node_of(parent);
	int fd = openat(p->fd, name, (fi->flags | O_CREAT) & ~O_NOFOLLOW, mode);
	if (fd < 0) {
		fuse_reply_err(req, errno);
		return;
	}
	struct fuse_entry_param e;
	int err = do_lookup(p, name, &e);
	if (err) {
		close(fd);
		fuse_reply_err(req, err);
		return;
	}
	fi->fh = (uint64_t)fd;
	fuse_reply_create(req, &e, fi);
}

static void pt_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t offset, struct fuse_file_info *fi)
{
	(void)ino;
	if (use_splice) {
		struct fuse_bufvec data = FUSE_BUFVEC_INIT(size);
		data.buf[0].flags = FUSE_BUF_IS_FD | FUSE_BUF_FD_SEEK;
		data.buf[0].fd = (int)fi->fh;
		data.buf[0].pos = offset;
		fuse_reply_data(req, &data, FUSE_BUF_SPLICE_MOVE);
		return;
	}
	char *buf = malloc(size ? size : 1);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	ssize_t count = pread((int)fi->fh, buf, size, offset);
	if (count < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_buf(req, buf, (size_t)count);
	free(buf);
}

static void pt_write(fuse_req_t req, fuse_ino_t ino, const char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
	(void)ino;
	ssize_t count = pwrite((int)fi->fh, buf, size, offset);
	if (count < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_write(req, (size_t)count);
}

static void pt_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	/* close() of a duplicate reports the errors a close of the file would, as the kernel's flush on close(2) does. */
	int dup_fd = dup((int)fi->fh);
	fuse_reply_err(req, dup_fd < 0 || close(dup_fd) < 0 ? errno : 0);
}

static void pt_release(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	close((int)fi->fh);
	fuse_reply_err(req, 0);
}

static void pt_fsync(fuse_req_t req, fuse_ino_t ino, int datasync, struct fuse_file_info *fi)
{
	(void)ino;
	int res = datasync ? fdatasync((int)fi->fh) : fsync((int)fi->fh);
	fuse_reply_err(req, res < 0 ? errno : 0);
}

static void pt_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct open_dir *d = calloc(1, sizeof(*d));
	if (!d) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	int fd = openat(node_of(ino)->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || !(d->dir = fdopendir(fd))) {
		int err = errno;
		if (fd >= 0)
			close(fd);
		free(d);
		fuse_reply_err(req, err);
		return;
	}
	fi->fh = (uint64_t)(uintptr_t)d;
	fuse_reply_open(req, fi);
}

static void read_directory(fuse_req_t req, fuse_ino_t ino, size_t size, off_t offset, struct fuse_file_info *fi, int plus)
{
	struct open_dir *d = (struct open_dir *)(uintptr_t)fi->fh;
	struct node *dir_node = node_of(ino);
	char *buf = calloc(1, size ? size : 1);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	if (offset != d->offset) {
		seekdir(d->dir, offset);
		d->offset = offset;
		d->pending = NULL;
	}
	size_t used = 0;
	int err = 0;
	for (;;) {
		struct dirent *entry = d->pending;
		if (!entry) {
			errno = 0;
			entry = readdir(d->dir);
			if (!entry) {
				err = errno;
				break;
			}
		}
		d->pending = entry;
		off_t next = telldir(d->dir);
		size_t length;
		int is_dot = strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0;
		if (plus) {
			struct fuse_entry_param e;
			if (is_dot) {
				/* No node id: the kernel counts no lookup for it. */
				memset(&e, 0, sizeof(e));
				e.attr.st_ino = entry->d_ino;
				e.attr.st_mode = (mode_t)DTTOIF(entry->d_type);
			} else if ((err = do_lookup(dir_node, entry->d_name, &e)) != 0) {
				break;
			}
			length = fuse_add_direntry_plus(req, buf + used, size - used, entry->d_name, &e, next);
			if (length > size - used) {
				if (!is_dot)
					unref_node(node_of(e.ino), 1);
				break;
			}
		} else {
			struct stat st = { .st_ino = entry->d_ino, .st_mode = (mode_t)DTTOIF(entry->d_type) };
			length = fuse_add_direntry(req, buf + used, size - used, entry->d_name, &st, next);
			if (length > size - used)
				break;
		}
		used += length;
		d->pending = NULL;
		d->offset = next;
	}
	if (err && used == 0)
		fuse_reply_err(req, err);
	else
		fuse_reply_buf(req, buf, used);
	free(buf);
}

static void pt_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t offset, struct fuse_file_info *fi)
{
	read_directory(req, ino, size, offset, fi, 0);
}

static void pt_readdirplus(fuse_req_t req, fuse_ino_t ino, size_t size, off_t offset, struct fuse_file_info *fi)
{
	read_directory(req, ino, size, offset, fi, 1);
}

static void pt_releasedir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	struct open_dir *d = (struct open_dir *)(uintptr_t)fi->fh;
	closedir(d->dir);
	free(d);
	fuse_reply_err(req, 0);
}

static void pt_statfs(fuse_req_t req, fuse_ino_t ino)
{
	struct statvfs sv;
	if (fstatvfs(node_of(ino)->fd, &sv) < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_statfs(req, &sv);
}

static void pt_setxattr(fuse_req_t req, fuse_ino_t ino, const char *name, const char *value, size_t size, int flags)
{
	char path[64];
	proc_path(path, sizeof(path), node_of(ino)->fd);
	fuse_reply_err(req, setxattr(path, name, value, size, flags) < 0 ? errno : 0);
}

static void pt_getxattr(fuse_req_t req, fuse_ino_t ino, const char *name, size_t size)
{
	char path[64];
	proc_path(path, sizeof(path), node_of(ino)->fd);
	if (size == 0) {
		ssize_t length = getxattr(path, name, NULL, 0);
		if (length < 0)
			fuse_reply_err(req, errno);
		else
			fuse_reply_xattr(req, (size_t)length);
		return;
	}
	char *value = malloc(size);
	if (!value) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	ssize_t length = getxattr(path, name, value, size);
	if (length < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_buf(req, value, (size_t)length);
	free(value);
}

static void pt_listxattr(fuse_req_t req, fuse_ino_t ino, size_t size)
{
	char path[64];
	proc_path(path, sizeof(path), node_of(ino)->fd);
	if (size == 0) {
		ssize_t length = listxattr(path, NULL, 0);
		if (length < 0)
			fuse_reply_err(req, errno);
		else
			fuse_reply_xattr(req, (size_t)length);
		return;
	}
	char *list = malloc(size);
	if (!list) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	ssize_t length = listxattr(path, list, size);
	if (length < 0)
		fuse_reply_err(req, errno);
	else
		fuse_reply_buf(req, list, (size_t)length);
	free(list);
}

static void pt_removexattr(fuse_req_t req, fuse_ino_t ino, const char *name)
{
	char path[64];
	proc_path(path, sizeof(path), node_of(ino)->fd);
	fuse_reply_err(req, removexattr(path, name) < 0 ? errno : 0);
}

static const struct fuse_lowlevel_ops operations = {
	.init = pt_init,
	.destroy = pt_destroy,
	.lookup = pt_lookup,
	.forget = pt_forget,
	.forget_multi = pt_forget_multi,
	.getattr = pt_getattr,
	.setattr = pt_setattr,
	.readlink = pt_readlink,
	.mkdir = pt_mkdir,
	.symlink = pt_symlink,
	.unlink = pt_unlink,
	.rmdir = pt_rmdir,
	.rename = pt_rename,
	.open = pt_open,
	.create = pt_create,
	.read = pt_read,
	.write = pt_write,
	.flush = pt_flush,
	.release = pt_release,
	.fsync = pt_fsync,
	.opendir = pt_opendir,
	.readdir = pt_readdir,
	.readdirplus = pt_readdirplus,
	.releasedir = pt_releasedir,
	.statfs = pt_statfs,
	.setxattr = pt_setxattr,
	.getxattr = pt_getxattr,
	.listxattr = pt_listxattr,
	.removexattr = pt_removexattr,
};

int main(int argc, char *argv[])
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s SOURCE MOUNTPOINT [libfuse options]\n", argv[0]);
		return 2;
	}
	const char *source = argv[1];
	root.fd = open(source, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root.fd < 0) {
		perror(source);
		return 1;
	}

	/* libfuse sees: PROGRAM MOUNTPOINT [options], without ours. */
	int kept = 2;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--splice") == 0)
			use_splice = 1;
		else
			argv[kept++] = argv[i];
	}
	argc = kept;
	argv[1] = argv[0];
	struct fuse_args args = FUSE_ARGS_INIT(argc - 1, argv + 1);
	struct fuse_cmdline_opts opts;
	if (fuse_parse_cmdline(&args, &opts) != 0 || !opts.mountpoint) {
		fprintf(stderr, "%s: no mountpoint\n", argv[0]);
		return 2;
	}

	int status = 1;
	struct fuse_session *se = fuse_session_new(&args, &operations, sizeof(operations), NULL);
	if (!se)
		goto out_args;
	if (fuse_set_signal_handlers(se) != 0)
		goto out_session;
	if (fuse_session_mount(se, opts.mountpoint) != 0)
		goto out_signals;
	fprintf(stderr, "passthrough_ll: serving %s on %s\n", source, opts.mountpoint);
	status = fuse_session_loop(se) == 0 ? 0 : 1;
	fuse_session_unmount(se);
out_signals:
	fuse_remove_signal_handlers(se);
out_session:
	fuse_session_destroy(se);
out_args:
	free(opts.mountpoint);
	fuse_opt_free_args(&args);
	close(root.fd);
	return status;
}
