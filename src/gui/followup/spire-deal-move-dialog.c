/* spire-deal-move-dialog.c — asks the date, a note and (for "no deal") the
 * reason of a deal's move to another stage
 *
 * The rules (no deal needs a reason; not before the last event) are core's
 * (spire_deal_move); this dialog only asks, and keeps Move off while the
 * date is not a date or a needed reason is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-core.h"
#include "spire-deal-move-dialog.h"
#include "spire-followup-resources.h"

struct _SpireDealMoveDialog
{
  AdwMessageDialog parent_instance;

  GtkEntry *date_entry;
  GtkEntry *note_entry;
  GtkLabel *reason_label;
  GtkEntry *reason_entry;

  gboolean needs_reason;
};

G_DEFINE_FINAL_TYPE (SpireDealMoveDialog, spire_deal_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
on_changed_cb (SpireDealMoveDialog *self)
{
  g_autofree char *date = spire_deal_move_dialog_get_date (self);
  g_autofree char *reason = entry_text (self->reason_entry);
  gboolean ok = date != NULL && (!self->needs_reason || *reason != '\0');

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move", ok);
  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
}

static void
spire_deal_move_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_MOVE_DIALOG);
  G_OBJECT_CLASS (spire_deal_move_dialog_parent_class)->dispose (object);
}

static void
spire_deal_move_dialog_class_init (SpireDealMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_move_dialog_dispose;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/followup/spire-deal-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealMoveDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealMoveDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealMoveDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDealMoveDialog, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
spire_deal_move_dialog_init (SpireDealMoveDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  /* As the record editor takes dates: 23.11.2026 (or ISO) in every language. */
  g_autofree char *shown = g_date_time_format (now, "%d.%m.%Y");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
}

SpireDealMoveDialog *
spire_deal_move_dialog_new (GtkWidget *from, const char *deal_name, const char *stage_label,
                            gboolean needs_reason)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  g_autofree char *heading = NULL;
  SpireDealMoveDialog *self;

  /* TRANSLATORS: "Move “Trygg hjemme – Oslo kommune” to Signed?" */
  heading = g_strdup_printf (_("Move “%s” to %s?"), deal_name, stage_label);
  self = g_object_new (SPIRE_TYPE_DEAL_MOVE_DIALOG,
                       "heading", heading,
                       "body", _("The move is kept in the deal’s history with its date."),
                       "transient-for", GTK_IS_WINDOW (root) ? root : NULL,
                       NULL);
  self->needs_reason = needs_reason;
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), needs_reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), needs_reason);
  on_changed_cb (self);
  return self;
}

void
spire_deal_move_dialog_set_date (SpireDealMoveDialog *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text ? text : "");
}

char *
spire_deal_move_dialog_get_date (SpireDealMoveDialog *self)
{
  g_autofree char *text = entry_text (self->date_entry);
  gboolean had_time = FALSE;
  char *iso = spire_parse_date (text, &had_time);

  if (iso != NULL && had_time)
    g_clear_pointer (&iso, g_free);
  return iso;
}

void
spire_deal_move_dialog_set_note (SpireDealMoveDialog *self, const char *note)
{
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
}

char *
spire_deal_move_dialog_get_note (SpireDealMoveDialog *self)
{
  return entry_text (self->note_entry);
}

void
spire_deal_move_dialog_set_reason (SpireDealMoveDialog *self, const char *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason ? reason : "");
}

char *
spire_deal_move_dialog_get_reason (SpireDealMoveDialog *self)
{
  return entry_text (self->reason_entry);
}
