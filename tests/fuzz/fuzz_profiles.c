/* libFuzzer harness: arbitrary bytes as a role-profiles file (docs/compare.md format).
 * Invariants: a refused file leaves *out NULL with a message; a loaded one has every profile
 * and stat filled (role, label; columns may be empty for a rate from its parts) and can be
 * searched. */
#include <stdint.h>
#include <stdlib.h>

#include "scoutlab/compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sl_profiles *p = NULL;
  sl_error err;
  int st = sl_profiles_parse("fuzz-profiles.csv", (const char *)data, size, &p, &err);
  if (st != SL_OK && (p != NULL || err.message[0] == '\0')) abort();
  if (st == SL_OK) {
    for (size_t i = 0; i < p->n; i++) {
      const sl_profile *pr = &p->items[i];
      if (!pr->role) abort();
      for (size_t s = 0; s < pr->nstats; s++)
        if (!pr->stats[s].label || (pr->stats[s].ncolumns && !pr->stats[s].columns[0])) abort();
      if (sl_profiles_find(p, pr->role) == NULL) abort();
    }
    for (int g = 0; g < SL_GROUP_COUNT; g++) sl_profiles_for_group(p, (sl_group)g);
  }
  sl_profiles_free(p);
  return 0;
}
