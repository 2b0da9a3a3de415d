/* gui-fixture.c — data and helpers for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gui-fixture"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-fixture.h"
#include "cohort/spire-cohort-page.h"
#include "common/spire-widget.h"
#include "records/spire-record-list-page.h"
#include "sidebar/spire-sidebar.h"
#include "spire-window-private.h"

static const char *const first_parts[] = {
  "Nord", "Fjord", "Ås", "Øst", "Vik", "Lys", "Berg", "Æra", "Havn", "Skog",
  "Isbre", "Polar", "Tind", "Elv", "Kyst", "Midnatt", "Brygge", "Aurora",
};
static const char *const second_parts[] = {
  "Tech", "Lab", "Analytics", "Mobility", "Care", "Energi", "Data", "Robotikk", "Helse",
  "Logistikk",
};
static const char *const titles[] = {
  "Smart søppelhåndtering", "Digitalt tilsyn i hjemmetjenesten",
  "Prediktivt vedlikehold av bruer", "Bærekraftig skolemat", "Sensornettverk for luftkvalitet",
  "Automatisk snørydding", "Åpen plattform for parkering", "Sosial robot for eldre",
  "Energistyring i kommunale bygg", "Ruteplanlegging for hjemmesykepleien",
  "Varsling av vannlekkasjer", "KI-støttet saksbehandling", "Ombruk av byggematerialer",
  "Trygg skolevei med sanntidsdata", "Digital medisindispenser", "Zero-waste kantine",
};
static const char *const statuses[] = {
  "received", "ineligible", "in_review", "shortlisted", "accepted", "waitlisted", "rejected",
  "withdrawn",
};

static SpireRecord *
insert (SpireStore *store, const SpireKind *kind, GError **error, const char *first, ...)
{
  g_autoptr (SpireRecord) r = spire_record_new (kind);
  va_list ap;

  va_start (ap, first);
  for (const char *field = first; field; field = va_arg (ap, const char *))
    {
      const SpireField *f = spire_kind_field (kind, field);

      g_assert_nonnull (f);
      if (f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY)
        spire_record_set_int (r, field, va_arg (ap, gint64));
      else if (f->type == SPIRE_FIELD_BOOL)
        spire_record_set_bool (r, field, va_arg (ap, gboolean));
      else
        spire_record_set_text (r, field, va_arg (ap, const char *));
    }
  va_end (ap);
  if (!spire_store_insert (store, r, error))
    return NULL;
  return g_steal_pointer (&r);
}

#define UUID(r) spire_record_get_uuid (r)

/* What gui_fixture_fill_by_hand's steps share: the records made so far
 * (kept alive in @keep until the end) */
typedef struct
{
  SpireStore *store;
  GError **error;
  GPtrArray *keep;
  GPtrArray *startups;
  SpireRecord *oslo, *bergen, *trondelag, *helse, *bydel;
  SpireRecord *smart, *startoff, *aapen;
  SpireRecord *cohorts[5];
  GPtrArray *challenges[5];
} Fill;

/* Each step returns FALSE (with fill->error set) when an insert fails. */
#define KEEP(expr) G_STMT_START { SpireRecord *r_ = (expr); if (r_ == NULL) return FALSE; g_ptr_array_add (fill->keep, r_); } G_STMT_END

static gboolean
fill_bodies_and_programs (Fill *fill)
{
  SpireRecord *lup;

  KEEP (fill->oslo =
            insert (fill->store, &spire_kind_public_body, fill->error, "name", "Oslo kommune",
                    "kind", "municipality", "kommunenummer", "0301", NULL));
  KEEP (fill->bergen =
            insert (fill->store, &spire_kind_public_body, fill->error, "name", "Bergen kommune",
                    "kind", "municipality", "kommunenummer", "4601", NULL));
  KEEP (fill->trondelag = insert (fill->store, &spire_kind_public_body, fill->error, "name",
                                  "Trøndelag fylkeskommune", "kind", "county", NULL));
  KEEP (fill->helse = insert (fill->store, &spire_kind_public_body, fill->error, "name",
                              "Helse Bergen", "kind", "health_trust", NULL));
  KEEP (fill->bydel =
            insert (fill->store, &spire_kind_public_body, fill->error, "name", "Bydel Grünerløkka",
                    "kind", "city_district", "parent", UUID (fill->oslo), NULL));

  KEEP (fill->smart =
            insert (fill->store, &spire_kind_program, fill->error, "name", "SmartOslo Accelerator",
                    "kind", "accelerator", "operator", "Oslo Business Region", NULL));
  KEEP (fill->startoff =
            insert (fill->store, &spire_kind_program, fill->error, "name", "StartOff", "kind",
                    "need_first", "operator", "Digitaliseringsdirektoratet", NULL));
  KEEP (lup = insert (fill->store, &spire_kind_program, fill->error, "name",
                      "Leverandørutviklingsprogrammet", "kind", "procurement_support", "operator",
                      "NHO og KS", NULL));
  KEEP (fill->aapen = insert (fill->store, &spire_kind_program, fill->error, "name",
                              "Åpen innovasjon Trøndelag", "kind", "other", NULL));
  (void) lup;

  return TRUE;
}

