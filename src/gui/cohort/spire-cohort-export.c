/* spire-cohort-export.c — what the cohort page's list shows, as CSV
 *
 * The export writes the rows as the list shows them (filters, search and
 * order), with the organisation number beside the startup and the
 * submission day in ISO form for programs; confidential fields never leave
 * Spire this way.  The file is written in a thread (spire_csv_export_async).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cohort-export.h"
#include "common/spire-error-dialog.h"
#include "common/spire-file-chooser.h"
#include "spire-list-util.h"
#include "common/spire-toast.h"

/* "2026-03-01T09:12:00Z" → the local day as ISO "2026-03-01" (for programs). */
static char *
iso_day (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, NULL);
  if (utc == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

static void
on_chosen_cb (GtkWidget *from, const char *path)
{
  gtk_widget_activate_action (from, "cohort.export-csv-to", "s", path);
}

void
spire_cohort_export_choose (GtkWidget *from, const char *cohort_name)
{
  g_autofree char *name = g_strdup_printf ("%s.csv", cohort_name);

  spire_file_chooser_save (from, _("Export Applications as CSV"), SPIRE_FILE_FORMAT_CSV, name,
                           on_chosen_cb);
}

void
spire_cohort_export_async (GtkWidget *from, SpireApplicationList *list, const char *path,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  GListModel *shown = G_LIST_MODEL (spire_application_list_get_model (list));
  guint n = g_list_model_get_n_items (shown);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  const char *header[] = {
    _("Title"), _("Startup"), _("Organisation number"), _("Challenge"), _("Status"),
    _("Submitted"), NULL,
  };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SpireRecord) app = g_list_model_get_item (shown, i);
      const char *orgnr = spire_application_list_get_startup_orgnr (
        list, spire_record_get_text (app, "startup"));
      char **row = g_new0 (char *, 7);

      row[0] = spire_application_list_cell_text (list, app, SPIRE_APPLICATION_COLUMN_TITLE);
      row[1] = spire_application_list_cell_text (list, app, SPIRE_APPLICATION_COLUMN_STARTUP);
      row[2] = g_strdup (orgnr ? orgnr : "");
      row[3] = spire_application_list_cell_text (list, app, SPIRE_APPLICATION_COLUMN_CHALLENGE);
      row[4] = spire_application_list_cell_text (list, app, SPIRE_APPLICATION_COLUMN_STATUS);
      row[5] = iso_day (spire_record_get_text (app, "submitted_at"));
      g_ptr_array_add (rows, row);
    }
  spire_csv_export_async (from, path, g_strdupv ((char **) header), g_steal_pointer (&rows),
                          callback, user_data);
}

void
spire_cohort_export_finish (GtkWidget *from, GAsyncResult *result)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  guint n_rows = 0;

  if (!spire_csv_export_finish (result, &n_rows, &name, &error))
    {
      if (gtk_widget_get_root (from))
        spire_error_dialog_show (from, _("Could Not Export the Applications"), error);
      else
        g_warning ("%s", error->message);
      return;
    }
  {
    g_autofree char *n_text = spire_format_count (n_rows, spire_language_current ());

    text = g_strdup_printf (ngettext ("Exported %s application to “%s”",
                                      "Exported %s applications to “%s”", n_rows),
                            n_text, name);
  }
  toast = adw_toast_new (text);
  /* What the user just asked for: shown at once, before older toasts. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  spire_toast_add (from, toast);
}
