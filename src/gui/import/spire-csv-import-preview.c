/* spire-csv-import-preview.c — what the CSV import dialog's preview shows
 *
 * One row item per line of the file (the preview is shared, not copied),
 * the cells' texts with a style for what Spire would do with the line, and
 * the one-sentence summary of the counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-csv-import-preview.h"
#include "spire-list-util.h"

enum
{
  COLUMN_LINE,
  COLUMN_STARTUP,
  COLUMN_TITLE,
  COLUMN_CHALLENGE,
  COLUMN_STATE,
  N_COLUMNS
};

struct _SpireCsvRowItem
{
  GObject parent_instance;
  SpireCsvPreview *preview;
  guint index;
};

G_DEFINE_FINAL_TYPE (SpireCsvRowItem, spire_csv_row_item, G_TYPE_OBJECT)

static void
spire_csv_row_item_finalize (GObject *object)
{
  SpireCsvRowItem *self = SPIRE_CSV_ROW_ITEM (object);

  g_clear_pointer (&self->preview, spire_csv_preview_unref);
  G_OBJECT_CLASS (spire_csv_row_item_parent_class)->finalize (object);
}

static void
spire_csv_row_item_class_init (SpireCsvRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spire_csv_row_item_finalize;
}

static void
spire_csv_row_item_init (SpireCsvRowItem *self)
{
}

static SpireCsvRow *
row_item_get_row (SpireCsvRowItem *item)
{
  return g_ptr_array_index (item->preview->rows, item->index);
}

SpireCsvRowItem *
_spire_csv_row_item_new (SpireCsvPreview *preview, guint index)
{
  SpireCsvRowItem *item = g_object_new (SPIRE_TYPE_CSV_ROW_ITEM, NULL);

  item->preview = spire_csv_preview_ref (preview);
  item->index = index;
  return item;
}

char *
_spire_csv_problem_text (const SpireCsvProblem *problem)
{
  if (problem->line > 0 && problem->header)
    return g_strdup_printf (_("Line %u, “%s”: %s"), problem->line, problem->header,
                            problem->message);
  if (problem->line > 0)
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
  if (problem->header)
    return g_strdup_printf (_("“%s”: %s"), problem->header, problem->message);
  return g_strdup (problem->message);
}

char *
_spire_csv_describe_counts (SpireCsvPreview *preview)
{
  const SpireCsvCounts *c = &preview->counts;
  guint with_problems = 0;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint startups = c->startups_new + c->startups_known;
  guint persons = c->persons_new + c->persons_known;
  SpireLanguage lang = spire_language_current ();
  g_autofree char *n_startups = spire_format_count (startups, lang);
  g_autofree char *n_new = spire_format_count (c->applications_new, lang);
  g_autofree char *n_known = spire_format_count (c->startups_known, lang);
  g_autofree char *n_persons = spire_format_count (persons, lang);
  g_autofree char *n_before = spire_format_count (c->applications_known, lang);
  g_autofree char *n_problems = NULL;
  g_autofree char *startups_text = g_strdup_printf (
      ngettext ("%s startup", "%s startups", startups), n_startups);

  /* Translators: the second %s is “%s startups” */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s new application from %s",
                                                     "%s new applications from %s",
                                                     c->applications_new),
                                           n_new, startups_text));
  if (c->startups_known > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s startup already known",
                                                       "%s startups already known",
                                                       c->startups_known),
                                             n_known));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s contact person", "%s contact people",
                                                     persons),
                                           n_persons));
  if (c->applications_known > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s application was imported before "
                                                       "and is left as it is",
                                                       "%s applications were imported before "
                                                       "and are left as they are",
                                                       c->applications_known),
                                             n_before));
  for (guint i = 0; i < preview->rows->len; i++)
    if (((SpireCsvRow *) g_ptr_array_index (preview->rows, i))->n_problems > 0)
      with_problems++;
  n_problems = spire_format_count (with_problems, lang);
  if (with_problems > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s row has problems",
                                                       "%s rows have problems", with_problems),
                                             n_problems));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of the summary */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

/* The rows */

static char *
row_state_text (const SpireCsvRow *row, const char **css)
{
  *css = NULL;
  if (row->n_problems > 0)
    {
      *css = "error";
      return g_strdup_printf (ngettext ("%u problem", "%u problems", row->n_problems),
                              row->n_problems);
    }
  if (row->application == SPIRE_CSV_MATCH_KNOWN)
    {
      *css = "dim-label";
      return g_strdup (_("Imported before"));
    }
  if (row->startup == SPIRE_CSV_MATCH_KNOWN)
    {
      *css = "accent";
      return g_strdup (_("Known startup"));
    }
  if (row->startup == SPIRE_CSV_MATCH_EARLIER)
    return g_strdup (_("New, startup on an earlier line"));
  *css = "success";
  return g_strdup (_("New"));
}

static char *
cell_text (const SpireCsvRow *row, guint column, const char **css)
{
  *css = NULL;
  switch (column)
    {
    case COLUMN_LINE:
      return g_strdup_printf ("%u", row->line);
    case COLUMN_STARTUP:
      if (row->startup_orgnr)
        {
          g_autofree char *orgnr = spire_format_orgnr (row->startup_orgnr);

          /* Translators: a startup and its organisation number */
          return g_strdup_printf (_("%s (%s)"), row->startup_name ? row->startup_name : "", orgnr);
        }
      return g_strdup (row->startup_name ? row->startup_name : "");
    case COLUMN_TITLE:
      return g_strdup (row->title ? row->title : "");
    case COLUMN_CHALLENGE:
      return g_strdup (row->challenge ? row->challenge : "");
    case COLUMN_STATE:
      return row_state_text (row, css);
    default:
      return g_strdup ("");
    }
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SpireCsvRowItem *row_item = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "spire-column"));
  const char *css = NULL;
  g_autofree char *text = cell_text (row_item_get_row (row_item), column, &css);
  static const char *const classes[] = { "error", "dim-label", "accent", "success" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (css)
    gtk_widget_add_css_class (label, css);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* A cell too narrow for its text shows it whole on hover. */
  spire_widget_set_cell_tooltip (label, text);
}

void
_spire_csv_preview_add_columns (GtkColumnView *view, GListModel *rows)
{
  static const char *const titles[N_COLUMNS] = {
    N_("Line"), N_("Startup"), N_("Application"), N_("Challenge"), N_("In Spire"),
  };
  static const guint nat_chars[N_COLUMNS] = { 4, 34, 28, 22, 26 };
  static const guint min_chars[N_COLUMNS] = { 3, 12, 12, 10, 8 };
  g_autoptr (GtkNoSelection) selection = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = spire_inscription_factory_new (
        i, min_chars[i], nat_chars[i], G_CALLBACK (on_factory_bind_cb), NULL);
      g_autoptr (GtkColumnViewColumn) column = NULL;
      column = gtk_column_view_column_new (_(titles[i]), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COLUMN_STARTUP || i == COLUMN_TITLE
                                                     || i == COLUMN_CHALLENGE);
      gtk_column_view_append_column (view, column);
    }
  selection = gtk_no_selection_new (g_object_ref (rows));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}
