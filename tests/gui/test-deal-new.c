/* test-deal-new.c — New Deal… on the Follow-up page: the dialog offers the
 * cohort's accepted applications and the public bodies, keeps Add off until
 * both are chosen, and Add stores the deal (application, buyer, first stage,
 * value), says so and opens its editor; a cohort without an accepted
 * application says what to do instead of offering an empty list; typing
 * with a dropdown open searches it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-deal-new"

#include "config.h"

#include "common/spire-widget.h"
#include "followup/spire-deal-editor.h"
#include "followup/spire-deal-new-dialog.h"
#include "followup/spire-followup-page.h"
#include "gui-fixture.h"

typedef struct
{
  SpireStore *store;
  GtkWindow *window;
  SpireFollowupPage *page;
  char *cohort;
  char *application; /* an accepted application of the cohort */
  char *buyer;
} F;

static gboolean
loaded (gpointer data)
{
  return !spire_followup_page_is_loading (data);
}

/* A cohort with an accepted application (into @f). */
static void
find_accepted (F *f)
{
  g_autoptr (GPtrArray) apps = spire_store_list (f->store, &spire_kind_application, "status",
                                                 "accepted", NULL);
  g_autoptr (GPtrArray) bodies = spire_store_list (f->store, &spire_kind_public_body, NULL,
                                                   NULL, NULL);

  g_assert_nonnull (apps);
  g_assert_cmpuint (apps->len, >, 0);
  g_assert_nonnull (bodies);
  g_assert_cmpuint (bodies->len, >, 0);
  f->application = g_strdup (spire_record_get_uuid (apps->pdata[0]));
  f->cohort = g_strdup (spire_record_get_text (apps->pdata[0], "cohort"));
  f->buyer = g_strdup (spire_record_get_uuid (bodies->pdata[bodies->len - 1]));
}

static void
show_cohort (F *f, const char *cohort_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = spire_store_get (f->store, &spire_kind_cohort, cohort_uuid,
                                                    &error);

  g_assert_no_error (error);
  g_assert_true (spire_followup_page_set_cohort (f->page, SPIRE_COHORT (cohort), &error));
  g_assert_true (gui_fixture_wait (loaded, f->page, GUI_FIXTURE_TIMEOUT_MS));
}

static void
f_setup (F *f, gconstpointer data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->store = gui_fixture_filled_store ();
  find_accepted (f);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->page = SPIRE_FOLLOWUP_PAGE (spire_followup_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
  spire_followup_page_set_store (f->page, f->store);
  show_cohort (f, f->cohort);
}

static void
f_teardown (F *f, gconstpointer data)
{
  GtkWindow *w;

  while ((w = gui_fixture_find_window (SPIRE_TYPE_DEAL_NEW_DIALOG)) != NULL)
    gtk_window_destroy (w);
  while ((w = gui_fixture_find_window (SPIRE_TYPE_DEAL_EDITOR)) != NULL)
    gtk_window_destroy (w);
  gui_fixture_destroy_window (f->window);
  g_clear_object (&f->store);
  g_free (f->cohort);
  g_free (f->application);
  g_free (f->buyer);
}

static SpireDealNewDialog *
open_dialog (F *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "followup.new-deal", NULL));
  return SPIRE_DEAL_NEW_DIALOG (gui_fixture_wait_window (SPIRE_TYPE_DEAL_NEW_DIALOG));
}

