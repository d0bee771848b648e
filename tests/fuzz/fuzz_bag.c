/* fuzz_bag.c — libFuzzer target: checking a BagIt package from elsewhere.
 *
 * `verify` reads packages that may have been copied in from anywhere, so
 * their tag files are untrusted input.  The input is split at the first two
 * form feeds (\f) into bag-info.txt, manifest-sha256.txt and
 * tagmanifest-sha256.txt, written into a package whose payload is two fixed
 * files; then br_bag_check, br_bag_info_read and br_arc_package_read run
 * and the messages are printed to /dev/null.  Any crash, sanitizer report
 * or leak is a bug: a bad package must only ever give messages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "br_archive.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char bag[64];
static FILE *devnull;

static void put(const char *name, const void *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", bag, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

static void cleanup(void)
{
    static const char *const names[] = {"bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                                        "tagmanifest-sha256.txt", "data/paper.pdf",
                                        "data/source/report.yaml", "data/source", "data"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", bag, names[i]);
        if (unlink(path) != 0)
            rmdir(path);
    }
    rmdir(bag);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    strcpy(bag, "/tmp/brfuzz-bag-XXXXXX");
    if (!mkdtemp(bag))
        abort();
    atexit(cleanup);
    char path[128];
    snprintf(path, sizeof path, "%s/data", bag);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/data/source", bag);
    mkdir(path, 0777);
    put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", 55);
    put("data/paper.pdf", "%PDF-1.3\n", 9);
    put("data/source/report.yaml", "report: {}\n", 11);
    devnull = fopen("/dev/null", "w");
    return devnull ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const files[] = {"bag-info.txt", "manifest-sha256.txt",
                                        "tagmanifest-sha256.txt"};
    size_t start = 0;
    for (int i = 0; i < 3; i++) {
        const uint8_t *ff = i < 2 ? memchr(data + start, '\f', size - start) : NULL;
        size_t end = ff ? (size_t)(ff - data) : size;
        put(files[i], data + start, end - start);
        start = ff ? end + 1 : size;
    }
    br_arena *arena = br_arena_new();
    br_diags diags;
    br_diags_init(&diags, arena);
    br_bag_check(bag, arena, &diags);
    br_arc_package pkg;
    if (br_arc_package_read(&pkg, bag, arena)) {
        br_arc_rebuild rb;
        br_arc_rebuild_paths(&rb, &pkg, arena, &diags);
    }
    br_diags_sort(&diags);
    br_diags_print(&diags, devnull);
    br_arena_free(arena);
    return 0;
}
