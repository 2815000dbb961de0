/* commands.c - the command table: every subcommand's name, summary, entry point, help text and
 * argument parser. Apart from main.c so that a harness (tests/fuzz/fuzz_argv.c) can link the
 * commands without the program's main(). */
#include "cli.h"

const sl_command sl_commands[] = {
    {"check", "load CSV files and report rows, columns, types, roles and skipped rows",
     sl_cmd_check, sl_help_check, sl_cmd_check_parse},
    {"report", "the valuation report: verdict, reasons, profile, squad, method (HTML + Markdown)",
     sl_cmd_report, sl_help_report, sl_cmd_report_parse},
    {"fit", "fit the transfer-fee model; print coefficients and out-of-sample accuracy vs market value", sl_cmd_fit, sl_help_fit, sl_cmd_fit_parse},
    {"value", "fair fee of one player: median, expected, interval, P(fee >= bid), reasons, comparables", sl_cmd_value, sl_help_value, sl_cmd_value_parse},
    {"predict", "fair fee for every row of files (CSV out), with interval and P(fee >= bid)", sl_cmd_predict, sl_help_predict, sl_cmd_predict_parse},
    {"ols", "least squares (or ridge) summary like R's summary(lm), as table, JSON or CSV", sl_cmd_ols, sl_help_ols, sl_cmd_ols_parse},
    {"compare", "players side by side: per-90 stats and percentiles against position peers", sl_cmd_compare, sl_help_compare, sl_cmd_compare_parse},
    {"percentiles", "one player's scouting report: every profile stat with its percentile", sl_cmd_percentiles, sl_help_percentiles, sl_cmd_percentiles_parse},
    {"similar", "players most like one player (z-scored role stats), filtered by age/value/league", sl_cmd_similar, sl_help_similar, sl_cmd_similar_parse},
    {"squad", "importance 0-100 of a club's players (availability, impact, quality, cover, contract/age, value)", sl_cmd_squad, sl_help_squad, sl_cmd_squad_parse},
    {"chart", "draw a chart with gnuplot: radar, percentiles, scatter, fees, age-curve, squad, importance", sl_cmd_chart, sl_help_chart, sl_cmd_chart_parse},
};
const int sl_command_count = (int)(sizeof sl_commands / sizeof sl_commands[0]);
