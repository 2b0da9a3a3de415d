/* spire-cli-followup.c — after the selection: deal add, move, show, list;
 * funnel; impact
 *
 * The rules (stages, time in stage, the weighted value, the procedure
 * hints, the funnel's steps, the impact ratio) are core's
 * (spire-followup.h); this file reads the arguments, names the one that is
 * wrong, calls core and prints.  Money on the command line and in JSON is
 * in whole kroner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-cli-private.h"

/* Arguments */

/* Whole kroner into øre. */
static gboolean
parse_kroner (const char *option, const char *text, gint64 *ore)
{
  gint64 value;

  *ore = SPIRE_INT_NONE;
  if (text == NULL)
    return TRUE;
  if (!spire_parse_money (text, &value) || value < 0)
    {
      cli_refused_message (_("%s: “%s” is not an amount in kroner."), option, text);
      return FALSE;
    }
  *ore = value;
  return TRUE;
}

static gint64
kroner (gint64 ore)
{
  return (gint64) llround ((double) ore / 100.0);
}

/* deal */

static int cmd_deal_add (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_deal_move (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_deal_show (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_deal_list (Cli *cli, const CliCommand *command, int argc, char **argv);

static const CliCommand deal_commands[] = {
  { "deal add", cmd_deal_add, "", N_("Record a deal between a startup and a public body"),
    /* TRANSLATORS: keep the options and the values: they are typed as they are */
    N_("--application names the application the deal came from (its startup is the "
       "seller), --buyer the public body. KIND: purchase, pilot, innovation_partnership, "
       "development_contract, framework_agreement, letter_of_intent. STAGE: dialogue, pilot, "
       "negotiation, signed, delivering, scaled, no_deal. PROC: direct_award, "
       "open_competition, restricted_competition, competition_with_negotiation, "
       "innovation_partnership, pre_commercial, design_contest, framework_call_off, "
       "mvp_contract. --value is in whole kroner, --date is the day of the first event "
       "(today when left out). Prints the new deal’s UUID."),
    NULL, 0, 0 },
  { "deal move", cmd_deal_move, N_("UUID"), N_("Move a deal to another stage"),
    /* TRANSLATORS: keep the options and no_deal: they are typed as they are */
    N_("Records the change as an event on --date (today when left out) with --note. "
       "no_deal needs --reason. A date before the deal’s last event is refused."),
    N_("Name the deal to move."), 1, 1 },
  { "deal show", cmd_deal_show, N_("UUID"), N_("Show a deal, its history and its hints"),
    /* TRANSLATORS: keep --json and the JSON member names: they are typed as they are */
    N_("Shows the stage, the days in it, the weighted value (value × the stage’s "
       "probability), whether it is stale (no event for 90 days), the procedure hints and "
       "every event with the days spent in its stage. --json gives the deal’s fields with "
       "weighted_value, days_in_stage, stale, hints and events; money in whole kroner."),
    N_("Name the deal to show."), 1, 1 },
  { "deal list", cmd_deal_list, "", N_("List deals of a cohort or a program"),
    /* TRANSLATORS: keep the options: they are typed as they are */
    N_("--cohort or --program chooses the deals (all when neither is given), --stage one "
       "stage."),
    NULL, 0, 0 },
};

int
cmd_deal (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  return cli_run_subcommand (cli, command, deal_commands, G_N_ELEMENTS (deal_commands), argc,
                             argv);
}

typedef struct
{
  char *application, *buyer, *kind, *stage, *value, *procedure, *solution, *date, *note, *title;
} AddArgs;

static void
add_args_clear (AddArgs *a)
{
  g_free (a->application);
  g_free (a->buyer);
  g_free (a->kind);
  g_free (a->stage);
  g_free (a->value);
  g_free (a->procedure);
  g_free (a->solution);
  g_free (a->date);
  g_free (a->note);
  g_free (a->title);
}

/* Every argument of "deal add" in the form it needs, or FALSE after saying
 * which is wrong. */
static gboolean
check_add_args (Cli *cli, const AddArgs *a, gint64 *value)
{
  return cli_check_ref (cli, "--application", &spire_kind_application, a->application) &&
         cli_check_ref (cli, "--buyer", &spire_kind_public_body, a->buyer) &&
         cli_check_ref (cli, "--solution", &spire_kind_solution, a->solution) &&
         cli_check_enum ("--kind", &spire_kind_deal, "kind", a->kind) &&
         cli_check_enum ("--stage", &spire_kind_deal, "stage", a->stage) &&
         cli_check_enum ("--procedure", &spire_kind_deal, "procedure", a->procedure) &&
         cli_check_date ("--date", a->date) && parse_kroner ("--value", a->value, value);
}

static int
cmd_deal_add (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  AddArgs a = { 0 };
  const GOptionEntry entries[] = {
    { "application", 0, 0, G_OPTION_ARG_STRING, &a.application,
      N_("The application the deal came from (required)"), N_("UUID") },
    { "buyer", 0, 0, G_OPTION_ARG_STRING, &a.buyer, N_("The public body that buys (required)"),
      N_("UUID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &a.kind, N_("The kind of deal (required)"), N_("KIND") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &a.stage, N_("Where it stands (required)"),
      N_("STAGE") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &a.value, N_("The contract value in kroner"),
      N_("KR") },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &a.procedure, N_("The procurement procedure"),
      N_("PROC") },
    { "solution", 0, 0, G_OPTION_ARG_STRING, &a.solution, N_("The solution sold"), N_("UUID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &a.title, N_("A title"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a.date, N_("The day of the first event"),
      N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &a.note, N_("A note on the first event"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) deal = NULL;
  SpireDealSpec spec = { 0 };
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    goto out;
  status = EXIT_USAGE;
  if (a.application == NULL || a.buyer == NULL || a.kind == NULL || a.stage == NULL)
    {
      /* TRANSLATORS: keep the options: they are typed as they are */
      cli_usage_error (command, _("--application, --buyer, --kind and --stage are required."));
      goto out;
    }
  status = EXIT_REFUSED;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    {
      cli_refused (error);
      goto out;
    }
  if (!check_add_args (cli, &a, &spec.value))
    goto out;
  spec.application = a.application;
  spec.buyer = a.buyer;
  spec.kind = a.kind;
  spec.stage = a.stage;
  spec.procedure = a.procedure;
  spec.solution = a.solution;
  spec.title = a.title;
  spec.date = a.date;
  spec.note = a.note;
  if ((deal = spire_deal_create (cli->store, &spec, &error)) == NULL)
    {
      cli_refused (error);
      goto out;
    }
  g_print ("%s\n", spire_record_get_uuid (deal));
  status = EXIT_OK;
out:
  add_args_clear (&a);
  return status;
}

static int
cmd_deal_move (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("The new stage (required)"), N_("STAGE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it changed"), N_("YYYY-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the event"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why there was no deal (for no_deal)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (stage == NULL)
    /* TRANSLATORS: keep --stage: it is typed as it is */
    return cli_usage_error (command, _("--stage is required."));
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "UUID", &spire_kind_deal, args[0]) ||
      !cli_check_enum ("--stage", &spire_kind_deal, "stage", stage) ||
      !cli_check_date ("--date", date))
    return EXIT_REFUSED;
  if (!spire_deal_move (cli->store, args[0], stage, date, note, reason, &error))
    return cli_refused (error);
  return EXIT_OK;
}

/* deal show */

static void
money_to_kroner (JsonObject *object, const SpireKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];

      if (f->type == SPIRE_FIELD_MONEY && json_object_has_member (object, f->name) &&
          !json_object_get_null_member (object, f->name))
        json_object_set_int_member (object, f->name,
                                    kroner (json_object_get_int_member (object, f->name)));
    }
}

static JsonNode *
status_to_json (SpireDealStatus *s)
{
  JsonNode *node = spire_record_to_json (s->deal, FALSE);
  JsonObject *object = json_node_get_object (node);
  JsonArray *hints = json_array_new ();
  JsonArray *events = json_array_new ();

  money_to_kroner (object, &spire_kind_deal);
  if (s->weighted_value == SPIRE_INT_NONE)
    json_object_set_null_member (object, "weighted_value");
  else
    json_object_set_int_member (object, "weighted_value", kroner (s->weighted_value));
  json_object_set_int_member (object, "probability", s->probability);
  json_object_set_int_member (object, "days_in_stage", s->days_in_stage);
  json_object_set_boolean_member (object, "stale", s->stale);
  for (guint i = 0; i < s->hints->len; i++)
    json_array_add_string_element (hints, s->hints->pdata[i]);
  json_object_set_array_member (object, "hints", hints);
  for (guint i = 0; i < s->steps->len; i++)
    {
      SpireDealStep *step = s->steps->pdata[i];
      JsonObject *e = json_object_new ();

      json_object_set_string_member (e, "stage", step->stage);
      json_object_set_string_member (e, "date", step->date);
      if (step->note)
        json_object_set_string_member (e, "note", step->note);
      else
        json_object_set_null_member (e, "note");
      json_object_set_int_member (e, "days", step->days);
      json_array_add_object_element (events, e);
    }
  json_object_set_array_member (object, "events", events);
  return node;
}

static char *
stage_label (const char *stage)
{
  return g_strdup (spire_field_value_label (spire_kind_field (&spire_kind_deal, "stage"), stage));
}

static void
print_status (Cli *cli, SpireDealStatus *s)
{
  SpireLanguage lang = spire_language_current ();
  SpireRecord *d = s->deal;
  g_autofree char *stage = stage_label (spire_record_get_text (d, "stage"));
  g_autofree char *n_days = NULL;

  g_print ("%s\n", spire_record_get_display_name (d));
  n_days = cli_format_count (s->days_in_stage);
  /* TRANSLATORS: "Stage: Negotiation, 30 days" */
  g_print (ngettext ("Stage: %s, %s day\n", "Stage: %s, %s days\n", (gulong) s->days_in_stage),
           stage, n_days);
  if (s->weighted_value != SPIRE_INT_NONE)
    {
      g_autofree char *value = spire_format_money (spire_record_get_int (d, "value"), lang);
      g_autofree char *weighted = spire_format_money (s->weighted_value, lang);

      /* TRANSLATORS: "Value: 1 000 000 kr, weighted 500 000 kr (50 %)" */
      g_print (_("Value: %s, weighted %s (%d %%)\n"), value, weighted, s->probability);
    }
  if (s->stale)
    g_print (_("Stale: no event for %d days or more.\n"), spire_settings_get_stale_days ());
  for (guint i = 0; i < s->hints->len; i++)
    g_print ("! %s\n", (const char *) s->hints->pdata[i]);
  for (guint i = 0; i < s->steps->len; i++)
    {
      SpireDealStep *step = s->steps->pdata[i];
      g_autofree char *date = spire_format_date (step->date, lang);
      g_autofree char *label = stage_label (step->stage);

      g_autofree char *step_days = cli_format_count (step->days);

      g_print ("  %s  %s", date, label);
      g_print (ngettext (" (%s day)", " (%s days)", (gulong) step->days), step_days);
      g_print ("%s%s\n", step->note ? "  " : "", step->note ? step->note : "");
    }
}

static int
cmd_deal_show (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireDealStatus) status_of = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "UUID", &spire_kind_deal, args[0]))
    return EXIT_REFUSED;
  if ((status_of = spire_deal_get_status (cli->store, args[0], NULL, &error)) == NULL)
    return cli_refused (error);
  if (json)
    {
      g_autoptr (JsonNode) root = status_to_json (status_of);

      return cli_write_json (root, &error) ? EXIT_OK : cli_refused (error);
    }
  print_status (cli, status_of);
  return EXIT_OK;
}

