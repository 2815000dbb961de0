/* report_player.c - the player report: verdict, reasons, profile, squad, replacement cost. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"
#include "report_internal.h"
#include "scoutlab/season.h"

/* Rows of the what-if table: the contract a year longer or running out, one year older. */
static const char *const rp_what_ifs[][2] = {
    {"contract-months=+12", "contract one year longer"},
    {"contract-months=12", "one year left on the contract"},
    {"age=+1", "one year older"},
};

typedef struct {
  size_t index;                 /* in the compare index */
  const sl_player *p;
  const sl_squad_entry *e;      /* his club entry, may be NULL */
  sl_fees_player fp;
  sl_fees_valuation v;
  const sl_fees_model *m;       /* the model that valued him (sl_workspace_model_for): the
                                   comparables, what-ifs and charts are its own */
  sl_workspace_player wp;       /* as the workspace found him */
  char notes[SL_FEES_MAX_NOTES][SL_FEES_NOTE_MAX];
  size_t nnotes;
} rp_player;

/* The player and his valuation: the workspace's rules, the caller's statements on top. */
static int find(rp_ctx *x, rp_player *pl) {
  sl_workspace_player wp;
  int st = sl_workspace_find(x->ws, x->rq->player, &wp, x->err);
  if (st) return st;
  pl->wp = wp;
  pl->index = (size_t)wp.index;
  pl->p = wp.stats;
  pl->e = wp.entry;
  st = sl_workspace_value(x->ws, &wp, x->rq->given, x->rq->bid, &pl->fp, &pl->v, x->err);
  if (st) return st;
  pl->m = sl_workspace_model_for(x->ws, &pl->fp, NULL, NULL, 0);
  for (size_t i = 0; i < pl->v.nnotes; i++) rp_note(x, "%s", pl->v.notes[i]);
  return SL_OK;
}

/* ---- 1. verdict ---- */

/* The fees library's verdict (one text for every command), as a callout colour. */
static sl_callout_kind verdict(const sl_fees_valuation *v, char *text, size_t size) {
  switch (sl_fees_verdict(v, text, size)) {
  case SL_FEES_VERDICT_ABOVE: return SL_CALLOUT_BAD;
  case SL_FEES_VERDICT_PREMIUM: return SL_CALLOUT_WARN;
  case SL_FEES_VERDICT_REALISTIC: return SL_CALLOUT_GOOD;
  default: return SL_CALLOUT_NEUTRAL;
  }
}

/* Appends s to out as one line: line breaks a name holds become spaces (the caller shows the
 * summary line by line). */
static void summary_line(char *out, size_t size, const char *s) {
  size_t len = strlen(out);
  if (len + 2 > size) return;
  for (; *s && len + 2 < size; s++) out[len++] = *s == '\n' || *s == '\r' ? ' ' : *s;
  out[len++] = '\n', out[len] = '\0';
}

/* The summary: title, headline and verdict, three lines. */
static void summary_lines(char *out, size_t size, const char *title, const char *head, const char *text) {
  out[0] = '\0';
  summary_line(out, size, title), summary_line(out, size, head), summary_line(out, size, text);
}

/* The other answer (issue 15): with a performance model given, the answer of the model that did
 * not value him above (his stats alone, or his old market value), and which one is the default
 * and why. */
