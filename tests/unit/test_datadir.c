/* test_datadir.c - the bundled-data search (datadir.h): $SCOUTLAB_DATADIR replaces the data
 * directory (and a file missing there is an error naming it), $SCOUTLAB_PLOTDIR the templates,
 * and without either a test binary inside the build tree finds the source tree's files.
 * (The installed, moved tree is tested by tests/api/install.sh.) */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/datadir.h"

int main(void) {
  char path[SL_DATA_PATH_MAX];
  sl_error err;
  unsetenv("SCOUTLAB_DATADIR");
  unsetenv("SCOUTLAB_PLOTDIR");
  INT_EQ(sl_data_file("profiles.csv", path, sizeof path, &err), SL_OK, "build tree: %s", err.message);
  STR_EQ(path, SL_DATASETS "/profiles.csv", "the source tree's datasets/");
  INT_EQ(sl_data_plot_dir(path, sizeof path, &err), SL_OK, "templates: %s", err.message);
  STR_EQ(path, SL_PLOTS, "the source tree's plots/");
  INT_EQ(sl_data_file("no-such-file.csv", path, sizeof path, &err), SL_ENOTFOUND, "missing file");
  OK(strstr(err.message, "SCOUTLAB_DATADIR") && strstr(err.message, "no-such-file.csv"), "message: %s", err.message);

  setenv("SCOUTLAB_DATADIR", SL_TEST_DATA, 1);
  INT_EQ(sl_data_file("profiles.csv", path, sizeof path, &err), SL_ENOTFOUND, "only $SCOUTLAB_DATADIR is searched");
  OK(strstr(err.message, "$SCOUTLAB_DATADIR") != NULL, "message names the variable: %s", err.message);
  setenv("SCOUTLAB_DATADIR", SL_DATASETS, 1);
  INT_EQ(sl_data_file("profiles.csv", path, sizeof path, &err), SL_OK, "$SCOUTLAB_DATADIR: %s", err.message);
  STR_EQ(path, SL_DATASETS "/profiles.csv", "from the variable");
  setenv("SCOUTLAB_PLOTDIR", SL_PLOTS, 1);
  INT_EQ(sl_data_plot_dir(path, sizeof path, &err), SL_OK, "$SCOUTLAB_PLOTDIR: %s", err.message);
  STR_EQ(path, SL_PLOTS, "from the variable");
  char tiny[8];
  INT_EQ(sl_data_file("profiles.csv", tiny, sizeof tiny, &err), SL_ELIMIT, "buffer too small");
  INT_EQ(sl_data_file("", path, sizeof path, &err), SL_EINVAL, "empty name");
  return SL_TEST_DONE();
}
