/* spire-sidebar.c — programs and, under each, its cohorts
 *
 * A GtkListBox in the navigation-sidebar style: one heading row per program,
 * then a row per cohort of that program.  A program's heading is a row too:
 * selecting it (click, arrow keys and Enter) shows the program's overview.
 * Programs and cohorts come in Norwegian order from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "common/spire-error-dialog.h"
#include "common/spire-widget.h"
#include "common/spire-undo.h"
#include "records/spire-record-editor.h"
#include "spire-sidebar-private.h"
#include "spire-sidebar-rows.h"
#include "spire-sidebar-resources.h"
#include "spire-sidebar.h"

struct _SpireSidebar
{
  AdwBin parent_instance;

  GtkListBox *list;

  SpireStore *store;
  SpireCohort *selected;
  const char *directory;     /* a table name (static) while a directory row is selected */
  char *program;             /* the program whose heading row is selected */
  GHashTable *program_names; /* uuid → name */
  char *first_program;
  /* The list's selection changes are not told: its rows are being made
   * again, or a row is selected quietly (select_quietly) */
  gboolean rebuilding;
  /* The rows below the first screenful, made after the first frame, one
   * slice an idle (append_pending_cb); PendingRow each. */
  GPtrArray *pending;
  guint pending_next;
  guint pending_idle;
  /* The cohort shown before its row was made (select_later): its row is
   * selected when made, without telling again */
  char *select_when_made;
};

/* A row still to be made: a program's heading, its "No cohorts yet" (record
 * NULL) or a cohort. */
typedef struct
{
  SpireRecord *record;
  gboolean program;
} PendingRow;

static void
pending_row_free (gpointer data)
{
  PendingRow *p = data;

  g_clear_object (&p->record);
  g_free (p);
}

G_DEFINE_FINAL_TYPE (SpireSidebar, spire_sidebar, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SELECTED_COHORT,
  PROP_SELECTED_DIRECTORY,
  PROP_SELECTED_PROGRAM,
  N_PROPS
};

enum
{
  COHORT_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char *table;
  const char *icon;
  const char *label; /* N_(); NULL: the kind's plural */
} directory_rows[] = {
  { "startups", "system-users-symbolic", NULL },
  { "public_bodies", "mark-location-symbolic", NULL },
  { "persons", "avatar-default-symbolic", NULL },
  { "challenges", "dialog-question-symbolic", NULL },
  /* Not a kind: the window shows the audit trail (src/gui/audit/) */
  { "audit", "document-open-recent-symbolic", N_("Audit Trail") },
};

/* A choice is told once: the three properties are set together and
 * "selection-changed" is emitted once after them, so that the window reads
 * what was chosen once and never shows the state between (it used to
 * follow each property's notification: up to three a choice, and a cohort
 * chosen from a directory or a program showed "No Cohort Selected" first).
 * @always: tell even when nothing changed (a reload: the records are fresh
 * copies, and a directory or an overview is read again). */
static void
choose (SpireSidebar *self, const char *program, const char *table, SpireCohort *cohort,
        gboolean always)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (program, self->program) != 0)
    {
      g_autofree char *old = g_steal_pointer (&self->program);

      self->program = g_strdup (program);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROGRAM]);
      changed = TRUE;
    }
  if (table != self->directory)
    {
      self->directory = table;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DIRECTORY]);
      changed = TRUE;
    }
  if (g_set_object (&self->selected, cohort))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COHORT]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  if (changed || always)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void drop_pending (SpireSidebar *self);