static void second_answer(const rp_ctx *x, const rp_player *pl, sl_doc *d) {
  sl_fees_valuation s;
  sl_error err;
  const sl_fees_model *m = NULL;
  if (sl_workspace_value_second(x->ws, &pl->wp, x->rq->given, x->rq->bid, &s, &m, &err)) return;
  char med[40], lo[40], hi[40], mv[40], bid[40], p[96] = "", text[900], season[16];
  sl_money_short(s.fair_fee, med, sizeof med), sl_money_short(s.fee_low, lo, sizeof lo);
  sl_money_short(s.fee_high, hi, sizeof hi), sl_money_short(pl->fp.market_value, mv, sizeof mv);
  if (isfinite(s.bid))
    sl_snprintf_c(p, sizeof p, "; P(fair fee \xe2\x89\xa5 %s) = %.1f%%", sl_money_short(s.bid, bid, sizeof bid),
             100 * s.p_at_least_bid);
  int old = sl_workspace_market_value_old(&pl->fp), by_stats = m == sl_workspace_performance_model(x->ws);
  sl_season_text(pl->fp.market_value_season, season, sizeof season);
  if (by_stats)
    sl_snprintf_c(text, sizeof text, "From his stats alone (the no-market-value performance model: minutes and starts share, "
             "chance creation and progression per 90, his club's points per match), his market value of %s set aside: "
             "fair fee %s (%.0f%% range %s \xe2\x80\x93 %s)%s. The verdict above is the default: with a market "
             "value known, the market-value model measured better out of time (docs/fee-model.md). This answer says "
             "what his recent play alone would justify%s.",
             mv, med, 100 * s.level, lo, hi, p, old ? "; his market value is old, and no stats of his are more recent"
                                                    : ", and counts for more when his market value is old");
  else
    sl_snprintf_c(text, sizeof text, "From his market value of %s (of %s, %d seasons before the window) with the "
             "market-value model: fair fee %s (%.0f%% range %s \xe2\x80\x93 %s)%s. The verdict above, from his stats, "
             "is the default: measured out of time, a market value %d seasons old or more valued fees worse than the "
             "performance model (docs/fee-model.md, \"An old market value\").",
             mv, season, old, med, 100 * s.level, lo, hi, p, SL_WORKSPACE_MARKET_VALUE_OLD);
  sl_doc_heading(d, 2, by_stats ? "A second answer, from his stats alone" : "A second answer, from his old market value");
  sl_doc_paragraph(d, text);
}

static void section_verdict(rp_ctx *x, const rp_player *pl, sl_doc *d) {
  const sl_fees_valuation *v = &pl->v;
  char title[300], sub[400], head[400], buyer[200] = "", text[700], med[32], lo[32], hi[32], mean[32], bid[32];
  rp_money(v->fair_fee, med, sizeof med), rp_money(v->fee_low, lo, sizeof lo), rp_money(v->fee_high, hi, sizeof hi);
  rp_money(v->fee_mean, mean, sizeof mean), rp_money(v->bid, bid, sizeof bid);
  if (isfinite(v->bid)) sl_snprintf_c(title, sizeof title, "%s: is %s a realistic fee?", pl->p->name, bid);
  else sl_snprintf_c(title, sizeof title, "%s: what is a fair fee?", pl->p->name);
  char season[64] = "", st[16];
  const sl_workspace_seasons *ss = sl_workspace_seasons_of(x->ws);
  if (x->season && ss->valuation)
    sl_snprintf_c(season, sizeof season, " \xc2\xb7 stats %s \xc2\xb7 valued for summer %d", sl_season_text(x->season, st, sizeof st),
             ss->valuation);
  else if (ss->valuation) sl_snprintf_c(season, sizeof season, " \xc2\xb7 valued for summer %d", ss->valuation);
  sl_snprintf_c(sub, sizeof sub, "%s, %s \xc2\xb7 %s \xc2\xb7 age %.0f%s", pl->fp.club ? pl->fp.club : "",
           pl->p->league ? pl->p->league : "", sl_group_name(pl->p->group), isfinite(pl->fp.age) ? pl->fp.age : pl->p->age,
           season); /* the age valued: at the window */
  sl_doc_set_title(d, title, sub);
  /* a stated buyer changes the answer: the headline says whose fee it is */
  if (pl->fp.buyer_club) sl_snprintf_c(buyer, sizeof buyer, ", buying club %.120s:", pl->fp.buyer_club);
  else if (pl->fp.buyer_league) sl_snprintf_c(buyer, sizeof buyer, ", buying league %.120s:", pl->fp.buyer_league);
  sl_snprintf_c(head, sizeof head, "Fair fee%s %s (%.0f%% range %s \xe2\x80\x93 %s)", buyer, med, 100 * v->level, lo, hi);
  sl_callout_kind kind = SL_CALLOUT_NEUTRAL;
  if (isfinite(v->bid)) kind = verdict(v, text, sizeof text);
  else sl_snprintf_c(text, sizeof text, "The model's median estimate is %s; the expected fee (mean) is %s.", med, mean);
  sl_doc_heading(d, 1, "Verdict");
  sl_doc_callout(d, kind, head, text);
  summary_lines(x->summary->text, sizeof x->summary->text, title, head, text);
  char cell[5][64];
  sl_money_text(v->fair_fee, cell[0], sizeof cell[0]);
  sl_money_text(v->fee_mean, cell[1], sizeof cell[1]);
  sl_money_text(v->fee_low, cell[2], sizeof cell[2]);
  sl_money_text(v->fee_high, cell[3], sizeof cell[3]);
  if (isfinite(v->bid)) sl_snprintf_c(cell[4], sizeof cell[4], "%.1f%%", 100 * v->p_at_least_bid);
  else sl_snprintf_c(cell[4], sizeof cell[4], "-");
  const char *hdr[] = {"fair fee (median)", "expected fee (mean)", "low", "high", "P(fair fee \xe2\x89\xa5 bid)"};
  const char *cells[] = {cell[0], cell[1], cell[2], cell[3], cell[4]};
  sl_doc_table(d, NULL, 5, hdr, cells, 1, "rrrrr");
  second_answer(x, pl, d);
}

