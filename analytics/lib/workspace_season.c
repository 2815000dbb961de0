/* workspace_season.c - the season rule of include/scoutlab/workspace.h: which season (or range of
 * seasons) the stats are, and which transfer season a valuation is for. */
#include "workspace_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/season.h"
#include "table_internal.h"

/* The season of row r: the season column (a number or a season text), else the season its file
 * name states; 0 when neither says. */
static int row_season(const sl_table *t, const sl_column *col, const int *file_season, size_t r) {
  if (col && col->num && isfinite(col->num[r]) && col->num[r] >= SL_SEASON_MIN && col->num[r] <= SL_SEASON_MAX)
    return (int)col->num[r];
  int s = 0;
  if (col && col->text && col->text[r] && sl_season_parse(col->text[r], &s, NULL) == SL_OK) return s;
  return file_season && t->row_file ? file_season[t->row_file[r]] : 0;
}

/* The seasons the files state, one per file (0 none). Caller frees. */
static int *file_seasons(const sl_table *t) {
  int *fs = calloc(t->nfiles ? t->nfiles : 1, sizeof *fs);
  for (size_t f = 0; fs && f < t->nfiles; f++)
    if (!sl_season_from_path(t->files[f], &fs[f])) fs[f] = 0;
  return fs;
}

/* Where row r's season came from, for messages ("the season column of X", "the file name X"). */
static void season_origin(const sl_table *t, const sl_column *col, size_t r, char *buf, size_t size) {
  if (col) snprintf(buf, size, "the season column of %s", t->nfiles ? t->files[0] : "the stats");
  else snprintf(buf, size, "the file name %s", t->row_file && t->nfiles ? t->files[t->row_file[r]] : "");
}

/* "2024/25" or "2020/21 to 2024/25". */
static const char *range_text(int lo, int hi, char *buf, size_t size) {
  char a[SL_SEASON_TEXT_MAX], b[SL_SEASON_TEXT_MAX];
  if (lo == hi) snprintf(buf, size, "%s", sl_season_text(lo, a, sizeof a));
  else snprintf(buf, size, "%s to %s", sl_season_text(lo, a, sizeof a), sl_season_text(hi, b, sizeof b));
  return buf;
}

/* Keeps the rows of seasons lo..hi (rows of other seasons, or of none when some have one, go
 * to the skipped report): a player's totals of two seasons must never be added up unseen. */
static int keep_seasons(sl_table **t, const int *season, int lo, int hi, sl_error *err) {
  size_t n = (*t)->nrows, kept = 0;
  unsigned char *keep = malloc(n ? n : 1);
  if (!keep) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t r = 0; r < n; r++) kept += keep[r] = season[r] >= lo && season[r] <= hi;
  int st = SL_OK;
  if (kept < n) {
    char reason[80], txt[2 * SL_SEASON_TEXT_MAX + 8];
    snprintf(reason, sizeof reason, "another season than %s", range_text(lo, hi, txt, sizeof txt));
    sl_table *sub = NULL;
    st = sl_table_filter(*t, keep, reason, &sub, err);
    if (!st) sl_table_free(*t), *t = sub;
  }
  free(keep);
  return st;
}

/* Several seasons known from file names only: a season column is added, so that the index keeps
 * each player's seasons apart (one entry per player and season) as it does for a season column. */
static int add_season_column(sl_table *t, sl_error *err) {
  int *fs = file_seasons(t);
  sl_column *c = fs ? sl_table_internal_add_number_column(t, sl_table_column(t, "season") ? "season (file name)" : "season",
                                                         SL_ROLE_SEASON)
                    : NULL;
  for (size_t r = 0; c && r < t->nrows; r++) {
    int v = row_season(t, NULL, fs, r);
    if (v) c->num[r] = v, c->missing--;
  }
  free(fs);
  return c ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
}

/* The seasons asked for that the stats do not hold: an error naming both. */
static int contradiction(const sl_table *t, const sl_column *col, size_t first_known, const sl_workspace_seasons *s,
                         int lo, int hi, sl_error *err) {
  char origin[600], want[2 * SL_SEASON_TEXT_MAX + 8], have[2 * SL_SEASON_TEXT_MAX + 8];
  season_origin(t, col, first_known, origin, sizeof origin);
  int st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "season%s %s %s asked for, but the stats %s %s (from %s)",
                        lo == hi ? "" : "s", range_text(lo, hi, want, sizeof want), lo == hi ? "was" : "were",
                        s->stats_first == s->stats_last ? "are of" : "hold",
                        range_text(s->stats_first, s->stats_last, have, sizeof have), origin);
  return sl_error_field(err, lo == hi ? "season" : "seasons", st);
}