static void
remove_all_rows (SpireSidebar *self)
{
  GtkWidget *child;

  drop_pending (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* The rows a screenful holds are made with the sidebar, the others after
 * the first frame, a slice an idle: GtkListBox measures every row it has,
 * on screen or not, and with 200 cohorts that was most of the window's
 * first frame (issue 11).  GtkListView would not help on GTK 4.8: it keeps
 * up to 200 rows' widgets alive whatever its height.  The heights are a
 * little under the rows' own, so that the screenful is full. */
#define HEIGHT_DIRECTORY 34
#define HEIGHT_PROGRAM 40
#define HEIGHT_COHORT 36
#define SLICE_ROWS 24

/* A cohort's number of applications is counted when its row is made (the
 * index on the applications' cohort reads only that cohort's): counting
 * every cohort's at once read all the applications before the first frame,
 * 6 M instructions on the large demo and 62 M on the xlarge (issue 11). */
static GtkWidget *
pending_row_new (SpireSidebar *self, const PendingRow *p)
{
  if (p->program)
    return _spire_sidebar_program_row_new (p->record, FALSE);
  if (p->record == NULL)
    return _spire_sidebar_placeholder_row_new (_("No cohorts yet"));
  return _spire_sidebar_cohort_row_new (p->record,
                                        spire_store_count (self->store, &spire_kind_application,
                                                           "cohort",
                                                           spire_record_get_uuid (p->record)));
}

static void
drop_pending (SpireSidebar *self)
{
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_next = 0;
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_clear_pointer (&self->select_when_made, g_free);
}

/* Selects @row without telling (its choice is already shown, or is told
 * by the caller) */
static void
select_quietly (SpireSidebar *self, GtkListBoxRow *row)
{
  gboolean rebuilding = self->rebuilding;

  self->rebuilding = TRUE;
  if (row)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
  self->rebuilding = rebuilding;
}

/* The row just made is the one select_later waits for: selected. */
static void
select_if_awaited (SpireSidebar *self, GtkWidget *row)
{
  SpireRecord *cohort = g_object_get_data (G_OBJECT (row), ROW_COHORT);

  if (self->select_when_made == NULL || cohort == NULL ||
      g_strcmp0 (spire_record_get_uuid (cohort), self->select_when_made) != 0)
    return;
  g_clear_pointer (&self->select_when_made, g_free);
  select_quietly (self, GTK_LIST_BOX_ROW (row));
}

/* Makes the next @n rows (G_MAXUINT: all); FALSE when none is left. */
static gboolean
append_rows (SpireSidebar *self, guint n)
{
  for (; n > 0 && self->pending && self->pending_next < self->pending->len; n--)
    {
      GtkWidget *row = pending_row_new (self, g_ptr_array_index (self->pending,
                                                                 self->pending_next++));

      gtk_list_box_append (self->list, row);
      select_if_awaited (self, row);
    }
  if (self->pending && self->pending_next < self->pending->len)
    return TRUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_next = 0;
  return FALSE;
}

/* Every row, now: what looks rows up or counts them sees them all. */
static void
finish_rows (SpireSidebar *self)
{
  if (self->pending)
    append_rows (self, G_MAXUINT);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
}

static gboolean
append_pending_cb (gpointer user_data)
{
  SpireSidebar *self = user_data;

  if (append_rows (self, SLICE_ROWS))
    return G_SOURCE_CONTINUE;
  self->pending_idle = 0;
  return G_SOURCE_REMOVE;
}

static int
screenful_height (SpireSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0 && GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (GTK_IS_WINDOW (root) && gtk_window_is_maximized (GTK_WINDOW (root)))
    height = MAX (height, 1600);
  return height > 0 ? height : 1200;
}

/* The rows of self->pending that a screenful holds; the others in idles
 * (below the frames' priority, so a slice a frame), or at once when the
 * sidebar is not on screen (no frame to wait for). */
static void
append_screenful (SpireSidebar *self)
{
  int budget = screenful_height (self) - HEIGHT_PROGRAM -
               (int) G_N_ELEMENTS (directory_rows) * HEIGHT_DIRECTORY;

  while (self->pending && self->pending_next < self->pending->len && budget > 0)
    {
      const PendingRow *p = g_ptr_array_index (self->pending, self->pending_next);

      budget -= p->program ? HEIGHT_PROGRAM : HEIGHT_COHORT;
      append_rows (self, 1);
    }
  if (self->pending == NULL)
    return;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    finish_rows (self);
  else if (self->pending_idle == 0)
    self->pending_idle = g_idle_add_full (G_PRIORITY_LOW, append_pending_cb, self, NULL);
}

static void
add_pending (GPtrArray *pending, SpireRecord *record, gboolean program)
{
  PendingRow *p = g_new0 (PendingRow, 1);

  p->record = record ? g_object_ref (record) : NULL;
  p->program = program;
  g_ptr_array_add (pending, p);
}

static GtkListBoxRow *
find_directory_row (SpireSidebar *self, const char *table)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_DIRECTORY), table) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/* Whether pending row @p is the program @uuid's heading, or the cohort
 * @uuid's row (any cohort's for NULL) */
