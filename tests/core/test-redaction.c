/* test-redaction.c — blind mode: the application as the panel sees it
 * without who applied, in the fields and in the free text: exact forms, the
 * ordinary words that must stay, and a corpus of realistic applications
 * (tests/data/blind-corpus.json) in which no identity may survive
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

/* The corpus: realistic applications with known identities
 * (tests/data/blind-corpus.json), and what must and must not survive. */

static const char *
member_or_null (JsonObject *o, const char *name)
{
  return json_object_has_member (o, name) && !json_object_get_null_member (o, name)
             ? json_object_get_string_member (o, name)
             : NULL;
}

/* Every key and string (and number, as text) of a JSON tree, one a line. */
static void
collect_json_text (JsonNode *node, GString *out)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &key, &member))
          {
            g_string_append_printf (out, "%s\n", key);
            collect_json_text (member, out);
          }
        break;
      }
    case JSON_NODE_ARRAY:
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        collect_json_text (json_array_get_element (json_node_get_array (node), i), out);
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append_printf (out, "%s\n", json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\n", json_node_get_int (node));
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Whether @word occurs in @text as a whole word, compared case-folded;
 * with @capital only where the text spells it with a capital. */
static gboolean
has_word (const char *text, const char *word, gboolean capital)
{
  g_autofree char *t = g_utf8_casefold (text, -1);
  g_autofree char *w = g_utf8_casefold (word, -1);
  gsize n = strlen (w);

  /* casefold keeps the byte offsets of the letters Spire's corpus uses */
  g_assert_cmpuint (strlen (t), ==, strlen (text));
  for (const char *p = strstr (t, w); p != NULL; p = strstr (p + 1, w))
    {
      const char *orig = text + (p - t);
      gboolean starts = p == t || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (starts && ends && (!capital || g_unichar_isupper (g_utf8_get_char (orig))))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_text (const char *text, const char *what)
{
  g_autofree char *t = g_utf8_casefold (text, -1);
  g_autofree char *w = g_utf8_casefold (what, -1);

  return strstr (t, w) != NULL;
}

/* @text without what may stand between the digits of a number. */
static char *
squeezed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!strchr (" -.()+/\n\t", *p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* The digits of a phone number as read in Norway: eight after 47 or 0047. */
static char *
phone_digits (const char *phone)
{
  g_autofree char *d = squeezed (phone);

  if (strlen (d) == 12 && g_str_has_prefix (d, "0047"))
    return g_strdup (d + 4);
  if (strlen (d) == 10 && g_str_has_prefix (d, "47"))
    return g_strdup (d + 2);
  if (g_str_has_prefix (d, "00"))
    return g_strdup (d + 2);
  return g_strdup (d);
}

static void
assert_gone (const char *text, const char *what, const char *field, gboolean gone)
{
  if (gone)
    return;
  g_test_message ("“%s” survives in %s: %s", what, field, text);
  g_test_fail ();
}

/* That no identity of @entry survives in @text (a redacted field). */
static void
check_identities (JsonObject *entry, const char *text, const char *field)
{
  JsonObject *startup = json_object_get_object_member (entry, "startup");
  JsonArray *persons = json_object_get_array_member (entry, "persons");
  JsonArray *written = json_object_get_array_member (entry, "written");
  const char *name = member_or_null (startup, "name");
  const char *org = member_or_null (startup, "orgnr");
  const char *web = member_or_null (startup, "website");
  g_autofree char *flat = squeezed (text);

  assert_gone (text, name, field, !has_word (text, name, FALSE));
  assert_gone (text, org, field, strstr (flat, org) == NULL);
  if (web != NULL)
    {
      g_autofree char *bare = g_strdup (strstr (web, "://") ? strstr (web, "://") + 3 : web);

      if (g_str_has_prefix (bare, "www."))
        memmove (bare, bare + 4, strlen (bare + 4) + 1);
      if (g_str_has_suffix (bare, "/"))
        bare[strlen (bare) - 1] = '\0';
      assert_gone (text, bare, field, !has_text (text, bare));
    }
  for (guint i = 0; i < json_array_get_length (persons); i++)
    {
      JsonObject *person = json_array_get_object_element (persons, i);
      const char *pname = member_or_null (person, "name");
      const char *email = member_or_null (person, "email");
      const char *phone = member_or_null (person, "phone");
      g_auto (GStrv) parts = g_strsplit_set (pname, " -", -1);

      assert_gone (text, pname, field, !has_word (text, pname, FALSE));
      for (guint j = 0; parts[j] != NULL; j++)
        if (g_unichar_isupper (g_utf8_get_char (parts[j])))
          assert_gone (text, parts[j], field, !has_word (text, parts[j], TRUE));
      if (email != NULL)
        assert_gone (text, email, field, !has_text (text, email));
      if (phone != NULL)
        {
          g_autofree char *digits = phone_digits (phone);

          assert_gone (text, phone, field, strstr (flat, digits) == NULL);
        }
    }
  for (guint i = 0; i < json_array_get_length (written); i++)
    {
      const char *w = json_array_get_string_element (written, i);

      assert_gone (text, w, field, !has_text (text, w));
    }
}

/* One corpus entry stored: its startup, persons and application. */
static const char *
add_corpus_entry (W *w, JsonObject *entry)
{
  JsonObject *st = json_object_get_object_member (entry, "startup");
  JsonArray *persons = json_object_get_array_member (entry, "persons");
  g_autofree char *extra = json_to_string (json_object_get_member (entry, "extra"), FALSE);
  const char *s = add_startup (w, member_or_null (st, "name"), member_or_null (st, "orgnr"),
                               member_or_null (st, "website"));
  const char *contact = NULL;

  for (guint i = 0; i < json_array_get_length (persons); i++)
    {
      JsonObject *p = json_array_get_object_element (persons, i);
      const char *uuid = add (w, &spire_kind_person, "name", member_or_null (p, "name"), "email",
                              member_or_null (p, "email"), "phone", member_or_null (p, "phone"),
                              "startup", s, NULL);

      if (json_object_has_member (p, "contact") && json_object_get_boolean_member (p, "contact"))
        contact = uuid;
    }
  return add (w, &spire_kind_application, "cohort", w->cohort, "startup", s, "contact", contact,
              "title", json_object_get_string_member (entry, "title"), "pitch",
              json_object_get_string_member (entry, "pitch"), "solution",
              json_object_get_string_member (entry, "solution"), "extra", extra, "status",
              "in_review", NULL);
}

/* Every application of the corpus, as a blind panel reads it: no name,
 * person, e-mail, phone, website or organisation number of its applicant
 * survives in the title, pitch, solution or the extra answers (keys and
 * values), and the ordinary words the entry lists do. */
static void
test_blind_corpus (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "blind-corpus.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (SpireRecord) cohort = NULL;
  g_autoptr (GPtrArray) apps = g_ptr_array_new ();
  JsonArray *entries;

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "applications");
  g_assert_cmpuint (json_array_get_length (entries), >=, 10);

  /* all of them in one cohort: each is redacted for its own applicant only */
  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_ptr_array_add (apps, (gpointer) add_corpus_entry (w, json_array_get_object_element (entries, i)));
  cohort = fetch (w, &spire_kind_cohort, w->cohort);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *keep_words = json_object_get_array_member (entry, "keep");
      g_autoptr (SpireRecord) seen = spire_application_for_panel (w->store, apps->pdata[i], &error);
      g_autoptr (JsonNode) extra = NULL;
      g_autoptr (GString) all = g_string_new (NULL);
      g_autoptr (GString) answers = g_string_new (NULL);
      static const char *const fields[] = { "title", "pitch", "solution" };

      g_assert_no_error (error);
      g_test_message ("%s", json_object_get_string_member (
                                json_object_get_object_member (entry, "startup"), "name"));
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *text = spire_record_get_text (seen, fields[f]);

          g_assert_nonnull (text);
          check_identities (entry, text, fields[f]);
          g_string_append_printf (all, "%s\n", text);
        }
      extra = json_from_string (spire_record_get_text (seen, "extra"), &error);
      g_assert_no_error (error);
      collect_json_text (extra, answers);
      check_identities (entry, answers->str, "extra");
      g_string_append (all, answers->str);

      for (guint k = 0; k < json_array_get_length (keep_words); k++)
        {
          const char *word = json_array_get_string_element (keep_words, k);

          if (strstr (all->str, word) == NULL)
            {
              g_test_message ("“%s” was lost: %s", word, all->str);
              g_test_fail ();
            }
        }
      /* something was there to hide, and it was marked */
      g_assert_nonnull (strstr (all->str, "[the applicant]"));
      g_assert_nonnull (strstr (all->str, "[name]"));
    }
}

/* Exact results for the forms the issue names. */
static void
test_blind_forms (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Kvitravn Analyse AS", "923609016", "https://www.kvitravn.no");
  const char *synnove = add (w, &spire_kind_person, "name", "Synnøve Kvitravn", "email",
                             "synnove@kvitravn.no", "phone", "+47 967 34 123", "startup", s, NULL);
  const char *app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s,
                         "contact", synnove, "title", "Kvitravns sensorplattform", "pitch",
                         "Kvitravn Analyses plattform; kvitravn analyse as' kunder; "
                         "Kvitravn Analyse ASA.",
                         "solution",
                         "Ring +47 967 34 123, 96734123 eller 967 34 123; skriv til "
                         "SYNNOVE@KVITRAVN.NO. Org.nr. 923 609 016 / 923609016. "
                         "Se https://www.kvitravn.no/om, www.kvitravn.no eller kvitravn.no.",
                         "extra",
                         "{\"Daglig leder\":\"Synnøve Kvitravn\",\"Synnøves rolle\":\"CEO\","
                         "\"orgnr\":923609016,\"ansatte\":4}",
                         "status", "in_review", NULL);
  g_autoptr (SpireRecord) cohort = fetch (w, &spire_kind_cohort, w->cohort);
  g_autoptr (SpireRecord) seen = NULL;
  g_autoptr (JsonNode) extra = NULL;
  JsonObject *o;

  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "[the applicant] sensorplattform");
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "[the applicant] plattform; [the applicant] kunder; [the applicant].");
  g_assert_cmpstr (spire_record_get_text (seen, "solution"), ==,
                   "Ring [phone number], [phone number] eller [phone number]; skriv til "
                   "[e-mail address]. Org.nr. [the applicant] / [the applicant]. "
                   "Se [the applicant]/om, [the applicant] eller [the applicant].");
  extra = json_from_string (spire_record_get_text (seen, "extra"), &error);
  g_assert_no_error (error);
  o = json_node_get_object (extra);
  g_assert_cmpstr (json_object_get_string_member (o, "Daglig leder"), ==, "[name]");
  g_assert_cmpstr (json_object_get_string_member (o, "[name] rolle"), ==, "CEO");
  g_assert_cmpstr (json_object_get_string_member (o, "orgnr"), ==, "[the applicant]");
  g_assert_cmpint (json_object_get_int_member (o, "ansatte"), ==, 4);
  g_assert_false (json_object_has_member (o, "Synnøves rolle"));
}

