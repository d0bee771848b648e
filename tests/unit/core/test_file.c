/* test_file.c — regular files in, complete files out (src/core/file.c). */
#include "fixtures.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "br_file.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/br_file_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *in_dir(const char *name)
{
    static char buf[4][PATH_MAX];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Files in dir other than the ones a test made: temporary files left. */
static size_t entries(void)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void clear_dir(void)
{
    remove_dir(NULL);
    assert_non_null(mkdtemp(strcpy(dir, "/tmp/br_file_XXXXXX")));
}

static bool write_out(const char *path, const char *text, const char *const *inputs, size_t n,
                      br_file_out *o)
{
    if (!br_file_out_open(o, path, inputs, n))
        return false;
    fputs(text, o->f);
    return br_file_out_commit(o);
}

/* ---- in ---- */

static void a_regular_file_opens(void **state)
{
    (void)state;
    put(in_dir("a.yaml"), "x: 1\n");
    char err[128];
    FILE *f = br_file_open_regular(in_dir("a.yaml"), err, sizeof err);
    assert_non_null(f);
    fclose(f);
}

/* A FIFO nobody writes to would block a plain fopen for ever. */
static void a_fifo_is_refused_at_once(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(in_dir("pipe.yaml"), 0600), 0);
    char err[128];
    assert_null(br_file_open_regular(in_dir("pipe.yaml"), err, sizeof err));
    assert_string_equal(err, "cannot read: it is a FIFO, not a regular file");
    assert_null(br_file_open_regular(dir, err, sizeof err));
    assert_string_equal(err, "cannot read: it is a folder, not a regular file");
    assert_null(br_file_open_regular("/dev/null", err, sizeof err));
    assert_string_equal(err, "cannot read: it is a device, not a regular file");
    assert_null(br_file_open_regular(in_dir("missing"), err, sizeof err));
    assert_string_equal(err, "cannot open: No such file or directory");
    clear_dir();
}