static gboolean
fill_cohorts (Fill *fill)
{
  KEEP (fill->cohorts[0] =
            insert (fill->store, &spire_kind_cohort, fill->error, "program", UUID (fill->smart),
                    "name", "Høst 2025", "phase", "evaluation", "opens_on", "2025-08-15",
                    "application_deadline", "2025-10-01", "starts_on", "2025-11-03", "ends_on",
                    "2026-02-27", "seats", (gint64) 4, NULL));
  KEEP (fill->cohorts[1] =
            insert (fill->store, &spire_kind_cohort, fill->error, "program", UUID (fill->smart),
                    "name", "Vår 2025", "phase", "closed", "application_deadline", "2025-02-01",
                    "starts_on", "2025-03-03", "ends_on", "2025-06-20", "seats", (gint64) 4, NULL));
  KEEP (fill->cohorts[2] = insert (
            fill->store, &spire_kind_cohort, fill->error, "program", UUID (fill->startoff), "name",
            "Runde 2024", "phase", "follow_up", "application_deadline", "2024-03-15", "starts_on",
            "2024-05-01", "ends_on", "2024-11-01", "seats", (gint64) 6, NULL));
  KEEP (fill->cohorts[3] =
            insert (fill->store, &spire_kind_cohort, fill->error, "program", UUID (fill->startoff),
                    "name", "Runde 2026", "phase", "open", "application_deadline", "2026-03-15",
                    "starts_on", "2026-05-04", "seats", (gint64) 6, NULL));
  KEEP (fill->cohorts[4] =
            insert (fill->store, &spire_kind_cohort, fill->error, "program", UUID (fill->aapen),
                    "name", "Pilotkull 2026", "phase", "planning", "seats", (gint64) 3, NULL));
  return TRUE;
}

/* Three challenges a cohort, owned by the public bodies in turn */
static gboolean
fill_challenges (Fill *fill)
{
  static const char *const ch_titles[][3] = {
    { "Færre matsvinn i sykehjem", "Tryggere skolevei", "Renere byluft" },
    { "Digital tilsynsordning", "Smartere snørydding", "Ombruk i byggeprosjekter" },
    { "Ventetid i legevakten", "Digital medisinhåndtering", "Ensomhet blant eldre" },
    { "Energibruk i skolebygg", "Vannlekkasjer i ledningsnettet", "Saksbehandling med KI" },
    { "Kollektivtransport i distriktene", "Bredbånd på bygda", "Ungt entreprenørskap" },
  };
  SpireRecord *owners[] = { fill->oslo, fill->bydel, fill->bergen, fill->helse, fill->trondelag };

  for (guint c = 0; c < 5; c++)
    for (guint t = 0; t < 3; t++)
      {
        SpireRecord *ch;

        KEEP (ch = insert (fill->store, &spire_kind_challenge, fill->error, "cohort",
                           UUID (fill->cohorts[c]), "owner", UUID (owners[(c + t) % 5]), "title",
                           ch_titles[c][t], NULL));
        g_ptr_array_add (fill->challenges[c], ch);
      }
  return TRUE;
}

static gboolean
fill_startups (Fill *fill, guint n_applications)
{
  for (guint i = 0; i < MIN (n_applications, 120u); i++)
    {
      g_autofree char *name = g_strdup_printf (
          "%s%s AS", first_parts[i % G_N_ELEMENTS (first_parts)],
          second_parts[(i / G_N_ELEMENTS (first_parts) + i) % G_N_ELEMENTS (second_parts)]);
      SpireRecord *s;

      KEEP (s = insert (fill->store, &spire_kind_startup, fill->error, "name", name, "sector",
                        "GovTech", "employees", (gint64) (2 + i % 17), NULL));
      g_ptr_array_add (fill->startups, s);
    }
  return TRUE;
}

