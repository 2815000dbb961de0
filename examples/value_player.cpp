// value_player.cpp - scoutlab from C++ (the headers are extern "C"): fit the fee model from past
// transfers and value a player; RAII wrappers free what the library allocates.
//
//   c++ value_player.cpp $(pkg-config --cflags --libs scoutlab) -o value_player_cxx
//   ./value_player_cxx DEMO_DIR
#include <scoutlab/scoutlab.h>

#include <cstdio>
#include <memory>
#include <string>

namespace {
struct WorkspaceFree {
  void operator()(sl_workspace *ws) const { sl_workspace_free(ws); }
};
using Workspace = std::unique_ptr<sl_workspace, WorkspaceFree>;

int fail(const char *what, const sl_error &err) {
  char text[2048];
  std::fprintf(stderr, "value_player_cxx: %s: %s\n", what, sl_error_text(&err, text, sizeof text));
  return 1;
}
}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: value_player_cxx DEMO_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  // The same files as value_player.c, each classified by its columns (stats, market values,
  // contracts), and the same season: the same player gets the same fee from C and C++.
  const std::string stats = dir + "/players.csv", values = dir + "/values.csv", contracts = dir + "/contracts.csv",
                    transfers = dir + "/transfers.csv";
  const char *data[] = {stats.c_str(), values.c_str(), contracts.c_str()};
  const char *tr[] = {transfers.c_str()};
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  in.data = data, in.ndata = 3, in.transfers = tr, in.ntransfers = 1, in.season = 2024;
  sl_error err;
  sl_workspace *raw = nullptr;
  if (sl_workspace_new(&in, &raw, &err) != SL_OK) return fail("workspace", err);
  Workspace ws(raw);
  sl_workspace_player pl;
  sl_fees_valuation v;
  if (sl_workspace_find(ws.get(), "Tobías Quirandel", &pl, &err) != SL_OK ||
      sl_workspace_value(ws.get(), &pl, nullptr, 25e6, nullptr, &v, &err) != SL_OK)
    return fail("value", err);
  std::printf("scoutlab %s from C++: %s fair fee EUR %.0f, 80%% range %.0f - %.0f\n", sl_version(), pl.name,
              v.fair_fee, v.fee_low, v.fee_high);
  return 0;
}
