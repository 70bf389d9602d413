/* Text from outside (an endpoint's body, a lock file, a manifest) made
 * safe to print on a terminal and in reports: one line of UTF-8 without
 * control characters. An ESC or a C1 control would be a terminal escape
 * sequence, a line break a forged line. */
#ifndef VABENCH_UTIL_ONE_LINE_H
#define VABENCH_UTIL_ONE_LINE_H

#include <glib.h>

/* A new string: text with invalid UTF-8 replaced and every control
 * character a space. NULL gives NULL. */
char *one_line (const char *text);

#endif
