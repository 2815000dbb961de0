/* output.c - writes the world as CSV: players.csv (FBref-like season totals), contracts.csv,
 * values.csv (Transfermarkt-style valuations), transfers.csv (Transfermarkt transfer layout)
 * and truth.csv. UTF-8, LF line endings, RFC 4180 quoting, numbers via gen_fmt_fixed(). */
#include "gen_world.h"

#include <string.h>

typedef struct out {
  FILE *f;
  int first; /* no comma before the first field of a line */
} out;

static void field(out *o, const char *s) {
  if (!o->first) fputc(',', o->f);
  o->first = 0;
  gen_csv_field(o->f, s);
}

static void field_int(out *o, long long v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", v);
  field(o, buf);
}

static void field_num(out *o, double v, int decimals) {
  char buf[48];
  field(o, gen_fmt_fixed(buf, sizeof buf, v, decimals));
}

/* Percentage num/den with one decimal, empty when den is 0 (FBref leaves it blank). */
static void field_pct(out *o, int num, int den) {
  if (den > 0)
    field_num(o, 100.0 * num / den, 1);
  else
    field(o, "");
}

static void end_line(out *o) {
  fputc('\n', o->f);
  o->first = 1;
}

static void header(out *o, const char *const *names) {
  for (; *names; names++) field(o, *names);
  end_line(o);
}

static FILE *open_in(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return fopen(path, "wb");
}

static int finish(out *o) {
  int bad = ferror(o->f);
  return fclose(o->f) || bad ? -1 : 0;
}

static const char *league_name(const gen_world *w, int club) {
  return w->clubs[club].league >= 0 ? gen_leagues[w->clubs[club].league].name : "";
}

