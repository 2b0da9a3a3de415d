/* spire-application-details.c — one application, its startup and its
 * decision history
 *
 * The details pane beside (or under) the cohort page's list.  Every field
 * has its place in the template; the answers to the call's own questions
 * are SpireAnswerRows and the history is a list of SpireDecisionRows,
 * newest first; what was shared in confidence is marked as such.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cohort-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-answer-row.h"
#include "spire-application-details.h"
#include "spire-cohort-resources.h"
#include "spire-decision-row.h"

struct _SpireApplicationDetails
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  AdwPreferencesGroup *startup_group;
  AdwActionRow *startup_name_row;
  AdwActionRow *orgnr_row;
  AdwActionRow *website_row;
  AdwPreferencesGroup *application_group;
  AdwActionRow *challenge_row;
  AdwActionRow *contact_row;
  AdwActionRow *status_row;
  AdwActionRow *stage_row;
  AdwActionRow *submitted_row;
  AdwPreferencesGroup *pitch_group;
  GtkLabel *pitch_label;
  AdwPreferencesGroup *solution_group;
  GtkLabel *solution_label;
  AdwPreferencesGroup *extra_group;
  GtkListBox *extra_list;
  GtkWidget *confidential_box;
  GtkLabel *confidential_label;
  AdwPreferencesGroup *history_group;
  GtkListBox *history_list;

  GListStore *decisions;
  char *uuid;
};

G_DEFINE_FINAL_TYPE (SpireApplicationDetails, spire_application_details, ADW_TYPE_BIN)

static const char *
field_label (const SpireKind *kind, const char *field)
{
  return _(spire_kind_field (kind, field)->label);
}

static void
set_row (AdwActionRow *row, const SpireKind *kind, const char *field, const char *value)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (kind, field));
  adw_action_row_set_subtitle (row, value && *value ? value : "–");
}

static void
set_text_group (AdwPreferencesGroup *group, GtkLabel *label, const char *field,
                const char *text)
{
  adw_preferences_group_set_title (group, field_label (&spire_kind_application, field));
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (group), text != NULL && *text != '\0');
}

static GtkWidget *
create_decision_row_cb (gpointer item, gpointer user_data)
{
  return spire_decision_row_new (SPIRE_RECORD (item));
}

static int
compare_decisions_newest_first (gconstpointer a, gconstpointer b)
{
  SpireRecord *da = *(SpireRecord **) a, *db = *(SpireRecord **) b;
  int r = g_strcmp0 (spire_record_get_text (db, "decided_at"),
                     spire_record_get_text (da, "decided_at"));

  return r != 0 ? r : g_strcmp0 (spire_record_get_text (db, "created_at"),
                                 spire_record_get_text (da, "created_at"));
}

static void
show_history (SpireApplicationDetails *self, SpireStore *store, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = store ? spire_store_list (store, &spire_kind_decision,
                                                              "application", uuid, &error)
                                          : g_ptr_array_new ();

  g_list_store_remove_all (self->decisions);
  if (decisions == NULL)
    adw_preferences_group_set_description (self->history_group, error->message);
  else if (decisions->len == 0)
    adw_preferences_group_set_description (self->history_group, _("No decisions yet."));
  else
    {
      adw_preferences_group_set_description (self->history_group, NULL);
      g_ptr_array_sort (decisions, compare_decisions_newest_first);
      g_list_store_splice (self->decisions, 0, 0, decisions->pdata, decisions->len);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), decisions && decisions->len > 0);
}

/* The answers to the call's own questions (a JSON object). */
static void
show_extra_answers (SpireApplicationDetails *self, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GtkWidget *child;
  JsonNode *root;
  JsonObjectIter iter;
  const char *question;
  JsonNode *answer;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->extra_list))) != NULL)
    gtk_list_box_remove (self->extra_list, child);
  adw_preferences_group_set_title (self->extra_group,
                                   field_label (&spire_kind_application, "extra"));
  if (json && *json && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      json_object_iter_init_ordered (&iter, json_node_get_object (root));
      while (json_object_iter_next_ordered (&iter, &question, &answer))
        {
          g_autofree char *text = NULL;

          if (JSON_NODE_HOLDS_VALUE (answer))
            {
              GValue v = G_VALUE_INIT, s = G_VALUE_INIT;

              json_node_get_value (answer, &v);
              g_value_init (&s, G_TYPE_STRING);
              if (g_value_transform (&v, &s))
                text = g_value_dup_string (&s);
              g_value_unset (&v);
              g_value_unset (&s);
            }
          else if (!JSON_NODE_HOLDS_NULL (answer))
            text = json_to_string (answer, FALSE);
          gtk_list_box_append (self->extra_list, spire_answer_row_new (question, text));
          any = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->extra_group), any);
}

static void
show_startup (SpireApplicationDetails *self, SpireStore *store, SpireRecord *app,
              const char *startup_name)
{
  const char *ref = spire_record_get_text (app, "startup");
  g_autoptr (SpireRecord) startup = ref && store ? spire_store_get (store, &spire_kind_startup,
                                                                    ref, NULL)
                                                 : NULL;
  g_autofree char *orgnr = NULL;
  const char *web = startup ? spire_record_get_text (startup, "website") : NULL;

  adw_preferences_group_set_title (self->startup_group,
                                   field_label (&spire_kind_application, "startup"));
  set_row (self->startup_name_row, &spire_kind_startup, "name",
           startup ? spire_record_get_text (startup, "name") : startup_name);
  gtk_widget_set_visible (GTK_WIDGET (self->orgnr_row), startup != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->website_row), startup != NULL);
  if (startup == NULL)
    return;
  if (!spire_record_is_null (startup, "orgnr"))
    orgnr = spire_format_orgnr (spire_record_get_text (startup, "orgnr"));
  set_row (self->orgnr_row, &spire_kind_startup, "orgnr", orgnr);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->website_row), FALSE);
  set_row (self->website_row, &spire_kind_startup, "website", NULL);
  if (web && *web)
    {
      g_autofree char *uri = strstr (web, "://") ? g_strdup (web)
                                                  : g_strconcat ("https://", web, NULL);
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, web);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->website_row), TRUE);
      adw_action_row_set_subtitle (self->website_row, markup);
    }
}

