/* Tests for atomic output: complete files appear, aborted ones leave nothing behind. */
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/output.h"

static int count_entries(const char *dir) {
  int n = 0;
  DIR *d = opendir(dir);
  for (struct dirent *e; d && (e = readdir(d));) n += e->d_name[0] != '.';
  if (d) closedir(d);
  return n;
}

int main(void) {
  char dir[] = "/tmp/sl-output-XXXXXX";
  OK(mkdtemp(dir) != NULL, "temp dir");
  char path[256], buf[64];
  snprintf(path, sizeof path, "%s/report.md", dir);
  sl_error err;
  sl_output *o;
  FILE *f;
  OK(sl_output_open(path, &o, &f, &err) == SL_OK, "open");
  fputs("half", f);
  fflush(f);
  OK(access(path, F_OK) != 0, "destination does not exist before commit");
  sl_output_abort(o);
  INT_EQ(count_entries(dir), 0, "abort leaves nothing");

  OK(sl_output_write_file(path, "# ok\n", 5, &err) == SL_OK, "write whole file");
  FILE *r = fopen(path, "r");
  OK(r && fgets(buf, sizeof buf, r), "read back");
  if (r) fclose(r);
  STR_EQ(buf, "# ok\n", "content");
  INT_EQ(count_entries(dir), 1, "only the destination remains");

  char sub[300];
  snprintf(sub, sizeof sub, "%s/charts", dir);
  OK(sl_output_make_dir(sub, &err) == SL_OK && sl_output_make_dir(sub, &err) == SL_OK, "mkdir idempotent");
  OK(sl_output_make_dir(path, &err) == SL_EIO, "a file is not a directory");
  snprintf(sub, sizeof sub, "%s/missing/x.md", dir);
  OK(sl_output_write_file(sub, "x", 1, &err) == SL_EIO, "missing directory is an I/O error");
  snprintf(sub, sizeof sub, "%s/a/b", dir);
  OK(sl_output_make_dir(sub, &err) == SL_OK, "parents created");
  rmdir(sub);
  snprintf(sub, sizeof sub, "%s/a", dir);
  rmdir(sub);
  snprintf(sub, sizeof sub, "%s/charts", dir);
  rmdir(sub);
  unlink(path);
  rmdir(dir);
  return SL_TEST_DONE();
}
