/* spire-deletion.c — deleting records with their parts, restorably
 *
 * The rule behind "Delete" with "Undo" in every list: what the store would
 * delete with a record (ON DELETE CASCADE parts, depth first) and the
 * records whose reference to it is cleared are read before the delete, so
 * that a restore puts all of it back as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-deletion"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-deletion-private.h"
#include "spire-error.h"
#include "spire-records.h"
#include "spire-text.h"

struct _SpireDeletion
{
  GObject parent_instance;

  SpireStore *store;
  GPtrArray *records; /* everything deleted, parents before their parts */
  GPtrArray *changed; /* records as they were before the deletion changed them */
  guint n_asked;
  SpireDeletionCheck check;
  gpointer check_data;
  GDestroyNotify check_destroy;
  char *description;
  gboolean restored;
};

G_DEFINE_FINAL_TYPE (SpireDeletion, spire_deletion, G_TYPE_OBJECT)

static gboolean
contains_uuid (GPtrArray *records, const char *uuid)
{
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (spire_record_get_uuid (g_ptr_array_index (records, i)), uuid))
      return TRUE;
  return FALSE;
}

/* What goes with @record when it is deleted (ON DELETE CASCADE), and the
 * records whose reference to it is cleared (SET NULL), depth first. */
static void
collect_parts (SpireStore *store, SpireRecord *record, GPtrArray *out, guint depth)
{
  const SpireKind *kind = spire_record_get_kind (record);
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  if (depth > 6)
    return;
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const SpireField *f = &kinds[k]->fields[i];
        g_autoptr (GPtrArray) children = NULL;

        if (f->type != SPIRE_FIELD_REF || g_strcmp0 (f->ref_table, kind->table) != 0)
          continue;
        children = spire_store_list (store, kinds[k], f->name, spire_record_get_uuid (record), NULL);
        for (guint c = 0; children && c < children->len; c++)
          {
            SpireRecord *child = g_ptr_array_index (children, c);

            if (contains_uuid (out, spire_record_get_uuid (child)))
              continue;
            g_ptr_array_add (out, g_object_ref (child));
            collect_parts (store, child, out, depth + 1);
          }
      }
}

/* What to do instead when @record is in use. */
static const char *
advice_for (SpireRecord *record)
{
  const SpireKind *kind = spire_record_get_kind (record);

  if (kind == &spire_kind_startup)
    return _("Withdraw its applications instead: a withdrawn application keeps the history.");
  if (kind == &spire_kind_program)
    return _("Delete the program’s cohorts first.");
  if (kind == &spire_kind_cohort)
    return _("Delete the cohort’s applications, challenges and panel first, or keep the cohort and move it to Closed.");
  if (kind == &spire_kind_public_body)
    return _("Give its challenges, deals, people and city districts another owner first.");
  if (kind == &spire_kind_person)
    return _("Remove the person from the panels and applications first.");
  if (kind == &spire_kind_challenge)
    return _("Move its applications to another challenge first.");
  return NULL;
}

static gboolean
check_not_in_use (SpireStore *store, GPtrArray *records, GError **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      SpireRecord *record = g_ptr_array_index (records, i);
      g_autofree char *dependents = spire_store_describe_dependents (store, record);
      g_autofree char *why = NULL;
      const char *advice;

      if (dependents == NULL)
        continue;
      /* TRANSLATORS: "“Nordlys AS” cannot be deleted: 3 applications depend on it." */
      why = g_strdup_printf (_("“%s” cannot be deleted: %s depend on it."),
                             spire_record_get_display_name (record), dependents);
      advice = advice_for (record);
      if (advice)
        g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE, "%s\n\n%s", why, advice);
      else
        g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_IN_USE, why);
      return FALSE;
    }
  return TRUE;
}

static void
spire_deletion_finalize (GObject *object)
{
  SpireDeletion *self = SPIRE_DELETION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  if (self->check_destroy)
    self->check_destroy (self->check_data);
  g_free (self->description);
  G_OBJECT_CLASS (spire_deletion_parent_class)->finalize (object);
}