static void
show_application (SpireApplicationDetails *self, SpireStore *store, SpireRecord *app,
                  const char *challenge_title)
{
  const SpireKind *k = &spire_kind_application;
  const char *ref = spire_record_get_text (app, "contact");
  g_autoptr (SpireRecord) contact = ref && *ref && store ? spire_store_get (store,
                                                                           &spire_kind_person,
                                                                           ref, NULL)
                                                         : NULL;
  g_autofree char *who = NULL;
  g_autofree char *submitted = spire_format_timestamp (spire_record_get_text (app,
                                                                              "submitted_at"),
                                                       spire_language_current ());

  if (contact)
    {
      const char *email = spire_record_get_text (contact, "email");

      who = email && *email
              /* TRANSLATORS: a contact person: "Kari Nordmann <kari@example.no>" */
              ? g_strdup_printf (_("%s <%s>"), spire_record_get_text (contact, "name"), email)
              : g_strdup (spire_record_get_text (contact, "name"));
    }
  set_row (self->challenge_row, k, "challenge", challenge_title);
  set_row (self->contact_row, k, "contact", who);
  set_row (self->status_row, k, "status",
           spire_field_value_label (spire_kind_field (k, "status"),
                                    spire_record_get_text (app, "status")));
  set_row (self->stage_row, k, "stage",
           spire_field_value_label (spire_kind_field (k, "stage"),
                                    spire_record_get_text (app, "stage")));
  set_row (self->submitted_row, k, "submitted_at", submitted);
}

static void
spire_application_details_dispose (GObject *object)
{
  SpireApplicationDetails *self = SPIRE_APPLICATION_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SPIRE_TYPE_APPLICATION_DETAILS);
  g_clear_object (&self->decisions);
  g_clear_pointer (&self->uuid, g_free);
  G_OBJECT_CLASS (spire_application_details_parent_class)->dispose (object);
}

static void
spire_application_details_class_init (SpireApplicationDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_application_details_dispose;

  (void) spire_cohort_get_resource ();
  g_type_ensure (SPIRE_TYPE_DECISION_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/cohort/spire-application-details.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpireApplicationDetails, name)
  BIND (title_label);
  BIND (startup_group);
  BIND (startup_name_row);
  BIND (orgnr_row);
  BIND (website_row);
  BIND (application_group);
  BIND (challenge_row);
  BIND (contact_row);
  BIND (status_row);
  BIND (stage_row);
  BIND (submitted_row);
  BIND (pitch_group);
  BIND (pitch_label);
  BIND (solution_group);
  BIND (solution_label);
  BIND (extra_group);
  BIND (extra_list);
  BIND (confidential_box);
  BIND (confidential_label);
  BIND (history_group);
  BIND (history_list);
#undef BIND
}

static void
spire_application_details_init (SpireApplicationDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->decisions = g_list_store_new (SPIRE_TYPE_RECORD);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->decisions),
                           create_decision_row_cb, NULL, NULL);
}

void
spire_application_details_set_application (SpireApplicationDetails *self, SpireStore *store,
                                           SpireRecord *app, const char *startup_name,
                                           const char *challenge_title)
{
  const char *confidential;

  g_return_if_fail (SPIRE_IS_APPLICATION_DETAILS (self));

  g_free (self->uuid);
  self->uuid = app ? g_strdup (spire_record_get_uuid (app)) : NULL;
  if (app == NULL)
    {
      g_list_store_remove_all (self->decisions);
      return;
    }
  gtk_label_set_text (self->title_label, spire_record_get_text (app, "title"));
  show_startup (self, store, app, startup_name);
  show_application (self, store, app, challenge_title);
  set_text_group (self->pitch_group, self->pitch_label, "pitch",
                  spire_record_get_text (app, "pitch"));
  set_text_group (self->solution_group, self->solution_label, "solution",
                  spire_record_get_text (app, "solution"));
  show_extra_answers (self, spire_record_get_text (app, "extra"));
  confidential = spire_record_get_text (app, "confidential");
  gtk_label_set_text (self->confidential_label, confidential ? confidential : "");
  gtk_widget_set_visible (self->confidential_box, confidential && *confidential);
  show_history (self, store, self->uuid);
}

const char *
spire_application_details_get_uuid (SpireApplicationDetails *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_DETAILS (self), NULL);

  return self->uuid;
}

guint
spire_application_details_get_n_history (SpireApplicationDetails *self)
{
  g_return_val_if_fail (SPIRE_IS_APPLICATION_DETAILS (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->decisions));
}

char *
spire_application_details_get_history (SpireApplicationDetails *self, guint i)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_APPLICATION_DETAILS (self), NULL);

  row = gtk_list_box_get_row_at_index (self->history_list, (int) i);
  return row ? spire_decision_row_get_text (SPIRE_DECISION_ROW (row)) : NULL;
}