/* @n_applications spread over the first four cohorts by weight */
static gboolean
fill_applications (Fill *fill, guint n_applications)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  const guint weights[5] = { 5, 2, 3, 2, 0 }; /* share of applications per cohort */

  for (guint i = 0; i < n_applications; i++)
    {
      guint pick = g_rand_int_range (rand, 0, 12), c = 0, acc = 0;
      g_autofree char *submitted = NULL;
      SpireRecord *app;

      for (c = 0; c < 5; c++)
        if (pick < (acc += weights[c]))
          break;
      c = MIN (c, 3u);
      submitted = g_strdup_printf ("2025-%02d-%02dT%02d:%02d:00Z", g_rand_int_range (rand, 1, 10),
                                   g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 6, 22),
                                   g_rand_int_range (rand, 0, 60));
      KEEP (app = insert (fill->store, &spire_kind_application, fill->error, "cohort",
                          UUID (fill->cohorts[c]), "startup",
                          UUID (g_ptr_array_index (fill->startups, i % fill->startups->len)),
                          "challenge", UUID (g_ptr_array_index (fill->challenges[c], i % 3)),
                          "title", titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))],
                          "status", statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))],
                          "submitted_at", submitted, NULL));
    }
  return TRUE;
}

#undef KEEP

gboolean
gui_fixture_fill_by_hand (SpireStore *store, guint n_applications, GError **error)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) startups = g_ptr_array_new ();
  Fill fill = { store, error, keep, startups };
  gboolean ok = FALSE;

  for (guint i = 0; i < 5; i++)
    fill.challenges[i] = g_ptr_array_new ();
  if (spire_store_begin (store, error))
    {
      if (fill_bodies_and_programs (&fill) && fill_cohorts (&fill) && fill_challenges (&fill) &&
          fill_startups (&fill, n_applications) && fill_applications (&fill, n_applications))
        ok = spire_store_commit (store, error);
      else
        spire_store_rollback (store);
    }
  for (guint i = 0; i < 5; i++)
    g_ptr_array_unref (fill.challenges[i]);
  return ok;
}

gboolean
gui_fixture_fill (SpireStore *store, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (spire_demo_fill (store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &local))
    return TRUE;
  g_test_message ("spire_demo_fill: %s; filling by hand", local->message);
  return gui_fixture_fill_by_hand (store, 80, error);
}

char *
gui_fixture_fill_large_cohort (SpireStore *store, guint n, GError **error)
{
  g_autoptr (SpireRecord) program = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (SpireRecord) owner = NULL;
  g_autoptr (GPtrArray) startups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) challenges = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  if (!spire_store_begin (store, error))
    return NULL;
  if (!(owner = insert (store, &spire_kind_public_body, error, "name", "Stavanger kommune",
                        "kind", "municipality", NULL)) ||
      !(program = insert (store, &spire_kind_program, error, "name", "Storskala", "kind",
                          "accelerator", NULL)) ||
      !(cohort = insert (store, &spire_kind_cohort, error, "program", UUID (program), "name",
                         "Stort kull", "phase", "screening", "seats", (gint64) 10, NULL)))
    goto fail;
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *t = g_strdup_printf ("Utfordring %u", i + 1);
      SpireRecord *ch = insert (store, &spire_kind_challenge, error, "cohort", UUID (cohort),
                                "owner", UUID (owner), "title", t, NULL);
      if (!ch)
        goto fail;
      g_ptr_array_add (challenges, ch);
    }
  for (guint i = 0; i < n / 4 + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%s %u AS", first_parts[i % G_N_ELEMENTS (first_parts)],
                                               second_parts[i % G_N_ELEMENTS (second_parts)], i);
      SpireRecord *s = insert (store, &spire_kind_startup, error, "name", name, NULL);
      if (!s)
        goto fail;
      g_ptr_array_add (startups, s);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", titles[i % G_N_ELEMENTS (titles)], i);
      g_autoptr (SpireRecord) app = insert (
        store, &spire_kind_application, error, "cohort", UUID (cohort), "startup",
        UUID (g_ptr_array_index (startups, g_rand_int_range (rand, 0, startups->len))),
        "challenge", UUID (g_ptr_array_index (challenges, i % challenges->len)), "title", title,
        "status", statuses[i % G_N_ELEMENTS (statuses)], "submitted_at", "2025-09-30T12:00:00Z",
        NULL);
      if (!app)
        goto fail;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_strdup (UUID (cohort));

fail:
  spire_store_rollback (store);
  return NULL;
}