/* Ordinary words stay: a startup called "Lys" keeps "lyst", "Lysaker" and
 * "belysning"; a founder called Per Dahl keeps "per år", one called Dag
 * "hver dag" — a part of a name goes only where it is spelt like one. */
static void
test_blind_false_positives (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *s = add_startup (w, "Lys AS", NULL, NULL);
  const char *per = add (w, &spire_kind_person, "name", "Per Dahl", "startup", s, NULL);
  const char *app;
  g_autoptr (SpireRecord) cohort = fetch (w, &spire_kind_cohort, w->cohort);
  g_autoptr (SpireRecord) seen = NULL;

  add (w, &spire_kind_person, "name", "Dag Strand", "startup", s, NULL);
  app = add (w, &spire_kind_application, "cohort", w->cohort, "startup", s, "contact", per,
             "title", "Lyst på Lysaker",
             "pitch", "Vi har lyst til å spare 30 % per år hver dag på stranden, med belysning. "
                      "Per og Dag startet Lys; Lys' kunder og LYS AS vet det.",
             "status", "in_review", NULL);
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  seen = spire_application_for_panel (w->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spire_record_get_text (seen, "title"), ==, "Lyst på Lysaker");
  g_assert_cmpstr (spire_record_get_text (seen, "pitch"), ==,
                   "Vi har lyst til å spare 30 % per år hver dag på stranden, med belysning. "
                   "[name] og [name] startet [the applicant]; [the applicant] kunder og "
                   "[the applicant] vet det.");
}

