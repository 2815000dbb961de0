/* Tests for atomic output: complete files appear, aborted ones leave nothing behind. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Issue 16: outputs honour the umask, keep a symlink, never replace an input, and scratch files
 * have unique names. */
static void nothing_lost(const char *dir) {
  char in[256], lnk[256], hard[256], out[256], fresh[256];
  snprintf(in, sizeof in, "%s/t.csv", dir);
  snprintf(lnk, sizeof lnk, "%s/link.csv", dir);
  snprintf(hard, sizeof hard, "%s/hard.csv", dir);
  snprintf(out, sizeof out, "%s/m.slm", dir);
  snprintf(fresh, sizeof fresh, "%s/../%s/new.slm", dir, strrchr(dir, '/') + 1);
  sl_error err;
  OK(sl_output_write_file(in, "a,b\n1,2\n", 8, &err) == SL_OK, "input written");
  OK(symlink("t.csv", lnk) == 0 && link(in, hard) == 0, "links made");
  const char *inputs[] = {in, "-"};
  const char *outs[] = {lnk};
  INT_EQ(sl_output_check_paths(outs, 1, inputs, 2, &err), SL_EINVAL, "a symlink to the input refused");
  STR_EQ(err.file, lnk, "error names the output");
  OK(strstr(err.message, in) && strstr(err.message, lnk), "message names both paths: %s", err.message);
  outs[0] = hard;
  INT_EQ(sl_output_check_paths(outs, 1, inputs, 2, &err), SL_EINVAL, "a hard link to the input refused");
  const char *two[] = {out, fresh, "-"};
  char same_new[300];
  snprintf(same_new, sizeof same_new, "%s/./new.slm", dir);
  two[0] = same_new;
  INT_EQ(sl_output_check_paths(two, 3, inputs, 2, &err), SL_EINVAL, "two spellings of one new output refused");
  OK(strstr(err.message, "are the same file") != NULL, "outputs message");
  two[0] = out;
  INT_EQ(sl_output_check_paths(two, 3, inputs, 2, &err), SL_OK, "distinct outputs pass; '-' skipped");

  /* The umask decides the permissions, as for a shell redirect. */
  mode_t old = umask(027);
  OK(sl_output_write_file(out, "m\n", 2, &err) == SL_OK, "model written");
  struct stat sb;
  OK(stat(out, &sb) == 0 && (sb.st_mode & 0777) == 0640, "umask 027 gives rw-r-----, got %o", sb.st_mode & 0777);
  umask(old);
  /* Written through a symlink: the link stays a link and its target gets the bytes. */
  char target[256], via[256];
  snprintf(target, sizeof target, "%s/target.slm", dir);
  snprintf(via, sizeof via, "%s/via.slm", dir);
  OK(symlink("target.slm", via) == 0, "output link made");
  OK(sl_output_write_file(via, "v\n", 2, &err) == SL_OK, "write through link");
  OK(lstat(via, &sb) == 0 && S_ISLNK(sb.st_mode), "still a symlink");
  OK(stat(target, &sb) == 0 && sb.st_size == 2, "target holds the bytes");

  char *s1 = NULL, *s2 = NULL;
  OK(sl_output_scratch(out, &s1, &err) == SL_OK && sl_output_scratch(out, &s2, &err) == SL_OK, "scratch files");
  OK(s1 && s2 && strcmp(s1, s2) != 0, "unique names");
  OK(s1 && strncmp(s1, out, strlen(out)) == 0, "beside the model");
  if (s1) unlink(s1);
  if (s2) unlink(s2);
  free(s1);
  free(s2);
  unlink(via), unlink(target), unlink(out), unlink(lnk), unlink(hard), unlink(in);
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
  nothing_lost(dir);
  INT_EQ(count_entries(dir), 0, "nothing left behind");
  rmdir(dir);
  return SL_TEST_DONE();
}
