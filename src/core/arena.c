/* arena.c — bump allocator in chained blocks. */
#include "br_arena.h"

#include "br_file.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK_MIN = 64 * 1024, ALIGN = 16 };

typedef struct block {
    struct block *next;
    size_t size, used;
    max_align_t data[];
} block;

struct br_arena {
    block *head;
    size_t total;
};

static void *xmalloc(size_t size)
{
    void *p = malloc(size);
    if (!p)
        br_file_out_of_memory();
    return p;
}

br_arena *br_arena_new(void)
{
    br_arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->total = 0;
    return a;
}

void br_arena_free(br_arena *arena)
{
    if (!arena)
        return;
    for (block *b = arena->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(arena);
}

void *br_arena_alloc(br_arena *arena, size_t size)
{
    size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (need < size) {
        br_file_out_of_memory();
    }
    block *b = arena->head;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_MIN ? need : BLOCK_MIN;
        /* Grow blocks with the arena so large documents make few mallocs. */
        if (arena->total / 4 > bsize && arena->total / 4 < 16u * 1024 * 1024)
            bsize = arena->total / 4;
        b = xmalloc(sizeof *b + bsize);
        b->size = bsize;
        b->used = 0;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    arena->total += need;
    memset(p, 0, size);
    return p;
}

void *br_arena_calloc(br_arena *arena, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        br_file_out_of_memory();
    }
    return br_arena_alloc(arena, n * size);
}

char *br_arena_strndup(br_arena *arena, const char *s, size_t len)
{
    char *d = br_arena_alloc(arena, len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *br_arena_strdup(br_arena *arena, const char *s)
{
    return s ? br_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *br_arena_printf(br_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return br_arena_strdup(arena, "");
    char *d = br_arena_alloc(arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

size_t br_arena_used(const br_arena *arena)
{
    return arena->total;
}

void *br_arena_push(br_arena *arena, void **items, size_t *count, size_t *cap,
                    size_t elem_size)
{
    if (*count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        void *n = br_arena_calloc(arena, ncap, elem_size);
        if (*count)
            memcpy(n, *items, *count * elem_size);
        *items = n;
        *cap = ncap;
    }
    void *slot = (char *)*items + (*count)++ * elem_size;
    memset(slot, 0, elem_size);
    return slot;
}
