/* file.c — the one way boardreport opens an input and writes an output.
 *
 * Inputs: only regular files (a FIFO would block the run forever).
 * Outputs (the PDF, every export) go through here, so the rules live in
 * one place:
 *   - "-" is standard output;
 *   - an existing target must be a regular file (a symbolic link is followed
 *     and the file it points to replaced; the link stays); a device, FIFO,
 *     socket or folder is refused, never renamed over;
 *   - the target is none of the files the run reads (same device and inode:
 *     a hard link or another spelling of the name is caught too);
 *   - bytes go to a temporary file beside the target, named within NAME_MAX,
 *     which is synced and renamed over the target only when complete; its
 *     mode is the replaced file's, or 0666 less the umask for a new file;
 *   - SIGINT, SIGTERM and SIGHUP while it exists remove it, then end the
 *     process as the signal would; SIGXFSZ is ignored so that a file-size
 *     limit shows as a write error ("file too large"), not a silent death;
 *   - running out of memory removes it too (br_file_out_of_memory).
 * A new file (init, next-quarter) is created with O_EXCL, so that an
 * existing file or a symbolic link by its name is refused, never written
 * over or through (br_file_write_new).  A staging folder (issue) is
 * guarded like a temporary file: the same signals remove it whole.
 */
/* syscall(SYS_getdents64): the one way a signal handler can list a folder. */
#define _DEFAULT_SOURCE 1

#include "br_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

static const char *kind_of(mode_t mode)
{
    return S_ISDIR(mode) ? "a folder" : S_ISFIFO(mode) ? "a FIFO" : S_ISSOCK(mode) ? "a socket"
                                                                   : "a device";
}

FILE *br_file_open_regular(const char *path, char *err, size_t errlen)
{
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        int e = errno;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))   /* a socket cannot be opened */
            snprintf(err, errlen, "cannot read: it is %s, not a regular file", kind_of(st.st_mode));
        else
            snprintf(err, errlen, "cannot open: %s", strerror(e));
        return NULL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "cannot read: it is %s, not a regular file", kind_of(st.st_mode));
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    FILE *f = flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 ? NULL : fdopen(fd, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        close(fd);
    }
    return f;
}

/* The temporary file being written, for the signal handler and
 * br_file_out_of_memory: one at a time (an output is committed or abandoned
 * before the next is opened). */
static char active_tmp[PATH_MAX];
static volatile sig_atomic_t active;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { NSIGNALS = sizeof cleanup_signals / sizeof cleanup_signals[0] };
static struct sigaction saved[NSIGNALS], saved_xfsz;

FILE *br_file_read(const char *path)
{
    char why[256];
    FILE *f = br_file_open_regular(path, why, sizeof why);
    if (!f && strncmp(why, "cannot read: it is", 18) == 0)
        errno = BR_ENOTREG;
    return f;
}

const char *br_file_strerror(int err)
{
    return err == BR_ENOTREG ? "it is not a regular file (a FIFO, a device, a socket or a folder)"
                             : strerror(err);
}

bool br_file_write_new(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    /* O_EXCL: fails on any existing name, a symbolic link (even a dangling
     * one) included, so nothing is ever written through a link or over a file. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0666);
    if (fd < 0) {
        int e = errno;
        struct stat st;
        if (e == EEXIST && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
            snprintf(err, errlen, "already exists as a symbolic link; nothing is written "
                     "through a link (remove it, or choose a new folder)");
        else if (e == EEXIST)
            snprintf(err, errlen, "already exists; it is never overwritten (choose a new folder)");
        else
            snprintf(err, errlen, "cannot create: %s", strerror(e));
        return false;
    }
    sigset_t block, old_mask;   /* a signal mid-write must not leave half a file */
    sigemptyset(&block);
    for (int i = 0; i < NSIGNALS; i++)
        sigaddset(&block, cleanup_signals[i]);
    struct sigaction ign, old_xfsz;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigprocmask(SIG_BLOCK, &block, &old_mask);
    sigaction(SIGXFSZ, &ign, &old_xfsz);
    const char *p = data;
    size_t left = len;
    int e = 0;
    while (left > 0 && !e) {
        ssize_t n = write(fd, p, left);
        if (n < 0 && errno != EINTR)
            e = errno;
        else if (n > 0)
            p += n, left -= (size_t)n;
    }
    if (!e && fsync(fd) != 0 && errno != EINVAL)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (e)
        unlink(path);
    sigaction(SIGXFSZ, &old_xfsz, NULL);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    if (e)
        snprintf(err, errlen, "cannot write: %s",
                 e == EFBIG ? "file too large (the file-size limit, ulimit -f, was reached)"
                            : strerror(e));
    return !e;
}

