/* fuzz-backup.c — libFuzzer harness for the JSON backup importer
 * (spire_exchange_import_data): no input crashes it or leaks.
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
  SpireImportStats stats = { 0 };
  g_autoptr (GError) error = NULL;

  spire_exchange_import_data (db->store, (const char *) data, (gssize) size, "fuzz.json",
                              &stats, NULL, NULL, NULL, &error);
  return 0;
}