static gboolean
pending_is (const PendingRow *p, gboolean program, const char *uuid)
{
  if (p->program != program || p->record == NULL)
    return FALSE;
  return uuid == NULL || g_strcmp0 (spire_record_get_uuid (p->record), uuid) == 0;
}

/* Makes the rows still to come up to that one (the rest stay for the
 * idle): selecting a cohort low in the sidebar of 200 cohorts made every
 * row at once (issue 11). */
static void
make_rows_until (SpireSidebar *self, gboolean program, const char *uuid)
{
  while (self->pending && self->pending_next < self->pending->len)
    {
      gboolean found = pending_is (g_ptr_array_index (self->pending, self->pending_next), program,
                                   uuid);

      append_rows (self, 1);
      if (found)
        return;
    }
}

/* The row of program @uuid's heading, or of cohort @uuid (the first
 * cohort's for NULL), among the rows made */
static GtkListBoxRow *
find_made_row (SpireSidebar *self, gboolean program, const char *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      SpireRecord *cohort = g_object_get_data (G_OBJECT (child), ROW_COHORT);

      if (program ? g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_PROGRAM), uuid) == 0
                  : cohort && (uuid == NULL ||
                               g_strcmp0 (spire_record_get_uuid (cohort), uuid) == 0))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* The same, made now if it was still to come */
static GtkListBoxRow *
find_record_row (SpireSidebar *self, gboolean program, const char *uuid)
{
  GtkListBoxRow *row = find_made_row (self, program, uuid);

  if (row != NULL)
    return row;
  make_rows_until (self, program, uuid);
  return find_made_row (self, program, uuid);
}

static GtkListBoxRow *
find_program_row (SpireSidebar *self, const char *uuid)
{
  g_return_val_if_fail (uuid != NULL, NULL);
  return find_record_row (self, TRUE, uuid);
}

static GtkListBoxRow *
find_cohort_row (SpireSidebar *self, const char *uuid)
{
  return find_record_row (self, FALSE, uuid);
}

/* Shows cohort @uuid whose row is still to come, and selects its row when
 * the idle makes it: making every row before it at once took 80–250 ms of
 * the main thread with 200 cohorts (issue 11).  FALSE when it is not to
 * come either. */
static gboolean
select_later (SpireSidebar *self, const char *uuid)
{
  SpireRecord *cohort = NULL;

  for (guint i = self->pending_next; self->pending && i < self->pending->len && !cohort; i++)
    if (pending_is (g_ptr_array_index (self->pending, i), FALSE, uuid))
      cohort = ((PendingRow *) g_ptr_array_index (self->pending, i))->record;
  if (cohort == NULL)
    return FALSE;
  g_free (self->select_when_made);
  self->select_when_made = g_strdup (uuid);
  select_quietly (self, NULL);
  choose (self, NULL, NULL, SPIRE_COHORT (cohort), FALSE);
  return TRUE;
}

/* Callbacks */

static void
on_list_row_selected_cb (SpireSidebar *self, GtkListBoxRow *row, GtkListBox *list)
{
  SpireCohort *cohort = row ? g_object_get_data (G_OBJECT (row), ROW_COHORT) : NULL;
  const char *table = row ? g_object_get_data (G_OBJECT (row), ROW_DIRECTORY) : NULL;
  const char *program = row ? g_object_get_data (G_OBJECT (row), ROW_PROGRAM) : NULL;

  if (self->rebuilding)
    return;
  /* The user chose: a cohort waiting for its row is no longer shown. */
  g_clear_pointer (&self->select_when_made, g_free);
  choose (self, program, table, cohort, FALSE);
}

