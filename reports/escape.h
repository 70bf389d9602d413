/* Escaping for every output format, in one place, so that no question or
 * answer text can break out of its context (HTML, XML, CSV, Markdown,
 * gnuplot string literals). Each function appends to out; text may be NULL
 * (appends nothing). Invalid UTF-8 is repaired with U+FFFD first. */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <glib.h>

/* & < > " ' become entities: safe in element text and quoted attributes. */
void escape_html (GString *out, const char *text);
/* As escape_html, and drops characters XML 1.0 forbids (C0 controls other
 * than tab/newline/CR, U+FFFE/U+FFFF) so the document stays well-formed. */
void escape_xml (GString *out, const char *text);
/* One RFC 4180 field: quoted when it holds , " CR or LF; " doubled. A
 * field beginning with = + - @ TAB or CR is neutralized as OWASP's CSV
 * injection guidance says: a ' in front, and quoted. */
void escape_csv (GString *out, const char *text);
/* One Markdown table cell: | escaped, newlines to spaces, and & < >
 * as entities because CI comment renderers accept inline HTML. */
void escape_md (GString *out, const char *text);
/* A gnuplot single-quoted string literal, quotes included: ' doubled,
 * newlines to spaces (single quotes take no backslash escapes). */
void escape_gnuplot (GString *out, const char *text);

#endif
