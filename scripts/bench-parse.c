/* The reference for scoring speed: only parse every line of a log with
 * cJSON, as scoring must before judging anything. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (int argc, char **argv)
{
  if (argc != 2)
    return 2;
  FILE *f = fopen (argv[1], "r");
  if (f == NULL)
    return 3;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long lines = 0;
  while ((n = getline (&line, &cap, f)) > 0) {
    cJSON *o = cJSON_ParseWithLength (line, (size_t) n);
    lines += o != NULL;
    cJSON_Delete (o);
  }
  free (line);
  fclose (f);
  printf ("%ld\n", lines);
  return 0;
}