static void
on_list_row_activated_cb (SpireSidebar *self, GtkListBoxRow *row, GtkListBox *list)
{
  SpireCohort *cohort = g_object_get_data (G_OBJECT (row), ROW_COHORT);

  if (cohort)
    g_signal_emit (self, signals[COHORT_ACTIVATED], 0, cohort);
  else if (g_object_get_data (G_OBJECT (row), ROW_DIRECTORY) ||
           g_object_get_data (G_OBJECT (row), ROW_PROGRAM))
    g_signal_emit (self, signals[COHORT_ACTIVATED], 0, NULL);
}

/* The Menu key (or Shift+F10) opens the focused row's menu. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                        GdkModifierType state, SpireSidebar *self)
{
  GtkWidget *focus;
  GtkWidget *button;

  if (!(keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK))))
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  button = focus ? g_object_get_data (G_OBJECT (focus), ROW_MENU) : NULL;
  if (button == NULL)
    return FALSE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  return TRUE;
}

/* Actions */

static void
show_error (SpireSidebar *self, const char *heading, const GError *error)
{
  spire_error_dialog_show (GTK_WIDGET (self), heading, error);
}

static SpireRecord *
get_record (SpireSidebar *self, const SpireKind *kind, GVariant *param)
{
  g_autoptr (GError) error = NULL;
  SpireRecord *record;

  if (self->store == NULL)
    return NULL;
  record = spire_store_get (self->store, kind, g_variant_get_string (param, NULL), &error);
  if (record == NULL)
    show_error (self, _("Could Not Read the Database"), error);
  return record;
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireSidebar *self = SPIRE_SIDEBAR (widget);
  const SpireKind *kind = g_str_equal (name, "sidebar.edit-program") ? &spire_kind_program
                                                                      : &spire_kind_cohort;
  g_autoptr (SpireRecord) record = get_record (self, kind, param);

  if (record)
    spire_record_editor_present (spire_widget_get_window (GTK_WIDGET (self)), self->store, kind, record, NULL);
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireSidebar *self = SPIRE_SIDEBAR (widget);
  const SpireKind *kind = g_str_equal (name, "sidebar.delete-program") ? &spire_kind_program
                                                                        : &spire_kind_cohort;
  g_autoptr (SpireRecord) record = get_record (self, kind, param);

  if (record)
    {
      g_autoptr (GPtrArray) records = g_ptr_array_new ();

      g_ptr_array_add (records, record);
      spire_delete_with_undo (widget, self->store, records);
    }
}

static void
new_cohort_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireSidebar *self = SPIRE_SIDEBAR (widget);

  spire_sidebar_new_cohort (self, g_variant_get_string (param, NULL));
}

/* What "Move" in the phase question does. */
typedef struct
{
  SpireSidebar *self; /* weak */
  SpireRecord *cohort;
  const char *phase;  /* static */
} PhaseMove;

static void
phase_move_free (gpointer data, GClosure *closure)
{
  PhaseMove *m = data;

  g_clear_weak_pointer (&m->self);
  g_clear_object (&m->cohort);
  g_free (m);
}

static void
on_confirm_phase_response_cb (AdwMessageDialog *dialog, const char *response, PhaseMove *m)
{
  SpireSidebar *self = m->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) changed = NULL;

  if (!g_str_equal (response, "move") || self == NULL || self->store == NULL)
    return;
  changed = spire_record_copy (m->cohort);
  spire_record_set_text (changed, "phase", m->phase);
  if (!spire_store_save (self->store, changed, SPIRE_SAVE_DEFAULT, NULL, &error))
    show_error (self, _("Could Not Change the Phase"), error);
}

