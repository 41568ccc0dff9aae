/*
 * floor.c: what the Linux transport's system calls cost on this machine, with no JVM and no serialization.
 *
 * Each row performs the least work the transport's design needs for the matching Java benchmark:
 *   create               socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC), then close() of both descriptors
 *   same_thread          an 8-byte datagram sendmsg()ed and recvmsg()ed by one thread
 *   fds_8                a 1-byte datagram carrying 8 socket descriptors (SCM_RIGHTS); the 8 received ones closed
 *   roundtrip_threads    an 8-byte datagram to an echo thread and back (two socket pairs)
 *   roundtrip_processes  the same with a forked echo process
 *   oneway_<size>        a second thread streams <size>-byte messages, each cut into datagrams of at most
 *                        212,952 bytes (the default SOCK_SEQPACKET limit); this thread reads them back in order
 *   memcpy_<size>        one memcpy() of <size> bytes: the cost of any design that copies the payload once
 * Sends pass MSG_NOSIGNAL and receives MSG_CMSG_CLOEXEC, as the transport does.
 *
 * Timing: a row is calibrated to a batch of operations lasting about BATCH ms, warmed up, then timed REPEATS times;
 * it prints "FLOOR<TAB>name<TAB>median_ns<TAB>min_ns<TAB>max_ns" in nanoseconds per operation (per message).
 *
 * Build: gcc -O2 -pthread -o floor floor.c
 * Run:   ./floor [--quick] [--only NAME]    (bench/run pins it to one CPU with taskset -c 0)
 *        --quick: 5 repetitions of about 60 ms instead of 9 of about 300 ms.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { DATAGRAM_MAX = 212952, MAX_FDS = 16, MAX_REPEATS = 9, LARGEST = 16 << 20 };

static int repeats = MAX_REPEATS;
static double batch_ns = 300e6;
static double calibrate_ns = 40e6;
static const char *only_row;

static void fail(const char *call) {
    fprintf(stderr, "floor: %s: %s\n", call, strerror(errno));
    exit(1);
}

static double clock_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec * 1e9 + (double)now.tv_nsec;
}

static void make_pair(int ends[2]) {
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) fail("socketpair");
}

/* One datagram of len bytes from data, with nfds descriptors attached when nfds > 0. */
static void put(int sock, const void *data, size_t len, const int *fds, int nfds) {
    union {
        struct cmsghdr align;
        char bytes[CMSG_SPACE(MAX_FDS * sizeof(int))];
    } control;
    struct iovec part = {.iov_base = (void *)data, .iov_len = len};
    struct msghdr msg = {.msg_iov = &part, .msg_iovlen = 1};
    if (nfds > 0) {
        msg.msg_control = control.bytes;
        msg.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
        struct cmsghdr *header = CMSG_FIRSTHDR(&msg);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(nfds * sizeof(int));
        memcpy(CMSG_DATA(header), fds, nfds * sizeof(int));
    }
    if (sendmsg(sock, &msg, MSG_NOSIGNAL) < 0) fail("sendmsg");
}

/* Reads one datagram into buf (room for cap bytes); received descriptors go to fds, their count to *nfds. */
static size_t take(int sock, void *buf, size_t cap, int *fds, int *nfds) {
    union {
        struct cmsghdr align;
        char bytes[CMSG_SPACE(MAX_FDS * sizeof(int))];
    } control;
    struct iovec part = {.iov_base = buf, .iov_len = cap};
    struct msghdr msg = {.msg_iov = &part, .msg_iovlen = 1, .msg_control = control.bytes,
                         .msg_controllen = sizeof control.bytes};
    ssize_t got = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    if (got < 0) fail("recvmsg");
    if (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
        fprintf(stderr, "floor: datagram or descriptors truncated\n");
        exit(1);
    }
    if (nfds != NULL) {
        *nfds = 0;
        for (struct cmsghdr *h = CMSG_FIRSTHDR(&msg); h != NULL; h = CMSG_NXTHDR(&msg, h)) {
            if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS) {
                int count = (int)((h->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                memcpy(fds + *nfds, CMSG_DATA(h), count * sizeof(int));
                *nfds += count;
            }
        }
    }
    return (size_t)got;
}

typedef void (*row_fn)(uint64_t count);

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double timed(row_fn row, uint64_t count) {
    double start = clock_ns();
    row(count);
    return clock_ns() - start;
}

static int selected(const char *name) { return only_row == NULL || strcmp(only_row, name) == 0; }

static void measure(const char *name, row_fn row) {
    if (!selected(name)) return;
    /* Double the count until one batch lasts calibrate_ns; then one warm-up batch of about batch_ns. */
    uint64_t count = 1;
    double elapsed;
    while ((elapsed = timed(row, count)) < calibrate_ns) count *= 2;
    double per_op = elapsed / (double)count;
    count = (uint64_t)(batch_ns / per_op) + 1;
    double warm = timed(row, count) / (double)count;
    if (warm < per_op) per_op = warm;
    count = (uint64_t)(batch_ns / per_op) + 1;
    double samples[MAX_REPEATS];
    for (int i = 0; i < repeats; i++) samples[i] = timed(row, count) / (double)count;
    qsort(samples, repeats, sizeof samples[0], by_value);
    printf("FLOOR\t%s\t%.1f\t%.1f\t%.1f\n", name, samples[repeats / 2], samples[0], samples[repeats - 1]);
    fflush(stdout);
}

/* State shared by the rows. */
static int local[2];           /* same_thread and fds_8: one socket pair, both ends in this thread */
static int request[2], reply[2]; /* round trips: this side writes request[0], reads reply[1] */
static int stream[2];          /* one-way: the streamer writes stream[0], this thread reads stream[1] */
static int carried[8];         /* fds_8: the descriptors that travel */
static char *inbox, *echo_box, *source, *target;
static size_t message_size;
static uint64_t stream_count;

static void row_create(uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        int ends[2];
        make_pair(ends);
        close(ends[0]);
        close(ends[1]);
    }
}