/* The first valid organisation number (mod 11) from @base up. */
static char *
valid_orgnr (guint base)
{
  static const int weights[] = { 3, 2, 7, 6, 5, 4, 3, 2 };

  for (guint n = base;; n++)
    {
      char *text = g_strdup_printf ("%09u", n);
      int sum = 0, check;

      for (guint k = 0; k < 8; k++)
        sum += (text[k] - '0') * weights[k];
      check = 11 - sum % 11;
      if (check == 11)
        check = 0;
      if (check != 10 && check == text[8] - '0')
        return text;
      g_free (text);
    }
}

/* A long list (an observer's, or a member's with many assignments) reads
 * every startup's terms at once (issue 11): the same text as the
 * application read alone, names of people found by their startup, their
 * orgnr or as a contact all hidden. */
static void
test_blind_list (W *w, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = fetch (w, &spire_kind_cohort, w->cohort);
  g_autoptr (GPtrArray) list = NULL;
  const char *eva = add_evaluator (w, "Eva Observatør", "eva@uio.no", NULL, "observer");

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Fjellbris%u AS", i);
      g_autofree char *org = valid_orgnr (910000000 + i * 10);
      g_autofree char *site = g_strdup_printf ("https://fjellbris%u.no", i);
      g_autofree char *title = g_strdup_printf ("Fjellbris%u varme", i);
      g_autofree char *pitch = g_strdup_printf (
        "Fjellbris%u with Tone Solbakk%u, Per Aasen%u and Ola Kontakt%u; org.nr. %s.", i, i, i,
        i, org);
      g_autofree char *ola = g_strdup_printf ("Ola Kontakt%u", i);
      g_autofree char *tone = g_strdup_printf ("Tone Solbakk%u", i);
      g_autofree char *per = g_strdup_printf ("Per Aasen%u", i);
      const char *s = add_startup (w, name, org, site);
      const char *app = add_application (w, s, title, w->ch_oslo, "received");
      const char *contact = add_person (w, ola, NULL, NULL);
      g_autoptr (SpireRecord) a = fetch (w, &spire_kind_application, app);

      add (w, &spire_kind_person, "name", tone, "startup", s, NULL);
      add_person (w, per, NULL, org);
      spire_record_set_text (a, "pitch", pitch);
      spire_record_set_text (a, "contact", contact);
      g_assert_true (spire_store_update (w->store, a, &error));
      g_assert_no_error (error);
    }
  spire_record_set_bool (cohort, "blind", TRUE);
  g_assert_true (spire_store_update (w->store, cohort, &error));
  g_assert_no_error (error);

  list = spire_panel_list_visible_applications (w->store, eva, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 30);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr (SpireRecord) one = spire_application_for_panel (
        w->store, spire_record_get_uuid (list->pdata[i]), &error);
      const char *pitch = spire_record_get_text (list->pdata[i], "pitch");

      g_assert_no_error (error);
      g_assert_cmpstr (spire_record_get_text (list->pdata[i], "title"), ==,
                       spire_record_get_text (one, "title"));
      g_assert_cmpstr (pitch, ==, spire_record_get_text (one, "pitch"));
      g_assert_null (strstr (pitch, "Fjellbris"));
      g_assert_null (strstr (pitch, "Solbakk"));
      g_assert_null (strstr (pitch, "Aasen"));
      g_assert_null (strstr (pitch, "Kontakt"));
      g_assert_null (spire_record_get_text (list->pdata[i], "startup"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  EVALUATION_TEST_ADD ("/evaluation/blind", test_blind);
  EVALUATION_TEST_ADD ("/evaluation/blind-text", test_blind_text);
  EVALUATION_TEST_ADD ("/evaluation/blind-forms", test_blind_forms);
  EVALUATION_TEST_ADD ("/evaluation/blind-false-positives", test_blind_false_positives);
  EVALUATION_TEST_ADD ("/evaluation/blind-corpus", test_blind_corpus);
  EVALUATION_TEST_ADD ("/evaluation/blind-list", test_blind_list);

  return g_test_run ();
}
