/* test-redaction.c — blind mode: the application as the panel sees it
 * without who applied, in the fields and in the free text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evaluation-fixture.h"

static void
test_blind (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Nordlys AS", orgnr (w, 1), "https://nordlys.no");
  const char *contact = add (w, &spire_kind_person, "name", "Ola Nordlys", "email",
                             "ola@nordlys.no", "startup", s, NULL);
  const char *app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s,
                         "contact", contact, "title", "Varmestyring", "pitch", "Smart heat.",
                         "status", "in_review", "confidential", "Runway: 4 months", NULL);
  const char *kari = add_evaluator (w, "Kari Nordmann", "kari@uio.no", NULL, "member");
  g_autoptr (SpireRecord) seen = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) list = NULL;

  /* Open cohort: identity shown, confidential never */
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "startup"), ==, s);
  g_assert_cmpstr (spire_record_get_text (seen, "contact"), ==, contact);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, "Smart heat.");
  g_assert_null (spire_record_get_text (seen, "confidential"));
  g_clear_object (&seen);

  /* Blind: who applied is hidden too */
  cohort = fetch (w, &spire_kind_cohort, w->cohort);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_null (spire_record_get_text (seen, "startup"));
  g_assert_null (spire_record_get_text (seen, "contact"));
  g_assert_null (spire_record_get_text (seen, "confidential"));
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Varmestyring");
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, "Smart heat.");

  g_assert_true (spire_assign (w->store, kari, app, &error));
  list = spire_panel_list_visible_applications (w->store, kari, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (spire_record_get_text (list->pdata[0], "startup"));
  g_assert_null (spire_record_get_text (list->pdata[0], "confidential"));

  /* The stored application is untouched */
  {
    g_autoptr (SpireRecord) stored = fetch (w, &spire_kind_application, app);

    g_assert_cmpstr (spire_record_get_text (stored, "confidential"), ==, "Runway: 4 months");
    g_assert_cmpstr (spire_record_get_text (stored, "startup"), ==, s);
  }
}

/* Blind mode also hides the startup's name, website and organisation
 * number in the free text, as whole words, case-insensitively (Æ Ø Å
 * too), and leaves an open cohort's text as it is. */
static void
test_blind_text (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *org = orgnr (w, 7);
  g_autofree char *spaced = g_strdup_printf ("%.3s %.3s %.3s", org, org + 3, org + 6);
  const char *s = add_startup (w, "Nordlys AS", org, "https://www.nordlys.no/");
  const char *pitch = "Nordlys AS har allerede pilotert hos Bergen kommune, se nordlys.no";
  g_autofree char *solution = g_strdup_printf (
    "NORDLYS (org.nr. %s, også %s) sponser Nordlysfestivalen; les www.Nordlys.no/om og "
    "nordlys-teamets blogg.", spaced, org);
  const char *app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s,
                         "title", "Nordlys varmestyring", "pitch", pitch, "solution", solution,
                         "extra", "{\"team\":\"Grunnlagt av nordlys as-folk\",\"n\":3,"
                                  "\"refs\":[\"Nordlys\",\"Nordlyset\"]}",
                         "status", "in_review", NULL);
  const char *s2 = add_startup (w, "Blåbær Ørsta AS", NULL, NULL);
  const char *app2 = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s2,
                          "title", "Bær", "pitch", "BLÅBÆR ØRSTA lanserer; blåbær ørsta!",
                          "status", "in_review", NULL);
  g_autoptr (SpireRecord) seen = NULL;
  g_autoptr (SpireRecord) cohort = NULL;

  /* Open cohort: the text as it is */
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, pitch);
  g_assert_cmpstr (spire_record_get_text (seen, "solution"), ==, solution);
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Nordlys varmestyring");
  g_clear_object (&seen);

  cohort = fetch (w, &spire_kind_cohort, w->cohort);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));

  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "[the applicant] har allerede pilotert hos Bergen kommune, se "
                   "[the applicant]");
  g_assert_null (strstr (spire_record_get_text (seen, "pitch"), "Nordlys"));
  g_assert_null (strstr (spire_record_get_text (seen, "pitch"), "nordlys.no"));
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "[the applicant] varmestyring");
  /* a name inside another word stays: it is not the name */
  g_assert_cmpstr (spire_record_get_text (seen, "solution"), ==,
                   "[the applicant] (org.nr. [the applicant], også [the applicant]) sponser "
                   "Nordlysfestivalen; les [the applicant]/om og [the applicant]-teamets "
                   "blogg.");
  {
    g_autoptr (JsonNode) extra = json_from_string (spire_record_get_text (seen, "extra"),
                                                   &error);
    JsonObject *o;
    JsonArray *refs;

    g_assert_no_error (error);
    o = json_node_get_object (extra);
    g_assert_cmpstr (json_object_get_string_member (o, "team"), ==,
                     "Grunnlagt av [the applicant]-folk");
    g_assert_cmpint (json_object_get_int_member (o, "n"), ==, 3);
    refs = json_object_get_array_member (o, "refs");
    g_assert_cmpstr (json_array_get_string_element (refs, 0), ==, "[the applicant]");
    g_assert_cmpstr (json_array_get_string_element (refs, 1), ==, "Nordlyset");
  }
  g_clear_object (&seen);

  /* Æ Ø Å, upper and lower case */
  seen = spire_application_for_panel (w->store, app2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "[the applicant] lanserer; [the applicant]!");
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Bær");
  g_clear_object (&seen);

  /* The stored text is untouched */
  seen = fetch (w, &spire_kind_application, app);
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==, pitch);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/blind", test_blind);
  EVALUATION_TEST_ADD ("/evaluation/blind-text", test_blind_text);

  return g_test_run ();
}