/* deal list */

static JsonNode *
deals_to_json (GPtrArray *deals)
{
  JsonNode *root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_sized_new (deals->len);

  for (guint i = 0; i < deals->len; i++)
    {
      JsonNode *node = spire_record_to_json (deals->pdata[i], FALSE);

      money_to_kroner (json_node_get_object (node), &spire_kind_deal);
      json_array_add_element (array, node);
    }
  json_node_take_array (root, array);
  return root;
}

static void
print_deals (Cli *cli, GPtrArray *deals)
{
  SpireLanguage lang = spire_language_current ();
  const char *headers[] = { "UUID", _("Startup"), _("Buyer"), _("Stage"), _("Value") };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, TRUE };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (deals->len == 0)
    {
      g_print ("%s\n", _("There are no deals."));
      return;
    }
  for (guint i = 0; i < deals->len; i++)
    {
      SpireRecord *d = deals->pdata[i];
      g_autoptr (SpireRecord) startup = spire_store_get (cli->store, &spire_kind_startup,
                                                         spire_record_get_text (d, "startup"),
                                                         NULL);
      g_autoptr (SpireRecord) buyer = spire_store_get (cli->store, &spire_kind_public_body,
                                                       spire_record_get_text (d, "public_body"),
                                                       NULL);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (spire_record_get_uuid (d));
      row[1] = g_strdup (startup ? spire_record_get_display_name (startup) : "");
      row[2] = g_strdup (buyer ? spire_record_get_display_name (buyer) : "");
      row[3] = stage_label (spire_record_get_text (d, "stage"));
      row[4] = spire_record_is_null (d, "value")
                 ? g_strdup ("")
                 : spire_format_money (spire_record_get_int (d, "value"), lang);
      g_ptr_array_add (rows, row);
    }
  cli_print_rows (headers, numeric, G_N_ELEMENTS (headers), rows);
}

static int
cmd_deal_list (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort = NULL;
  g_autofree char *program = NULL;
  g_autofree char *stage = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort, N_("The cohort’s deals"), N_("UUID") },
    { "program", 0, 0, G_OPTION_ARG_STRING, &program, N_("The program’s deals"), N_("UUID") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("Only deals in this stage"), N_("STAGE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) deals = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort && program)
    /* TRANSLATORS: keep the options: they are typed as they are */
    return cli_usage_error (command, _("Give --cohort or --program, not both."));
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "--cohort", &spire_kind_cohort, cohort) ||
      !cli_check_ref (cli, "--program", &spire_kind_program, program) ||
      !cli_check_enum ("--stage", &spire_kind_deal, "stage", stage))
    return EXIT_REFUSED;
  if ((deals = spire_deals_list (cli->store, cohort, program, stage, &error)) == NULL)
    return cli_refused (error);
  if (json)
    {
      g_autoptr (JsonNode) root = deals_to_json (deals);

      return cli_write_json (root, &error) ? EXIT_OK : cli_refused (error);
    }
  print_deals (cli, deals);
  return EXIT_OK;
}