/* ---- 2. why ---- */

static void contributions(const rp_player *pl, sl_doc *d) {
  const sl_fees_valuation *v = &pl->v;
  const char *hdr[] = {"term", "his value", "effect", "in EUR"};
  const char *cells[SL_FEES_MAX_TERMS * 4];
  char pct[SL_FEES_MAX_TERMS][32], eur[SL_FEES_MAX_TERMS][48];
  for (size_t i = 0; i < v->ncontrib; i++) {
    const sl_fees_contribution *c = &v->contrib[i];
    sl_snprintf_c(pct[i], sizeof pct[i], "%+.1f%%", c->percent);
    char m[40];
    sl_money_text(fabs(c->eur), m, sizeof m);
    sl_snprintf_c(eur[i], sizeof eur[i], "%s%s", c->eur < 0 ? "-" : "+", m);
    cells[4 * i] = c->term, cells[4 * i + 1] = c->value, cells[4 * i + 2] = pct[i], cells[4 * i + 3] = eur[i];
  }
  char typical[32], cap[200];
  sl_snprintf_c(cap, sizeof cap, "Each term's effect against the typical deal of the training data (median %s); "
           "effects multiply.", rp_money(v->typical_fee, typical, sizeof typical));
  sl_doc_table(d, cap, 4, hdr, cells, v->ncontrib, "llrr");
}

static void comparables(const rp_player *pl, sl_doc *d) {
  sl_fees_comparable c[SL_REPORT_COMPARABLES];
  size_t n = sl_fees_comparables(pl->m, &pl->fp, SL_REPORT_COMPARABLES, c);
  const char *hdr[] = {"player", "season", "from", "to", "age", "market value", "fee"};
  const char *cells[SL_REPORT_COMPARABLES * 7];
  char season[SL_REPORT_COMPARABLES][16], age[SL_REPORT_COMPARABLES][8], mv[SL_REPORT_COMPARABLES][40], fee[SL_REPORT_COMPARABLES][40];
  for (size_t i = 0; i < n; i++) {
    const sl_fees_deal *dl = c[i].deal;
    sl_season_text(dl->player.season, season[i], sizeof season[i]);
    sl_snprintf_c(age[i], sizeof age[i], "%.0f", dl->player.age);
    sl_money_text(dl->player.market_value, mv[i], sizeof mv[i]);
    sl_money_text(dl->fee, fee[i], sizeof fee[i]);
    const char *row[] = {dl->player.name, season[i], dl->player.club, dl->buyer, age[i], mv[i], fee[i]};
    memcpy(cells + 7 * i, row, sizeof row);
  }
  sl_doc_table(d, "Comparable past transfers: same position group, nearest in the model's standardised terms.",
               7, hdr, cells, n, "lllllrr");
}