static void a_socket_is_refused(void **state)
{
    (void)state;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_true(s >= 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s", in_dir("sock"));
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    char err[128];
    assert_null(br_file_open_regular(in_dir("sock"), err, sizeof err));
    assert_string_equal(err, "cannot read: it is a socket, not a regular file");
    close(s);
    clear_dir();
}

/* ---- out ---- */

static void a_new_file_appears_complete_with_the_umask_mode(void **state)
{
    (void)state;
    br_file_out o;
    mode_t old = umask(027);
    assert_true(write_out(in_dir("new.pdf"), "complete", NULL, 0, &o));
    umask(old);
    assert_string_equal(slurp(in_dir("new.pdf")), "complete");
    struct stat st;
    assert_int_equal(stat(in_dir("new.pdf"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(entries(), 1);
    clear_dir();
}

static void a_replaced_file_keeps_its_mode(void **state)
{
    (void)state;
    put(in_dir("old.json"), "old");
    assert_int_equal(chmod(in_dir("old.json"), 0604), 0);
    br_file_out o;
    assert_true(write_out(in_dir("old.json"), "new", NULL, 0, &o));
    struct stat st;
    assert_int_equal(stat(in_dir("old.json"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0604);
    assert_string_equal(slurp(in_dir("old.json")), "new");
    clear_dir();
}

static void an_abandoned_output_leaves_the_old_file(void **state)
{
    (void)state;
    put(in_dir("keep.pdf"), "good");
    br_file_out o;
    assert_true(br_file_out_open(&o, in_dir("keep.pdf"), NULL, 0));
    fputs("half a PDF", o.f);
    assert_int_equal(entries(), 2);   /* the temporary file beside it */
    br_file_out_abandon(&o);
    assert_string_equal(slurp(in_dir("keep.pdf")), "good");
    assert_int_equal(entries(), 1);
    clear_dir();
}

/* Compared by identity: another spelling or a hard link is the same file. */
static void an_input_is_never_the_output(void **state)
{
    (void)state;
    put(in_dir("report.yaml"), "report: {}\n");
    assert_int_equal(link(in_dir("report.yaml"), in_dir("alias.yaml")), 0);
    char spelled[PATH_MAX];
    snprintf(spelled, sizeof spelled, "%s/./report.yaml", dir);
    const char *inputs[] = {NULL, in_dir("report.yaml")};
    const char *outs[] = {in_dir("report.yaml"), in_dir("alias.yaml"), spelled};
    for (size_t i = 0; i < 3; i++) {
        br_file_out o;
        assert_false(br_file_out_open(&o, outs[i], inputs, 2));
        assert_non_null(strstr(o.error, "is one of the files this run reads"));
    }
    assert_string_equal(slurp(in_dir("report.yaml")), "report: {}\n");
    assert_int_equal(entries(), 2);
    clear_dir();
}

static void a_device_fifo_or_folder_is_not_replaced(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(in_dir("fifo"), 0600), 0);
    const char *targets[] = {"/dev/null", in_dir("fifo"), dir};
    const char *want[] = {"is not a regular file", "is not a regular file", "is a folder"};
    for (size_t i = 0; i < 3; i++) {
        br_file_out o;
        assert_false(br_file_out_open(&o, targets[i], NULL, 0));
        assert_non_null(strstr(o.error, want[i]));
    }
    struct stat st;
    assert_int_equal(lstat(in_dir("fifo"), &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(entries(), 1);
    clear_dir();
}

static void a_symbolic_link_is_followed_and_stays(void **state)
{
    (void)state;
    put(in_dir("real.pdf"), "old");
    assert_int_equal(symlink("real.pdf", in_dir("link.pdf")), 0);
    br_file_out o;
    assert_true(write_out(in_dir("link.pdf"), "new", NULL, 0, &o));
    struct stat st;
    assert_int_equal(lstat(in_dir("link.pdf"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(in_dir("real.pdf")), "new");
    assert_int_equal(entries(), 2);
    clear_dir();
}

/* NAME_MAX is 255: the temporary name is cut to fit. */
static void a_name_at_name_max_can_be_written(void **state)
{
    (void)state;
    char name[256];
    memset(name, 'a', 251);
    strcpy(name + 251, ".pdf");
    br_file_out o;
    assert_true(write_out(in_dir(name), "x", NULL, 0, &o));
    assert_string_equal(slurp(in_dir(name)), "x");
    assert_int_equal(entries(), 1);
    clear_dir();
}

static void a_missing_folder_is_named(void **state)
{
    (void)state;
    br_file_out o;
    assert_false(br_file_out_open(&o, in_dir("no-such/out.pdf"), NULL, 0));
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "cannot create a file in the folder '%s': No such file or directory",
             in_dir("no-such"));
    assert_string_equal(o.error, want);
}

static void dash_is_standard_output(void **state)
{
    (void)state;
    br_file_out o;
    assert_true(br_file_out_open(&o, "-", NULL, 0));
    assert_ptr_equal(o.f, stdout);
    assert_null(o.tmp);
    assert_true(br_file_out_commit(&o));
    assert_int_equal(entries(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_regular_file_opens),
        cmocka_unit_test(a_fifo_is_refused_at_once),
        cmocka_unit_test(a_socket_is_refused),
        cmocka_unit_test(a_new_file_appears_complete_with_the_umask_mode),
        cmocka_unit_test(a_replaced_file_keeps_its_mode),
        cmocka_unit_test(an_abandoned_output_leaves_the_old_file),
        cmocka_unit_test(an_input_is_never_the_output),
        cmocka_unit_test(a_device_fifo_or_folder_is_not_replaced),
        cmocka_unit_test(a_symbolic_link_is_followed_and_stays),
        cmocka_unit_test(a_name_at_name_max_can_be_written),
        cmocka_unit_test(a_missing_folder_is_named),
        cmocka_unit_test(dash_is_standard_output),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
