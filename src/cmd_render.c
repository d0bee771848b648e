/* cmd_render.c — `boardreport render`. */
#include <stdio.h>

#include "br_cli.h"

int br_cmd_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("boardreport render: not available yet in this build; use check and export\n", stderr);
    return 2;
}
