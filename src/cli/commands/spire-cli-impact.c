/* spire-cli-impact.c — funnel and impact: did the open call lead to
 * agreements?
 *
 * The steps, the conversions and the impact ratio are core's
 * (spire-followup.h); money is printed and given in whole kroner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "spire-cli-private.h"

static gint64
kroner (gint64 ore)
{
  return (gint64) llround ((double) ore / 100.0);
}

static void
set_ratio (JsonObject *object, const char *name, double value)
{
  if (isnan (value))
    json_object_set_null_member (object, name);
  else
    json_object_set_double_member (object, name, round (value * 10000.0) / 10000.0);
}

/* funnel */

static const char *
step_label (guint i)
{
  return _(spire_funnel_step_label (i));
}

static void
print_funnel (const SpireFunnel *funnel)
{
  SpireLanguage lang = spire_language_current ();
  gint64 counts[7];
  double conversion[7];
  const char *labels[7];
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Step"), _("Count"), _("Conversion") };
  const gboolean numeric[] = { FALSE, TRUE, TRUE };

  spire_funnel_values (funnel, counts, conversion);
  for (guint i = 0; i < 7; i++)
    {
      char **row = g_new0 (char *, 4);

      labels[i] = step_label (i);
      row[0] = g_strdup (labels[i]);
      row[1] = cli_format_count (counts[i]);
      if (i == 0 || isnan (conversion[i]))
        row[2] = g_strdup ("");
      else
        {
          g_autofree char *number = spire_format_number (conversion[i] * 100.0, 0, lang);

          row[2] = g_strdup_printf ("%s %%", number);
        }
      g_ptr_array_add (rows, row);
    }
  cli_print_rows (headers, numeric, G_N_ELEMENTS (headers), rows);
}

static JsonNode *
funnel_to_json (const SpireFunnel *funnel)
{
  const char *const *steps = spire_funnel_steps ();
  JsonObject *object = json_object_new ();
  JsonObject *conversion_object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  gint64 counts[7];
  double conversion[7];

  spire_funnel_values (funnel, counts, conversion);
  for (guint i = 0; steps[i]; i++)
    {
      json_object_set_int_member (object, steps[i], counts[i]);
      if (i > 0)
        set_ratio (conversion_object, steps[i], conversion[i]);
    }
  json_object_set_object_member (object, "conversion", conversion_object);
  json_node_take_object (root, object);
  return root;
}

int
cmd_funnel (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *program = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("The cohort’s funnel"), N_("UUID") },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("The program’s funnel"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  SpireFunnel funnel = { 0 };
  gboolean ok;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if ((cohort == NULL) == (program == NULL))
    /* TRANSLATORS: keep the options: they are typed as they are */
    return cli_usage_error (command, _("Give --cohort or --program."));
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "--cohort", &spire_kind_cohort, cohort) ||
      !cli_check_ref (cli, "--program", &spire_kind_program, program))
    return EXIT_REFUSED;
  ok = cohort ? spire_funnel_for_cohort (cli->store, cohort, &funnel, &error)
              : spire_funnel_for_program (cli->store, program, &funnel, &error);
  if (!ok)
    return cli_refused (error);
  if (json)
    {
      g_autoptr (JsonNode) root = funnel_to_json (&funnel);

      return cli_write_json (root, &error) ? EXIT_OK : cli_refused (error);
    }
  print_funnel (&funnel);
  return EXIT_OK;
}

/* impact */

static JsonNode *
reach_to_json (SpireSolutionReach *reach)
{
  JsonObject *object = json_object_new ();
  JsonArray *buyers = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "uuid", reach->uuid);
  json_object_set_string_member (object, "name", reach->name);
  json_object_set_string_member (object, "startup", reach->startup_name);
  json_object_set_int_member (object, "buyers_count", reach->buyers->len);
  if (reach->days_to_2nd >= 0)
    json_object_set_int_member (object, "days_to_2nd_buyer", reach->days_to_2nd);
  else
    json_object_set_null_member (object, "days_to_2nd_buyer");
  if (reach->days_to_10th >= 0)
    json_object_set_int_member (object, "days_to_10th_buyer", reach->days_to_10th);
  else
    json_object_set_null_member (object, "days_to_10th_buyer");
  json_object_set_int_member (object, "value_per_buyer", kroner (reach->value_per_buyer));
  for (guint i = 0; i < reach->buyers->len; i++)
    {
      SpireBuyer *b = reach->buyers->pdata[i];
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "uuid", b->body_uuid);
      json_object_set_string_member (o, "name", b->body_name);
      json_object_set_string_member (o, "first_signed", b->first_signed);
      json_object_set_int_member (o, "value", kroner (b->value));
      json_array_add_object_element (buyers, o);
    }
  json_object_set_array_member (object, "buyers", buyers);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