/* The dialog's Add button, as a user finds it: by its label. */
static GtkWidget *
add_button (SpireDealNewDialog *dialog)
{
  GtkWidget *label = gui_fixture_find_label (GTK_WIDGET (dialog), "Add", FALSE);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

/* The deal of the cohort not among @before, or NULL. */
static SpireRecord *
new_deal (F *f, GPtrArray *before)
{
  g_autoptr (GPtrArray) deals = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);

  for (guint i = 0; i < deals->len; i++)
    {
      gboolean old = FALSE;

      for (guint j = 0; j < before->len && !old; j++)
        old = g_str_equal (spire_record_get_uuid (deals->pdata[i]),
                           spire_record_get_uuid (before->pdata[j]));
      if (!old)
        return g_object_ref (deals->pdata[i]);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return gui_fixture_find_window (SPIRE_TYPE_DEAL_NEW_DIALOG) == NULL;
}

static gboolean
board_has (gpointer data)
{
  gpointer *args = data;
  GListModel *model = spire_followup_page_get_stage_model (args[0], "dialogue");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (SpireDealCard) card = g_list_model_get_item (model, i);

      if (g_str_equal (spire_deal_card_get_uuid (card), args[1]))
        return TRUE;
    }
  return FALSE;
}

static void
test_add (F *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);
  g_autoptr (SpireRecord) deal = NULL;
  SpireDealNewDialog *dialog = open_dialog (f);
  GtkWidget *add = add_button (dialog);
  SpireDealEditor *editor;
  gpointer args[2];

  g_assert_null (spire_deal_new_dialog_get_problem (dialog));
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_true (spire_deal_new_dialog_choose (dialog, "public_body", f->buyer));
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_true (spire_deal_new_dialog_choose (dialog, "application", f->application));
  /* the buyer the user chose stays (the application does not replace it) */
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (spire_deal_new_dialog_set_field_text (dialog, "value", "2 500 000"));
  g_assert_true (spire_deal_new_dialog_set_field_text (dialog, "note", "First meeting"));
  /* a button activated shows its press a moment before it clicks */
  gtk_widget_activate (add);
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  g_assert_null (gui_fixture_find_message_dialog ());
  deal = new_deal (f, before);
  g_assert_nonnull (deal);
  g_assert_cmpstr (spire_record_get_text (deal, "application"), ==, f->application);
  g_assert_cmpstr (spire_record_get_text (deal, "public_body"), ==, f->buyer);
  g_assert_cmpstr (spire_record_get_text (deal, "stage"), ==, "dialogue");
  g_assert_cmpint (spire_record_get_int (deal, "value"), ==, G_GINT64_CONSTANT (250000000));
  {
    g_autoptr (GPtrArray) after = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);

    g_assert_cmpuint (after->len, ==, before->len + 1);
  }

  editor = SPIRE_DEAL_EDITOR (gui_fixture_wait_window (SPIRE_TYPE_DEAL_EDITOR));
  g_assert_cmpstr (spire_deal_editor_get_deal (editor), ==, spire_record_get_uuid (deal));
  g_assert_true (gui_fixture_wait_label (f->window, "Deal added"));
  /* the board reads the deals again by itself */
  args[0] = f->page;
  args[1] = (gpointer) spire_record_get_uuid (deal);
  g_assert_true (gui_fixture_wait (board_has, args, GUI_FIXTURE_TIMEOUT_MS));
}

/* Core refuses (the buyer went since the dialog listed it): the message
 * is shown, nothing is stored and the dialog stays for another try. */
static void
test_refused_stays (F *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) body = gui_fixture_insert (f->store, &spire_kind_public_body,
                                                     "name", "Forsvunnet kommune",
                                                     "kind", "municipality", NULL);
  SpireDealNewDialog *dialog = open_dialog (f);
  AdwMessageDialog *message;

  g_assert_true (spire_deal_new_dialog_choose (dialog, "application", f->application));
  g_assert_true (spire_deal_new_dialog_choose (dialog, "public_body",
                                               spire_record_get_uuid (body)));
  g_assert_true (spire_store_delete (f->store, body, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "deal-new.add", NULL));
  message = gui_fixture_wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "The Deal Was Not Added");
  g_assert_true (gui_fixture_find_window (SPIRE_TYPE_DEAL_NEW_DIALOG) == GTK_WINDOW (dialog));
  after = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_null (gui_fixture_find_window (SPIRE_TYPE_DEAL_EDITOR));
  gtk_window_destroy (GTK_WINDOW (message));
}