/* The staging folder being filled (br_file_guard_dir), removed whole on
 * the same signals. */
static char guarded_dir[PATH_MAX];
static volatile sig_atomic_t dir_active;
static struct sigaction dir_saved[NSIGNALS], dir_saved_xfsz;

/* Removes the tree under the folder open as fd, with system calls only
 * (open, getdents64, unlinkat, close: a signal handler may not call
 * opendir, which allocates).  Depth is bounded: a package is shallow. */
static void remove_below(int fd, int depth)
{
    struct linux_dirent64 {
        unsigned long long ino;
        long long off;
        unsigned short reclen;
        unsigned char type;
        char name[];
    };
    char buf[4096] __attribute__((aligned(8)));
    /* Removing while reading may skip a name: a few passes, while any is left. */
    for (int pass = 0, left = 1; pass < 4 && left; pass++) {
        left = 0;
        if (lseek(fd, 0, SEEK_SET) != 0)
            return;
        for (long n; (n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0;)
            for (long at = 0; at < n;) {
                struct linux_dirent64 *e = (void *)(buf + at);
                at += e->reclen;
                if (strcmp(e->name, ".") == 0 || strcmp(e->name, "..") == 0 ||
                    unlinkat(fd, e->name, 0) == 0)
                    continue;
                int sub = depth < 16 ? openat(fd, e->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW) : -1;
                if (sub >= 0) {
                    remove_below(sub, depth + 1);
                    close(sub);
                }
                left |= unlinkat(fd, e->name, AT_REMOVEDIR) != 0;
            }
    }
}

static void remove_guarded_dir(void)
{
    if (!dir_active)
        return;
    dir_active = 0;
    int fd = open(guarded_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd >= 0) {
        remove_below(fd, 0);
        close(fd);
    }
    rmdir(guarded_dir);
}

static void on_signal(int sig)
{
    if (active)
        unlink(active_tmp);
    active = 0;
    remove_guarded_dir();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Points the cleanup signals at on_signal and ignores SIGXFSZ, keeping
 * the dispositions it replaces in saved_sigs and saved_x. */
static void install(struct sigaction saved_sigs[NSIGNALS], struct sigaction *saved_x)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < NSIGNALS; i++)
        sigaction(cleanup_signals[i], &sa, &saved_sigs[i]);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &sa, saved_x);
}

static void restore(const struct sigaction saved_sigs[NSIGNALS], const struct sigaction *saved_x)
{
    for (int i = 0; i < NSIGNALS; i++)
        sigaction(cleanup_signals[i], &saved_sigs[i], NULL);
    sigaction(SIGXFSZ, saved_x, NULL);
}

static void guard(const char *tmp)
{
    snprintf(active_tmp, sizeof active_tmp, "%s", tmp);
    active = 1;
    install(saved, &saved_xfsz);
}

static void unguard(void)
{
    active = 0;
    restore(saved, &saved_xfsz);
}

void br_file_guard_dir(const char *dir)
{
    snprintf(guarded_dir, sizeof guarded_dir, "%s", dir);
    dir_active = 1;
    install(dir_saved, &dir_saved_xfsz);
}

char *br_file_make_temp_dir(char *template)
{
    sigset_t block, old_mask;   /* no signal between creating it and guarding it */
    sigemptyset(&block);
    for (int i = 0; i < NSIGNALS; i++)
        sigaddset(&block, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &block, &old_mask);
    char *dir = mkdtemp(template);
    int e = errno;
    if (dir)
        br_file_guard_dir(dir);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    errno = e;
    return dir;
}

