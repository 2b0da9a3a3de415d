/* test-audit-async.c — spire_audit_query_async gives what spire_audit_query
 * gives, off the main thread, with each record's name where it still exists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-helpers.h"

static void
on_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
query_async (SpireStore *store, const SpireAuditFilter *filter, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  spire_audit_query_async (store, filter, NULL, on_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return spire_audit_query_finish (store, result, error);
}

static void
assert_same (GPtrArray *a, GPtrArray *b)
{
  static const char *const columns[] = { "id", "at", "who", "entity", "entity_uuid", "action",
                                         "before", "after" };

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      g_assert_cmpstr (g_hash_table_lookup (a->pdata[i], columns[c]), ==,
                       g_hash_table_lookup (b->pdata[i], columns[c]));
}

static void
check (SpireStore *store, SpireRecord *startup, SpireRecord *person, const char *gone)
{
  SpireAuditFilter filters[] = {
    { 0 },
    { .record = spire_record_get_uuid (startup) },
    { .person = spire_record_get_uuid (person) },
    { .since = "2000-01-01", .limit = 2 },
    { .since = "2999-01-01" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) sync = spire_audit_query (store, &filters[f], &error);
      g_autoptr (GPtrArray) async = query_async (store, &filters[f], &error);

      g_assert_no_error (error);
      assert_same (sync, async);
      for (guint i = 0; i < async->len; i++)
        {
          GHashTable *e = async->pdata[i];
          const char *uuid = g_hash_table_lookup (e, "entity_uuid");

          if (g_strcmp0 (uuid, spire_record_get_uuid (startup)) == 0)
            g_assert_cmpstr (g_hash_table_lookup (e, "name"), ==, "Kvitravn Analyse AS");
          if (g_strcmp0 (uuid, gone) == 0)
            g_assert_null (g_hash_table_lookup (e, "name"));
        }
    }
}

static void
run (SpireStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) startup = test_make (store, &spire_kind_startup, "name", "Kvitravn AS",
                                               NULL);
  g_autoptr (SpireRecord) person =
    test_make (store, &spire_kind_person, "name", "Synnøve Kvitravn", "startup",
               spire_record_get_uuid (startup), NULL);
  g_autoptr (SpireRecord) gone = test_make (store, &spire_kind_startup, "name", "Borte AS", NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *gone_uuid = g_strdup (spire_record_get_uuid (gone));

  spire_record_set_text (startup, "name", "Kvitravn Analyse AS");
  g_assert_true (spire_store_update (store, startup, &error));
  g_assert_true (spire_store_delete (store, gone, &error));
  check (store, startup, person, gone_uuid);

  /* A deleted record has no name */
  all = query_async (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (all->pdata[0], "action"), ==, "delete");
  g_assert_cmpstr (g_hash_table_lookup (all->pdata[0], "entity_uuid"), ==, gone_uuid);
  g_assert_null (g_hash_table_lookup (all->pdata[0], "name"));
}

static void
test_memory (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);

  g_assert_no_error (error);
  run (store);
}

static void
test_file (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "audit.spire", NULL);
  SpireStore *store = spire_store_open (path, &error);

  g_assert_no_error (error);
  run (store);
  g_object_unref (store);
  test_tmpdir_free (dir);
}

static void
test_unknown_person (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = spire_store_new_memory (&error);
  SpireAuditFilter filter = { .person = "00000000-0000-4000-8000-000000000000" };
  g_autoptr (GPtrArray) rows = query_async (store, &filter, &error);

  g_assert_null (rows);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-async/memory", test_memory);
  g_test_add_func ("/audit-async/file", test_file);
  g_test_add_func ("/audit-async/unknown-person", test_unknown_person);
  return g_test_run ();
}