static void
phase_action (GtkWidget *widget, const char *name, GVariant *param)
{
  SpireSidebar *self = SPIRE_SIDEBAR (widget);
  g_autoptr (SpireRecord) cohort = get_record (self, &spire_kind_cohort, param);
  const SpireField *field = spire_kind_field (&spire_kind_cohort, "phase");
  AdwMessageDialog *dialog;
  PhaseMove *move;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *from;
  int index;

  if (cohort == NULL)
    return;
  from = spire_record_get_text (cohort, "phase");
  index = _spire_sidebar_phase_index (from) + (g_str_equal (name, "sidebar.next-phase") ? 1 : -1);
  if (index < 0 || index >= (int) G_N_ELEMENTS (_spire_sidebar_phase_order) - 1)
    return;

  /* TRANSLATORS: "Move “Vår 2026” to Screening?" */
  heading = g_strdup_printf (_("Move “%s” to %s?"), spire_record_get_display_name (cohort),
                             spire_field_value_label (field, _spire_sidebar_phase_order[index]));
  body = g_strdup_printf (_("The cohort’s phase changes from “%s” to “%s”. You can move it back later."),
                          spire_field_value_label (field, from),
                          spire_field_value_label (field, _spire_sidebar_phase_order[index]));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (spire_widget_get_window (GTK_WIDGET (self)), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  move = g_new0 (PhaseMove, 1);
  g_set_weak_pointer (&move->self, self);
  move->cohort = g_object_ref (cohort);
  move->phase = _spire_sidebar_phase_order[index];
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_phase_response_cb), move,
                         phase_move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
spire_sidebar_dispose (GObject *object)
{
  SpireSidebar *self = SPIRE_SIDEBAR (object);

  drop_pending (self);
  self->rebuilding = TRUE; /* the rows go: no choice to tell */
  gtk_widget_dispose_template (GTK_WIDGET (self), SPIRE_TYPE_SIDEBAR);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->program_names, g_hash_table_unref);
  g_clear_pointer (&self->first_program, g_free);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->select_when_made, g_free);

  G_OBJECT_CLASS (spire_sidebar_parent_class)->dispose (object);
}

