/* fuzz-brreg.c — libFuzzer harness for the Brønnøysund (Enhetsregisteret)
 * importer (spire_brreg_import_data), as startups and as public bodies: no
 * input crashes it or leaks.
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
  /* The first byte chooses how the rest is read. */
  SpireBrregAs as = size > 0 ? (SpireBrregAs) (data[0] % 3) : SPIRE_BRREG_AS_AUTO;
  SpireBrregStats stats = { 0 };
  g_autoptr (GError) error = NULL;

  if (size > 0)
    data++, size--;
  spire_brreg_import_data (db->store, (const char *) data, (gssize) size, "fuzz.json", as,
                           &stats, &error);
  return 0;
}
