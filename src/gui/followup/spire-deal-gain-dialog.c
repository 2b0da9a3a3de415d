/* spire-deal-gain-dialog.c — asks a deal's gain for a year: its kind,
 * baseline, expected and realised amounts and its owner
 *
 * The dialog reads what is written into a spire_kind_gain record; the
 * rules (a year such as 2026, amounts not negative) are core's
 * (spire_record_validate), checked as the user types so that Add stays off
 * until the gain would be stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-deal-gain-dialog.h"
#include "spire-followup-resources.h"

struct _SpireDealGainDialog
{
  AdwMessageDialog parent_instance;

  GtkEntry *year_entry;
  GtkDropDown *kind_dropdown;
  GtkEntry *description_entry;
  GtkEntry *baseline_entry;
  GtkEntry *expected_entry;
  GtkEntry *realised_entry;
  GtkEntry *owner_entry;
};

G_DEFINE_FINAL_TYPE (SpireDealGainDialog, spire_deal_gain_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const SpireEnumValue *
gain_kinds (void)
{
  return spire_kind_field (&spire_kind_gain, "kind")->values;
}

static GtkEntry *
entry_for (SpireDealGainDialog *self, const char *field)
{
  if (g_str_equal (field, "year"))
    return self->year_entry;
  if (g_str_equal (field, "description"))
    return self->description_entry;
  if (g_str_equal (field, "baseline"))
    return self->baseline_entry;
  if (g_str_equal (field, "expected"))
    return self->expected_entry;
  if (g_str_equal (field, "realised"))
    return self->realised_entry;
  if (g_str_equal (field, "owner"))
    return self->owner_entry;
  return NULL;
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* Reads @entry's money into @field of @gain; FALSE when it does not read. */
static gboolean
read_money (SpireRecord *gain, const char *field, GtkEntry *entry)
{
  g_autofree char *text = entry_text (entry);
  gint64 ore = 0;
  gboolean ok = *text == '\0' || spire_parse_money (text, &ore);

  if (*text != '\0' && ok)
    spire_record_set_int (gain, field, ore);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return ok;
}

SpireRecord *
spire_deal_gain_dialog_get_gain (SpireDealGainDialog *self, const char *deal_uuid)
{
  g_autoptr (SpireRecord) gain = spire_record_new (&spire_kind_gain);
  g_autofree char *year = entry_text (self->year_entry);
  g_autofree char *description = entry_text (self->description_entry);
  g_autofree char *owner = entry_text (self->owner_entry);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  char *end = NULL;
  gint64 y = g_ascii_strtoll (year, &end, 10);
  gboolean ok = TRUE;

  spire_record_set_text (gain, "deal", deal_uuid);
  spire_record_set_int (gain, "year", *year && end && *end == '\0' ? y : 0);
  spire_record_set_text (gain, "kind", gain_kinds ()[kind == GTK_INVALID_LIST_POSITION ? 0 : kind].value);
  if (*description)
    spire_record_set_text (gain, "description", description);
  if (*owner)
    spire_record_set_text (gain, "owner", owner);
  ok &= read_money (gain, "baseline", self->baseline_entry);
  ok &= read_money (gain, "expected", self->expected_entry);
  ok &= read_money (gain, "realised", self->realised_entry);
  if (!ok || !spire_record_validate (gain, NULL, NULL))
    return NULL;
  return g_steal_pointer (&gain);
}

static void
on_changed_cb (SpireDealGainDialog *self)
{
  /* Any deal: the dialog checks the fields, the store the deal. */
  g_autoptr (SpireRecord) gain =
    spire_deal_gain_dialog_get_gain (self, "00000000-0000-4000-8000-000000000000");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", gain != NULL);
}

static void
spire_deal_gain_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DEAL_GAIN_DIALOG);
  G_OBJECT_CLASS (spire_deal_gain_dialog_parent_class)->dispose (object);
}

static void
spire_deal_gain_dialog_class_init (SpireDealGainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_deal_gain_dialog_dispose;

  (void) spire_followup_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/no/spire/Spire/followup/spire-deal-gain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, year_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, description_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, baseline_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, expected_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, realised_entry);
  gtk_widget_class_bind_template_child (widget_class, SpireDealGainDialog, owner_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
spire_deal_gain_dialog_init (SpireDealGainDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const SpireEnumValue *v = gain_kinds (); v->value; v++)
    gtk_string_list_append (kinds, _(v->label));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_editable_set_text (GTK_EDITABLE (self->year_entry), year);
}

SpireDealGainDialog *
spire_deal_gain_dialog_new (GtkWidget *from)
{
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  SpireDealGainDialog *self = g_object_new (SPIRE_TYPE_DEAL_GAIN_DIALOG, "transient-for",
                                            GTK_IS_WINDOW (root) ? root : NULL, NULL);

  on_changed_cb (self);
  return self;
}

void
spire_deal_gain_dialog_set_text (SpireDealGainDialog *self, const char *field, const char *text)
{
  GtkEntry *entry = entry_for (self, field);

  if (g_str_equal (field, "kind"))
    {
      const SpireEnumValue *kinds = gain_kinds ();

      for (guint i = 0; kinds[i].value; i++)
        if (g_strcmp0 (kinds[i].value, text) == 0)
          gtk_drop_down_set_selected (self->kind_dropdown, i);
    }
  else if (entry)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}
