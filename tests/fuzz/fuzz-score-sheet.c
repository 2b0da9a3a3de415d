/* fuzz-score-sheet.c — libFuzzer harness for the score-sheet importer
 * (spire_package_import_sheet): no input crashes it or leaks.  The
 * database has no package, so a well-formed sheet is refused as not
 * exported from it; the parsing and every check before that are fuzzed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-fuzz"

#include "config.h"

#include <glib/gi18n.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FuzzDatabase *db = fuzz_database ();
  SpireSheetStats stats = { 0 };
  g_autoptr (GError) error = NULL;

  spire_package_import_sheet (db->store, (const char *) data, (gssize) size, "fuzz.json",
                              &stats, &error);
  return 0;
}
