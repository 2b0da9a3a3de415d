/* spire-record-list-export.c — a directory page's "Export as CSV…"
 *
 * What the list shows — its search, its order, its visible columns — and
 * never a confidential field, written by core off the main thread
 * (spire_csv_export_async); a toast says how many records went where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "common/spire-file-chooser.h"
#include "common/spire-toast.h"
#include "spire-list-util.h"
#include "spire-record-list-page-private.h"

static char *
export_toast_text (const SpireKind *kind, guint n, const char *name)
{
  g_autofree char *t = spire_format_count (n, spire_language_current ());

  if (kind == &spire_kind_startup)
    return g_strdup_printf (ngettext ("Exported %s startup to “%s”",
                                      "Exported %s startups to “%s”", n), t, name);
  if (kind == &spire_kind_public_body)
    return g_strdup_printf (ngettext ("Exported %s public body to “%s”",
                                      "Exported %s public bodies to “%s”", n), t, name);
  if (kind == &spire_kind_person)
    return g_strdup_printf (ngettext ("Exported %s person to “%s”",
                                      "Exported %s people to “%s”", n), t, name);
  return g_strdup_printf (ngettext ("Exported %s challenge to “%s”",
                                    "Exported %s challenges to “%s”", n), t, name);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (source);
  const SpireKind *kind = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_rows = 0;

  self->exporting--;
  if (!spire_csv_export_finish (result, &n_rows, &name, &error))
    {
      spire_error_dialog_show (GTK_WIDGET (self), _("Could Not Export"), error);
      return;
    }
  g_free (self->last_toast);
  self->last_toast = export_toast_text (kind, n_rows, name);
  spire_toast_show (GTK_WIDGET (self), self->last_toast);
}

/* A column's heading in the file: the field's whole label where the list
 * shows a short one ("Org. no." is "Organisation number" in the file, as
 * before). */
static const char *
export_heading (SpireRecordListPage *self, guint c)
{
  const ColumnSpec *spec = &self->spec->columns[c];
  const SpireField *f = spec->field ? spire_kind_field (self->spec->kind, spec->field) : NULL;

  if (spec->title && spec->field2 == NULL && f)
    return _(f->label);
  return gtk_column_view_column_get_title (self->columns[c]);
}

static gboolean
column_exportable (SpireRecordListPage *self, guint c)
{
  const ColumnSpec *spec = &self->spec->columns[c];
  const SpireField *f = spire_kind_field (self->spec->kind, spec->field);
  const SpireField *f2 = spec->field2 ? spire_kind_field (self->spec->kind, spec->field2) : NULL;

  if (f == NULL || (f->flags & SPIRE_FIELD_CONFIDENTIAL) ||
      (f2 && (f2->flags & SPIRE_FIELD_CONFIDENTIAL)))
    return FALSE;
  return gtk_column_view_column_get_visible (self->columns[c]);
}

/* What the list shows: its search, its order, its visible columns; never a
 * confidential field.  Dates as ISO 8601 and organisation numbers without
 * spaces, which programs read; the rest as shown. */
void
_spire_record_list_page_export_to_path (SpireRecordListPage *self, const char *path)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr (GStrvBuilder) header = g_strv_builder_new ();
  g_autoptr (GPtrArray) rows = NULL;
  guint columns[MAX_COLUMNS];
  guint n_columns = 0;

  if (self->spec == NULL)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    if (column_exportable (self, c))
      {
        columns[n_columns++] = c;
        g_strv_builder_add (header, export_heading (self, c));
      }

  rows = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) record = g_list_model_get_item (shown, i);
      RowInfo *info = g_object_get_qdata (G_OBJECT (record), _spire_record_list_row_info_quark);
      char **row = g_new0 (char *, n_columns + 1);

      for (guint j = 0; j < n_columns; j++)
        {
          const ColumnSpec *spec = &self->spec->columns[columns[j]];
          const SpireField *f = spire_kind_field (self->spec->kind, spec->field);

          if ((f->type == SPIRE_FIELD_DATE || g_str_equal (f->name, "orgnr")) &&
              !spire_record_is_null (record, f->name))
            row[j] = g_strdup (spire_record_get_text (record, f->name));
          else
            row[j] = g_strdup (info ? info->texts[columns[j]] : "");
        }
      g_ptr_array_add (rows, row);
    }

  self->exporting++;
  spire_csv_export_async (self, path, g_strv_builder_end (header), g_steal_pointer (&rows),
                          export_done_cb, (gpointer) self->spec->kind);
}

static void
on_export_chosen_cb (GtkWidget *from, const char *path)
{
  _spire_record_list_page_export_to_path (SPIRE_RECORD_LIST_PAGE (from), path);
}

static const char *
export_title (const SpireKind *kind)
{
  if (kind == &spire_kind_startup)
    return _("Export Startups as CSV");
  if (kind == &spire_kind_public_body)
    return _("Export Public Bodies as CSV");
  if (kind == &spire_kind_person)
    return _("Export People as CSV");
  return _("Export Challenges as CSV");
}

static const char *
export_file_name (const SpireKind *kind)
{
  /* TRANSLATORS: file names; keep them short, without "/" */
  if (kind == &spire_kind_startup)
    return _("startups.csv");
  if (kind == &spire_kind_public_body)
    return _("public-bodies.csv");
  if (kind == &spire_kind_person)
    return _("people.csv");
  return _("challenges.csv");
}

void
_spire_record_list_page_export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SpireRecordListPage *self = SPIRE_RECORD_LIST_PAGE (widget);

  if (self->spec == NULL)
    return;
  spire_file_chooser_save (widget, export_title (self->spec->kind), SPIRE_FILE_FORMAT_CSV,
                           export_file_name (self->spec->kind), on_export_chosen_cb);
}
