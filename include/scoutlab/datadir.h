/* datadir.h - where the bundled data files are: the role profiles (profiles.csv), the manual
 * sub-positions (positions-override.csv) and the gnuplot chart templates (plots/ *.gp).
 *
 * They are installed into DATADIR/scoutlab (e.g. /usr/local/share/scoutlab) and found at run time
 * relative to the installed library or executable, so an installed tree can be moved as a whole.
 * Search order for a name:
 *   1. $SCOUTLAB_DATADIR, when set and not empty: only there (it replaces the whole directory);
 *   2. DATADIR/scoutlab relative to libscoutlab.so (found with dladdr);
 *   3. DATADIR/scoutlab relative to the running executable (/proc/self/exe: bin/../share/scoutlab);
 *   4. when the library or executable lies inside the build tree it was built in: the source
 *      tree's datasets/ and its top directory (plots/).
 * Chart templates: $SCOUTLAB_PLOTDIR when set, else "plots" found as above.
 * Paths are written into caller buffers; nothing is allocated. Reads the environment and the
 * file system only; safe to call from any thread.
 *
 *   char path[SL_DATA_PATH_MAX]; sl_error err;
 *   if (sl_data_file("profiles.csv", path, sizeof path, &err) == SL_OK) sl_profiles_load(path, &p, &err);
 */
#ifndef SCOUTLAB_DATADIR_H
#define SCOUTLAB_DATADIR_H

#include <stddef.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"

SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* Enough for any path the search builds on Linux (PATH_MAX). */
#define SL_DATA_PATH_MAX 4096

/** Finds the bundled file or directory `name` ("profiles.csv", "plots") by the search above.
 *  Returns SL_OK and writes its path into buf; SL_ENOTFOUND (err lists the places looked in and
 *  names SCOUTLAB_DATADIR) when no candidate is readable; SL_EINVAL for a NULL or empty name,
 *  or SL_ELIMIT when the path does not fit in size bytes. */
int sl_data_file(const char *name, char *buf, size_t size, sl_error *err);

/** Directory of the chart templates: $SCOUTLAB_PLOTDIR when set and not empty, else
 *  sl_data_file("plots"). Same returns as sl_data_file. */
int sl_data_plot_dir(char *buf, size_t size, sl_error *err);

SL_END_DECLS

#endif
