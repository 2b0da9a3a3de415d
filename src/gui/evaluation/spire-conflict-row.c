/* spire-conflict-row.c — one conflict of interest of a panel member
 *
 * "Member — application or startup".  A detected conflict waits for the
 * office to confirm or dismiss it (with a reason); a dismissed one is
 * dimmed; a confirmed one says where it came from and of what kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-widget.h"
#include "spire-conflict-row.h"
#include "spire-evaluation-part.h"

struct _SpireConflictRow
{
  GtkWidget parent_instance;

  GtkWidget *header;
  GtkWidget *icon;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkWidget *buttons;
  GtkWidget *confirm_button;
  GtkWidget *dismiss_button;
};

G_DEFINE_FINAL_TYPE (SpireConflictRow, spire_conflict_row, GTK_TYPE_WIDGET)

static void
spire_conflict_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_CONFLICT_ROW);
  G_OBJECT_CLASS (spire_conflict_row_parent_class)->dispose (object);
}

static void
spire_conflict_row_class_init (SpireConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_conflict_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/evaluation/spire-conflict-row.ui");
  gtk_widget_class_set_css_name (widget_class, "row");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, header);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, icon);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, title);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, buttons);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, SpireConflictRow, dismiss_button);
}

static void
spire_conflict_row_init (SpireConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
spire_conflict_row_is_pending (SpireRecord *c)
{
  return spire_conflict_is_pending (c);
}

/* @member, @party: the member's name and the application's title or the
 * startup's name (spire_panel_overview_read). */
GtkWidget *
spire_conflict_row_new (SpireRecord *c, const char *member, const char *party)
{
  SpireConflictRow *self = SPIRE_CONFLICT_ROW (spire_conflict_row_new_empty ());

  spire_conflict_row_set (self, c, member, party);
  return GTK_WIDGET (self);
}

/* A row for a list view, shown by spire_conflict_row_set. */
GtkWidget *
spire_conflict_row_new_empty (void)
{
  return g_object_new (SPIRE_TYPE_CONFLICT_ROW, NULL);
}

/* Every part of the row is set, whatever conflict it showed before (the
 * list view binds its rows again as they scroll). */
void
spire_conflict_row_set (SpireConflictRow *self, SpireRecord *c, const char *member,
                        const char *party)
{
  const char *uuid = spire_record_get_uuid (c);
  gboolean dismissed = !spire_record_is_null (c, "dismissed_at");
  gboolean pending = spire_conflict_row_is_pending (c);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *reason = spire_record_get_text (c, "reason");
  const char *dismiss_reason = spire_record_get_text (c, "dismiss_reason");

  g_return_if_fail (SPIRE_IS_CONFLICT_ROW (self));

  /* Translators: panel member — application or startup */
  title = g_strdup_printf (_("%s — %s"), member, party);
  if (pending)
    subtitle = g_strdup_printf (_("Detected: %s"), reason ? reason : "");
  else if (dismissed)
    subtitle = g_strdup_printf (_("Dismissed: %s"), dismiss_reason ? dismiss_reason : "");
  else
    subtitle = g_strdup_printf ("%s · %s · %s",
                                _spire_evaluation_enum_label (&spire_kind_conflict, "origin",
                                                              spire_record_get_text (c, "origin")),
                                _spire_evaluation_enum_label (&spire_kind_conflict, "kind",
                                                              spire_record_get_text (c, "kind")),
                                reason ? reason : "");
  gtk_label_set_text (self->title, title);
  spire_widget_set_cell_tooltip (GTK_WIDGET (self->title), title);
  gtk_label_set_text (self->subtitle, subtitle);
  gtk_widget_set_visible (self->icon, pending);
  if (pending)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->confirm_button), "s", uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_button),
                                      "evaluation.confirm-conflict");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->dismiss_button), "s", uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->dismiss_button),
                                      "evaluation.dismiss-conflict");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->dismiss_button), NULL);
    }
  gtk_widget_set_visible (self->buttons, pending);
  if (dismissed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
}

const char *
spire_conflict_row_get_title (SpireConflictRow *self)
{
  g_return_val_if_fail (SPIRE_IS_CONFLICT_ROW (self), NULL);

  return gtk_label_get_text (self->title);
}
