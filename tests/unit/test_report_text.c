/* test_report_text.c - the report's text is the library's, in the C locale whatever the host
 * set: the demo report built through sl_report_build (as examples/value_player.c does) and
 * written as Markdown names the fair fee, the probability and the importance with a decimal
 * point, and never a decimal comma, also when the host called setlocale(LC_ALL, "") under
 * de_DE (the locale.* copy of this test). Its method names the model that valued him. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/scoutlab.h"

#define PLAYER "Tobías Quirandel"
#define BID_EUR 25e6
#define DEMO_SEASON 2024

/* 1 when the extended regular expression re matches somewhere in text. */
static int matches(const char *text, const char *re) {
  regex_t rx;
  if (regcomp(&rx, re, REG_EXTENDED | REG_NOSUB) != 0) return -1;
  int hit = regexec(&rx, text, 0, NULL, 0) == 0;
  regfree(&rx);
  return hit;
}

int main(void) {
  const char *s[] = {SL_DATASETS "/players.csv"}, *v[] = {SL_DATASETS "/values.csv"};
  const char *c[] = {SL_DATASETS "/contracts.csv"}, *tr[] = {SL_DATASETS "/transfers.csv"};
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  in.stats = s, in.nstats = 1, in.values = v, in.nvalues = 1, in.contracts = c, in.ncontracts = 1;
  in.transfers = tr, in.ntransfers = 1, in.season = DEMO_SEASON, in.squad = 1;
  sl_workspace *ws = NULL;
  sl_error err;
  INT_EQ(sl_workspace_new(&in, &ws, &err), SL_OK, "workspace: %s", err.message);
  if (!ws) return SL_TEST_DONE();
  sl_report_request rq;
  sl_report_request_init(&rq);
  rq.player = PLAYER, rq.bid = BID_EUR, rq.charts = 0;
  sl_doc *doc = NULL;
  sl_report_summary sum;
  INT_EQ(sl_report_build(ws, &rq, &doc, &sum, &err), SL_OK, "report: %s", err.message);
  char *md = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&md, &len);
  if (doc && mem) INT_EQ(sl_doc_write_markdown(doc, mem, &err), SL_OK, "markdown: %s", err.message);
  if (mem) fclose(mem);
  if (md) {
    /* (Markdown escapes the parentheses: "\\(") */
    OK(matches(md, "Fair fee €20\\.3m \\\\?\\(80% range €12\\.1m – €34\\.0m\\\\?\\)") == 1, "headline with decimal points");
    OK(matches(md, "reaches it is 30%, about 1 in 3") == 1, "the verdict's probability");
    OK(matches(md, "Importance [0-9]+\\.[0-9] / 100") == 1, "importance with a decimal point");
    OK(matches(md, "[0-9],[0-9]+ ?%") == 0, "no decimal comma before a percent sign");
    OK(matches(md, "[0-9],[0-9] / 100") == 0, "no decimal comma in a score");
    OK(matches(md, "fitted on [0-9]+ past permanent transfers") == 1, "the method counts the deals");
    OK(strstr(md, "Duan") == NULL, "the method's mean is the predictive distribution's, not a smearing factor");
  }
  free(md);
  sl_doc_free(doc);
  sl_workspace_free(ws);
  return SL_TEST_DONE();
}
