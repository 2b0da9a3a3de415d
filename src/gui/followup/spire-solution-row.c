/* spire-solution-row.c — one solution in the program overview: who bought
 * it and when, expandable to its buyers
 *
 * DESIGN.md, "Follow-up": municipalities buy small unless they see that
 * others already did, so a solution shows how it spread: its buyers by the
 * day each first signed, the days from the first buyer to the 2nd and to
 * the 10th, and the value per buyer — all from core's SpireSolutionReach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-followup-resources.h"
#include "spire-solution-row.h"

struct _SpireSolutionRow
{
  AdwExpanderRow parent_instance;

  AdwActionRow *reach_row;

  char *uuid;
  guint n_buyers;
};

G_DEFINE_FINAL_TYPE (SpireSolutionRow, spire_solution_row, ADW_TYPE_EXPANDER_ROW)

static char *
days_text (int days, const char *nth)
{
  g_autofree char *n_days = NULL;

  if (days < 0)
    /* TRANSLATORS: %s is "2nd" or "10th" buyer, e.g. "no 10th buyer yet" */
    return g_strdup_printf (_("no %s buyer yet"), nth);
  n_days = spire_format_count (days, spire_language_current ());
  /* TRANSLATORS: e.g. "2nd buyer after 45 days" */
  return g_strdup_printf (ngettext ("%s buyer after %s day", "%s buyer after %s days", days),
                          nth, n_days);
}

static void
fill (SpireSolutionRow *self, const SpireSolutionReach *reach)
{
  GtkWidget *export;
  SpireLanguage lang = spire_language_current ();
  guint n = reach->buyers->len;
  g_autofree char *buyers = g_strdup_printf (ngettext ("%u buyer", "%u buyers", n), n);
  g_autofree char *money = spire_format_money (reach->value_per_buyer, lang);
  /* TRANSLATORS: ordinal of the buyer, in "2nd buyer after 45 days" */
  g_autofree char *second = days_text (reach->days_to_2nd, C_("buyer", "2nd"));
  /* TRANSLATORS: ordinal of the buyer, in "10th buyer after 400 days" */
  g_autofree char *tenth = days_text (reach->days_to_10th, C_("buyer", "10th"));
  /* TRANSLATORS: a solution's startup and number of buyers: "Nordlys AS · 57 buyers" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), reach->startup_name, buyers);
  /* TRANSLATORS: "2nd buyer after 45 days · 10th buyer after 400 days · 12 000 kr per buyer" */
  g_autofree char *spread = g_strdup_printf (_("%s · %s · %s per buyer"), second, tenth, money);

  self->uuid = g_strdup (reach->uuid);
  /* The program overview's program.export-reference writes its sheet. */
  export = g_object_new (GTK_TYPE_BUTTON, "icon-name", "document-save-as-symbolic",
                         "tooltip-text", _("Export Reference Sheet…"), "valign", GTK_ALIGN_CENTER,
                         "action-name", "program.export-reference", "action-target",
                         g_variant_new_string (reach->uuid), NULL);
  gtk_widget_add_css_class (export, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export Reference Sheet…"), -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), export);
  self->n_buyers = n;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), reach->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_action_row_set_subtitle (self->reach_row, spread);
  for (guint i = 0; i < n; i++)
    {
      const SpireBuyer *b = reach->buyers->pdata[i];
      g_autofree char *date = spire_format_date (b->first_signed, lang);
      g_autofree char *value = spire_format_money (b->value, lang);
      /* TRANSLATORS: a buyer's first signed date and what it signed for */
      g_autofree char *text = g_strdup_printf (_("First signed %s · %s"), date, value);
      /* TRANSLATORS: a buyer's place in the order of buyers, e.g. "12." */
      g_autofree char *place = g_strdup_printf (_("%u."), i + 1);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "title", b->body_name, "subtitle", text,
                                     "activatable", FALSE, NULL);
      GtkWidget *label = gtk_label_new (place);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
}

static void
spire_solution_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_SOLUTION_ROW);
  G_OBJECT_CLASS (spire_solution_row_parent_class)->dispose (object);
}

static void
spire_solution_row_finalize (GObject *object)
{
  g_free (SPIRE_SOLUTION_ROW (object)->uuid);
  G_OBJECT_CLASS (spire_solution_row_parent_class)->finalize (object);
}

static void
spire_solution_row_class_init (SpireSolutionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_solution_row_dispose;
  object_class->finalize = spire_solution_row_finalize;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/followup/spire-solution-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireSolutionRow, reach_row);
}

static void
spire_solution_row_init (SpireSolutionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
spire_solution_row_new (const SpireSolutionReach *reach)
{
  SpireSolutionRow *self = g_object_new (SPIRE_TYPE_SOLUTION_ROW, NULL);

  g_return_val_if_fail (reach != NULL, GTK_WIDGET (self));
  fill (self, reach);
  return GTK_WIDGET (self);
}

const char *
spire_solution_row_get_uuid (SpireSolutionRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SOLUTION_ROW (self), NULL);
  return self->uuid;
}

guint
spire_solution_row_get_n_buyers (SpireSolutionRow *self)
{
  g_return_val_if_fail (SPIRE_IS_SOLUTION_ROW (self), 0);
  return self->n_buyers;
}
