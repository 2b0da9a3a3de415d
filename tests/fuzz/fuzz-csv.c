/* fuzz-csv.c — libFuzzer harness for the CSV importer: read the bytes,
 * guess the mapping, check them against a cohort and import them
 * (spire_csv_import_new_from_data, _prepare, _commit): no input crashes
 * it or leaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-fuzz"

#include "config.h"

#include <glib/gi18n.h>

#include "fuzz-common.h"

static guint runs;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  FuzzDatabase *db = fuzz_database ();
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireCsvImport) import = NULL;
  g_autoptr (SpireCsvPreview) preview = NULL;
  SpireCsvCounts counts = { 0 };

  import = spire_csv_import_new_from_data ((const char *) data, (gssize) size, "fuzz.csv",
                                           &error);
  if (import == NULL)
    return 0;
  spire_csv_import_guess_mapping (import);
  for (guint r = 0; r < spire_csv_import_get_n_rows (import); r++)
    for (guint c = 0; c < spire_csv_import_get_row_n_values (import, r); c++)
      (void) spire_csv_import_get_value (import, r, c);
  preview = spire_csv_import_prepare (import, db->store, db->cohort, NULL, &error);
  if (preview == NULL)
    return 0;
  g_free (spire_csv_preview_describe (preview));
  spire_csv_import_commit (import, db->store, db->cohort, &counts, NULL, NULL, NULL, &error);
  /* what was committed stays for the next runs, a while */
  if (++runs % 256 == 0)
    fuzz_database_reset ();
  return 0;
}
