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
 * main()). A thread count the user set is kept while the limit has room for its workers'
 * buffers; when it has not, it is lowered to what fits (one at least), with a note on stderr,
 * since the count asked for would hang every command (measured in CI: OPENBLAS_NUM_THREADS=2
 * under 100 MiB, even --version). One thread: scoutlab's BLAS calls work on blocks too small for threads to pay off
 * (cmd_ols.c pins one thread for that reason), and the fits check the room for the one buffer
 * left (sl_blas_room in the library). Without a limit nothing changes, and when the new start
 * fails (no /proc) the program goes on as before. A host program linking libscoutlab under a
 * limit sets OPENBLAS_NUM_THREADS=1 itself (docs/limits.md). */
#include <stdio.h> /* snprintf only */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__linux__) && defined(__ELF__) && defined(__GNUC__)
/* Address space per extra OpenBLAS thread: its work buffer (common_x86_64.h: 32 << 22 = 128 MiB)
 * and the 8 MiB default pthread stack, as measured (docs/limits.md). */
#define SL_BLAS_THREAD_BYTES ((unsigned long long)136 << 20)
/* What the process needs besides the workers: the main thread's own buffer for a fit (128 MiB)
 * and the program with its libraries and data (~64 MiB measured on the demo data). */
#define SL_BLAS_MAIN_BYTES ((unsigned long long)192 << 20)
/* The largest count parsed; OpenBLAS caps it at its own compiled maximum anyway. */
#define SL_BLAS_MAX_THREADS 4096L

/* OpenBLAS reads these in this order; the first one set decides. */
static const char *const thread_vars[] = {"OPENBLAS_NUM_THREADS=", "GOTO_NUM_THREADS=", "OMP_NUM_THREADS="};
#define N_THREAD_VARS (sizeof thread_vars / sizeof thread_vars[0])

/* The thread count the environment asks for: 0 when no variable is set or the first one set is
 * not a count of one or more (OpenBLAS then takes its default, one thread per CPU, alike). */
static long asked_threads(char **envp) {
  for (size_t k = 0; k < N_THREAD_VARS; k++)
    for (size_t i = 0; envp[i]; i++)
      if (strncmp(envp[i], thread_vars[k], strlen(thread_vars[k])) == 0) {
        long n = strtol(envp[i] + strlen(thread_vars[k]), NULL, 10);
        return n < 1 ? 0 : n > SL_BLAS_MAX_THREADS ? SL_BLAS_MAX_THREADS : n;
      }
  return 0;
}

/* Threads whose buffers fit in the limit: the main thread plus as many workers as there is room for. */
static long threads_that_fit(unsigned long long limit) {
  if (limit <= SL_BLAS_MAIN_BYTES) return 1;
  unsigned long long workers = (limit - SL_BLAS_MAIN_BYTES) / SL_BLAS_THREAD_BYTES;
  return workers >= (unsigned long long)SL_BLAS_MAX_THREADS ? SL_BLAS_MAX_THREADS : 1 + (long)workers;
}

/* Runs before the C library's start-up: only envp, not getenv/setenv, sees the environment. */
static void blas_threads_under_limit(int argc, char **argv, char **envp) {
  (void)argc;
  struct rlimit lim;
  if (!argv || !envp || getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) return;
  size_t n = 0;
  while (envp[n]) n++;
  long asked = asked_threads(envp), fit = threads_that_fit((unsigned long long)lim.rlim_cur);
  if (asked >= 1 && asked <= fit) return; /* one thread, or room for all asked */
  long use = asked == 0 ? 1 : fit;
  char setting[sizeof "OPENBLAS_NUM_THREADS=" + 24]; /* execve copies it */
  snprintf(setting, sizeof setting, "OPENBLAS_NUM_THREADS=%ld", use);
  if (asked > 1) {
    /* write(2), not stdio: the C library's start-up has not run yet. */
    char note[256];
    int len = snprintf(note, sizeof note,
                       "scoutlab: note: %ld BLAS threads need about %llu MiB of address space, more than the limit "
                       "of %llu MiB (ulimit -v): running with %ld (docs/limits.md)\n",
                       asked, (SL_BLAS_MAIN_BYTES + (unsigned long long)(asked - 1) * SL_BLAS_THREAD_BYTES) >> 20,
                       (unsigned long long)lim.rlim_cur >> 20, use);
    if (len > 0 && write(STDERR_FILENO, note, (size_t)len < sizeof note ? (size_t)len : sizeof note - 1) < 0) {
      /* nowhere to say it: the lowered count still applies */
    }
  }
  char **env = malloc((n + 2) * sizeof *env);
  if (!env) return;
  memcpy(env, envp, n * sizeof *env);
  /* OPENBLAS_NUM_THREADS comes first in OpenBLAS's order: set (or replace) it, the others then do not count. */
  size_t slot = n;
  for (size_t i = 0; i < n; i++)
    if (strncmp(env[i], thread_vars[0], strlen(thread_vars[0])) == 0) slot = i;
  env[slot] = setting;
  env[slot == n ? n + 1 : n] = NULL;
  execve("/proc/self/exe", argv, env);
  free(env); /* not started again: go on with OpenBLAS's default */
}

__attribute__((section(".preinit_array"), used)) static void (*const sl_blas_threads_preinit)(int, char **, char **) =
    blas_threads_under_limit;
#endif