static void date(char *buf, size_t size, int y, int m, int d) {
  snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

/* ---------------------------------------------------------------- players.csv */

static const char *const player_cols[] = {
    "Player", "Nation", "Pos", "Squad", "Comp", "Age", "Born", "MP", "Starts", "Min", "90s", "Gls",
    "Ast", "xG", "xAG", "PrgC", "PrgP", "Cmp", "Att", "Cmp%", "TotDist", "PrgDist", "Tkl", "TklW",
    "Int", "Tkl+Int", "Blocks", "Clr", "Err", "Recov", "Won", "Lost", "Won%", "Dis", "Sh", "SoT",
    "SCA", "On-Off", "xG+/-90", "season", "position", "Compl", "Subs", "team_matches", NULL};

static void player_row(out *o, const gen_world *w, const gen_row *r) {
  const gen_player *p = &w->players[r->player];
  field(o, p->name);
  field(o, gen_countries[p->nation].fbref_code);
  field(o, p->pos_label);
  field(o, w->clubs[r->club].name);
  field(o, league_name(w, r->club));
  field_int(o, r->age);
  field_int(o, p->by);
  field_int(o, r->mp);
  field_int(o, r->starts);
  field_int(o, r->min);
  field_num(o, r->min / 90.0, 1);
  field_int(o, r->gls);
  field_int(o, r->ast);
  field_num(o, r->xg, 1);
  field_num(o, r->xag, 1);
  field_int(o, r->prgc);
  field_int(o, r->prgp);
  field_int(o, r->cmp);
  field_int(o, r->att);
  field_pct(o, r->cmp, r->att);
  field_int(o, r->totdist);
  field_int(o, r->prgdist);
  field_int(o, r->tkl);
  field_int(o, r->tklw);
  field_int(o, r->intc);
  field_int(o, r->tkl + r->intc);
  field_int(o, r->blocks);
  field_int(o, r->clr);
  field_int(o, r->err);
  field_int(o, r->recov);
  field_int(o, r->won);
  field_int(o, r->lost);
  field_pct(o, r->won, r->won + r->lost);
  field_int(o, r->dis);
  field_int(o, r->sh);
  field_int(o, r->sot);
  field_int(o, r->sca);
  if (r->has_on_off) {
    field_num(o, r->on_off, 2);
    field_num(o, r->xg_on_off, 2);
  } else {
    field(o, "");
    field(o, "");
  }
  field_int(o, r->season);
  field(o, gen_pos_name(p->pos));
  field_int(o, r->compl);
  field_int(o, r->subs);
  field_int(o, w->clubs[r->club].matches);
  end_line(o);
}

/* Players who never played are left out, as FBref does. Rows by season, then club (league by league, best club first), then position, then the
 * order players joined: a stable order that needs no sort. */
static int write_players(const gen_world *w, const char *dir) {
  out o = {open_in(dir, "players.csv"), 1};
  if (!o.f) return -1;
  header(&o, player_cols);
  for (int s = GEN_FIRST_OUTPUT_SEASON; s <= GEN_LAST_SEASON; s++)
    for (int c = 0; c < w->n_clubs; c++)
      for (int pos = 0; pos < GEN_N_POS; pos++)
        for (int i = 0; i < w->n_rows; i++) {
          const gen_row *r = &w->rows[i];
          if (r->season == s && r->club == c && r->mp > 0 &&
              w->players[r->player].pos == (gen_pos)pos)
            player_row(&o, w, r);
        }
  return finish(&o);
}

/* ---------------------------------------------------------------- contracts.csv, values.csv */

static int write_contracts(const gen_world *w, const char *dir) {
  static const char *const cols[] = {"Player", "club", "contract_expiration_date", "annual_wage",
                                     "date_of_birth", NULL};
  out o = {open_in(dir, "contracts.csv"), 1};
  if (!o.f) return -1;
  header(&o, cols);
  for (int i = 0; i < w->n_contracts; i++) {
    const gen_contract *k = &w->contracts[i];
    const gen_player *p = &w->players[k->player];
    char buf[16];
    field(&o, p->name);
    field(&o, w->clubs[k->club].name);
    date(buf, sizeof buf, k->until_year, 6, 30);
    field(&o, buf);
    field_num(&o, k->annual_wage, 0);
    date(buf, sizeof buf, p->by, p->bm, p->bd);
    field(&o, buf);
    end_line(&o);
  }
  return finish(&o);
}

static int write_values(const gen_world *w, const char *dir) {
  static const char *const cols[] = {"name", "club", "position", "age", "market_value", "season",
                                     NULL};
  out o = {open_in(dir, "values.csv"), 1};
  if (!o.f) return -1;
  header(&o, cols);
  for (int i = 0; i < w->n_values; i++) {
    const gen_value *v = &w->values[i];
    const gen_player *p = &w->players[v->player];
    field(&o, p->name);
    field(&o, w->clubs[v->club].name);
    field(&o, gen_pos_name(p->pos));
    field_int(&o, v->age);
    field_num(&o, v->market_value, 0);
    field_int(&o, v->season);
    end_line(&o);
  }
  return finish(&o);
}

/* ---------------------------------------------------------------- transfers.csv */

static const char *const transfer_cols[] = {
    "club", "name", "age", "nationality", "position", "short_pos", "market_value", "dealing_club",
    "dealing_country", "fee", "movement", "window", "league", "season", "is_loan", "loan_status",
    "contract_months_left", "minutes_share", NULL};

static const char *loan_status(const gen_event *e) {
  if (e->kind == MOVE_LOAN_END) return "end of loan";
  if (e->kind == MOVE_LOAN) return e->fee > 0 ? "loan with fee" : "free loan";
  return "";
}

static void dealing(out *o, const gen_world *w, const gen_event *e, int other) {
  if (e->kind == MOVE_RETIRED || e->kind == MOVE_NO_CLUB) {
    field(o, e->kind == MOVE_RETIRED ? "Retired" : "Without Club");
    field(o, "");
    return;
  }
  field(o, w->clubs[other].name);
  field(o, gen_countries[w->clubs[other].country].name);
}

static void transfer_row(out *o, const gen_world *w, const gen_event *e, int in) {
  const gen_player *p = &w->players[e->player];
  int club = in ? e->to : e->from, other = in ? e->from : e->to;
  int loan = e->kind == MOVE_LOAN || e->kind == MOVE_LOAN_END;
  field(o, w->clubs[club].name);
  field(o, p->name);
  field_int(o, e->age);
  field(o, gen_countries[p->nation].name);
  field(o, gen_pos_name(e->pos));
  field(o, gen_pos_short(e->pos));
  if (e->market_value >= 0) field_num(o, e->market_value, 1); else field(o, "");
  dealing(o, w, e, other);
  if (e->fee >= 0) field_num(o, e->fee, 1); else field(o, "");
  field(o, in ? "in" : "out");
  field(o, e->window ? "winter" : "summer");
  field(o, league_name(w, club));
  field_int(o, e->season);
  field(o, loan ? "True" : "False");
  field(o, loan_status(e));
  field_int(o, e->contract_months_left);
  if (e->minutes_share >= 0) field_num(o, e->minutes_share, 3); else field(o, "");
  end_line(o);
}

static int write_transfers(const gen_world *w, const char *dir) {
  out o = {open_in(dir, "transfers.csv"), 1};
  if (!o.f) return -1;
  header(&o, transfer_cols);
  for (int i = 0; i < w->n_events; i++) {
    const gen_event *e = &w->events[i];
    if (e->season < GEN_FIRST_TRANSFER_SEASON) continue;
    int from_covered = e->from >= 0 && w->clubs[e->from].league >= 0;
    int to_covered = e->to >= 0 && w->clubs[e->to].league >= 0;
    if (from_covered) transfer_row(&o, w, e, 0);
    if (to_covered) transfer_row(&o, w, e, 1);
  }
  return finish(&o);
}

int gen_write_all(const gen_world *w, const char *dir) {
  char truth[4096];
  snprintf(truth, sizeof truth, "%s/truth.csv", dir);
  if (write_players(w, dir) || write_contracts(w, dir) || write_values(w, dir) ||
      write_transfers(w, dir) || gen_write_truth(truth, w->seed, &w->variant))
    return -1;
  return 0;
}
