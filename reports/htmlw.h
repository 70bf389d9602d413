/* The pieces every part of report.html is made of — escaped text, table
 * heads that repeat on each printed page, cells with numbers in the
 * report's language, sections that start a printed page — so html.c and
 * html_detail.c write them one way. Each appends to o; text may be NULL. */
#ifndef HTMLW_H
#define HTMLW_H

#include "reports/report.h"

/* Text with & < > " ' as entities (reports/escape.h). */
void htmlw_text (GString *o, const char *text);

/* <section id=ID> and its <h2>; wide sections print on landscape pages
 * (tables of many columns). Close with htmlw_section_end. */
void htmlw_section (GString *o, const char *id, const char *title,
                    gboolean wide);
void htmlw_section_end (GString *o);

/* <table class=CLASS><thead> with one <th> per column (NULL-terminated),
 * then <tbody>: a printed table repeats its head on every page. class may
 * be NULL. Close with htmlw_table_end. */
void htmlw_table (GString *o, const char *cls, const char *const *cols);
void htmlw_table_end (GString *o);

void htmlw_td_text (GString *o, const char *text);
/* A rate as a percentage, with its interval in small type when ci_key is
 * not NULL; "–" when absent. */
void htmlw_td_pct (GString *o, const cJSON *obj, const char *key,
                   const char *ci_key, ReportLang lang);
void htmlw_td_num (GString *o, const cJSON *obj, const char *key,
                   int decimals, ReportLang lang);

/* <p class=note>text</p>. */
void htmlw_note (GString *o, const char *text);

/* The inline SVG of plot name, if rendered (plots may be NULL). */
void htmlw_figure (GString *o, GHashTable *plots, const char *name);

#endif
