/* spire-cli-privacy.c — person erase, retention, audit
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail".  The rules (what a
 * person's data is and where it occurs, when a cohort's retention runs out,
 * which audit entries concern a person) are core's (spire-privacy.h); this
 * file reads the arguments, names the one that is wrong, calls core and
 * prints.  A refused argument changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cli-private.h"

/* person erase */

static int cmd_person_erase (Cli *cli, const CliCommand *command, int argc, char **argv);

static const CliCommand person_commands[] = {
  { "person erase", cmd_person_erase, N_("UUID"),
    N_("Erase a person’s personal data everywhere it occurs"),
    /* TRANSLATORS: keep --dry-run: it is typed as it is */
    N_("The name becomes a pseudonym (“Erased person 3F2A”), e-mail and phone are cleared, "
       "and every text and audit entry that names the person gets the pseudonym instead. "
       "No copy stays in the database file. --dry-run changes nothing and lists where the "
       "person’s data occurs."),
    N_("Name the person to erase."), 1, 1 },
};

int
cmd_person (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  return cli_run_subcommand (cli, command, person_commands, G_N_ELEMENTS (person_commands),
                             argc, argv);
}

static char *
field_label (const char *table, const char *field)
{
  const SpireKind *kind = spire_kind_lookup (table);
  const SpireField *f = kind ? spire_kind_field (kind, field) : NULL;

  if (f != NULL)
    return g_strdup (_(f->label));
  if (g_str_equal (field, "who"))
    /* TRANSLATORS: a column of the audit trail: who made the change */
    return g_strdup (C_("audit", "Who"));
  if (g_str_equal (field, "before"))
    /* TRANSLATORS: a column of the audit trail: the record before the change */
    return g_strdup (C_("audit", "Before"));
  /* TRANSLATORS: a column of the audit trail: the record after the change */
  return g_strdup (C_("audit", "After"));
}

static char *
table_label (const char *table)
{
  const SpireKind *kind = spire_kind_lookup (table);

  /* TRANSLATORS: where a person's data occurs: one entry of the audit trail (endringslogg) */
  return g_strdup (kind ? _(kind->label) : _("Audit entry"));
}

static void
print_traces (SpirePersonTraces *traces)
{
  const char *headers[] = { C_("column", "Kind"), C_("column", "Record"), C_("column", "Field") };
  const gboolean numeric[] = { FALSE, FALSE, FALSE };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < traces->items->len; i++)
    {
      SpirePersonTrace *t = traces->items->pdata[i];
      char **row = g_new0 (char *, 4);

      row[0] = table_label (t->table);
      row[1] = g_strdup (t->uuid);
      row[2] = field_label (t->table, t->field);
      g_ptr_array_add (rows, row);
    }
  cli_print_rows (headers, numeric, G_N_ELEMENTS (headers), rows);
}

/* The preview of an erase says it: Spire cannot reach a backup file once it
 * is written elsewhere. */
static const char exported_backups[] =
  N_("Backups exported earlier (Spire’s JSON backup files) are beyond Spire’s reach: whoever "
     "keeps them must delete them. Spire cannot know where they are.");

/* The copies migrations left beside the file: erasing removes them. */
static void
print_copies (GPtrArray *copies, gboolean person)
{
  g_autofree char *n_text = NULL;

  if (copies->len == 0)
    return;
  n_text = cli_format_count (copies->len);
  if (person)
    g_print (ngettext ("%s older copy of the database, made before an upgrade, can still hold the "
                       "person’s data. Erasing removes it:\n",
                       "%s older copies of the database, made before upgrades, can still hold the "
                       "person’s data. Erasing removes them:\n",
                       copies->len),
             n_text);
  else
    g_print (ngettext ("%s older copy of the database, made before an upgrade, can still hold "
                       "this personal data. Erasing removes it:\n",
                       "%s older copies of the database, made before upgrades, can still hold "
                       "this personal data. Erasing removes them:\n",
                       copies->len),
             n_text);
  for (guint i = 0; i < copies->len; i++)
    g_print ("  %s\n", (const char *) copies->pdata[i]);
}

/* After an erase: the copies removed, or (on stderr, exit status 1) the
 * ones that could not be. */
static int
print_copies_removed (GPtrArray *copies, const char *problem)
{
  if (copies->len > 0 && problem == NULL)
    {
      g_autofree char *n_copies = cli_format_count (copies->len);

      g_print (ngettext ("%s older copy made before an upgrade was removed.\n",
                         "%s older copies made before upgrades were removed.\n",
                         copies->len),
               n_copies);
    }
  g_print ("%s\n", _(exported_backups));
  if (problem != NULL)
    {
      g_printerr ("%s\n", problem);
      return EXIT_REFUSED;
    }
  return EXIT_OK;
}

static int
cmd_person_erase (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Change nothing: list where the person’s data occurs"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpirePersonTraces) traces = NULL;
  g_autofree char *n_text = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "UUID", &spire_kind_person, args[0]))
    return EXIT_REFUSED;
  if (!spire_person_erase (cli->store, args[0], dry_run, &traces, &error))
    return cli_refused (error);
  n_text = cli_format_count (traces->items->len);
  if (dry_run)
    {
      print_traces (traces);
      print_copies (traces->copies, TRUE);
      /* TRANSLATORS: after the list of places; the first %s is the pseudonym, "Erased person
       * 3F2A", the second how many places */
      g_print (_("Nothing was changed. Erasing would write “%s” in these %s places.\n"),
               traces->pseudonym, n_text);
      g_print ("%s\n", _(exported_backups));
      return EXIT_OK;
    }
  /* TRANSLATORS: the first %s is how many places, the second the pseudonym, "Erased person
   * 3F2A" */
  g_print (_("The person is erased: %s places now say “%s”.\n"), n_text, traces->pseudonym);
  return print_copies_removed (traces->copies, traces->copies_problem);
}