gboolean
gui_fixture_add_application (SpireStore *store, const char *cohort_uuid, const char *title,
                             const char *startup_name, const char *status, GError **error)
{
  g_autoptr (SpireRecord) startup = insert (store, &spire_kind_startup, error, "name",
                                            startup_name, NULL);
  g_autoptr (SpireRecord) app = NULL;

  if (startup == NULL)
    return FALSE;
  app = insert (store, &spire_kind_application, error, "cohort", cohort_uuid, "startup",
                UUID (startup), "title", title, "status", status, "submitted_at",
                "2026-11-23T10:00:00Z", NULL);
  return app != NULL;
}

gboolean
gui_fixture_wait (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
cohort_loaded (gpointer page)
{
  return !spire_cohort_page_is_loading (page);
}

void
gui_fixture_wait_cohort (gpointer page)
{
  g_assert_true (gui_fixture_wait (cohort_loaded, page, GUI_FIXTURE_TIMEOUT_MS));
}

static gboolean
records_loaded (gpointer page)
{
  return !_spire_record_list_page_is_loading (page);
}

void
gui_fixture_wait_records (gpointer page)
{
  g_assert_true (gui_fixture_wait (records_loaded, page, GUI_FIXTURE_TIMEOUT_MS));
}

typedef struct
{
  const char *text;
  gboolean done;
} SearchWait;

/* Replacing the text empties the entry first, which GtkSearchEntry
 * reports at once: only the search for the whole text counts. */
static void
on_search_changed_cb (GtkEditable *entry, SearchWait *w)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), w->text) == 0)
    w->done = TRUE;
}

static gboolean
search_done (gpointer data)
{
  return ((SearchWait *) data)->done;
}

void
gui_fixture_search (GtkEditable *entry, const char *text)
{
  SearchWait w = { text, FALSE };
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &w);

  g_assert_cmpstr (gtk_editable_get_text (entry), !=, text);
  gtk_editable_set_text (entry, text);
  g_assert_true (gui_fixture_wait (search_done, &w, GUI_FIXTURE_TIMEOUT_MS));
  g_signal_handler_disconnect (entry, id);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
gui_fixture_destroy_window (gpointer window)
{
  gpointer watch = window;

  g_object_add_weak_pointer (G_OBJECT (window), &watch);
  gtk_window_destroy (GTK_WINDOW (window));
  if (!gui_fixture_wait (is_null, &watch, GUI_FIXTURE_TIMEOUT_MS))
    {
      g_object_remove_weak_pointer (G_OBJECT (window), &watch);
      g_error ("%s not finalized: a reference is left", G_OBJECT_TYPE_NAME (window));
    }
}

void
gui_fixture_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

void
gui_fixture_wait_mapped (gpointer widget, gboolean mapped)
{
  g_assert_true (gui_fixture_wait (mapped ? is_mapped : is_unmapped, widget, GUI_FIXTURE_TIMEOUT_MS));
}

