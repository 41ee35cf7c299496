/* Writes a CSV of ROWS rows and COLS feature columns plus a target y to standard output, fast
 * enough not to limit a reader (a pool of 4099 formatted random rows, written in a fixed,
 * seeded cyclic order), for Benchmarks/stats-throughput/run.sh.
 *
 *     cc -O2 -o generate generate.c && ./generate 4000000 100 | ridgelasso stats - --output S.rlstats
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static double uniform(void) { return (double)(next() >> 11) * 0x1p-53; }

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: generate ROWS COLS\n"); return 2; }
    long rows = atol(argv[1]), cols = atol(argv[2]);
    if (rows < 0 || cols < 1 || cols > 100000) { fprintf(stderr, "generate: bad ROWS or COLS\n"); return 2; }
    enum { POOL = 4099 };
    char **pool = malloc(POOL * sizeof *pool);
    size_t *length = malloc(POOL * sizeof *length);
    size_t capacity = (size_t)(cols + 1) * 24 + 2;
    for (int k = 0; k < POOL; k++) {
        char *line = malloc(capacity), *at = line;
        double y = 0;
        for (long j = 0; j < cols; j++) {
            double x = 4 * uniform() - 2 + (double)(j % 7);
            y += x * ((j % 3) - 1);
            at += sprintf(at, "%.6g,", x);
        }
        at += sprintf(at, "%.9g\n", y + uniform() - 0.5);
        pool[k] = line;
        length[k] = (size_t)(at - line);
    }
    fputs("x0", stdout);
    for (long j = 1; j < cols; j++) printf(",x%ld", j);
    fputs(",y\n", stdout);
    static char buffer[1 << 20];
    size_t used = 0;
    for (long i = 0; i < rows; i++) {
        int k = (int)((i * 2654435761u) % POOL);
        if (used + length[k] > sizeof buffer) { fwrite(buffer, 1, used, stdout); used = 0; }
        memcpy(buffer + used, pool[k], length[k]);
        used += length[k];
    }
    fwrite(buffer, 1, used, stdout);
    return fflush(stdout) == 0 ? 0 : 1;
}
