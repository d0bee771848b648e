/* br_arena.h — bump allocation, freed all at once.
 *
 * What the model, the document and the pages of one report need lives in
 * one arena and is freed with one call.  What is needed only for a while
 * has an arena of its own, freed when done: the parsed YAML nodes (until
 * the model is built) and each block's prepared text and table (until the
 * block is placed), so that peak memory is not the sum of every stage's
 * working data.  Allocation never fails silently: on exhaustion of memory
 * the process aborts with a message, because a half-built report is worse
 * than no report.
 */
#ifndef BR_ARENA_H
#define BR_ARENA_H

#include <stddef.h>

typedef struct br_arena br_arena;

/* Creates an empty arena.  Free it with br_arena_free. */
br_arena *br_arena_new(void);

/* Frees the arena and everything allocated from it.  Accepts NULL. */
void br_arena_free(br_arena *arena);

/* Returns zeroed memory aligned for any type, valid until the arena is freed. */
void *br_arena_alloc(br_arena *arena, size_t size);

/* Returns a zeroed array of n elements of size each (overflow-checked). */
void *br_arena_calloc(br_arena *arena, size_t n, size_t size);

/* Copies a string (or the first len bytes of one) into the arena, NUL-terminated. */
char *br_arena_strdup(br_arena *arena, const char *s);
char *br_arena_strndup(br_arena *arena, const char *s, size_t len);

/* printf into the arena. */
char *br_arena_printf(br_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (for benchmarks and limits). */
size_t br_arena_used(const br_arena *arena);

/* A growable array in the arena: grows *items (of *count, capacity *cap) to
 * hold one more element of elem_size and returns a pointer to the new,
 * zeroed element. */
void *br_arena_push(br_arena *arena, void **items, size_t *count, size_t *cap,
                    size_t elem_size);

#define BR_PUSH(arena, items, count, cap) \
    ((__typeof__(items))br_arena_push((arena), (void **)&(items), &(count), &(cap), sizeof *(items)))

#endif