/* The drawn labels under @widget saying @text. */
static guint
count_labels (GtkWidget *widget, const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c, text);
  return n;
}

/* Nothing chosen yet: each dropdown says what to choose, in our words
 * (GTK's own "(None)" has no Norwegian translation). */
static void
test_placeholders (F *f, gconstpointer data)
{
  SpireDealNewDialog *dialog = open_dialog (f);

  gui_fixture_wait_allocated (dialog);
  g_assert_cmpuint (count_labels (GTK_WIDGET (dialog), "Choose…"), ==, 2);
  g_assert_null (gui_fixture_find_label (GTK_WIDGET (dialog), "(None)", TRUE));
  g_assert_false (gtk_widget_is_sensitive (add_button (dialog)));
  /* a buyer chosen: its name in place of the placeholder */
  g_assert_true (spire_deal_new_dialog_choose (dialog, "public_body", f->buyer));
  g_assert_cmpuint (count_labels (GTK_WIDGET (dialog), "Choose…"), ==, 1);
}

/* An application chosen brings its challenge's owner as the buyer: Add
 * stores the deal with that public body. */
static void
test_buyer_from_challenge (F *f, gconstpointer data)
{
  g_autoptr (GPtrArray) before = spire_deals_list (f->store, f->cohort, NULL, NULL, NULL);
  g_autoptr (SpireRecord) app = spire_store_get (f->store, &spire_kind_application,
                                                 f->application, NULL);
  g_autoptr (SpireRecord) challenge = NULL;
  g_autoptr (SpireRecord) deal = NULL;
  SpireDealNewDialog *dialog = open_dialog (f);

  g_assert_nonnull (spire_record_get_text (app, "challenge"));
  challenge = spire_store_get (f->store, &spire_kind_challenge,
                               spire_record_get_text (app, "challenge"), NULL);
  g_assert_nonnull (challenge);
  g_assert_true (spire_deal_new_dialog_choose (dialog, "application", f->application));
  g_assert_true (gtk_widget_is_sensitive (add_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "deal-new.add", NULL));
  g_assert_true (gui_fixture_wait (dialog_gone, NULL, GUI_FIXTURE_TIMEOUT_MS));
  deal = new_deal (f, before);
  g_assert_nonnull (deal);
  g_assert_cmpstr (spire_record_get_text (deal, "public_body"), ==,
                   spire_record_get_text (challenge, "owner"));
}

/* How many of @model's strings start with @text, as GTK 4.8's dropdown
 * searches (ignoring case; ASCII here). */
static guint
count_matching (GListModel *model, const char *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);
      g_autofree char *folded = g_utf8_casefold (gtk_string_object_get_string (item), -1);

      n += g_str_has_prefix (folded, needle);
    }
  return n;
}

/* A label shown dimmed in @widget, or NULL. */
static GtkWidget *
find_dimmed (GtkWidget *widget)
{
  GtkWidget *found = NULL;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_has_css_class (widget, "dim-label"))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c && !found;
       c = gtk_widget_get_next_sibling (c))
    found = find_dimmed (c);
  return found;
}

typedef struct
{
  GtkEditable *entry;
  GListModel *shown;
  const char *text;
  guint n;
} Typed;

static gboolean
typed_and_filtered (gpointer data)
{
  Typed *t = data;

  return g_strcmp0 (gtk_editable_get_text (t->entry), t->text) == 0 &&
         g_list_model_get_n_items (t->shown) == t->n;
}

/* The application's dropdown opened, its list holding the focus: what the
 * user types goes into the search and the list shows only what matches,
 * none of it dimmed as the placeholder is.
 * Real key presses, through the X server (xdotool), as GTK makes no key
 * event a test could send. */
