/* libFuzzer harness: the small parsers that read command-line text a user types: what-ifs
 * (sl_fees_player_apply), squad weights, seasons, position groups, pools, and name
 * normalisation (arbitrary bytes, including invalid UTF-8). Invariants: weights stay finite and
 * non-negative; a normalised name's length stays within a small multiple of the input's. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/compare.h"
#include "scoutlab/fees.h"
#include "scoutlab/names.h"
#include "scoutlab/squad.h"

/* Unicode case folding and decomposition expand a code point by at most a few code points of
 * at most 4 bytes; 18x the input is a generous bound that still catches a runaway writer. */
#define FUZZ_NAME_GROWTH 18

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = '\0';
  sl_error err;

  sl_fees_player p;
  sl_fees_player_init(&p);
  p.season = 2024;
  p.age = 25;
  sl_fees_player_apply(&p, s, &err);

  sl_squad_options o;
  sl_squad_default(&o);
  if (sl_squad_weights_parse(s, &o, &err) == SL_OK)
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
      if (!isfinite(o.weights[c]) || o.weights[c] < 0) abort();

  sl_squad_season_parse(s);
  sl_group_parse(s);
  sl_fees_position_group(s);
  sl_pool pool;
  sl_pool_default(&pool);
  sl_pool_parse(s, &pool, &err);

  char *norm = sl_name_normalise(s);
  if (norm && strlen(norm) > FUZZ_NAME_GROWTH * strlen(s) + 16) abort();
  if (norm) {
    sl_name_match_score(norm, "leonardo balerdi");
    sl_name_match_score("balerdi", norm);
    sl_name_distance(norm, "leonardo balerdi", 64);
  }
  free(norm);
  free(s);
  return 0;
}
