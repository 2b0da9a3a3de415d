/* spire-first-steps.c — a new program, its first cohort, its first challenge
 *
 * What a new user meets on an empty database ("Create a Program", Ctrl+N):
 * three pages in one window, each with sensible defaults, so that one
 * reaches an open call with a challenge without reading anything else.
 * Every step is saved through core (spire_store_insert, the same
 * validation as every form) when its button is pressed, so a step that was
 * made stays made whatever happens after; "Skip" ends the walk there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-first-steps"

#include "config.h"
#include "common/spire-widget.h"

#include <glib/gi18n.h>

#include "spire-first-steps.h"
#include "spire-start-resources.h"

struct _SpireFirstSteps
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget *skip_button;
  GtkWidget *next_button;
  GtkStack *stack;
  AdwEntryRow *program_name_row;
  AdwComboRow *program_kind_row;
  AdwEntryRow *operator_row;
  AdwEntryRow *cohort_name_row;
  AdwEntryRow *deadline_row;
  GtkSpinButton *seats_spin;
  AdwEntryRow *challenge_title_row;
  AdwEntryRow *owner_row;
  AdwComboRow *owner_kind_row;
  AdwEntryRow *need_row;
  GtkLabel *message_label;

  SpireStore *store;
  char *program;  /* UUIDs of what was made */
  char *cohort;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (SpireFirstSteps, spire_first_steps, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* The values of an enum field, for a combo row; @first the one shown. */
static void
fill_combo (AdwComboRow *row, const SpireKind *kind, const char *field_name, const char *first)
{
  const SpireField *field = spire_kind_field (kind, field_name);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; field->values[i].value; i++)
    {
      gtk_string_list_append (labels, _(field->values[i].label));
      if (g_str_equal (field->values[i].value, first))
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static const char *
combo_value (AdwComboRow *row, const SpireKind *kind, const char *field_name)
{
  const SpireField *field = spire_kind_field (kind, field_name);
  guint selected = adw_combo_row_get_selected (row);

  for (guint i = 0; field->values[i].value; i++)
    if (i == selected)
      return field->values[i].value;
  return field->values[0].value;
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_message (SpireFirstSteps *self, const char *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* The first cohort's name: the season it opens in. */
static char *
season_name (GDateTime *today)
{
  if (g_date_time_get_month (today) <= 6)
    /* TRANSLATORS: the first cohort's suggested name; %d is the year */
    return g_strdup_printf (_("Spring %d"), g_date_time_get_year (today));
  /* TRANSLATORS: the first cohort's suggested name; %d is the year */
  return g_strdup_printf (_("Autumn %d"), g_date_time_get_year (today));
}

/* The pages */

/* Titles and buttons for the step shown; whether it can be created. */
static gboolean
update (SpireFirstSteps *self)
{
  const char *step = spire_first_steps_get_step (self);
  gboolean ready = FALSE;
  g_autofree char *subtitle = NULL;
  guint n = 1;

  if (g_str_equal (step, "program"))
    {
      g_autofree char *name = entry_text (self->program_name_row);

      ready = *name != '\0';
      gtk_window_set_title (GTK_WINDOW (self), _("New Program"));
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("C_reate"));
      gtk_button_set_label (GTK_BUTTON (self->skip_button), _("_Cancel"));
    }
  else if (g_str_equal (step, "cohort"))
    {
      g_autofree char *name = entry_text (self->cohort_name_row);
      g_autofree char *deadline = entry_text (self->deadline_row);

      ready = *name != '\0' && *deadline != '\0';
      n = 2;
      gtk_window_set_title (GTK_WINDOW (self), _("First Cohort"));
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("C_reate"));
      gtk_button_set_label (GTK_BUTTON (self->skip_button), _("_Skip"));
    }
  else
    {
      g_autofree char *title = entry_text (self->challenge_title_row);
      g_autofree char *owner = entry_text (self->owner_row);

      ready = *title != '\0' && *owner != '\0';
      n = 3;
      gtk_window_set_title (GTK_WINDOW (self), _("First Challenge"));
      gtk_button_set_label (GTK_BUTTON (self->next_button), _("C_reate"));
      gtk_button_set_label (GTK_BUTTON (self->skip_button), _("_Skip"));
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  /* TRANSLATORS: %u is 1, 2 or 3: where the user is among the first steps */
  subtitle = g_strdup_printf (_("Step %u of 3"), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "first-steps.next", ready);
  return ready;
}

static void
go_to (SpireFirstSteps *self, const char *step, GtkWidget *focus)
{
  show_message (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, step);
  update (self);
  gtk_widget_grab_focus (focus);
}

static void
finish (SpireFirstSteps *self)
{
  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[FINISHED], 0, self->program, self->cohort);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Saves @record through core; on failure says why and returns FALSE. */
static gboolean
insert (SpireFirstSteps *self, SpireRecord *record)
{
  g_autoptr (GError) error = NULL;

  if (spire_store_insert (self->store, record, &error))
    return TRUE;
  show_message (self, error->message);
  return FALSE;
}

static void
create_program (SpireFirstSteps *self)
{
  g_autoptr (SpireRecord) program = spire_record_new (&spire_kind_program);
  g_autofree char *name = entry_text (self->program_name_row);
  g_autofree char *operator = entry_text (self->operator_row);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GDateTime) deadline = g_date_time_add_days (today, 42);
  g_autofree char *cohort_name = season_name (today);
  g_autofree char *deadline_text = g_date_time_format (deadline, "%d.%m.%Y");

  spire_record_set_text (program, "name", name);
  spire_record_set_text (program, "kind",
                         combo_value (self->program_kind_row, &spire_kind_program, "kind"));
  if (*operator)
    spire_record_set_text (program, "operator", operator);
  if (!insert (self, program))
    return;
  self->program = g_strdup (spire_record_get_uuid (program));

  /* The next step's defaults: open from today, six weeks to apply. */
  gtk_editable_set_text (GTK_EDITABLE (self->cohort_name_row), cohort_name);
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline_text);
  go_to (self, "cohort", GTK_WIDGET (self->cohort_name_row));
}

static void
create_cohort (SpireFirstSteps *self)
{
  g_autoptr (SpireRecord) cohort = spire_record_new (&spire_kind_cohort);
  g_autofree char *name = entry_text (self->cohort_name_row);
  g_autofree char *deadline_text = entry_text (self->deadline_row);
  g_autofree char *deadline = spire_parse_date (deadline_text, NULL);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *opens = g_date_time_format (today, "%Y-%m-%d");

  if (deadline == NULL)
    {
      g_autofree char *example = g_date_time_format (today, "%d.%m.%Y");
      /* TRANSLATORS: %s is today's date as an example, 23.11.2026 */
      g_autofree char *message = g_strdup_printf (_("Write the application deadline as a date, "
                                                    "for example %s."), example);

      show_message (self, message);
      return;
    }
  spire_record_set_text (cohort, "program", self->program);
  spire_record_set_text (cohort, "name", name);
  spire_record_set_text (cohort, "phase", "open");
  spire_record_set_text (cohort, "opens_on", opens);
  spire_record_set_text (cohort, "application_deadline", deadline);
  spire_record_set_int (cohort, "seats", gtk_spin_button_get_value_as_int (self->seats_spin));
  if (!insert (self, cohort))
    return;
  self->cohort = g_strdup (spire_record_get_uuid (cohort));
  go_to (self, "challenge", GTK_WIDGET (self->challenge_title_row));
}

/* The public body named @name: the one there is, else a new one. */
static SpireRecord *
find_or_make_owner (SpireFirstSteps *self, const char *name, gboolean *is_new)
{
  g_autoptr (GPtrArray) found = spire_store_list (self->store, &spire_kind_public_body, "name",
                                                  name, NULL);
  SpireRecord *owner;

  *is_new = found == NULL || found->len == 0;
  if (!*is_new)
    return g_object_ref (g_ptr_array_index (found, 0));
  owner = spire_record_new (&spire_kind_public_body);
  spire_record_set_text (owner, "name", name);
  spire_record_set_text (owner, "kind",
                         combo_value (self->owner_kind_row, &spire_kind_public_body, "kind"));
  return owner;
}

static void
create_challenge (SpireFirstSteps *self)
{
  g_autoptr (SpireRecord) challenge = spire_record_new (&spire_kind_challenge);
  g_autoptr (SpireRecord) owner = NULL;
  g_autofree char *title = entry_text (self->challenge_title_row);
  g_autofree char *owner_name = entry_text (self->owner_row);
  g_autofree char *need = entry_text (self->need_row);
  g_autoptr (GError) error = NULL;
  gboolean new_owner = FALSE;

  owner = find_or_make_owner (self, owner_name, &new_owner);
  spire_record_set_text (challenge, "cohort", self->cohort);
  spire_record_set_text (challenge, "title", title);
  if (*need)
    spire_record_set_text (challenge, "need", need);
  /* Both or neither: no public body left behind by a challenge refused. */
  if (!spire_store_begin (self->store, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (new_owner && !spire_store_insert (self->store, owner, &error))
    goto failed;
  /* A new owner has its UUID once inserted. */
  spire_record_set_text (challenge, "owner", spire_record_get_uuid (owner));
  if (!spire_store_insert (self->store, challenge, &error) ||
      !spire_store_commit (self->store, &error))
    goto failed;
  finish (self);
  return;

failed:
  spire_store_rollback (self->store);
  show_message (self, error->message);
}

/* Callbacks */

static void
on_row_changed_cb (SpireFirstSteps *self)
{
  update (self);
}

/* Actions */

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireFirstSteps *self = SPIRE_FIRST_STEPS (widget);
  const char *step = spire_first_steps_get_step (self);

  if (!update (self))
    return; /* a required row is empty (Enter in a row) */
  if (g_str_equal (step, "program"))
    create_program (self);
  else if (g_str_equal (step, "cohort"))
    create_cohort (self);
  else
    create_challenge (self);
}

static void
skip_action (GtkWidget *widget, const char *name, GVariant *param)
{
  finish (SPIRE_FIRST_STEPS (widget));
}

/* GtkWindow: closed with Escape or the window manager, the walk ends there. */
static gboolean
spire_first_steps_close_request (GtkWindow *window)
{
  SpireFirstSteps *self = SPIRE_FIRST_STEPS (window);

  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[FINISHED], 0, self->program, self->cohort);
    }
  return GTK_WINDOW_CLASS (spire_first_steps_parent_class)->close_request (window);
}