void br_file_unguard_dir(void)
{
    dir_active = 0;
    restore(dir_saved, &dir_saved_xfsz);
}

void br_file_out_of_memory(void)
{
    if (active)
        unlink(active_tmp);
    active = 0;
    remove_guarded_dir();
    static const char msg[] = "boardreport: error: out of memory; nothing was written\n";
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing more can be done */
    }
    _exit(1);
}

static bool fail(br_file_out *o, int err, const char *fmt, const char *what)
{
    int n = snprintf(o->error, sizeof o->error, fmt, what);
    if (err && n >= 0 && (size_t)n < sizeof o->error)
        snprintf(o->error + n, sizeof o->error - (size_t)n, ": %s",
                 err == EFBIG ? "file too large (the file-size limit, ulimit -f, was reached)"
                              : strerror(err));
    return false;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void mode_from_umask(br_file_out *o)
{
    mode_t mask = umask(0);
    umask(mask);
    o->mode = 0666 & ~mask;
}

/* A symbolic link to a file that does not exist yet: like the shell's `>`,
 * the file is created where the link points (the link stays).  Links to
 * links are followed a few levels; a loop or a missing folder is an error. */
static bool dangling_target(br_file_out *o)
{
    char *at = strdup(o->path);
    for (int depth = 0; at && depth < 8; depth++) {
        char link[PATH_MAX];
        ssize_t n = readlink(at, link, sizeof link - 1);
        if (n < 0) {
            if (errno != EINVAL && errno != ENOENT)
                break;
            o->target = o->resolved = at;   /* not a link (any more): the file to create */
            mode_from_umask(o);
            return true;
        }
        link[n] = '\0';
        const char *slash = strrchr(at, '/');
        size_t dlen = link[0] != '/' && slash ? (size_t)(slash - at) + 1 : 0;
        char *next = malloc(dlen + (size_t)n + 1);
        if (!next)
            br_file_out_of_memory();
        memcpy(next, at, dlen);
        memcpy(next + dlen, link, (size_t)n + 1);
        free(at);
        at = next;
        struct stat lst;
        if (lstat(at, &lst) == 0 && !S_ISLNK(lst.st_mode))
            break;  /* it exists after all (a race): refuse rather than guess */
    }
    free(at);
    return fail(o, 0, "cannot write '%s': it is a symbolic link that cannot be followed "
                "(a loop of links, or a link that changed while being read)", o->path);
}

/* Checks an existing target: a regular file, none of the inputs.  Sets
 * o->target to the file a symbolic link points to, and o->mode. */
static bool check_target(br_file_out *o, const char *const *inputs, size_t ninputs)
{
    struct stat st, lst;
    o->target = o->path;
    if (lstat(o->path, &lst) != 0) {
        if (errno != ENOENT)
            return fail(o, errno, "cannot write '%s'", o->path);
        mode_from_umask(o);
        return true;
    }
    if (stat(o->path, &st) != 0) {
        if (errno == ENOENT && S_ISLNK(lst.st_mode))
            return dangling_target(o);
        return fail(o, errno, "cannot write '%s': it is a symbolic link that cannot be followed",
                    o->path);
    }
    if (S_ISDIR(st.st_mode))
        return fail(o, 0, "cannot write '%s': it is a folder; name a file in it", o->path);
    if (!S_ISREG(st.st_mode))
        return fail(o, 0, "cannot write '%s': it is not a regular file (a device, FIFO or "
                    "socket); name a file, or '-' for standard output", o->path);
    for (size_t i = 0; i < ninputs; i++) {
        struct stat in;
        if (inputs[i] && stat(inputs[i], &in) == 0 && same_file(&in, &st))
            return fail(o, 0, "cannot write '%s': it is one of the files this run reads; "
                        "name another output file", o->path);
    }
    if (S_ISLNK(lst.st_mode)) {
        o->target = o->resolved = realpath(o->path, NULL);
        if (!o->target)
            return fail(o, errno, "cannot follow the symbolic link '%s'", o->path);
    }
    o->mode = st.st_mode & 07777;
    return true;
}

/* "dir/.name.tmp.XXXXXX" beside target, the name cut to fit NAME_MAX. */
static char *temp_name(const char *target, const char **dir_end)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    size_t dlen = (size_t)(base - target);
    size_t blen = strlen(base);
    size_t room = NAME_MAX - sizeof ".tmp.XXXXXX" - 1;   /* - 1: the leading dot */
    if (blen > room)
        blen = room;
    char *tmp = malloc(dlen + blen + sizeof ".tmp.XXXXXX" + 2);
    if (!tmp)
        br_file_out_of_memory();
    memcpy(tmp, target, dlen);
    tmp[dlen] = '.';
    memcpy(tmp + dlen + 1, base, blen);
    memcpy(tmp + dlen + 1 + blen, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    *dir_end = tmp + dlen;
    return tmp;
}

bool br_file_out_open(br_file_out *o, const char *path, const char *const *inputs, size_t ninputs)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        return true;
    }
    if (!check_target(o, inputs, ninputs))
        return false;
    const char *dir_end;
    o->tmp = temp_name(o->target, &dir_end);
    /* A signal between creating the file and guarding it would leave it
     * behind: the signals wait until the handler knows its name. */
    sigset_t block, old_mask;
    sigemptyset(&block);
    for (int i = 0; i < NSIGNALS; i++)
        sigaddset(&block, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &block, &old_mask);
    int fd = mkstemp(o->tmp);
    if (fd >= 0)
        guard(o->tmp);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    if (fd < 0) {
        int e = errno;
        size_t dlen = (size_t)(dir_end - o->tmp);
        char folder[PATH_MAX];
        snprintf(folder, sizeof folder, "%.*s", dlen > 1 ? (int)dlen - 1 : (int)dlen,
                 dlen ? o->tmp : ".");
        free(o->tmp);
        o->tmp = NULL;
        return fail(o, e, "cannot create a file in the folder '%s'", folder);
    }
    o->f = fdopen(fd, "wb");
    if (!o->f || fchmod(fd, o->mode) != 0) {
        int e = errno;
        if (o->f)
            fclose(o->f);
        else
            close(fd);
        br_file_out_abandon(o);
        return fail(o, e, "cannot write '%s'", path);
    }
    return true;
}