static void what_if(const rp_ctx *x, const rp_player *pl, sl_doc *d) {
  const size_t n = sizeof rp_what_ifs / sizeof rp_what_ifs[0];
  const char *hdr[] = {"scenario", "fair fee", "change", "P(\xe2\x89\xa5 bid)"};
  const char *cells[(sizeof rp_what_ifs / sizeof rp_what_ifs[0] + 1) * 4];
  char fee[4][40], chg[4][24], p[4][24];
  size_t rows = 0;
  sl_money_text(pl->v.fair_fee, fee[0], sizeof fee[0]);
  sl_snprintf_c(p[0], sizeof p[0], isfinite(pl->v.bid) ? "%.1f%%" : "-", 100 * pl->v.p_at_least_bid);
  const char *base[] = {"as he is", fee[0], "", p[0]};
  memcpy(cells, base, sizeof base);
  rows++;
  for (size_t i = 0; i < n; i++) {
    /* A contract scenario means nothing without a contract term or a known contract. */
    if (!strncmp(rp_what_ifs[i][0], "contract", 8) && (!sl_fees_model_uses(pl->m, SL_FEES_VAR_CONTRACT) ||
                                                        isnan(pl->fp.contract_months)))
      continue;
    sl_fees_player fp = pl->fp;
    sl_fees_valuation v;
    sl_error err;
    if (sl_fees_model_apply(pl->m, &fp, rp_what_ifs[i][0], &err) ||
        sl_fees_value(pl->m, &fp, x->level, x->rq->bid, &v, &err))
      continue;
    sl_money_text(v.fair_fee, fee[rows], sizeof fee[rows]);
    sl_snprintf_c(chg[rows], sizeof chg[rows], "%+.1f%%", 100 * (v.fair_fee / pl->v.fair_fee - 1));
    sl_snprintf_c(p[rows], sizeof p[rows], isfinite(v.bid) ? "%.1f%%" : "-", 100 * v.p_at_least_bid);
    const char *row[] = {rp_what_ifs[i][1], fee[rows], chg[rows], p[rows]};
    memcpy(cells + 4 * rows, row, sizeof row);
    rows++;
  }
  sl_doc_table(d, "What if: the same estimate with one attribute changed.", 4, hdr, cells, rows, "lrrr");
}

/* ---- 3. the player ---- */

static void profile(const rp_ctx *x, const rp_player *pl, sl_doc *d) {
  const sl_profile *prof = sl_compare_default_profile(x->cmp, x->profiles, pl->index);
  if (!prof) {
    sl_doc_paragraph(d, "No role profile for his position group: no percentile table.");
    return;
  }
  sl_pool pool;
  sl_pool_shared(&pool); /* the pool percentiles and compare use by default */
  sl_stat_value *vals = calloc(prof->nstats, sizeof *vals);
  const char **cells = calloc(prof->nstats * 4, sizeof *cells);
  char (*buf)[2][32] = calloc(prof->nstats, sizeof *buf);
  sl_pool_info info;
  sl_error err;
  if (vals && cells && buf && sl_compare_percentiles(x->cmp, pl->index, prof, &pool, vals, &info, &err) == SL_OK) {
    for (size_t i = 0; i < prof->nstats; i++) {
      const sl_profile_stat *s = &prof->stats[i];
      if (isnan(vals[i].value)) sl_snprintf_c(buf[i][0], 32, "-");
      else sl_stat_value_text(s, vals[i].value, buf[i][0], 32); /* as the tables and charts write it */
      sl_snprintf_c(buf[i][1], 32, isnan(vals[i].percentile) ? "-" : "%.0f", vals[i].percentile);
      cells[4 * i] = s->label, cells[4 * i + 1] = s->stat_group, cells[4 * i + 2] = buf[i][0], cells[4 * i + 3] = buf[i][1];
    }
    char cap[300];
    sl_snprintf_c(cap, sizeof cap, "Per 90 minutes (rates as rates) and percentile against %zu %ss in %s with at least "
             "%.0f minutes%s.", info.size, sl_group_name(info.group), info.leagues, pool.min_minutes,
             info.player_in_pool ? "" : " (he is below the threshold himself)");
    const char *hdr[] = {"stat", "group", "value", "percentile"};
    sl_doc_table(d, cap, 4, hdr, cells, prof->nstats, "llrr");
  }
  free(vals), free(cells), free(buf);
}

/* The k players most like him, as scoutlab similar finds them; pool gets the peers' leagues in
 * words ("Big 5 (...)"), for the table's caption. */
static size_t similar(const rp_ctx *x, const rp_player *pl, sl_similar_hit *hits, size_t k, char *pool_words,
                      size_t size) {
  const sl_profile *prof = sl_compare_default_profile(x->cmp, x->profiles, pl->index);
  sl_similar_options o;
  sl_pool pool;
  sl_similar_default(&o); /* the options scoutlab similar starts from, its pool too */
  sl_pool_shared(&pool);
  o.k = k, o.pool = &pool;
  sl_compare_pool_text(x->cmp, &pool, pl->p->league, pool_words, size);
  size_t n = 0;
  sl_similar_info info;
  sl_error err;
  if (!prof || sl_compare_similar(x->cmp, pl->index, prof, &o, hits, &n, &info, &err)) return 0;
  return n;
}