static gboolean
is_allocated (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

void
gui_fixture_wait_allocated (gpointer widget)
{
  g_assert_true (gui_fixture_wait (is_allocated, widget, GUI_FIXTURE_TIMEOUT_MS));
}

typedef struct
{
  GdkFrameClock *clock;
  gint64 frame;
} FrameWait;

/* A frame is counted when it begins and is laid out and drawn in the same
 * dispatch, between two polls. */
static gboolean
frame_drawn (gpointer data)
{
  FrameWait *w = data;

  return gdk_frame_clock_get_frame_counter (w->clock) > w->frame;
}

void
gui_fixture_wait_frame (gpointer widget)
{
  FrameWait w = { gtk_widget_get_frame_clock (widget), 0 };

  g_assert_nonnull (w.clock); /* shown */
  w.frame = gdk_frame_clock_get_frame_counter (w.clock);
  gdk_frame_clock_request_phase (w.clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  g_assert_true (gui_fixture_wait (frame_drawn, &w, GUI_FIXTURE_TIMEOUT_MS));
}

gboolean
gui_fixture_label_shows (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (gui_fixture_label_shows (c, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;

  return gui_fixture_label_shows (w->widget, w->text);
}

gboolean
gui_fixture_wait_label (gpointer widget, const char *text)
{
  LabelWait w = { widget, text };

  if (!gui_fixture_wait (label_shown, &w, GUI_FIXTURE_TIMEOUT_MS))
    g_error ("no label says \"%s\"", text);
  return TRUE;
}

void
gui_fixture_wait_window_read (gpointer window)
{
  gui_fixture_wait_allocated (window);
  /* The sidebar is read in an idle; it chooses the first cohort. */
  gui_fixture_drain ();
  if (spire_sidebar_get_selected_cohort (_spire_window_get_sidebar (window)) != NULL)
    gui_fixture_wait_cohort (_spire_window_get_cohort_page (window));
}

gpointer
gui_fixture_window_on_cohort (gpointer app, SpireStore *store, const char *cohort_uuid)
{
  SpireWindow *window = spire_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  _spire_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  /* The sidebar is read in an idle; selecting makes the cohort's rows. */
  gui_fixture_drain ();
  g_assert_true (spire_sidebar_select_cohort (_spire_window_get_sidebar (window), cohort_uuid));
  gui_fixture_wait_cohort (_spire_window_get_cohort_page (window));
  gui_fixture_wait_allocated (window);
  return window;
}

void
gui_fixture_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

const char *
gui_fixture_language (void)
{
  const char *language = g_getenv ("SPIRE_TEST_LANGUAGE");
  const char *localedir = g_getenv ("SPIRE_LOCALEDIR");

  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  if (language && localedir)
    {
      setlocale (LC_ALL, ""); /* gtk_test_init leaves the locale "C", which ignores LANGUAGE */
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  return language;
}

/* The XDG folders of the whole test process, in a temporary folder of its
 * own, set before main: so before any thread.  They were set in each
 * test's setup, after GTK, GDBus and the store's workers had started
 * threads that read the environment, and setenv() adding a variable moves
 * the environment under them: a test now and then crashed (SIGSEGV) 0.15 s
 * in, in its first setup.  GLib reads them once anyway
 * (g_get_user_data_dir keeps the first answer). */
__attribute__ ((constructor)) static void
isolate_process (void)
{
  static const char *const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                      "XDG_STATE_HOME" };
  g_autofree char *dir = g_dir_make_tmp ("spire-gui-test-xdg-XXXXXX", NULL);

  if (dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *sub = g_build_filename (dir, vars[i], NULL);

      g_mkdir_with_parents (sub, 0700);
      g_setenv (vars[i], sub, TRUE);
    }
}

char *
gui_fixture_isolate (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("spire-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  /* As the app does at startup (GTK 4.8's icon race, spire-widget.c). */
  spire_icons_keep_alive ();
  return dir;
}

GtkWindow *
gui_fixture_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  return found;
}

AdwMessageDialog *
gui_fixture_find_message_dialog (void)
{
  return (AdwMessageDialog *) gui_fixture_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
window_shown (gpointer type)
{
  return gui_fixture_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

GtkWindow *
gui_fixture_wait_window (GType type)
{
  if (!gui_fixture_wait (window_shown, GSIZE_TO_POINTER (type), GUI_FIXTURE_TIMEOUT_MS))
    g_error ("no %s came on screen", g_type_name (type));
  return gui_fixture_find_window (type);
}

AdwMessageDialog *
gui_fixture_wait_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (gui_fixture_wait_window (ADW_TYPE_MESSAGE_DIALOG));
}

SpireRecord *
gui_fixture_insert (SpireStore *store, const SpireKind *kind, ...)
{
  SpireRecord *r = spire_record_new (kind);
  g_autoptr (GError) error = NULL;
  va_list ap;
  const char *field;

  va_start (ap, kind);
  while ((field = va_arg (ap, const char *)) != NULL)
    spire_record_set_text (r, field, va_arg (ap, const char *));
  va_end (ap);
  g_assert_true (spire_store_insert (store, r, &error));
  g_assert_no_error (error);
  return r;
}

SpireStore *
gui_fixture_filled_store (void)
{
  g_autoptr (GError) error = NULL;
  SpireStore *store = spire_store_new_memory (&error);

  g_assert_no_error (error);
  gui_fixture_fill (store, &error);
  g_assert_no_error (error);
  return store;
}

char *
gui_fixture_busiest_cohort (SpireStore *store, guint *n_out)
{
  g_autoptr (GHashTable) counts = spire_store_count_by (store, &spire_kind_application, "cohort",
                                                        NULL, NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint n = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > n)
      {
        n = GPOINTER_TO_UINT (value);
        best = key;
      }
  g_assert_nonnull (best);
  if (n_out)
    *n_out = n;
  return g_strdup (best);
}

GtkWidget *
gui_fixture_find_label (GtkWidget *widget, const char *text, gboolean mapped)
{
  if (GTK_IS_LABEL (widget) && (!mapped || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gui_fixture_find_label (c, text, mapped);

      if (found)
        return found;
    }
  return NULL;
}

void
gui_fixture_close_window (gpointer window)
{
  AdwMessageDialog *dialog = gui_fixture_find_message_dialog ();

  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_fixture_drain ();
}
