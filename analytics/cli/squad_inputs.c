/* squad_inputs.c - the squad options of `scoutlab squad` and `scoutlab chart squad|importance`
 * turned into one workspace (include/scoutlab/workspace.h), so that both commands score the
 * same squad from the same files under the same season rule. CLI glue: options in, library
 * out, errors printed. */
#include "cli.h"

#include <stdio.h>

#include "scoutlab/season.h"

int sl_cli_squad_workspace(const char *cmd, const sl_cli_squad_inputs *a, sl_squad_options *o, sl_workspace **ws) {
  sl_error err;
  sl_squad_default(o);
  if (a->weights && sl_squad_weights_parse(a->weights, o, &err))
    return sl_cli_usage_error(cmd, "--weights: %s", err.message);
  if (a->pool) o->pool = *a->pool;
  int season = 0;
  if (a->season && sl_season_parse(a->season, &season, &err))
    return sl_cli_usage_error(cmd, "--season expects e.g. 2024, 2024-25 or 2024/25, got \"%s\"", a->season);
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  sl_cli_defaults def;
  sl_cli_workspace_defaults(&in, &def, a->overrides, a->no_overrides, a->profiles);
  in.stats = a->stats, in.nstats = a->nstats;
  in.values = a->values, in.nvalues = a->nvalues;
  in.contracts = a->contracts, in.ncontracts = a->ncontracts;
  in.positions = a->positions, in.npositions = a->npositions;
  in.season = season;
  in.squad = 1, in.squad_options = o;
  if (sl_workspace_new(&in, ws, &err)) return sl_cli_fail(&err);
  for (size_t i = 0; i < sl_workspace_note_count(*ws); i++) sl_cli_note(cmd, "%s", sl_workspace_note(*ws, i));
  const sl_table *stats = sl_workspace_stats(*ws);
  sl_cli_table_warnings(cmd, stats);
  sl_cli_index_warnings(cmd, stats, sl_compare_summary(sl_squad_index(sl_workspace_squad(*ws))));
  return SL_EXIT_OK;
}
