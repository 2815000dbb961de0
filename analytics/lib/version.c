/* version.c - sl_version(); the number comes from the generated scoutlab/version.h. */
#include "scoutlab/version.h"

const char *sl_version(void) { return SL_VERSION_STRING; }
