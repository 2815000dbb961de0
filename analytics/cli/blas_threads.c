/* blas_threads.c - OpenBLAS's thread count under a memory limit, set before OpenBLAS starts.
 *
 * OpenBLAS starts its worker threads in its library constructor, before main(), and each worker
 * maps a 128 MiB work buffer at once. Under an address-space limit (`ulimit -v`) below about
 * 200 MB that mapping fails, the worker retries for ever (blas_memory_alloc), and the process
 * hangs at exit waiting for it: measured, even `scoutlab --version` under 80-150 MB. OpenBLAS
 * reads its thread count (OPENBLAS_NUM_THREADS, then GOTO_NUM_THREADS, then OMP_NUM_THREADS) in
 * that constructor, so the choice must come earlier still: from the executable's preinit array,
 * which the dynamic loader runs before any shared library's constructor (DT_PREINIT_ARRAY, System
 * V ABI). Under a limit, when the user set none of those variables, the program starts itself
 * again at once with OPENBLAS_NUM_THREADS=1 added (execve of /proc/self/exe, same arguments):
 * setenv cannot be used there, as the C library's own start-up, which runs after the preinit
 * array, puts back the environment the kernel passed (measured: the variable was gone in
 * main()). One thread: scoutlab's BLAS calls work on blocks too small for threads to pay off
 * (cmd_ols.c pins one thread for that reason), and the fits check the room for the one buffer
 * left (sl_blas_room in the library). Without a limit nothing changes, and when the new start
 * fails (no /proc) the program goes on as before. A host program linking libscoutlab under a
 * limit sets OPENBLAS_NUM_THREADS=1 itself (docs/limits.md). */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__linux__) && defined(__ELF__) && defined(__GNUC__)
static int names_threads(const char *entry) {
  static const char *const vars[] = {"OPENBLAS_NUM_THREADS=", "GOTO_NUM_THREADS=", "OMP_NUM_THREADS="};
  for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++)
    if (strncmp(entry, vars[k], strlen(vars[k])) == 0) return 1;
  return 0;
}

/* Runs before the C library's start-up: only envp, not getenv/setenv, sees the environment. */
static void blas_threads_under_limit(int argc, char **argv, char **envp) {
  (void)argc;
  struct rlimit lim;
  if (!argv || !envp || getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return;
  size_t n = 0;
  for (; envp[n]; n++)
    if (names_threads(envp[n])) return;
  char **env = malloc((n + 2) * sizeof *env);
  if (!env) return;
  memcpy(env, envp, n * sizeof *env);
  env[n] = "OPENBLAS_NUM_THREADS=1";
  env[n + 1] = NULL;
  execve("/proc/self/exe", argv, env);
  free(env); /* not started again: go on with OpenBLAS's default */
}

__attribute__((section(".preinit_array"), used)) static void (*const sl_blas_threads_preinit)(int, char **, char **) =
    blas_threads_under_limit;
#endif
