/* test_plot_samples.h - made-up but plausible chart inputs (a Ligue 1 centre-back comparison,
 * a fee model, a squad) shared by the plot tests. The numbers are invented for layout and
 * golden-script tests; they are not real player data. */
#ifndef SCOUTLAB_TEST_PLOT_SAMPLES_H
#define SCOUTLAB_TEST_PLOT_SAMPLES_H

#include "scoutlab/plot.h"

static const char sample_credits[] = "Data: invented sample for tests | Chart: scoutlab";

/* Radar: three centre-backs on six axes; ranges stand for the pool's 5th-95th percentiles. */
static const char *const radar_players[] = {"Leonardo Balerdi", "Ibrahima Konaté", "Nayef Aguerd"};
static const char *const radar_axes[] = {"Tackles won /90", "Interceptions /90", "Aerials won /90",
                                         "Prog. passes /90", "Pass completion %", "Blocks /90"};
static const double radar_values[] = {1.42, 1.05, 2.61, 4.85, 89.4, 1.21,  /* Balerdi */
                                      1.10, 1.38, 2.95, 3.10, 91.2, 0.95,  /* Konaté */
                                      1.75, 0.82, 1.90, 2.40, 86.0, 1.60}; /* Aguerd */
static const double radar_low[] = {0.55, 0.48, 0.90, 1.20, 78.0, 0.50};
static const double radar_high[] = {1.90, 1.60, 3.40, 5.20, 93.0, 1.70};

static inline sl_plot_radar sample_radar(sl_plot_common common) {
  common.title = "Balerdi reads the game like the league's best";
  common.subtitle = "Ligue 1 2024-25, centre-backs with 900+ minutes; axes run from the 5th to the 95th percentile";
  common.credits = sample_credits;
  sl_plot_radar r = {common, 3, radar_players, 6, radar_axes, radar_values, radar_low, radar_high, NULL, NULL};
  return r;
}

/* Percentile bars: one player, three stat groups. */
static const char *const pct_stats[] = {"Tackles won", "Interceptions", "Blocks", "Aerials won",
                                        "Progressive passes", "Pass completion %", "Long balls completed",
                                        "Progressive carries", "Fouls committed"};
static const char *const pct_groups[] = {"Defending", "Defending", "Defending", "Defending",
                                         "Passing", "Passing", "Passing",
                                         "Carrying & discipline", "Carrying & discipline"};
static const double pct_percentile[] = {72, 81, 64, 58, 93, 77, 88, 69, 35};
static const double pct_value[] = {1.42, 1.05, 1.21, 2.61, 4.85, 89.4, 3.9, 1.12, 0.95};

/* The eighth stat is a style measure (grey whatever its percentile). */
static const int pct_neutral[9] = {0, 0, 0, 0, 0, 0, 0, 1, 0};

static inline sl_plot_percentiles sample_percentiles(sl_plot_common common) {
  common.title = "Leonardo Balerdi: a passer first";
  common.subtitle = "Percentile among Ligue 1 centre-backs, 2024-25, 900+ minutes; raw value per 90 beside each bar";
  common.credits = sample_credits;
  sl_plot_percentiles p = {common, "Leonardo Balerdi", 9, pct_stats, pct_groups,
                           pct_percentile, pct_value, "Percentile among peers", NULL, pct_neutral};
  return p;
}

/* Scatter: twelve centre-backs. */
static const char *const sc_names[] = {"Leonardo Balerdi", "Ibrahima Konaté", "Nayef Aguerd",
                                       "Marquinhos", "Lucas Beraldo", "Leny Yoro", "Jonathan Clauss",
                                       "Thilo Kehrer", "Dante", "Pierre Lees-Melou", "Bamo Meïté",
                                       "Mohamed Abdelmoneim"};
static const double sc_x[] = {4.85, 3.10, 2.40, 5.60, 5.10, 3.40, 2.10, 3.80, 2.90, 1.80, 2.30, 2.70};
static const double sc_y[] = {1.05, 1.38, 0.82, 0.95, 0.70, 1.20, 0.60, 1.10, 1.45, 0.90, 1.60, 1.25};
static const int sc_highlight[] = {1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};

static inline sl_plot_scatter sample_scatter(sl_plot_common common) {
  common.title = "Balerdi carries Marseille's build-up";
  common.subtitle = "Ligue 1 centre-backs, 2024-25, 900+ minutes; dashed lines are the pool medians";
  common.credits = sample_credits;
  sl_plot_scatter s = {common, 12, sc_names, sc_x, sc_y, sc_highlight,
                       "Progressive passes per 90", "Interceptions per 90"};
  return s;
}

/* Fee fit: ten held-out transfers, intervals x/2.2 around the estimate. */
static const double fee_pred[] = {4.0e6, 8.5e6, 12e6, 18e6, 25e6, 32e6, 6.0e6, 45e6, 2.5e6, 60e6};
static const double fee_actual[] = {3.2e6, 11e6, 9.0e6, 22e6, 30e6, 28e6, 5.5e6, 52e6, 3.0e6, 48e6};
static const double fee_low[] = {1.8e6, 3.9e6, 5.5e6, 8.2e6, 11.4e6, 14.5e6, 2.7e6, 20.5e6, 1.1e6, 27.3e6};
static const double fee_high[] = {8.8e6, 18.7e6, 26.4e6, 39.6e6, 55e6, 70.4e6, 13.2e6, 99e6, 5.5e6, 132e6};

