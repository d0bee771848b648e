/* peak.c — run a command; write its wall time and peak memory to a file.
 *
 *   build/bench/peak -o RESULT CMD [ARG...]
 *
 * RESULT receives one line, "<wall seconds> <peak RSS in KiB>", from
 * clock_gettime (CLOCK_MONOTONIC) around fork/exec/wait and from
 * getrusage(RUSAGE_CHILDREN) — the same figure as GNU time's %M, for
 * machines without /usr/bin/time.  CMD's own output is left alone.  The
 * exit status is CMD's (128 + signal if it was killed), so a crash shows.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs argv; returns its wait status, or -1 when it could not be started. */
static int run(char **argv)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "peak: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-o") != 0) {
        fputs("usage: peak -o RESULT CMD [ARG...]\n", stderr);
        return 2;
    }
    double start = now();
    int status = run(argv + 3);
    double wall = now() - start;
    if (status < 0) {
        fprintf(stderr, "peak: cannot run %s: %s\n", argv[3], strerror(errno));
        return 127;
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    FILE *f = fopen(argv[2], "w");
    if (!f || fprintf(f, "%.6f %ld\n", wall, ru.ru_maxrss) < 0 || fclose(f) != 0) {
        fprintf(stderr, "peak: cannot write %s\n", argv[2]);
        return 1;
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
