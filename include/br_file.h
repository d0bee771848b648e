/* br_file.h — files in and out, safely.
 *
 * In: br_file_open_regular opens only a regular file, so that a FIFO, a
 * device or a socket named as an input (an include, a template, a font) is
 * an error at once instead of a read that blocks forever.
 *
 * Out: the one implementation of writing a file (the PDF, every export).
 * "-" is standard output; otherwise the bytes go to a temporary file beside
 * the target, synced and renamed over it only when complete, so a failed or
 * interrupted run never replaces a good file.  The target is refused when it
 * is one of the files the run reads or is not a regular file (a symbolic
 * link is followed: the file it points to is replaced, the link stays).  A
 * new file gets 0666 less the umask; a replaced one keeps its mode.
 */
#ifndef BR_FILE_H
#define BR_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Opens path for reading ("rb") if it is a regular file; otherwise returns
 * NULL with a reason in err ("is a FIFO, not a file", or strerror). */
FILE *br_file_open_regular(const char *path, char *err, size_t errlen);

/* As br_file_open_regular, for callers that report errno: NULL with errno
 * set, BR_ENOTREG when path is not a regular file (br_file_strerror says so). */
enum { BR_ENOTREG = 10000 };   /* beyond every errno value */
FILE *br_file_read(const char *path);
const char *br_file_strerror(int err);

/* Creates path as a NEW file holding len bytes: an existing name (a file, a
 * symbolic link, even a dangling one) is refused, never written through or
 * over.  A failed write removes the file.  Returns false with err set. */
bool br_file_write_new(const char *path, const void *data, size_t len, char *err, size_t errlen);

typedef struct br_file_out {
    const char *path;       /* as given; "-" is standard output */
    const char *target;     /* the file replaced: path, or where its link points */
    char *resolved;         /* target when path is a symbolic link (malloc'd) */
    char *tmp;              /* the temporary file, NULL when none */
    FILE *f;                /* where to write */
    mode_t mode;
    int write_errno;        /* why br_file_out_write failed, 0 if it did not */
    char error[1024];       /* after a failure: what went wrong, naming the file */
} br_file_out;

/* Checks path and creates its temporary file.  inputs are the files the
 * run reads (NULL entries are skipped); the target may be none of them.
 * Returns false with o->error set, having created nothing. */
bool br_file_out_open(br_file_out *o, const char *path, const char *const *inputs,
                      size_t ninputs);

/* Writes len bytes (or write to o->f directly); errors show at commit. */
bool br_file_out_write(br_file_out *o, const void *data, size_t len);

/* Flushes, syncs and renames the temporary file over the target (or
 * flushes standard output).  Returns false with o->error set, having
 * removed the temporary file and left the target as it was. */
bool br_file_out_commit(br_file_out *o);

/* Removes the temporary file, if any; the target stays as it was. */
void br_file_out_abandon(br_file_out *o);

/* While a folder is being filled (a package's staging folder), SIGINT,
 * SIGTERM and SIGHUP remove it whole before ending the process, and
 * SIGXFSZ is ignored so that a file-size limit shows as a write error.
 * One folder at a time; br_file_unguard_dir restores the signals. */
void br_file_guard_dir(const char *dir);
void br_file_unguard_dir(void);

/* mkdtemp(template), guarded as above from the moment it exists. */
char *br_file_make_temp_dir(char *template);

/* Out of memory: removes the temporary file being written, if any, says so
 * on standard error and exits with status 1.  Never returns. */
_Noreturn void br_file_out_of_memory(void);

#endif
