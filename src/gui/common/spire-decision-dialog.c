/* spire-decision-dialog.c — a decision on one or more applications
 *
 * The cohort page's "Change Status…" and the ranking page's Shortlist,
 * Accept, Waitlist and Reject all ask the same: the new status, one written
 * reason recorded with each decision (DESIGN.md: decisions with written
 * reasons), and, when accepting, core's warning about the cohort's seats
 * (spire_cohort_seats_warning_after: a warning, never a refusal).  This is
 * the one dialog that asks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-decision"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-common-resources.h"
#include "spire-decision-dialog.h"
#include "spire-widget.h"
#include "spire-error-dialog.h"

struct _SpireDecisionDialog
{
  AdwMessageDialog parent_instance;

  GtkLabel *status_label;
  GtkDropDown *status_dropdown;
  GtkLabel *warning;
  GtkTextView *reason_view;

  SpireStore *store;
  char *cohort_uuid;
  GStrv uuids;
  GStrv statuses; /* each application's status when the dialog opened */
  char *fixed_status; /* NULL: chosen in the dropdown */
};

G_DEFINE_FINAL_TYPE (SpireDecisionDialog, spire_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The decisions the ranking page offers, with their own buttons. */
typedef struct
{
  const char *status;
  const char *verb;
  AdwResponseAppearance appearance;
} Verb;

static const Verb verbs[] = {
  { "shortlisted", N_("_Shortlist"), ADW_RESPONSE_SUGGESTED },
  { "accepted", N_("_Accept"), ADW_RESPONSE_SUGGESTED },
  { "waitlisted", N_("_Waitlist"), ADW_RESPONSE_SUGGESTED },
  { "rejected", N_("_Reject"), ADW_RESPONSE_DESTRUCTIVE },
};

static const SpireField *
status_field (void)
{
  return spire_kind_field (&spire_kind_application, "status");
}

static char *
fixed_heading (const char *status, guint n)
{
  g_autofree char *t = spire_format_count (n, spire_language_current ());

  if (g_str_equal (status, "shortlisted"))
    return g_strdup_printf (ngettext ("Shortlist %s Application?",
                                      "Shortlist %s Applications?", n), t);
  if (g_str_equal (status, "accepted"))
    return g_strdup_printf (ngettext ("Accept %s Application?", "Accept %s Applications?", n), t);
  if (g_str_equal (status, "waitlisted"))
    return g_strdup_printf (ngettext ("Waitlist %s Application?",
                                      "Waitlist %s Applications?", n), t);
  if (g_str_equal (status, "rejected"))
    return g_strdup_printf (ngettext ("Reject %s Application?", "Reject %s Applications?", n), t);
  return g_strdup_printf (ngettext ("Change Status of %s Application",
                                    "Change Status of %s Applications", n),
                          t);
}

/* Apply only with a reason, and when something would change; the seats
 * warning while the new status is "accepted". */
static void
update (SpireDecisionDialog *self)
{
  const char *status = spire_decision_dialog_get_status (self);
  guint changing = spire_decision_dialog_get_n_changing (self);
  g_autofree char *reason = spire_decision_dialog_get_reason (self);
  g_autofree char *warning = NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           *reason != '\0' && changing > 0);
  if (g_strcmp0 (status, "accepted") == 0 && self->store && self->cohort_uuid)
    warning = spire_cohort_seats_warning_after (self->store, self->cohort_uuid, changing);
  gtk_label_set_text (self->warning, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), warning != NULL);
}

static void
on_changed_cb (SpireDecisionDialog *self)
{
  update (self);
}

static void
spire_decision_dialog_map (GtkWidget *widget)
{
  SpireDecisionDialog *self = SPIRE_DECISION_DIALOG (widget);

  GTK_WIDGET_CLASS (spire_decision_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
}

static void
spire_decision_dialog_dispose (GObject *object)
{
  SpireDecisionDialog *self = SPIRE_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_DECISION_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cohort_uuid, g_free);
  g_clear_pointer (&self->uuids, g_strfreev);
  g_clear_pointer (&self->statuses, g_strfreev);
  g_clear_pointer (&self->fixed_status, g_free);
  G_OBJECT_CLASS (spire_decision_dialog_parent_class)->dispose (object);
}

