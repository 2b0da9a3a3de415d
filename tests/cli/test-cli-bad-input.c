/* test-cli-bad-input.c — spire-cli given what a user may give it by mistake
 *
 * Each test is a mistake found by trying spire-cli as a user would: the
 * command refuses with a message that says what is wrong and where, and
 * the database is exactly as it was before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-test"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-fixture.h"

/* The database is still the one it was: it opens, and exports the same. */
static void
assert_database_unchanged (const char *dir, const char *database, const char *before)
{
  g_autofree char *after = export_without_time (dir, database);

  g_assert_cmpstr (before, ==, after);
}

/* An export, a report or an innsyn PDF written to the database's own path
 * (or its -wal) replaced the database with the file: nothing was left. */
static void
test_write_over_database (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *database = sample_database (dir);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *before = export_without_time (dir, database);
  const char *cohort = "33333333-3333-4333-8333-333333333333";

  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "export", database, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, database));
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "export", wal, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "belongs to a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "report", "cohort", "--cohort", cohort, "-o", database,
            NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    g_auto (Run) run = { 0 };

    run_in (&run, dir, "-d", database, "innsyn", "--cohort", cohort, "-o", database, NULL);
    assert_refused (&run);
    g_assert_nonnull (strstr (run.err, "is a database"));
  }
  assert_database_unchanged (dir, database, before);
  {
    /* Another database is not written over either. */
    g_autofree char *other_dir = g_build_filename (dir, "other", NULL);
    g_autofree char *other = NULL;
    g_autofree char *other_before = NULL;
    g_auto (Run) run = { 0 };

    g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
    other = sample_database (other_dir);
    other_before = export_without_time (dir, other);
    run_in (&run, dir, "-d", database, "export", other, NULL);
    assert_refused (&run);
    assert_database_unchanged (dir, other, other_before);
  }
}

int
main (int argc, char **argv)
{
  if (!cli_fixture_init (&argc, &argv))
    return 1;

  g_test_add_func ("/cli/bad-input/write-over-database", test_write_over_database);

  return cli_fixture_run ();
}
