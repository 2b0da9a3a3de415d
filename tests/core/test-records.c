/* test-records.c — field rules, properties, JSON of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-helpers.h"

static void
test_orgnr (void)
{
  const char *good[] = { "923609016", "923 609 016", "974760673", "971524960", "983887457" };
  const char *bad[] = { "923609017", "92360901", "9236090160", "92360901A", "", "123456789" };
  g_autofree char *why = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (spire_orgnr_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (spire_orgnr_is_valid (bad[i]));

  g_assert_false (spire_orgnr_check ("923609017", &why));
  g_assert_nonnull (strstr (why, "check digit"));
  g_clear_pointer (&why, g_free);
  g_assert_false (spire_orgnr_check ("12345", &why));
  g_assert_nonnull (strstr (why, "9 digits"));

  /* Remainder 1 has no check digit: no number with these 8 digits is valid. */
  g_assert_cmpint (spire_orgnr_check_digit ("92360901"), ==, 6);
  g_assert_cmpint (spire_orgnr_check_digit ("90000009"), ==, -1);
}

static void
test_kommunenummer (void)
{
  g_autofree char *why = NULL;

  g_assert_true (spire_kommunenummer_is_valid ("0301"));
  g_assert_true (spire_kommunenummer_is_valid ("4601"));
  g_assert_true (spire_kommunenummer_is_valid ("5501"));
  g_assert_false (spire_kommunenummer_is_valid ("301"));
  g_assert_false (spire_kommunenummer_is_valid ("03011"));
  g_assert_false (spire_kommunenummer_is_valid ("1201")); /* Hordaland is gone since 2020 */
  g_assert_false (spire_kommunenummer_check ("9901", &why));
  g_assert_nonnull (strstr (why, "99"));
}

static void
test_email_url_dates (void)
{
  g_assert_true (spire_email_is_valid ("kari.nordmann@oslo.kommune.no"));
  g_assert_false (spire_email_is_valid ("kari.nordmann"));
  g_assert_false (spire_email_is_valid ("kari@nordmann"));
  g_assert_false (spire_email_is_valid ("kari @oslo.no"));
  g_assert_false (spire_email_is_valid ("@oslo.no"));

  g_assert_true (spire_url_is_valid ("https://www.oslo.kommune.no/smartby"));
  g_assert_true (spire_url_is_valid ("http://nordlys.no"));
  g_assert_false (spire_url_is_valid ("www.nordlys.no"));
  g_assert_false (spire_url_is_valid ("ftp://nordlys.no"));
  g_assert_false (spire_url_is_valid ("https://localhost"));

  g_assert_true (spire_date_is_valid ("2026-11-23"));
  g_assert_true (spire_date_is_valid ("2024-02-29"));
  g_assert_false (spire_date_is_valid ("2026-02-29"));
  g_assert_false (spire_date_is_valid ("23.11.2026"));
  g_assert_true (spire_timestamp_is_valid ("2026-11-23T14:05:00Z"));
  g_assert_false (spire_timestamp_is_valid ("2026-11-23 14:05:00"));
}

static SpireRecord *
valid_cohort (void)
{
  g_autofree char *program = spire_uuid_new ();
  SpireRecord *c = spire_record_new (&spire_kind_cohort);

  spire_record_set_text (c, "program", program);
  spire_record_set_text (c, "name", "SmartOslo 2027");
  spire_record_set_text (c, "phase", "open");
  spire_record_set_text (c, "opens_on", "2027-01-10");
  spire_record_set_text (c, "application_deadline", "2027-02-15");
  spire_record_set_text (c, "starts_on", "2027-03-01");
  spire_record_set_text (c, "ends_on", "2027-06-30");
  spire_record_set_int (c, "seats", 4);
  return c;
}

