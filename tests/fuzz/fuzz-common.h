/* fuzz-common.h — what the libFuzzer harnesses share: one database in
 * memory for the whole run, with a program, a cohort, a public body and a
 * challenge, so that an importer gets as far as the input lets it.  Every
 * importer is all or nothing, so an input that fails leaves it as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "../core/test-helpers.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef struct
{
  SpireStore *store;
  char *cohort;
} FuzzDatabase;

static inline FuzzDatabase *
fuzz_database (void)
{
  static FuzzDatabase db;

  if (db.store == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SpireRecord) program = NULL;
      g_autoptr (SpireRecord) cohort = NULL;
      g_autoptr (SpireRecord) body = NULL;
      g_autoptr (SpireRecord) challenge = NULL;

      db.store = spire_store_new_memory (&error);
      g_assert_no_error (error);
      spire_store_set_actor (db.store, "Fuzz");
      program = test_make (db.store, &spire_kind_program, "name", "SmartOslo Accelerator",
                           "kind", "accelerator", "operator", "Oslo Business Region", NULL);
      cohort = test_make (db.store, &spire_kind_cohort, "program",
                          spire_record_get_uuid (program), "name", "Kull 2025", "phase", "open",
                          "seats", (gint64) 4, NULL);
      body = test_make (db.store, &spire_kind_public_body, "name", "Oslo kommune", "kind",
                        "municipality", "orgnr", "958935420", "kommunenummer", "0301", NULL);
      challenge = test_make (db.store, &spire_kind_challenge, "cohort",
                             spire_record_get_uuid (cohort), "owner",
                             spire_record_get_uuid (body), "title", "Smartere snømåking", NULL);
      db.cohort = g_strdup (spire_record_get_uuid (cohort));
    }
  return &db;
}