impact_to_json (SpireImpact *impact)
{
  JsonObject *object = json_object_new ();
  JsonObject *procedures = json_object_new ();
  JsonArray *solutions = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  GHashTableIter iter;
  gpointer key, value;

  json_object_set_int_member (object, "invested", kroner (impact->invested));
  json_object_set_int_member (object, "signed_value", kroner (impact->signed_value));
  json_object_set_int_member (object, "weighted_pipeline", kroner (impact->weighted_pipeline));
  json_object_set_int_member (object, "gains_expected", kroner (impact->gains_expected));
  json_object_set_int_member (object, "gains_realised", kroner (impact->gains_realised));
  set_ratio (object, "ratio_realised", impact->ratio_realised);
  set_ratio (object, "ratio_expected", impact->ratio_expected);
  json_object_set_int_member (object, "deals", impact->n_deals);
  json_object_set_int_member (object, "signed", impact->n_signed);
  g_hash_table_iter_init (&iter, impact->by_procedure);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_set_int_member (procedures, *(const char *) key ? key : "none",
                                GPOINTER_TO_UINT (value));
  json_object_set_object_member (object, "deals_by_procedure", procedures);
  for (guint i = 0; i < impact->solutions->len; i++)
    json_array_add_element (solutions, reach_to_json (impact->solutions->pdata[i]));
  json_object_set_array_member (object, "solutions", solutions);
  json_node_take_object (root, object);
  return root;
}

static void
print_money_line (const char *label, gint64 ore)
{
  g_autofree char *money = spire_format_money (ore, spire_language_current ());

  g_print ("%-28s %s\n", label, money);
}

static void
print_impact (SpireImpact *impact)
{
  SpireLanguage lang = spire_language_current ();

  print_money_line (_("Invested"), impact->invested);
  print_money_line (_("Signed value"), impact->signed_value);
  print_money_line (_("Weighted pipeline"), impact->weighted_pipeline);
  print_money_line (_("Gains expected"), impact->gains_expected);
  print_money_line (_("Gains realised"), impact->gains_realised);
  if (!isnan (impact->ratio_realised))
    {
      g_autofree char *realised = spire_format_number (impact->ratio_realised, 1, lang);
      g_autofree char *expected = spire_format_number (impact->ratio_expected, 1, lang);

      /* TRANSLATORS: "Gains per krone invested: 1.5 realised, 4.0 expected" */
      g_print (_("Gains per krone invested: %s realised, %s expected\n"), realised, expected);
    }
  for (guint i = 0; i < impact->solutions->len; i++)
    {
      SpireSolutionReach *r = impact->solutions->pdata[i];

      /* TRANSLATORS: "Trygg hjemme (Nordlys AS): 52 buyers" */
      g_print (ngettext ("%s (%s): %u buyer\n", "%s (%s): %u buyers\n", r->buyers->len), r->name,
               r->startup_name, r->buyers->len);
      for (guint b = 0; b < r->buyers->len; b++)
        {
          SpireBuyer *buyer = r->buyers->pdata[b];
          g_autofree char *date = spire_format_date (buyer->first_signed, lang);

          g_print ("  %s  %s\n", date, buyer->body_name);
        }
    }
}

int
cmd_impact (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *program = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("The program (required)"), N_("UUID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireImpact) impact = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (program == NULL)
    /* TRANSLATORS: keep --program: it is typed as it is */
    return cli_usage_error (command, _("--program is required."));
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "--program", &spire_kind_program, program))
    return EXIT_REFUSED;
  if ((impact = spire_program_impact (cli->store, program, &error)) == NULL)
    return cli_refused (error);
  if (json)
    {
      g_autoptr (JsonNode) root = impact_to_json (impact);

      return cli_write_json (root, &error) ? EXIT_OK : cli_refused (error);
    }
  print_impact (impact);
  return EXIT_OK;
}
