/* fixture.h - loading a test's input files: a file the test depends on that does not load is a
 * broken test setup, so the test stops at once with the loader's message. */
#ifndef SCOUTLAB_TEST_FIXTURE_H
#define SCOUTLAB_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "scoutlab/table.h"

/* Loads path (a file or a directory of CSVs) with opt (NULL for defaults), or exits. */
static inline sl_table *sl_test_load(const char *path, const sl_load_options *opt) {
  sl_table *t = NULL;
  const char *paths[] = {path};
  sl_error err;
  if (sl_table_load_many(paths, 1, opt, &t, &err) != SL_OK) {
    char buf[1024];
    fprintf(stderr, "cannot load %s: %s\n", path, sl_error_text(&err, buf, sizeof buf));
    exit(EXIT_FAILURE);
  }
  return t;
}

#endif
