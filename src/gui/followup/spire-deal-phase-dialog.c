/* spire-deal-phase-dialog.c — asks what a new phase is called, when it is
 * planned and what it may cost; or, for a phase passed or stopped, the
 * date and what it cost
 *
 * The rules are core's (spire_deal_add_phase, spire_deal_phase_set_state):
 * this dialog only asks, and keeps Save off while a needed name is missing
 * or the date or the money does not read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-core.h"
#include "spire-deal-phase-dialog.h"
#include "spire-followup-resources.h"

struct _SpireDealPhaseDialog
{
  AdwMessageDialog parent_instance;

  GtkLabel *name_label;
  GtkEntry *name_entry;
  GtkLabel *date_label;
  GtkEntry *date_entry;
  GtkLabel *cost_label;
  GtkEntry *cost_entry;
  gboolean is_new;
};

G_DEFINE_FINAL_TYPE (SpireDealPhaseDialog, spire_deal_phase_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
mark (GtkEntry *entry, gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_changed_cb (SpireDealPhaseDialog *self)
{
  g_autofree char *name = entry_text (self->name_entry);
  g_autofree char *date_text = entry_text (self->date_entry);
  g_autofree char *cost_text = entry_text (self->cost_entry);
  g_autofree char *date = spire_deal_phase_dialog_get_date (self);
  gint64 cost = 0;
  gboolean date_ok = *date_text == '\0' ? self->is_new : date != NULL;
  gboolean cost_ok = *cost_text == '\0' || (spire_parse_money (cost_text, &cost) && cost >= 0);
  gboolean ok = date_ok && cost_ok && (!self->is_new || *name != '\0');

  mark (self->date_entry, !date_ok && *date_text != '\0');
  mark (self->cost_entry, !cost_ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
spire_deal_phase_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_PHASE_DIALOG);
  G_OBJECT_CLASS (spire_deal_phase_dialog_parent_class)->dispose (object);
}

static void
spire_deal_phase_dialog_class_init (SpireDealPhaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_phase_dialog_dispose;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/followup/spire-deal-phase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, cost_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealPhaseDialog, cost_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
spire_deal_phase_dialog_init (SpireDealPhaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SpireDealPhaseDialog *
spire_deal_phase_dialog_new (GtkWidget *from, const char *phase_name, const char *state)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  g_autofree char *heading = NULL;
  SpireDealPhaseDialog *self;

  if (state == NULL)
    heading = g_strdup (_("Add Phase"));
  else if (g_str_equal (state, "passed"))
    /* TRANSLATORS: "Mark “Phase 2: prototype” as passed?" */
    heading = g_strdup_printf (_("Mark “%s” as passed?"), phase_name);
  else
    heading = g_strdup_printf (_("Mark “%s” as stopped?"), phase_name);
  self = g_object_new (SPIRE_TYPE_DEAL_PHASE_DIALOG,
                       "heading", heading,
                       "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                       NULL);
  self->is_new = state == NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), self->is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), self->is_new);
  if (self->is_new)
    {
      gtk_label_set_text (self->date_label, _("Planned"));
      gtk_label_set_text (self->cost_label, _("Maximum cost"));
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *shown = g_date_time_format (now, "%d.%m.%Y");

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("The purchase option can be exercised when every phase has "
                                     "passed within its maximum cost."));
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
    }
  on_changed_cb (self);
  return self;
}

void
spire_deal_phase_dialog_set_name (SpireDealPhaseDialog *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
}

char *
spire_deal_phase_dialog_get_name (SpireDealPhaseDialog *self)
{
  return entry_text (self->name_entry);
}

void
spire_deal_phase_dialog_set_date (SpireDealPhaseDialog *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text ? text : "");
}

char *
spire_deal_phase_dialog_get_date (SpireDealPhaseDialog *self)
{
  g_autofree char *text = entry_text (self->date_entry);
  gboolean had_time = FALSE;
  char *iso = *text ? spire_parse_date (text, &had_time) : NULL;

  if (iso != NULL && had_time)
    g_clear_pointer (&iso, g_free);
  return iso;
}

void
spire_deal_phase_dialog_set_cost (SpireDealPhaseDialog *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->cost_entry), text ? text : "");
}

gint64
spire_deal_phase_dialog_get_cost (SpireDealPhaseDialog *self)
{
  g_autofree char *text = entry_text (self->cost_entry);
  gint64 ore = SPIRE_INT_NONE;

  if (*text == '\0' || !spire_parse_money (text, &ore))
    return SPIRE_INT_NONE;
  return ore;
}