/* retention */

int
cmd_retention (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *today = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Change nothing: list whose data would be erased"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Count from this day instead of today"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  const char *headers[] = { C_("column", "Person"), C_("column", "Name"), C_("column", "Cohort"),
                            C_("column", "Closed"), C_("column", "Due") };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (SpireRetentionResult) result = NULL;
  g_autofree char *n_text = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (!cli_check_date ("--today", today))
    return EXIT_REFUSED;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if ((due = spire_retention_due (cli->store, today, &error)) == NULL)
    return cli_refused (error);
  if (due->len == 0)
    {
      g_print ("%s\n", _("No personal data is due to be erased."));
      return EXIT_OK;
    }
  for (guint i = 0; i < due->len; i++)
    {
      SpireRetentionItem *item = due->pdata[i];
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (item->person);
      row[1] = cli_one_line (item->name);
      row[2] = cli_one_line (item->cohort_name);
      row[3] = g_strdup (item->closed_on);
      row[4] = g_strdup (item->due_on);
      g_ptr_array_add (rows, row);
    }
  cli_print_rows (headers, numeric, G_N_ELEMENTS (headers), rows);
  if (dry_run)
    {
      g_autoptr (GPtrArray) copies = spire_store_list_migration_copies (cli->store);

      print_copies (copies, FALSE);
      n_text = cli_format_count (due->len);
      g_print (ngettext ("Nothing was changed. Without --dry-run %s person would be erased.\n",
                         "Nothing was changed. Without --dry-run %s people would be erased.\n",
                         due->len),
               n_text);
      g_print ("%s\n", _(exported_backups));
      return EXIT_OK;
    }
  if (!spire_retention_apply (cli->store, today, &result, &error))
    return cli_refused (error);
  n_text = cli_format_count (result->n_erased);
  g_print (ngettext ("%s person erased.\n", "%s people erased.\n", result->n_erased), n_text);
  return print_copies_removed (result->copies, result->copies_problem);
}

/* audit */

static JsonNode *
json_or_string (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *node;

  if (text == NULL)
    return json_node_new (JSON_NODE_NULL);
  if (json_parser_load_from_data (parser, text, -1, NULL) && json_parser_get_root (parser))
    return json_node_copy (json_parser_get_root (parser));
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  return node;
}

static int
print_audit_json (GPtrArray *entries)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  g_autoptr (GError) error = NULL;
  static const char *const texts[] = { "at", "who", "entity", "entity_uuid", "action" };

  json_node_take_array (root, array);
  for (guint i = 0; i < entries->len; i++)
    {
      GHashTable *e = entries->pdata[i];
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "id", g_ascii_strtoll (g_hash_table_lookup (e, "id"), NULL, 10));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          const char *v = g_hash_table_lookup (e, texts[t]);

          if (v)
            json_object_set_string_member (o, texts[t], v);
          else
            json_object_set_null_member (o, texts[t]);
        }
      json_object_set_member (o, "before", json_or_string (g_hash_table_lookup (e, "before")));
      json_object_set_member (o, "after", json_or_string (g_hash_table_lookup (e, "after")));
      json_array_add_object_element (array, o);
    }
  if (!cli_write_json (root, &error))
    return cli_refused (error);
  return EXIT_OK;
}

static void
print_audit_text (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      GHashTable *e = entries->pdata[i];
      const char *entity = g_hash_table_lookup (e, "entity");
      const SpireKind *kind = entity ? spire_kind_lookup (entity) : NULL;
      const char *before = g_hash_table_lookup (e, "before");
      const char *after = g_hash_table_lookup (e, "after");
      g_autofree char *who = cli_one_line (g_hash_table_lookup (e, "who") ?: "");

      g_print ("%s  %s  %s %s  %s\n", (const char *) g_hash_table_lookup (e, "at"), who,
               kind ? _(kind->label) : entity ? entity : "",
               (const char *) (g_hash_table_lookup (e, "entity_uuid") ?: ""),
               (const char *) g_hash_table_lookup (e, "action"));
      if (before)
        {
          g_autofree char *line = cli_one_line (before);

          g_print ("  %s: %s\n", C_("audit", "Before"), line);
        }
      if (after)
        {
          g_autofree char *line = cli_one_line (after);

          g_print ("  %s: %s\n", C_("audit", "After"), line);
        }
    }
}

int
cmd_audit (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *record = NULL;
  g_autofree char *person = NULL;
  g_autofree char *since = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "record", 0, 0, G_OPTION_ARG_STRING, &record, N_("Entries about this record"),
      N_("UUID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("Entries about this person and the records that name them"), N_("UUID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Entries from this day on"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the entries as JSON"), NULL },
    { NULL }
  };
  SpireAuditFilter filter = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (record != NULL && !g_uuid_string_is_valid (record))
    return cli_refused_message (_("%s: “%s” is not a UUID."), "--record", record);
  if (!cli_check_date ("--since", since))
    return EXIT_REFUSED;
  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  if (!cli_check_ref (cli, "--person", &spire_kind_person, person))
    return EXIT_REFUSED;
  filter.record = record;
  filter.person = person;
  filter.since = since;
  if ((found = spire_audit_query (cli->store, &filter, &error)) == NULL)
    return cli_refused (error);
  if (json)
    return print_audit_json (found);
  if (found->len == 0)
    g_print ("%s\n", _("No audit entries."));
  print_audit_text (found);
  return EXIT_OK;
}