static void
assert_invalid (SpireRecord *r, const char *field, const char *in_message)
{
  g_autoptr (GError) error = NULL;
  const char *bad_field = NULL;

  g_assert_false (spire_record_validate (r, &bad_field, &error));
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
  g_assert_cmpstr (bad_field, ==, field);
  if (in_message)
    g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_cohort_rules (void)
{
  g_autoptr (SpireRecord) c = valid_cohort ();
  g_autoptr (GError) error = NULL;

  g_assert_true (spire_record_validate (c, NULL, &error));
  g_assert_no_error (error);

  spire_record_set_int (c, "seats", 0);
  assert_invalid (c, "seats", "Seats");
  spire_record_set_int (c, "seats", 4);

  spire_record_set_text (c, "starts_on", "2027-02-01"); /* before the deadline */
  assert_invalid (c, "starts_on", "Application deadline");
  spire_record_set_text (c, "starts_on", "2027-03-01");

  spire_record_set_text (c, "ends_on", "2027-02-28"); /* before the start */
  assert_invalid (c, "ends_on", "Start");
  spire_record_set_text (c, "ends_on", "2027-06-30");

  spire_record_set_text (c, "phase", "dreaming");
  assert_invalid (c, "phase", "dreaming");
  spire_record_set_text (c, "phase", "open");

  spire_record_set_text (c, "opens_on", "2027-13-01");
  assert_invalid (c, "opens_on", "YYYY-MM-DD");
  spire_record_set_text (c, "opens_on", NULL);

  spire_record_set_text (c, "name", "");
  assert_invalid (c, "name", "Name");
}

static void
test_startup_and_person_rules (void)
{
  g_autoptr (SpireRecord) s = spire_record_new (&spire_kind_startup);
  g_autoptr (SpireRecord) p = spire_record_new (&spire_kind_person);
  g_autoptr (SpireRecord) b = spire_record_new (&spire_kind_public_body);
  g_autoptr (GError) error = NULL;

  spire_record_set_text (s, "name", "Nordlys Helse AS");
  spire_record_set_text (s, "orgnr", "923 609 016");
  spire_record_set_text (s, "website", "https://nordlys.no");
  spire_record_set_text (s, "kommunenummer", "5001");
  g_assert_true (spire_record_validate (s, NULL, &error));
  spire_record_set_text (s, "orgnr", "923 609 017");
  assert_invalid (s, "orgnr", "Organisation number");
  spire_record_set_text (s, "orgnr", NULL);
  spire_record_set_text (s, "website", "nordlys");
  assert_invalid (s, "website", "https://");
  spire_record_set_text (s, "website", NULL);
  spire_record_set_text (s, "kommunenummer", "9999");
  assert_invalid (s, "kommunenummer", NULL);
  spire_record_set_text (s, "kommunenummer", NULL);
  spire_record_set_int (s, "employees", -3);
  assert_invalid (s, "employees", NULL);

  spire_record_set_text (p, "name", "Ola Nordmann");
  spire_record_set_text (p, "email", "ola@nordlys.no");
  g_assert_true (spire_record_validate (p, NULL, &error));
  spire_record_set_text (p, "email", "ola at nordlys.no");
  assert_invalid (p, "email", "E-mail");

  spire_record_set_text (b, "name", "Oslo kommune");
  spire_record_set_text (b, "kind", "municipality");
  spire_record_set_text (b, "kommunenummer", "0301");
  spire_record_set_text (b, "orgnr", "974760673");
  g_assert_true (spire_record_validate (b, NULL, &error));
  g_assert_no_error (error);
}

static void
test_properties_notify (void)
{
  g_autoptr (SpireRecord) c = valid_cohort ();
  guint notified = 0;
  g_autofree char *name = NULL;
  gint64 seats = 0;

  g_signal_connect_swapped (c, "notify::application-deadline", G_CALLBACK (g_atomic_int_inc),
                            &notified);
  g_object_set (c, "application-deadline", "2027-02-20", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (c, "application-deadline", "2027-02-20", NULL); /* unchanged: no notify */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (spire_record_get_text (c, "application_deadline"), ==, "2027-02-20");

  g_object_get (c, "name", &name, "seats", &seats, NULL);
  g_assert_cmpstr (name, ==, "SmartOslo 2027");
  g_assert_cmpint (seats, ==, 4);

  /* An empty text is no text. */
  spire_record_set_text (c, "opens_on", "");
  g_assert_true (spire_record_is_null (c, "opens_on"));
}

static void
test_json_round_trip (void)
{
  g_autoptr (SpireRecord) a = spire_record_new (&spire_kind_application);
  g_autoptr (SpireRecord) b = NULL;
  g_autoptr (SpireRecord) score = spire_record_new (&spire_kind_score);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) shared = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = spire_uuid_new ();
  const char *field = NULL;

  spire_record_set_text (a, "uuid", uuid);
  spire_record_set_text (a, "cohort", uuid);
  spire_record_set_text (a, "startup", uuid);
  spire_record_set_text (a, "title", "Smarte søppelbøtter");
  spire_record_set_text (a, "status", "in_review");
  spire_record_set_text (a, "extra", "{\"Antall ansatte\":\"4\"}");
  spire_record_set_text (a, "confidential", "Omsetning 2025: 1,2 MNOK");

  node = spire_record_to_json (a, TRUE);
  b = spire_record_from_json (&spire_kind_application, json_node_get_object (node), &field, &error);
  g_assert_no_error (error);
  g_assert_true (spire_record_equal (a, b));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (node), "extra")));

  /* Exports meant for sharing leave confidential fields out. */
  shared = spire_record_to_json (a, FALSE);
  g_assert_false (json_object_has_member (json_node_get_object (shared), "confidential"));
  g_assert_true (json_object_has_member (json_node_get_object (shared), "title"));

  /* N/A survives as null. */
  spire_record_set_text (score, "uuid", uuid);
  spire_record_set_text (score, "review", uuid);
  spire_record_set_text (score, "criterion", uuid);
  g_assert_true (isnan (spire_record_get_real (score, "value")));
  g_clear_pointer (&node, json_node_unref);
  node = spire_record_to_json (score, TRUE);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (node), "value")));

  /* A wrong type names the field. */
  json_object_set_string_member (json_node_get_object (node), "value", "seks");
  g_clear_object (&b);
  b = spire_record_from_json (&spire_kind_score, json_node_get_object (node), &field, &error);
  g_assert_null (b);
  g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT);
  g_assert_cmpstr (field, ==, "value");
  g_clear_error (&error);

  /* A record without its UUID is refused. */
  json_object_remove_member (json_node_get_object (node), "uuid");
  b = spire_record_from_json (&spire_kind_score, json_node_get_object (node), &field, &error);
  g_assert_null (b);
  g_assert_cmpstr (field, ==, "uuid");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/orgnr", test_orgnr);
  g_test_add_func ("/validate/kommunenummer", test_kommunenummer);
  g_test_add_func ("/validate/email-url-dates", test_email_url_dates);
  g_test_add_func ("/records/cohort-rules", test_cohort_rules);
  g_test_add_func ("/records/startup-person-rules", test_startup_and_person_rules);
  g_test_add_func ("/records/properties-notify", test_properties_notify);
  g_test_add_func ("/records/json-round-trip", test_json_round_trip);
  return g_test_run ();
}