static inline sl_plot_fee_fit sample_fee_fit(sl_plot_common common) {
  common.title = "€25m for Balerdi is inside the model's range";
  common.subtitle = "Model estimate against fee paid, held-out transfers 2023-24; band: 80% prediction interval";
  common.credits = sample_credits;
  sl_plot_fee_fit f = {common, 10, fee_pred, fee_actual, fee_low, fee_high,
                       "Leonardo Balerdi", 19.5e6, 8.9e6, 42.9e6, 25e6, "€25m asked",
                       "Model estimate (€m, log scale)", "Fee paid (€m, log scale)"};
  return f;
}

/* Age curve: ages 20-32. */
static const double age_age[] = {20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
static const double age_fee[] = {14e6, 17e6, 20e6, 22.5e6, 24e6, 24.5e6, 24e6, 22e6, 19e6, 15.5e6, 12e6, 9e6, 6.5e6};
static const double age_low[] = {6.4e6, 7.7e6, 9.1e6, 10.2e6, 10.9e6, 11.1e6, 10.9e6, 10e6, 8.6e6, 7e6, 5.5e6, 4.1e6, 3e6};
static const double age_high[] = {30.8e6, 37.4e6, 44e6, 49.5e6, 52.8e6, 53.9e6, 52.8e6, 48.4e6, 41.8e6, 34.1e6, 26.4e6, 19.8e6, 14.3e6};
static const double age_whatif[] = {17e6, 20.5e6, 24e6, 27e6, 29e6, 29.5e6, 29e6, 26.5e6, 23e6, 19e6, 14.5e6, 11e6, 8e6};

static inline sl_plot_age_curve sample_age_curve(sl_plot_common common) {
  common.title = "Balerdi's price peaks now";
  common.subtitle = "Fee model estimate for his profile at each age, Ligue 1 centre-back; band: 80% interval";
  common.credits = sample_credits;
  sl_plot_age_curve a = {common, 13, age_age, age_fee, age_low, age_high, age_whatif,
                         "Contract to 2028 (current)", "If extended to 2030", "Leonardo Balerdi",
                         25.8, 24.3e6, "Age (years)", "Estimated fee (€m)"};
  return a;
}

/* Squad: sixteen players. */
static const char *const sq_names[] = {"Gerónimo Rulli", "Leonardo Balerdi", "Amine Harit", "Adrien Rabiot",
                                       "Mason Greenwood", "Luis Henrique", "Pierre-Emile Højbjerg",
                                       "Quentin Merlin", "Derek Cornelius", "Geoffrey Kondogbia",
                                       "Ulisses Garcia", "Jonathan Rowe", "Bilal Nadir", "Neal Maupay",
                                       "Elye Wahi", "Amir Murillo"};
static const double sq_age[] = {32.6, 25.8, 27.7, 29.9, 23.5, 23.2, 29.6, 22.9, 27.0, 32.0, 29.0, 22.0, 21.2, 28.7, 22.1, 29.0};
static const double sq_share[] = {0.97, 0.88, 0.41, 0.62, 0.90, 0.74, 0.86, 0.45, 0.52, 0.33, 0.38, 0.35, 0.14, 0.20, 0.12, 0.48};
static const double sq_importance[] = {78, 84, 40, 66, 91, 63, 80, 42, 48, 30, 33, 36, 12, 18, 10, 45};
static const char *const sq_contract[] = {"2027", "2028", "2025", "2027", "2029", "2028", "2028", "2028",
                                          "2027", "2025", "2026", "2029", "2027", "2026", "2029", NULL};

/* Balerdi (the second) is the player asked about in both squad charts. */
static const int sq_highlight[16] = {0, 1};
static const int imp_highlight[8] = {0, 1};

static inline sl_plot_squad sample_squad(sl_plot_common common) {
  common.title = "Marseille's spine is in its prime";
  common.subtitle = "Ligue 1 2024-25: share of league minutes by age; colour and size show importance; contract end in brackets";
  common.credits = sample_credits;
  sl_plot_squad s = {common, 16, sq_names, sq_age, sq_share, sq_importance, sq_contract,
                     24, 29, "Age (years, 1 Jan 2025)", "Share of league minutes (%)", sq_highlight};
  return s;
}

/* Importance: eight players, four components. */
static const char *const imp_players[] = {"Mason Greenwood", "Leonardo Balerdi", "Pierre-Emile Højbjerg",
                                          "Gerónimo Rulli", "Adrien Rabiot", "Luis Henrique",
                                          "Derek Cornelius", "Amir Murillo"};
static const char *const imp_components[] = {"Minutes", "On-pitch impact", "Replaceability", "Contract value"};
static const double imp_values[] = {27, 30, 20, 14,  26, 24, 22, 12,  26, 22, 18, 14,  29, 16, 24, 9,
                                    19, 20, 15, 12,  22, 18, 12, 11,  16, 12, 12, 8,   15, 12, 10, 8};

static inline sl_plot_importance sample_importance(sl_plot_common common) {
  common.title = "Greenwood and Balerdi are hardest to replace";
  common.subtitle = "Squad importance score and its components, Marseille 2024-25";
  common.credits = sample_credits;
  sl_plot_importance i = {common, 8, imp_players, 4, imp_components, imp_values,
                          "Importance score (points out of 100)", imp_highlight};
  return i;
}

#endif