/* The season rule (workspace.h): decides ws->seasons and keeps the rows of the season (or of
 * the range lo..hi; 0 0 = the caller named none). */
int sl_ws_decide_stats_season(sl_workspace *ws, int lo, int hi, sl_error *err) {
  sl_table *t = ws->stats;
  sl_workspace_seasons *s = &ws->seasons;
  const sl_column *col = sl_table_role(t, SL_ROLE_SEASON);
  if (col && !col->num && !col->text) col = NULL;
  int *fs = col ? NULL : file_seasons(t);
  int *season = malloc((t->nrows ? t->nrows : 1) * sizeof *season);
  if (!season || (!col && !fs)) {
    free(fs), free(season);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  size_t known = 0, first_known = 0;
  int in_lo = 0, in_hi = 0; /* the seasons present inside lo..hi */
  s->stats_first = s->stats_last = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    season[r] = row_season(t, col, fs, r);
    if (!season[r]) continue;
    if (!known++) first_known = r, s->stats_first = s->stats_last = season[r];
    if (season[r] < s->stats_first) s->stats_first = season[r];
    if (season[r] > s->stats_last) s->stats_last = season[r];
    if (lo && season[r] >= lo && season[r] <= hi) {
      if (!in_lo || season[r] < in_lo) in_lo = season[r];
      if (season[r] > in_hi) in_hi = season[r];
    }
  }
  int st = SL_OK;
  char a[2 * SL_SEASON_TEXT_MAX + 8], b[SL_SEASON_TEXT_MAX];
  if (lo && known && !in_lo) {
    st = contradiction(t, col, first_known, s, lo, hi, err);
  } else if (known) {
    if (!lo) in_lo = in_hi = s->stats_last;
    s->stats = in_hi, s->stats_range_first = in_lo;
    s->source = col ? SL_SEASON_SOURCE_COLUMN : SL_SEASON_SOURCE_FILE_NAME;
    if (!lo && s->stats_first != s->stats_last)
      sl_ws_note_(ws, "the stats hold the seasons %s: %s, the latest, is used",
                  range_text(s->stats_first, s->stats_last, a, sizeof a), sl_season_text(s->stats, b, sizeof b));
    st = keep_seasons(&ws->stats, season, in_lo, in_hi, err);
    if (!st && !col && in_lo != in_hi) st = add_season_column(ws->stats, err);
  } else if (lo && lo != hi) {
    st = sl_error_field(err, "seasons", sl_error_set(err, SL_EDATA, t->nfiles ? t->files[0] : NULL, 0, 0,
                                                     "several seasons were asked for, but the stats have no season "
                                                     "column and their file names state no season"));
  } else if (lo) {
    s->stats = s->stats_range_first = lo, s->source = SL_SEASON_SOURCE_CALLER;
  }
  free(fs), free(season);
  return st;
}

/* The transfer season valued: the caller's, else the window after the stats season, else the
 * model's last training season (said in the notes). */
void sl_ws_decide_valuation_season(sl_workspace *ws, int asked) {
  sl_workspace_seasons *s = &ws->seasons;
  s->valuation_given = asked != 0;
  if (asked) s->valuation = asked;
  else if (s->stats) s->valuation = s->stats + 1;
  else if (ws->model && ws->model->season_max > 0) s->valuation = ws->model->season_max;
  char st[2 * SL_SEASON_TEXT_MAX + 8], va[SL_SEASON_TEXT_MAX], orig[80] = "";
  static const char *const source[] = {"unknown", "its season column", "the file name", "as given"};
  if (s->stats) snprintf(orig, sizeof orig, " (%s)", source[s->source]);
  int n = 0;
  if (s->stats)
    n = snprintf(s->text, sizeof s->text, "stats %s%s", range_text(s->stats_range_first ? s->stats_range_first : s->stats,
                                                                    s->stats, st, sizeof st), orig);
  else n = snprintf(s->text, sizeof s->text, "stats season unknown");
  if (n < 0 || (size_t)n >= sizeof s->text) return;
  snprintf(s->stats_text, sizeof s->stats_text, "%s", s->text);
  if (s->valuation)
    snprintf(s->text + n, sizeof s->text - (size_t)n, "; valued for a transfer in summer %d (%s)%s", s->valuation,
             sl_season_text(s->valuation, va, sizeof va),
             asked ? ", as given" : s->stats ? "" : ", the fee model's last training season");
}