static void
spire_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireSidebar *self = SPIRE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COHORT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SELECTED_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_SELECTED_PROGRAM:
      g_value_set_string (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spire_sidebar_class_init (SpireSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spire_sidebar_dispose;
  object_class->get_property = spire_sidebar_get_property;

  properties[PROP_SELECTED_COHORT] =
    g_param_spec_object ("selected-cohort", NULL, NULL, SPIRE_TYPE_COHORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DIRECTORY] =
    g_param_spec_string ("selected-directory", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PROGRAM] =
    g_param_spec_string ("selected-program", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpireSidebar::cohort-activated:
   * @cohort: the cohort whose row was activated
   *
   * The user chose a cohort (click, Enter): a folded window shows it.
   * @cohort is NULL when a directory row or a program was chosen.
   */
  signals[COHORT_ACTIVATED] = g_signal_new ("cohort-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, SPIRE_TYPE_COHORT);

  /**
   * SpireSidebar::selection-changed:
   *
   * Another row was chosen, or the sidebar was read again: once a choice,
   * after "selected-cohort", "selected-directory" and "selected-program"
   * all hold it (at most one of them is set).
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  /* Links the GResource (registered by its constructor) from the static library. */
  (void) spire_sidebar_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/no/spire/Spire/sidebar/spire-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpireSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.new-cohort", "s", new_cohort_action);
  gtk_widget_class_install_action (widget_class, "sidebar.edit-program", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "sidebar.delete-program", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "sidebar.edit-cohort", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "sidebar.delete-cohort", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "sidebar.next-phase", "s", phase_action);
  gtk_widget_class_install_action (widget_class, "sidebar.previous-phase", "s", phase_action);
}

static void
spire_sidebar_init (SpireSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->program_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

GtkWidget *
spire_sidebar_new (void)
{
  return g_object_new (SPIRE_TYPE_SIDEBAR, NULL);
}

void
spire_sidebar_set_store (SpireSidebar *self, SpireStore *store)
{
  g_return_if_fail (SPIRE_IS_SIDEBAR (self));

  if (g_set_object (&self->store, store))
    spire_sidebar_clear (self);
}

void
spire_sidebar_clear (SpireSidebar *self)
{
  g_return_if_fail (SPIRE_IS_SIDEBAR (self));

  self->rebuilding = TRUE;
  remove_all_rows (self);
  g_hash_table_remove_all (self->program_names);
  g_clear_pointer (&self->first_program, g_free);
  self->rebuilding = FALSE;
  choose (self, NULL, NULL, NULL, FALSE);
}

/* The cohorts of each program: program uuid → GPtrArray of @cohorts' records,
 * in their order. */
static GHashTable *
cohorts_by_program (GPtrArray *cohorts)
{
  GHashTable *by_program = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < cohorts->len; i++)
    {
      SpireRecord *cohort = g_ptr_array_index (cohorts, i);
      const char *program = spire_record_get_text (cohort, "program");
      GPtrArray *list = g_hash_table_lookup (by_program, program);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_program, (gpointer) program, list);
        }
      g_ptr_array_add (list, cohort);
    }
  return by_program;
}

/* Makes the rows again: the directory, then each program's heading and its
 * cohorts.  Leaves self->rebuilding set; the caller selects a row. */
static void
make_rows (SpireSidebar *self, GPtrArray *programs, GHashTable *by_program)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func (pending_row_free);
  gboolean first_fill;

  /* The first fill makes a screenful before the first frame and the rest
   * after; a reload makes every row at once (the scroll position stays). */
  first_fill = gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL;
  self->rebuilding = TRUE;
  remove_all_rows (self);
  g_hash_table_remove_all (self->program_names);
  g_clear_pointer (&self->first_program, g_free);
  if (programs->len)
    self->first_program = g_strdup (spire_record_get_uuid (g_ptr_array_index (programs, 0)));
  gtk_list_box_append (self->list, _spire_sidebar_heading_row_new (_("Directory"), TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (directory_rows); i++)
    gtk_list_box_append (self->list, _spire_sidebar_directory_row_new (directory_rows[i].table,
                                                        directory_rows[i].icon,
                                                        directory_rows[i].label));
  for (guint i = 0; i < programs->len; i++)
    {
      SpireRecord *program = g_ptr_array_index (programs, i);
      GPtrArray *list = g_hash_table_lookup (by_program, spire_record_get_uuid (program));

      g_hash_table_insert (self->program_names, g_strdup (spire_record_get_uuid (program)),
                           g_strdup (spire_record_get_display_name (program)));
      add_pending (pending, program, TRUE);
      if (list == NULL || list->len == 0)
        {
          add_pending (pending, NULL, FALSE);
          continue;
        }
      for (guint j = 0; j < list->len; j++)
        add_pending (pending, g_ptr_array_index (list, j), FALSE);
    }
  if (pending->len > 0)
    self->pending = g_steal_pointer (&pending);
  if (first_fill)
    append_screenful (self);
  else
    finish_rows (self);
}

/* After make_rows: selects what was shown before (a directory, a program's
 * overview, or the cohort @keep, else the first cohort) and tells. */
static void
select_again (SpireSidebar *self, const char *keep)
{
  GtkListBoxRow *row;

  if (self->directory)
    {
      /* A directory stays shown; tell, so that it is read again. */
      row = find_directory_row (self, self->directory);
      gtk_list_box_select_row (self->list, row);
      self->rebuilding = FALSE;
      choose (self, NULL, self->directory, NULL, TRUE);
      return;
    }

  if (self->program)
    {
      /* So does a program's overview, unless the program went. */
      row = find_program_row (self, self->program);
      if (row != NULL)
        {
          g_autofree char *program = g_strdup (self->program);

          gtk_list_box_select_row (self->list, row);
          self->rebuilding = FALSE;
          choose (self, program, NULL, NULL, TRUE);
          return;
        }
      /* Gone: the cohort chosen below is told in its place. */
    }

  row = keep ? find_cohort_row (self, keep) : NULL;
  if (row == NULL)
    row = find_cohort_row (self, NULL);
  gtk_list_box_select_row (self->list, row);
  self->rebuilding = FALSE;

  /* Always tell: the record is a fresh copy, its data may have changed. */
  choose (self, NULL, NULL, row ? g_object_get_data (G_OBJECT (row), ROW_COHORT) : NULL, TRUE);
}

gboolean
spire_sidebar_reload (SpireSidebar *self, GError **error)
{
  g_autoptr (GPtrArray) programs = NULL;
  g_autoptr (GPtrArray) cohorts = NULL;
  g_autoptr (GHashTable) by_program = NULL; /* program uuid → GPtrArray of cohorts */
  g_autofree char *keep = NULL;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);

  if (self->store == NULL)
    {
      spire_sidebar_clear (self);
      return TRUE;
    }

  programs = spire_store_list (self->store, &spire_kind_program, NULL, NULL, error);
  if (programs == NULL)
    return FALSE;
  cohorts = spire_store_list (self->store, &spire_kind_cohort, NULL, NULL, error);
  if (cohorts == NULL)
    return FALSE;
  by_program = cohorts_by_program (cohorts);

  if (self->selected)
    keep = g_strdup (spire_record_get_uuid (SPIRE_RECORD (self->selected)));

  make_rows (self, programs, by_program);
  select_again (self, keep);
  return TRUE;
}