/* For a player under the pool's minutes: his per-90 figures rest on few minutes, and the players
 * found like him and the radar beside them inherit that ("" otherwise). */
static const char *few_minutes_clause(const rp_player *pl, char *buf, size_t size) {
  sl_pool pool;
  sl_pool_shared(&pool); /* the pool similar and the radar use */
  if (!(pl->p->minutes < pool.min_minutes)) return "";
  sl_snprintf_c(buf, size, " His per-90 figures rest on %.0f minutes, under the pool's %.0f: the likeness is rough.",
                pl->p->minutes, pool.min_minutes);
  return buf;
}

/* Why a candidate was not valued, in a table cell: the attribute missing, else the message cut at
 * a word with an ellipsis. */
static void short_reason(const sl_error *err, char *buf, size_t size) {
  if (!strcmp(err->field, "market_value") || !strcmp(err->field, "age")) {
    sl_snprintf_c(buf, size, "no %s", !strcmp(err->field, "age") ? "age" : "market value");
    return;
  }
  sl_snprintf_c(buf, size, "%s", err->message);
  size_t cut = size > 4 ? size - 4 : 0; /* room for "…" (3 bytes) and the terminator */
  if (strlen(buf) <= cut) return;
  while (cut > 0 && buf[cut] != ' ') cut--;
  memcpy(buf + cut, "\xe2\x80\xa6", 4);
}

/* ---- 4. squad ---- */

static void importance(const rp_ctx *x, const rp_player *pl, sl_doc *d) {
  const sl_squad_entry *e = pl->e;
  if (!e) return;
  const sl_squad_club *club = sl_squad_club_at(x->squad, e->club);
  char text[1600], head[120], used[SL_SQUAD_COMPONENT_COUNT * 240];
  sl_snprintf_c(head, sizeof head, "Importance %.1f / 100", e->total);
  sl_snprintf_c(text, sizeof text, "Rank %zu of %zu at %s; %zu of %zu %ss in %s. %.0f%% of the team's league minutes. "
           "Importance %s.", e->rank_in_club, club->n, club->name, e->rank_in_league_group, e->league_group_size,
           sl_group_name(pl->p->group), club->league, 100 * e->minutes_share, sl_squad_entry_inputs(e, used, sizeof used));
  sl_doc_callout(d, SL_CALLOUT_NEUTRAL, head, text);
  rp_partial_callout(d, club);
  const char *hdr[] = {"component", "score", "weight", "basis"};
  const char *cells[SL_SQUAD_COMPONENT_COUNT * 4];
  char sc[SL_SQUAD_COMPONENT_COUNT][16], w[SL_SQUAD_COMPONENT_COUNT][16];
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
    sl_snprintf_c(sc[c], sizeof sc[c], isnan(e->score[c]) ? "left out" : "%.1f", e->score[c]);
    sl_snprintf_c(w[c], sizeof w[c], "%.2f", e->weight[c]);
    cells[4 * c] = sl_squad_component_name((sl_squad_component)c);
    cells[4 * c + 1] = sc[c], cells[4 * c + 2] = w[c], cells[4 * c + 3] = e->note[c];
  }
  sl_doc_table(d, "Importance components (0-100) and the weights used; a component without data is left out "
               "and the others renormalised.", 4, hdr, cells, SL_SQUAD_COMPONENT_COUNT, "lrrl");
}