static void row_same_thread(uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        put(local[0], &i, sizeof i, NULL, 0);
        take(local[1], inbox, DATAGRAM_MAX, NULL, NULL);
    }
}

static void row_fds_8(uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        int received[MAX_FDS], n;
        put(local[0], "h", 1, carried, 8);
        take(local[1], inbox, DATAGRAM_MAX, received, &n);
        if (n != 8) {
            fprintf(stderr, "floor: expected 8 descriptors, got %d\n", n);
            exit(1);
        }
        for (int j = 0; j < n; j++) close(received[j]);
    }
}

/* The echo side of the round trips: returns every request until it reads the all-ones stop value. */
static void *echo_loop(void *unused) {
    (void)unused;
    for (;;) {
        uint64_t value;
        take(request[1], echo_box, DATAGRAM_MAX, NULL, NULL);
        memcpy(&value, echo_box, sizeof value);
        if (value == UINT64_MAX) return NULL;
        put(reply[0], &value, sizeof value, NULL, 0);
    }
}

static void stop_echo(void) {
    uint64_t stop = UINT64_MAX;
    put(request[0], &stop, sizeof stop, NULL, 0);
}

static void row_round_trip(uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        put(request[0], &i, sizeof i, NULL, 0);
        take(reply[1], inbox, DATAGRAM_MAX, NULL, NULL);
    }
}

static void *streamer(void *unused) {
    (void)unused;
    for (uint64_t i = 0; i < stream_count; i++) {
        size_t offset = 0;
        do {
            size_t left = message_size - offset;
            size_t len = left < DATAGRAM_MAX ? left : DATAGRAM_MAX;
            put(stream[0], source + offset, len, NULL, 0);
            offset += len;
        } while (offset < message_size);
    }
    return NULL;
}

static void row_one_way(uint64_t count) {
    pthread_t sender;
    stream_count = count;
    if (pthread_create(&sender, NULL, streamer, NULL) != 0) fail("pthread_create");
    for (uint64_t i = 0; i < count; i++) {
        size_t have = 0;
        do {
            have += take(stream[1], target + have, DATAGRAM_MAX, NULL, NULL);
        } while (have < message_size);
    }
    pthread_join(sender, NULL);
}

static void row_memcpy(uint64_t count) {
    for (uint64_t i = 0; i < count; i++) {
        memcpy(target, source, message_size);
        __asm__ volatile("" : : "r"(target) : "memory"); /* the copy must happen every time */
    }
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            repeats = 5;
            batch_ns = 60e6;
            calibrate_ns = 10e6;
        } else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            only_row = argv[++i];
        } else {
            fprintf(stderr, "usage: %s [--quick] [--only NAME]\n", argv[0]);
            return 2;
        }
    }
    inbox = malloc(DATAGRAM_MAX);
    echo_box = malloc(DATAGRAM_MAX);
    source = malloc(LARGEST);
    target = malloc(LARGEST + DATAGRAM_MAX);
    if (!inbox || !echo_box || !source || !target) fail("malloc");
    memset(source, 0x5a, LARGEST);
    memset(target, 0, LARGEST + DATAGRAM_MAX);

    measure("create", row_create);

    make_pair(local);
    measure("same_thread", row_same_thread);
    int spare[8];
    for (int i = 0; i < 8; i += 2) {
        make_pair(spare + i);
    }
    memcpy(carried, spare, sizeof carried); /* socket descriptors, like channel ends */
    measure("fds_8", row_fds_8);

    make_pair(request);
    make_pair(reply);
    if (selected("roundtrip_threads")) {
        pthread_t echo;
        if (pthread_create(&echo, NULL, echo_loop, NULL) != 0) fail("pthread_create");
        measure("roundtrip_threads", row_round_trip);
        stop_echo();
        pthread_join(echo, NULL);
    }
    if (selected("roundtrip_processes")) {
        pid_t child = fork();
        if (child < 0) fail("fork");
        if (child == 0) {
            echo_loop(NULL);
            _exit(0);
        }
        measure("roundtrip_processes", row_round_trip);
        stop_echo();
        waitpid(child, NULL, 0);
    }

    make_pair(stream);
    static const size_t sizes[] = {64, 4096, 65536, 1 << 20, 16 << 20};
    static const char *const labels[] = {"64B", "4KiB", "64KiB", "1MiB", "16MiB"};
    for (int i = 0; i < 5; i++) {
        char name[32];
        message_size = sizes[i];
        snprintf(name, sizeof name, "oneway_%s", labels[i]);
        measure(name, row_one_way);
        snprintf(name, sizeof name, "memcpy_%s", labels[i]);
        measure(name, row_memcpy);
    }
    return 0;
}
