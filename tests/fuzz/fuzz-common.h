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

static FuzzDatabase fuzz_db;

/* A fresh database at the next fuzz_database (): a harness that commits
 * calls it now and then, or every run reads more of what the runs before
 * it wrote (the CSV import's checks read the cohort's applications: 20 000
 * runs took over 5 minutes instead of under one). */
static inline void
fuzz_database_reset (void)
{
  g_clear_object (&fuzz_db.store);
  g_clear_pointer (&fuzz_db.cohort, g_free);
}

static inline FuzzDatabase *
fuzz_database (void)
{
  if (fuzz_db.store == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SpireRecord) program = NULL;
      g_autoptr (SpireRecord) cohort = NULL;
      g_autoptr (SpireRecord) body = NULL;
      g_autoptr (SpireRecord) challenge = NULL;

      fuzz_db.store = spire_store_new_memory (&error);
      g_assert_no_error (error);
      spire_store_set_actor (fuzz_db.store, "Fuzz");
      program = test_make (fuzz_db.store, &spire_kind_program, "name", "SmartOslo Accelerator",
                           "kind", "accelerator", "operator", "Oslo Business Region", NULL);
      cohort = test_make (fuzz_db.store, &spire_kind_cohort, "program",
                          spire_record_get_uuid (program), "name", "Kull 2025", "phase", "open",
                          "seats", (gint64) 4, NULL);
      body = test_make (fuzz_db.store, &spire_kind_public_body, "name", "Oslo kommune", "kind",
                        "municipality", "orgnr", "958935420", "kommunenummer", "0301", NULL);
      challenge = test_make (fuzz_db.store, &spire_kind_challenge, "cohort",
                             spire_record_get_uuid (cohort), "owner",
                             spire_record_get_uuid (body), "title", "Smartere snømåking", NULL);
      fuzz_db.cohort = g_strdup (spire_record_get_uuid (cohort));
    }
  return &fuzz_db;
}
