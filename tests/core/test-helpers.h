/* test-helpers.h — small things the core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "spire-core.h"

/* A fresh temporary folder, removed (with what is in it) by the caller's
 * test_tmpdir_free. */
static inline char *
test_tmpdir_new (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("spire-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_tmpdir_free (char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

/* The bytes of a file, for "left exactly as it was" checks. */
static inline GBytes *
test_file_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static inline SpireRecord *
test_make (SpireStore *store, const SpireKind *kind, ...)
{
  SpireRecord *r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  const char *field;
  va_list ap;

  va_start (ap, kind);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const SpireField *f = spire_kind_field (kind, field);

      g_assert_nonnull (f);
      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          spire_record_set_int (r, field, va_arg (ap, gint64));
          break;
        case SPIRE_FIELD_REAL:
          spire_record_set_real (r, field, va_arg (ap, double));
          break;
        case SPIRE_FIELD_BOOL:
          spire_record_set_bool (r, field, va_arg (ap, gboolean));
          break;
        default:
          spire_record_set_text (r, field, va_arg (ap, const char *));
          break;
        }
    }
  va_end (ap);
  if (store)
    {
      spire_store_insert (store, r, &error);
      g_assert_no_error (error);
    }
  return r;
}

/* Saves a new record of @kind with a new UUID, its fields given as pairs of
 * field name and text (numbers and booleans ("1") parsed), ended by NULL.
 * Returns the UUID (free it). */
static inline char *
test_add_from_text (SpireStore *store, const SpireKind *kind, va_list ap)
{
  g_autoptr (SpireRecord) r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  char *uuid = spire_uuid_new ();
  const char *field;

  spire_record_set_text (r, "uuid", uuid);
  while ((field = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      const SpireField *f = spire_kind_field (kind, field);

      g_assert_nonnull (f);
      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          spire_record_set_int (r, field, g_ascii_strtoll (value, NULL, 10));
          break;
        case SPIRE_FIELD_REAL:
          spire_record_set_real (r, field, g_ascii_strtod (value, NULL));
          break;
        case SPIRE_FIELD_BOOL:
          spire_record_set_bool (r, field, g_strcmp0 (value, "1") == 0);
          break;
        default:
          spire_record_set_text (r, field, value);
          break;
        }
    }
  g_assert_true (spire_store_save (store, r, SPIRE_SAVE_NO_AUDIT, NULL, &error));
  g_assert_no_error (error);
  return uuid;
}

/* The first valid organisasjonsnummer whose first eight digits are @start
 * or more (free it). */
static inline char *
test_valid_orgnr (guint start)
{
  for (guint base = start;; base++)
    {
      g_autofree char *eight = g_strdup_printf ("%08u", base);
      int check = spire_orgnr_check_digit (eight);

      if (check >= 0)
        return g_strdup_printf ("%s%d", eight, check);
    }
}
