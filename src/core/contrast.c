/* contrast.c — WCAG 2.1 contrast ratio, for checking a template's RAG
 * text colours against their fills (at least 4.5:1 for body text). */
#include "br_template.h"

#include <math.h>

/* Linear-light value of one 8-bit sRGB channel (WCAG 2.1's constants). */
static double linear(unsigned c8)
{
    double c = c8 / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * linear((rgb >> 16) & 0xFF) + 0.7152 * linear((rgb >> 8) & 0xFF) +
           0.0722 * linear(rgb & 0xFF);
}

double br_contrast_ratio(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}
