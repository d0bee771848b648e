/* output.c — files that appear only when complete. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

FILE *br_output_open(br_output *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path) {
        o->f = stdout;
        return o->f;
    }
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp)
        return NULL;
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        return NULL;
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        errno = e;
    }
    return o->f;
}

bool br_output_close(br_output *o)
{
    if (!o->path)
        return fflush(stdout) == 0;
    bool ok = !ferror(o->f);
    ok = fclose(o->f) == 0 && ok;
    if (ok)
        ok = rename(o->tmp, o->path) == 0;
    if (!ok) {
        int e = errno;
        unlink(o->tmp);
        errno = e;
    }
    free(o->tmp);
    o->tmp = NULL;
    return ok;
}
