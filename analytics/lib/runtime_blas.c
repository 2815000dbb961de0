/* runtime_blas.c - room for OpenBLAS's work buffer, checked before a fit instead of hanging.
 *
 * OpenBLAS (0.3.21, Debian's pthread build) takes its work memory for a level-3 call (dgemm,
 * dtrmm: every dtpqrt, dgeqp3 and dgesdd of a fit) as one buffer per concurrent caller, mapped
 * at the first call and kept. When the mapping fails, its allocator (memory.c,
 * blas_memory_alloc) retries for ever: under an address-space limit (`ulimit -v`, RLIMIT_AS)
 * below about 200 MB a fit spun at 100% CPU with no message. So before the first fit that
 * needs `callers` buffers, the library maps that much itself and unmaps it at once: when that
 * fails the fit stops with SL_ENOMEM and a message saying what the limit is and what it needs.
 * Without a limit nothing is probed (the mapping cannot fail for address space). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS (POSIX only from 2024) */
#include "runtime_internal.h"

#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/resource.h>

/* OpenBLAS's BUFFER_SIZE on x86-64 (common_x86_64.h: 32 << 22 = 128 MiB) plus the page it
 * adds for alignment: the mmap strace shows it asking for (134,225,920 bytes). */
#define SL_BLAS_BUFFER_BYTES (((size_t)32 << 22) + (size_t)8192)
/* Room left for the fit's own blocks next to the buffer: 4096 rows x 101 columns of doubles
 * (3.2 MiB) for each of two fold threads, with slack, so the probe does not pass by a hair. */
#define SL_BLAS_PROBE_MARGIN ((size_t)16 << 20)
#define SL_MIB(bytes) ((double)(bytes) / (1024.0 * 1024.0))

/* Callers already provided for: OpenBLAS keeps the buffers it mapped, so a later fit with as
 * many callers needs no new address space (the fee model fits many times per command). */
static atomic_size_t blas_callers_ready;

int sl_blas_room(size_t callers, sl_error *err) {
  if (callers <= atomic_load(&blas_callers_ready)) return SL_OK;
  struct rlimit lim;
  if (getrlimit(RLIMIT_AS, &lim) != 0 || lim.rlim_cur == RLIM_INFINITY) {
    atomic_store(&blas_callers_ready, callers);
    return SL_OK;
  }
  size_t bytes = callers * SL_BLAS_BUFFER_BYTES + SL_BLAS_PROBE_MARGIN;
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    sl_error_set(err, SL_ENOMEM, NULL, 0, 0,
                 "not enough address space for the linear algebra: OpenBLAS maps %zu work buffer%s of "
                 "%.0f MiB at once, which the process limit of %.0f MiB (ulimit -v) leaves no room for; "
                 "raise the limit by at least %.0f MiB (docs/limits.md: the minimum per command)",
                 callers, callers == 1 ? "" : "s", SL_MIB(SL_BLAS_BUFFER_BYTES), SL_MIB(lim.rlim_cur),
                 SL_MIB(bytes));
    return SL_ENOMEM;
  }
  munmap(p, bytes);
  /* The fit that asked maps the buffers next; record it so later fits do not probe again. */
  size_t seen = atomic_load(&blas_callers_ready);
  while (seen < callers && !atomic_compare_exchange_weak(&blas_callers_ready, &seen, callers)) {
  }
  return SL_OK;
}
