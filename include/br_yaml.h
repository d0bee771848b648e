/* br_yaml.h — YAML files as trees of nodes that remember where they were.
 *
 * libyaml's event parser builds the tree; every node keeps file, line and
 * column.  Duplicate keys, non-scalar keys, unknown aliases, invalid UTF-8,
 * tabs in indentation, too deep nesting and too large alias expansion are
 * errors here, before any meaning is given to the tree.  Aliases share the
 * anchored node (no copy): a node may be reachable twice.
 */
#ifndef BR_YAML_H
#define BR_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "br_arena.h"
#include "br_diag.h"

/* Named limits: each has a test at and beyond its edge. */
#define BR_MAX_FILE_BYTES    (8u * 1024 * 1024)
#define BR_MAX_DEPTH         64
#define BR_MAX_EXPANDED      2000000  /* nodes, counting every alias's expansion */
#define BR_MAX_SCALAR_BYTES  (256u * 1024)

typedef enum br_node_kind { BR_NODE_SCALAR, BR_NODE_SEQ, BR_NODE_MAP } br_node_kind;

typedef struct br_node br_node;
typedef struct br_pair {
    br_node *key;       /* always a scalar */
    br_node *value;
} br_pair;

struct br_node {
    br_node_kind kind;
    br_loc loc;
    /* SCALAR */
    const char *text;
    size_t len;
    bool plain;         /* unquoted, not a block scalar: may be a number or bool */
    /* SEQ, MAP */
    bool flow;          /* written inline: [a, b] or {k: v} */
    /* SEQ */
    br_node **items;
    size_t nitems, items_cap;
    /* MAP */
    br_pair *pairs;
    size_t npairs, pairs_cap;
    size_t expanded;    /* nodes in this subtree with aliases expanded */
};

/* Parses one document from text (len bytes, need not be NUL-terminated).
 * file is the name used in locations.  Scalar text goes in arena; nodes and
 * their arrays go in tree (NULL: arena too), so that a caller that copies
 * what it needs out of the tree can free it: nodes are three quarters of a
 * large report's parsed bytes.  Returns the root, or NULL after reporting
 * errors; an empty document gives an empty mapping. */
br_node *br_yaml_parse(const char *file, const char *text, size_t len, br_arena *arena,
                       br_arena *tree, br_diags *diags);

/* Reads and parses a file, registering its text with diags for quoting (so
 * the text is kept in arena).  Refuses files over BR_MAX_FILE_BYTES. */
br_node *br_yaml_load_file(const char *path, br_arena *arena, br_arena *tree, br_diags *diags);

/* The value of key in a mapping, or NULL. */
br_node *br_map_get(const br_node *map, const char *key);

/* Returns the byte offset of the first invalid UTF-8 sequence, or len. */
size_t br_utf8_check(const char *text, size_t len);

/* A short name for a node's kind, for messages: "a mapping", "a list", "a string". */
const char *br_node_kind_name(const br_node *node);

#endif