static void
spire_deletion_class_init (SpireDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_deletion_finalize;
}

static void
spire_deletion_init (SpireDeletion *self)
{
  self->changed = g_ptr_array_new_with_free_func (g_object_unref);
}

SpireDeletion *
_spire_deletion_new (SpireStore *store, const char *description, guint n_asked)
{
  SpireDeletion *self = g_object_new (SPIRE_TYPE_DELETION, NULL);

  self->store = g_object_ref (store);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_asked = n_asked;
  self->description = g_strdup (description);
  return self;
}

void
_spire_deletion_add_removed (SpireDeletion *self, SpireRecord *record)
{
  g_ptr_array_add (self->records, g_object_ref (record));
}

void
_spire_deletion_add_changed (SpireDeletion *self, SpireRecord *before)
{
  g_ptr_array_add (self->changed, g_object_ref (before));
}

void
_spire_deletion_set_check (SpireDeletion *self, SpireDeletionCheck check, gpointer data,
                           GDestroyNotify destroy)
{
  if (self->check_destroy)
    self->check_destroy (self->check_data);
  self->check = check;
  self->check_data = data;
  self->check_destroy = destroy;
}

/* Saves each of @records back as it is in the array. */
static gboolean
save_all (SpireStore *store, GPtrArray *records, GError **error)
{
  for (guint i = 0; i < records->len; i++)
    if (!spire_store_save (store, g_ptr_array_index (records, i),
                           SPIRE_SAVE_KEEP_TIMES | SPIRE_SAVE_NO_VALIDATE, NULL, error))
      return FALSE;
  return TRUE;
}

SpireDeletion *
spire_store_delete_with_parts (SpireStore *store, GPtrArray *records, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  SpireDeletion *self;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (records != NULL && records->len > 0, NULL);

  if (!check_not_in_use (store, records, error))
    return NULL;

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    {
      SpireRecord *record = g_ptr_array_index (records, i);

      if (contains_uuid (all, spire_record_get_uuid (record)))
        continue;
      g_ptr_array_add (all, g_object_ref (record));
      collect_parts (store, record, all, 0);
    }

  if (!spire_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < records->len; i++)
    if (!spire_store_delete (store, g_ptr_array_index (records, i), error))
      {
        spire_store_rollback (store);
        return NULL;
      }
  if (!spire_store_commit (store, error))
    return NULL;

  self = g_object_new (SPIRE_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  self->records = g_steal_pointer (&all);
  self->n_asked = records->len;
  if (records->len == 1)
    self->description = g_strdup_printf (_("“%s” deleted"),
                                         spire_record_get_display_name (records->pdata[0]));
  else
    {
      g_autofree char *n_text = spire_format_count (records->len, spire_language_current ());

      self->description = g_strdup_printf (ngettext ("%s record deleted", "%s records deleted",
                                                     records->len),
                                           n_text);
    }
  return self;
}

const char *
spire_deletion_get_description (SpireDeletion *self)
{
  g_return_val_if_fail (SPIRE_IS_DELETION (self), NULL);
  return self->description;
}

guint
spire_deletion_get_n_records (SpireDeletion *self)
{
  g_return_val_if_fail (SPIRE_IS_DELETION (self), 0);
  return self->n_asked;
}

gboolean
spire_deletion_restore (SpireDeletion *self, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_DELETION (self), FALSE);

  if (self->restored)
    return TRUE;
  if (self->check && !self->check (self->store, self->check_data, error))
    return FALSE;
  if (!spire_store_begin (self->store, error))
    return FALSE;
  if (!save_all (self->store, self->changed, error) ||
      !save_all (self->store, self->records, error))
    {
      spire_store_rollback (self->store);
      return FALSE;
    }
  if (!spire_store_commit (self->store, error))
    return FALSE;
  self->restored = TRUE;
  return TRUE;
}