SpireCohort *
spire_sidebar_get_selected_cohort (SpireSidebar *self)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return self->selected;
}

gboolean
spire_sidebar_select_cohort (SpireSidebar *self, const char *uuid)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  row = find_made_row (self, FALSE, uuid);
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      return TRUE;
    }
  return select_later (self, uuid);
}

gboolean
spire_sidebar_select_directory (SpireSidebar *self, const char *table)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);

  row = find_directory_row (self, table);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, row);
  return TRUE;
}

gboolean
spire_sidebar_select_program (SpireSidebar *self, const char *uuid)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  row = find_program_row (self, uuid);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, row);
  return TRUE;
}

const char *
spire_sidebar_get_selected_program (SpireSidebar *self)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return self->program;
}

const char *
spire_sidebar_get_selected_directory (SpireSidebar *self)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return self->directory;
}

const char *
spire_sidebar_get_current_program (SpireSidebar *self)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  if (self->program)
    return self->program;
  if (self->selected)
    return spire_record_get_text (SPIRE_RECORD (self->selected), "program");
  return self->first_program;
}

void
spire_sidebar_new_cohort (SpireSidebar *self, const char *program_uuid)
{
  g_autoptr (GHashTable) defaults = NULL;

  g_return_if_fail (SPIRE_IS_SIDEBAR (self));

  if (self->store == NULL)
    return;
  if (program_uuid == NULL)
    program_uuid = spire_sidebar_get_current_program (self);
  defaults = g_hash_table_new (g_str_hash, g_str_equal);
  if (program_uuid)
    g_hash_table_insert (defaults, "program", (gpointer) program_uuid);
  g_hash_table_insert (defaults, "phase", "planning");
  spire_record_editor_present (spire_widget_get_window (GTK_WIDGET (self)), self->store, &spire_kind_cohort, NULL,
                               defaults);
}

const char *
spire_sidebar_get_program_name (SpireSidebar *self, const char *program_uuid)
{
  g_return_val_if_fail (SPIRE_IS_SIDEBAR (self), NULL);

  return program_uuid ? g_hash_table_lookup (self->program_names, program_uuid) : NULL;
}

/* Private API */

void
_spire_sidebar_count_rows (SpireSidebar *self, guint *n_programs, guint *n_cohorts)
{
  guint p = 0, c = 0;

  finish_rows (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), ROW_PROGRAM))
        p++;
      else if (g_object_get_data (G_OBJECT (child), ROW_COHORT))
        c++;
    }
  if (n_programs)
    *n_programs = p;
  if (n_cohorts)
    *n_cohorts = c;
}

GtkListBox *
_spire_sidebar_get_list (SpireSidebar *self)
{
  finish_rows (self);
  return self->list;
}
