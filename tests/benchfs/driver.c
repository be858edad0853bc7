/*
 * benchfs driver: the non-fio workloads of tests/benchfs/run.sh, each printing one JSON line.
 * Everything it sees is verified against ../shared/specs/benchfs.md; a mismatch exits 1.
 *
 * Build:  gcc -O2 -Wall -pthread -o benchfs-driver driver.c
 *   stat    MNT SECONDS THREADS  stat() MNT/small and MNT/many/fNNNNN alternately (N cycling per thread),
 *                                checking st_ino, st_size, st_mode, st_nlink
 *   readdir MNT SECONDS          list MNT/many again and again (opendir/readdir/closedir), checking every
 *                                name f00000..f09999 in order, its d_ino, d_type, and . / ..
 *   verify  MNT BLOCKS           O_DIRECT reads from page-aligned buffers: BLOCKS random 1 MiB blocks and
 *                                BLOCKS random 4 KiB blocks of MNT/file, its last 1 MiB, MNT/small whole,
 *                                checking every byte against o % 251; plus one 1 MiB O_DIRECT write to
 *                                MNT/sink (accepted, size stays 0)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MIB (1u << 20)
#define FILE_SIZE (1ULL << 30)

static const char *mnt;
static double seconds;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(const char *what, const char *path)
{
	fprintf(stderr, "benchfs-driver: FAIL %s: %s (%s)\n", what, path, strerror(errno));
	exit(1);
}

static void check_stat(const char *path, ino_t ino, off_t size, mode_t mode)
{
	struct stat st;
	if (stat(path, &st) != 0)
		fail("stat", path);
	if (st.st_ino != ino || st.st_size != size || st.st_mode != mode || st.st_nlink != 1 || st.st_uid != 0) {
		errno = 0;
		fail("attributes", path);
	}
}

struct stat_worker { int id; unsigned long long ops; };

static void *stat_loop(void *arg)
{
	struct stat_worker *w = arg;
	char small[4096], child[4096];
	snprintf(small, sizeof(small), "%s/small", mnt);
	double end = now() + seconds;
	unsigned n = (unsigned)w->id * 5000;
	unsigned long long ops = 0;
	while ((ops & 255) || now() < end) {
		check_stat(small, 3, 4096, S_IFREG | 0444);
		n = (n + 1) % 10000;
		snprintf(child, sizeof(child), "%s/many/f%05u", mnt, n);
		check_stat(child, 1000 + n, 0, S_IFREG | 0644);
		ops += 2;
	}
	w->ops = ops;
	return NULL;
}

static int cmd_stat(int threads)
{
	pthread_t tid[64];
	struct stat_worker w[64];
	if (threads < 1 || threads > 64)
		return 2;
	double start = now();
	for (int i = 0; i < threads; i++) {
		w[i].id = i;
		w[i].ops = 0;
		pthread_create(&tid[i], NULL, stat_loop, &w[i]);
	}
	unsigned long long ops = 0;
	for (int i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		ops += w[i].ops;
	}
	double elapsed = now() - start;
	printf("{\"workload\":\"stat\",\"threads\":%d,\"stats\":%llu,\"seconds\":%.3f,\"ops_per_s\":%.0f,\"verified\":true}\n",
	       threads, ops, elapsed, ops / elapsed);
	return 0;
}

static void list_once(const char *path)
{
	DIR *dir = opendir(path);
	if (!dir)
		fail("opendir", path);
	struct dirent *d;
	long index = 0;
	char expected[24];
	errno = 0;
	while ((d = readdir(dir)) != NULL) {
		int ok;
		if (index == 0)
			ok = !strcmp(d->d_name, ".") && d->d_ino == 5 && d->d_type == DT_DIR;
		else if (index == 1)
			ok = !strcmp(d->d_name, "..") && d->d_type == DT_DIR;
		else {
			snprintf(expected, sizeof(expected), "f%05ld", index - 2);
			ok = !strcmp(d->d_name, expected) && d->d_ino == (ino_t)(1000 + index - 2) && d->d_type == DT_REG;
		}
		if (!ok) {
			errno = 0;
			fprintf(stderr, "entry %ld: %s ino %lu\n", index, d->d_name, (unsigned long)d->d_ino);
			fail("listing", path);
		}
		index++;
	}
	if (errno != 0)
		fail("readdir", path);
	if (index != 10002) {
		errno = 0;
		fail("listing length", path);
	}
	closedir(dir);
}

static int cmd_readdir(void)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/many", mnt);
	double start = now(), end = start + seconds;
	unsigned long long listings = 0;
	do {
		list_once(path);
		listings++;
	} while (now() < end);
	double elapsed = now() - start;
	printf("{\"workload\":\"readdir\",\"listings\":%llu,\"entries\":%llu,\"seconds\":%.3f,\"listings_per_s\":%.1f,"
	       "\"entries_per_s\":%.0f,\"verified\":true}\n",
	       listings, listings * 10002, elapsed, listings / elapsed, listings * 10002 / elapsed);
	return 0;
}

static void check_block(const unsigned char *buf, size_t n, unsigned long long offset, const char *path)
{
	for (size_t k = 0; k < n; k++)
		if (buf[k] != (unsigned char)((offset + k) % 251)) {
			errno = 0;
			fprintf(stderr, "offset %llu: %u != %u\n", offset + k, buf[k], (unsigned)((offset + k) % 251));
			fail("content", path);
		}
}

static void read_check(int fd, unsigned char *buf, size_t n, unsigned long long offset, size_t expected, const char *path)
{
	ssize_t got = pread(fd, buf, n, (off_t)offset);
	if (got < 0)
		fail("pread", path);
	if ((size_t)got != expected) {
		errno = 0;
		fail("short read", path);
	}
	check_block(buf, (size_t)got, offset, path);
}

static int cmd_verify(long blocks)
{
	char file[4096], small[4096], sink[4096];
	snprintf(file, sizeof(file), "%s/file", mnt);
	snprintf(small, sizeof(small), "%s/small", mnt);
	snprintf(sink, sizeof(sink), "%s/sink", mnt);
	unsigned char *buf = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		fail("mmap", "buffer");
	int fd = open(file, O_RDONLY | O_DIRECT);
	if (fd < 0)
		fail("open", file);
	srand(251);
	unsigned long long bytes = 0;
	for (long i = 0; i < blocks; i++) {
		unsigned long long o = (unsigned long long)(rand() % 1024) * MIB;
		read_check(fd, buf, MIB, o, MIB, file);
		o = (unsigned long long)(rand() % (int)(FILE_SIZE / 4096)) * 4096;
		read_check(fd, buf, 4096, o, 4096, file);
		bytes += MIB + 4096;
	}
	read_check(fd, buf, MIB, FILE_SIZE - MIB, MIB, file);
	read_check(fd, buf, MIB, FILE_SIZE, 0, file);
	close(fd);
	fd = open(small, O_RDONLY | O_DIRECT);
	if (fd < 0)
		fail("open", small);
	read_check(fd, buf, MIB, 0, 4096, small);
	close(fd);
	fd = open(sink, O_WRONLY | O_DIRECT);
	if (fd < 0)
		fail("open", sink);
	memset(buf, 0xA5, MIB);
	if (pwrite(fd, buf, MIB, 0) != (ssize_t)MIB)
		fail("pwrite", sink);
	close(fd);
	check_stat(sink, 4, 0, S_IFREG | 0666);
	printf("{\"workload\":\"verify\",\"blocks\":%ld,\"bytes_checked\":%llu,\"verified\":true}\n", blocks, bytes + MIB + 4096);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "stat") && argc == 5) {
		mnt = argv[2];
		seconds = atof(argv[3]);
		return cmd_stat(atoi(argv[4]));
	}
	if (argc == 4 && !strcmp(argv[1], "readdir")) {
		mnt = argv[2];
		seconds = atof(argv[3]);
		return cmd_readdir();
	}
	if (argc == 4 && !strcmp(argv[1], "verify")) {
		mnt = argv[2];
		return cmd_verify(atol(argv[3]));
	}
	fprintf(stderr, "usage: %s stat MNT SECONDS THREADS | readdir MNT SECONDS | verify MNT BLOCKS\n", argv[0]);
	return 2;
}
