/* scoutlab.h - the whole public API of libscoutlab in one include.
 *
 * Every module has its own header (one concern each; include just those if you prefer); this
 * one includes them all. A test (tests/CMakeLists.txt, api.umbrella) fails when a header in
 * include/scoutlab/ is missing here. Ownership: each header's top comment states who frees what.
 * Thread safety and locale: see scoutlab/export.h (no mutable global state; numbers always in
 * the C locale). Link with `pkg-config --cflags --libs scoutlab` or find_package(scoutlab).
 *
 *   #include <scoutlab/scoutlab.h>
 *   printf("scoutlab %s\n", sl_version());
 */
#ifndef SCOUTLAB_SCOUTLAB_H
#define SCOUTLAB_SCOUTLAB_H

#include "scoutlab/export.h"
#include "scoutlab/version.h"

#include "scoutlab/error.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"
#include "scoutlab/names.h"
#include "scoutlab/schema.h"
#include "scoutlab/datadir.h"
#include "scoutlab/output.h"
#include "scoutlab/table.h"
#include "scoutlab/regress.h"
#include "scoutlab/design.h"
#include "scoutlab/fees.h"
#include "scoutlab/compare.h"
#include "scoutlab/perf.h"
#include "scoutlab/squad.h"
#include "scoutlab/plot.h"
#include "scoutlab/binding.h"
#include "scoutlab/charts.h"
#include "scoutlab/doc.h"
#include "scoutlab/workspace.h"
#include "scoutlab/report.h"
#include "scoutlab/money.h"
#include "scoutlab/text.h"
#include "scoutlab/json.h"

#endif