static void
spire_decision_dialog_class_init (SpireDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_decision_dialog_dispose;
  widget_class->map = spire_decision_dialog_map;

  (void) spire_common_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/common/spire-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionDialog, warning);
  gtk_widget_class_bind_template_child (widget_class, SpireDecisionDialog, reason_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
spire_decision_dialog_init (SpireDecisionDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const SpireEnumValue *v = status_field ()->values; v->value; v++)
    gtk_string_list_append (labels, _(v->label));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
}

SpireDecisionDialog *
spire_decision_dialog_new (GtkWidget *from, SpireStore *store, const char *cohort_uuid,
                           const char *const *uuids, const char *const *statuses,
                           const char *status)
{
  guint n = uuids ? g_strv_length ((GStrv) uuids) : 0;
  SpireDecisionDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);
  g_return_val_if_fail (statuses != NULL && g_strv_length ((GStrv) statuses) == n, NULL);

  self = g_object_new (SPIRE_TYPE_DECISION_DIALOG,
                       "transient-for", spire_widget_get_window (from),
                       "body", _("The reason is recorded with the decision on each "
                                 "application, with your name and the time. Public bodies "
                                 "must be able to show why."),
                       NULL);
  self->store = g_object_ref (store);
  self->cohort_uuid = g_strdup (cohort_uuid);
  self->uuids = g_strdupv ((GStrv) uuids);
  self->statuses = g_strdupv ((GStrv) statuses);
  self->fixed_status = g_strdup (status);

  if (status != NULL)
    {
      heading = fixed_heading (status, n);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        if (g_str_equal (verbs[i].status, status))
          {
            adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply",
                                                   _(verbs[i].verb));
            adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                                        verbs[i].appearance);
          }
    }
  else
    {
      if (n == 1)
        {
          g_autoptr (SpireRecord) app = spire_store_get (store, &spire_kind_application,
                                                         uuids[0], NULL);

          heading = app ? g_strdup_printf (_("Change Status of “%s”"),
                                           spire_record_get_display_name (app))
                        : fixed_heading ("", n);
        }
      else
        heading = fixed_heading ("", n);
      if (n > 0)
        spire_decision_dialog_set_status (self, statuses[0]);
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  update (self);
  return self;
}

const char *const *
spire_decision_dialog_get_uuids (SpireDecisionDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), NULL);

  return (const char *const *) self->uuids;
}

const char *
spire_decision_dialog_get_status (SpireDecisionDialog *self)
{
  guint pos;

  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), NULL);

  if (self->fixed_status)
    return self->fixed_status;
  pos = gtk_drop_down_get_selected (self->status_dropdown);
  return pos == GTK_INVALID_LIST_POSITION ? NULL : status_field ()->values[pos].value;
}

void
spire_decision_dialog_set_status (SpireDecisionDialog *self, const char *status)
{
  guint i = 0;

  g_return_if_fail (SPIRE_IS_DECISION_DIALOG (self));
  g_return_if_fail (self->fixed_status == NULL);

  for (const SpireEnumValue *v = status_field ()->values; v->value; v++, i++)
    if (g_strcmp0 (status, v->value) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
}

char *
spire_decision_dialog_get_reason (SpireDecisionDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->reason_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
spire_decision_dialog_set_reason (SpireDecisionDialog *self, const char *reason)
{
  g_return_if_fail (SPIRE_IS_DECISION_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), reason ? reason : "",
                            -1);
}

guint
spire_decision_dialog_get_n_changing (SpireDecisionDialog *self)
{
  const char *status;
  guint n = 0;

  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), 0);

  status = spire_decision_dialog_get_status (self);
  for (guint i = 0; self->statuses && self->statuses[i]; i++)
    if (g_strcmp0 (self->statuses[i], status) != 0)
      n++;
  return n;
}

const char *
spire_decision_dialog_get_warning (SpireDecisionDialog *self)
{
  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->warning)) ? gtk_label_get_text (self->warning)
                                                              : NULL;
}

gboolean
spire_decision_dialog_decide (SpireDecisionDialog *self, GtkWidget *from)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (SPIRE_IS_DECISION_DIALOG (self), FALSE);

  reason = spire_decision_dialog_get_reason (self);
  if (spire_decide (self->store, (const char *const *) self->uuids,
                    spire_decision_dialog_get_status (self), reason, &error))
    return TRUE;
  spire_error_dialog_show (from ? from : GTK_WIDGET (self), _("Could Not Record the Decision"),
                           error);
  return FALSE;
}