static void
test_type_to_search (F *f, gconstpointer data)
{
  SpireDealNewDialog *dialog = open_dialog (f);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dropdown, *popover, *list;
  GListModel *model;
  GtkStringObject *second;
  Typed t;
  int status = 0;

  if (xdotool == NULL || g_getenv ("DISPLAY") == NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }
  gui_fixture_wait_allocated (dialog);
  dropdown = spire_widget_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN); /* Application */
  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3); /* "Choose…" and two */
  /* the first four letters of an application's startup */
  second = g_list_model_get_item (model, 1);
  text = g_utf8_strdown (gtk_string_object_get_string (second), 4);
  g_object_unref (second);
  g_assert_true (g_str_is_ascii (text));

  gtk_widget_activate (dropdown);
  popover = spire_widget_find_descendant (dropdown, GTK_TYPE_POPOVER);
  gui_fixture_wait_allocated (popover);
  list = spire_widget_find_descendant (popover, GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_grab_focus (list));
  gui_fixture_wait_frame (popover);
  gui_fixture_spin (100);

  {
    const char *argv[] = { xdotool, "type", "--delay", "40", text, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  t.entry = GTK_EDITABLE (spire_widget_find_descendant (popover, GTK_TYPE_SEARCH_ENTRY));
  t.shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  t.text = text;
  t.n = count_matching (model, text);
  g_assert_cmpuint (t.n, >=, 1);
  g_assert_cmpuint (t.n, <, g_list_model_get_n_items (model));
  if (!gui_fixture_wait (typed_and_filtered, &t, GUI_FIXTURE_TIMEOUT_MS))
    g_error ("typed \"%s\" with the list focused: the search holds \"%s\", the list %u of %u "
             "(%u match)", text, gtk_editable_get_text (t.entry), g_list_model_get_n_items (t.shown),
             g_list_model_get_n_items (model), t.n);
  /* only the placeholder ("Choose…") is dimmed, not the first match */
  gui_fixture_wait_frame (popover);
  g_assert_null (find_dimmed (list));
}

static void
test_no_accepted (F *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = spire_store_get (f->store, &spire_kind_cohort, f->cohort,
                                                    &error);
  g_autoptr (SpireRecord) empty = spire_record_new (&spire_kind_cohort);
  SpireDealNewDialog *dialog;

  g_assert_no_error (error);
  spire_record_set_text (empty, "program", spire_record_get_text (cohort, "program"));
  spire_record_set_text (empty, "name", "Nobody accepted yet");
  spire_record_set_text (empty, "phase", spire_record_get_text (cohort, "phase"));
  spire_record_set_int (empty, "seats", 5);
  g_assert_true (spire_store_insert (f->store, empty, &error));
  g_assert_no_error (error);
  g_assert_true (gui_fixture_add_application (f->store, spire_record_get_uuid (empty),
                                              "Still in review", "Venter AS", "in_review",
                                              &error));
  g_assert_no_error (error);
  show_cohort (f, spire_record_get_uuid (empty));
  dialog = open_dialog (f);
  g_assert_cmpstr (spire_deal_new_dialog_get_problem (dialog), ==, "No Accepted Applications");
  g_assert_true (gui_fixture_label_shows (GTK_WIDGET (dialog), "Accept an application"));
  g_assert_false (gtk_widget_is_sensitive (add_button (dialog)));
  g_assert_false (spire_deal_new_dialog_choose (dialog, "application", f->application));
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = gui_fixture_isolate ();

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/deal-new/add", F, NULL, f_setup, test_add, f_teardown);
  g_test_add ("/deal-new/refused-stays", F, NULL, f_setup, test_refused_stays, f_teardown);
  g_test_add ("/deal-new/no-accepted", F, NULL, f_setup, test_no_accepted, f_teardown);
  g_test_add ("/deal-new/placeholders", F, NULL, f_setup, test_placeholders, f_teardown);
  g_test_add ("/deal-new/buyer-from-challenge", F, NULL, f_setup, test_buyer_from_challenge,
              f_teardown);
  g_test_add ("/deal-new/type-to-search", F, NULL, f_setup, test_type_to_search, f_teardown);
  return g_test_run ();
}