static void depth_chart(const rp_ctx *x, const rp_player *pl, sl_doc *d) {
  if (!pl->e) return;
  const sl_squad_club *club = sl_squad_club_at(x->squad, pl->e->club);
  const sl_compare *idx = sl_squad_index(x->squad);
  const char *hdr[] = {"player", "age", "minutes share", "quality", "importance"};
  const char **cells = calloc(club->n * 5, sizeof *cells);
  char (*b)[4][24] = calloc(club->n, sizeof *b);
  size_t rows = 0;
  for (size_t k = 0; cells && b && k < club->n; k++) {
    const sl_squad_entry *e = sl_squad_entry_at(x->squad, club->ranked[k]);
    const sl_player *p = sl_compare_player(idx, e->player);
    if (p->group != pl->p->group) continue;
    sl_snprintf_c(b[rows][0], 24, "%.0f", e->age);
    sl_snprintf_c(b[rows][1], 24, "%.0f%%", 100 * e->minutes_share);
    sl_snprintf_c(b[rows][2], 24, isnan(e->quality) ? "-" : "%.0f", e->quality);
    sl_snprintf_c(b[rows][3], 24, "%.1f", e->total);
    const char *row[] = {p->name, b[rows][0], b[rows][1], b[rows][2], b[rows][3]};
    memcpy(cells + 5 * rows, row, sizeof row);
    rows++;
  }
  char cap[200];
  sl_snprintf_c(cap, sizeof cap, "Depth chart: every %s of %s this season.", sl_group_name(pl->p->group), club->name);
  sl_doc_table(d, cap, 5, hdr, cells, rows, "lrrrr");
  free(cells), free(b);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void replacement(rp_ctx *x, const rp_player *pl, const sl_similar_hit *hits, size_t n, const char *pool,
                        sl_doc *d) {
  const char *hdr[] = {"player", "club", "league", "age", "similarity distance", "fair fee", "range"};
  const char *cells[SL_REPORT_SIMILAR * 7];
  char b[SL_REPORT_SIMILAR][4][48];
  double fees[SL_REPORT_SIMILAR];
  size_t rows = 0, valued = 0, by_perf = 0;
  for (size_t i = 0; i < n && rows < SL_REPORT_SIMILAR; i++) {
    const sl_player *p = sl_compare_player(x->cmp, hits[i].player);
    sl_fees_player fp;
    sl_fees_valuation v;
    sl_error err;
    int ok = rp_value(x, p, NULL, NAN, &fp, &v, &err) == SL_OK;
    sl_snprintf_c(b[rows][0], 48, "%.0f", p->age);
    sl_snprintf_c(b[rows][1], 48, "%.2f", hits[i].distance);
    if (ok) {
      sl_money_text(v.fair_fee, b[rows][2], 48);
      char lo[24], hi[24];
      sl_snprintf_c(b[rows][3], 48, "%s \xe2\x80\x93 %s", rp_money(v.fee_low, lo, sizeof lo), rp_money(v.fee_high, hi, sizeof hi));
      fees[valued++] = v.fair_fee;
      by_perf += sl_workspace_model_for(x->ws, &fp, NULL, NULL, 0) != sl_workspace_model(x->ws);
    } else {
      sl_snprintf_c(b[rows][2], 48, "not valued");
      short_reason(&err, b[rows][3], 48);
    }
    const char *row[] = {p->name, p->clubs, sl_compare_player_leagues(p), b[rows][0], b[rows][1], b[rows][2], b[rows][3]};
    memcpy(cells + 7 * rows, row, sizeof row);
    rows++;
  }
  char text[600], med[32], his[32];
  if (valued) {
    qsort(fees, valued, sizeof *fees, cmp_double);
    double median = valued % 2 ? fees[valued / 2] : (fees[valued / 2 - 1] + fees[valued / 2]) / 2;
    char which[160] = "";
    if (by_perf)
      sl_snprintf_c(which, sizeof which, "; %zu of them, without a current market value (none, or one %d seasons old "
                    "or more), by the performance model", by_perf, SL_WORKSPACE_MARKET_VALUE_OLD);
    char among[120]; /* who the median is over: every similar player, or those valued among them */
    if (valued == rows) sl_snprintf_c(among, sizeof among, "the %zu most similar %ss", rows, sl_group_name(pl->p->group));
    else sl_snprintf_c(among, sizeof among, "the %zu valued of the %zu most similar %ss", valued, rows, sl_group_name(pl->p->group));
    sl_snprintf_c(text, sizeof text,
                  "A like-for-like replacement (%s in the data, each valued as he would be alone%s) would cost "
                  "about %s (median fair fee), against %s for %s.",
                  among, which, rp_money(median, med, sizeof med), rp_money(pl->v.fair_fee, his, sizeof his),
                  pl->p->name);
  } else {
    sl_snprintf_c(text, sizeof text, "No similar player could be valued by the fee model.");
  }
  sl_doc_heading(d, 2, "What would replace him cost");
  sl_doc_paragraph(d, text);
  char caption[600], few[200];
  sl_similar_options o;
  sl_similar_default(&o); /* the minutes similar() found them with */
  sl_snprintf_c(caption, sizeof caption, "Most similar players (z-scored role stats over %s, at least %.0f minutes).%s",
                pool, o.min_minutes, few_minutes_clause(pl, few, sizeof few));
  sl_doc_table(d, caption, 7, hdr, cells, rows, "lllrrrr");
}

/* ---- charts ---- */

static void chart_fee_fit(rp_ctx *x, const rp_player *pl, sl_doc *d) {
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_fee_fit c;
  sl_error err;
  int holdout = x->fit && pl->m == x->model ? x->fit->holdout_from : 0; /* the fit's own split */
  if (st && sl_charts_fee_fit_from_model(pl->m, holdout, x->level, SL_CHARTS_FIT_SEED, &pl->fp, x->rq->bid, st,
                                        &c, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_FEES, &c, "fees",
              "The model on transfers it did not see (predicted against actual fee, log scales), with his estimate, "
              "interval and the bid.");
  sl_charts_store_free(st);
}

static void chart_age_curve(rp_ctx *x, const rp_player *pl, sl_doc *d) {
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_age_curve c;
  sl_error err;
  const char *what = sl_fees_model_uses(pl->m, SL_FEES_VAR_CONTRACT) && !isnan(pl->fp.contract_months) ? "contract-months=+24" : NULL;
  if (st && sl_charts_age_curve_from_model(pl->m, &pl->fp, x->level, what, st, &c, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_AGE_CURVE, &c, "age-curve", "The model's fee for the same player at other ages.");
  sl_charts_store_free(st);
}

static void chart_profile(rp_ctx *x, const rp_player *pl, const sl_similar_hit *hits, size_t n, sl_doc *d) {
  const sl_profile *prof = sl_compare_default_profile(x->cmp, x->profiles, pl->index);
  if (!prof) return;
  char season[16];
  const char *label = rp_season_label(x, season, sizeof season);
  sl_pool pool;
  sl_pool_shared(&pool); /* the pool percentiles and compare use by default */
  size_t idx[4] = {pl->index};
  size_t k = 1;
  for (size_t i = 0; i < n && k < 3; i++) idx[k++] = hits[i].player; /* the two most similar */
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_radar r;
  sl_plot_percentiles pc;
  sl_error err;
  char caption[400], few[200];
  sl_snprintf_c(caption, sizeof caption, "Against the two most similar players: axes run from the peer pool's 5th to "
                "95th percentile, raw values on the axes.%s", few_minutes_clause(pl, few, sizeof few));
  if (st && k >= 2 && sl_charts_radar_from_compare(x->cmp, prof, &pool, idx, k, NULL, label, st, &r, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_RADAR, &r, "radar", caption);
  if (st && sl_charts_percentiles_from_compare(x->cmp, prof, &pool, pl->index, label, st, &pc, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_PERCENTILES, &pc, "percentiles", "His scouting profile: percentile against position "
                                                              "peers, with the per-90 value beside each bar.");
  sl_charts_store_free(st);
}

static void chart_importance(rp_ctx *x, const rp_player *pl, sl_doc *d) {
  if (!pl->e) return;
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_importance c;
  sl_error err;
  size_t him = pl->e->player; /* his entry: the entry index is the player index */
  if (st && sl_charts_importance_from_squad(x->squad, pl->e->club, 0, x->season, &him, 1, st, &c, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_IMPORTANCE, &c, "importance",
              "Squad importance, component by component (each segment is weight x score); his row is shaded.");
  sl_charts_store_free(st);
}

int rp_player_report(rp_ctx *x, sl_doc *d) {
  rp_player pl = {0};
  int st = find(x, &pl);
  if (st) return st;
  section_verdict(x, &pl, d);
  chart_fee_fit(x, &pl, d);
  sl_doc_heading(d, 1, "Why");
  contributions(&pl, d);
  comparables(&pl, d);
  what_if(x, &pl, d);
  chart_age_curve(x, &pl, d);
  sl_doc_heading(d, 1, "The player");
  profile(x, &pl, d);
  sl_similar_hit hits[SL_REPORT_SIMILAR];
  char pool[sizeof ((sl_pool_info *)0)->leagues] = ""; /* as a pool info words it */
  size_t n = similar(x, &pl, hits, SL_REPORT_SIMILAR, pool, sizeof pool);
  chart_profile(x, &pl, hits, n, d);
  sl_doc_heading(d, 1, "His squad");
  importance(x, &pl, d);
  chart_importance(x, &pl, d);
  depth_chart(x, &pl, d);
  replacement(x, &pl, hits, n, pool, d);
  return SL_OK;
}