/* GObject */

static void
spire_first_steps_dispose (GObject *object)
{
  SpireFirstSteps *self = SPIRE_FIRST_STEPS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_FIRST_STEPS);
  g_clear_object (&self->store);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->cohort, g_free);

  G_OBJECT_CLASS (spire_first_steps_parent_class)->dispose (object);
}

static void
spire_first_steps_class_init (SpireFirstStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spire_first_steps_dispose;
  window_class->close_request = spire_first_steps_close_request;

  /* (program UUID or NULL, cohort UUID or NULL) */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                    G_TYPE_STRING);

  (void) spire_start_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/start/spire-first-steps.ui");
#define BIND(x) gtk_widget_class_bind_template_child (widget_class, SpireFirstSteps, x)
  BIND (window_title);
  BIND (skip_button);
  BIND (next_button);
  BIND (stack);
  BIND (program_name_row);
  BIND (program_kind_row);
  BIND (operator_row);
  BIND (cohort_name_row);
  BIND (deadline_row);
  BIND (seats_spin);
  BIND (challenge_title_row);
  BIND (owner_row);
  BIND (owner_kind_row);
  BIND (need_row);
  BIND (message_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "first-steps.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "first-steps.skip", NULL, skip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
spire_first_steps_init (SpireFirstSteps *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* its choices whole at 360 px, the title wrapping beside them */
  spire_combo_row_show_value_whole (self->program_kind_row);
  spire_combo_row_show_value_whole (self->owner_kind_row);
  fill_combo (self->program_kind_row, &spire_kind_program, "kind", "accelerator");
  fill_combo (self->owner_kind_row, &spire_kind_public_body, "kind", "municipality");
  spire_window_set_default_button (GTK_WINDOW (self), self->next_button);
  update (self);
}

/* Public API */

SpireFirstSteps *
spire_first_steps_present (GtkWindow *parent, SpireStore *store)
{
  SpireFirstSteps *self;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  self = g_object_new (SPIRE_TYPE_FIRST_STEPS, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->program_name_row));
  return self;
}