bool br_file_out_write(br_file_out *o, const void *data, size_t len)
{
    if (fwrite(data, 1, len, o->f) == len)
        return true;
    o->write_errno = errno;
    return false;
}

/* The reason a write to o->f failed: the one recorded by br_file_out_write,
 * else errno as the failed write left it (callers such as the exporters
 * fprintf to o->f directly), else EIO. */
static int write_error(const br_file_out *o, int pending)
{
    return o->write_errno ? o->write_errno : pending ? pending : EIO;
}

static bool commit_stdout(br_file_out *o, int pending)
{
    bool had_error = ferror(stdout);
    if (fflush(stdout) == 0 && !had_error)
        return true;
    int e = had_error ? write_error(o, pending) : errno;
    clearerr(stdout);   /* reported here, not again at exit */
    return fail(o, e, "cannot write to standard output%s", "");
}

bool br_file_out_commit(br_file_out *o)
{
    int pending = errno;
    if (!o->tmp)
        return o->f == stdout ? commit_stdout(o, pending) : false;
    int e = 0;
    bool ok = !ferror(o->f);
    if (!ok)
        e = write_error(o, pending);
    else if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)
        ok = false, e = errno;
    if (fclose(o->f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    o->f = NULL;
    if (ok && rename(o->tmp, o->target) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        br_file_out_abandon(o);
        return fail(o, e ? e : EIO, "cannot write '%s'", o->path);
    }
    unguard();
    free(o->tmp);
    o->tmp = NULL;
    free(o->resolved);
    o->resolved = NULL;
    return true;
}

void br_file_out_abandon(br_file_out *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    o->f = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        unguard();
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->resolved);
    o->resolved = NULL;
}
