/* LD_PRELOAD shim making the random choices of archivers and encryptors repeatable, for the
   reproducible build of the evaluation corpus (eval/independent).  Loaded only for single commands
   (rar, qpdf --encrypt).  getrandom()/getentropy() and reads of /dev/urandom return a splitmix64
   stream seeded by $DETRAND_SEED; clock() returns a counter; getpid() returns 4242. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
static uint64_t state; static int inited;
static uint64_t next64(void) {
    if (!inited) { const char *s = getenv("DETRAND_SEED"); state = s ? strtoull(s, NULL, 10) : 42; inited = 1; }
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL; z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static void fill(void *buf, size_t n) {
    unsigned char *p = buf;
    while (n) { uint64_t v = next64(); size_t k = n < 8 ? n : 8; memcpy(p, &v, k); p += k; n -= k; }
}
ssize_t getrandom(void *buf, size_t n, unsigned int flags) { (void)flags; fill(buf, n); return (ssize_t)n; }
int getentropy(void *buf, size_t n) { fill(buf, n); return 0; }
static clock_t ticks;
clock_t clock(void) { return ticks += 1000; }
pid_t getpid(void) { return 4242; }
static FILE *urandom(void) {
    static unsigned char buf[1 << 16];
    fill(buf, sizeof buf);
    return fmemopen(buf, sizeof buf, "r");
}
FILE *fopen64(const char *path, const char *mode) {
    static FILE *(*real)(const char *, const char *);
    if (path && (!strcmp(path, "/dev/urandom") || !strcmp(path, "/dev/random"))) return urandom();
    if (!real) real = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, "fopen64");
    return real(path, mode);
}
FILE *fopen(const char *path, const char *mode) {
    static FILE *(*real)(const char *, const char *);
    if (path && (!strcmp(path, "/dev/urandom") || !strcmp(path, "/dev/random"))) return urandom();
    if (!real) real = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, "fopen");
    return real(path, mode);
}