const char *
spire_first_steps_get_step (SpireFirstSteps *self)
{
  g_return_val_if_fail (SPIRE_IS_FIRST_STEPS (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_spire_first_steps_get_row (SpireFirstSteps *self, const char *name)
{
  const struct
  {
    const char *name;
    gsize offset;
  } rows[] = {
    { "program-name", G_STRUCT_OFFSET (SpireFirstSteps, program_name_row) },
    { "program-kind", G_STRUCT_OFFSET (SpireFirstSteps, program_kind_row) },
    { "operator", G_STRUCT_OFFSET (SpireFirstSteps, operator_row) },
    { "cohort-name", G_STRUCT_OFFSET (SpireFirstSteps, cohort_name_row) },
    { "deadline", G_STRUCT_OFFSET (SpireFirstSteps, deadline_row) },
    { "seats", G_STRUCT_OFFSET (SpireFirstSteps, seats_spin) },
    { "challenge-title", G_STRUCT_OFFSET (SpireFirstSteps, challenge_title_row) },
    { "owner", G_STRUCT_OFFSET (SpireFirstSteps, owner_row) },
    { "owner-kind", G_STRUCT_OFFSET (SpireFirstSteps, owner_kind_row) },
    { "need", G_STRUCT_OFFSET (SpireFirstSteps, need_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset);
  g_return_val_if_reached (NULL);
}

const char *
_spire_first_steps_get_message (SpireFirstSteps *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
