/* spire-cli-evaluation.c — the panel's work: assign, package export, package import
 *
 * "assign" runs core's automatic assignment and reports the members'
 * loads; "package" is made of subcommands (package_commands[]): "export"
 * writes one panel member's evaluation package, "import" reads the signed
 * score sheets they send back, each all or nothing.  Who can be assigned
 * and what counts towards a member's load are core's rules
 * (spire_cohort_count_assignable, spire_panel_loads), never counted here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-cli-private.h"

/* assign */

/* Each member's load as core counts it (spire_panel_loads), in the order
 * of the panel; observers are left out (they are never assigned). */
static gboolean
print_panel_loads (Cli *cli, const char *cohort_uuid, GError **error)
{
  g_autoptr (GPtrArray) panel = NULL;
  g_autoptr (GHashTable) panel_loads = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) loads = g_array_new (FALSE, FALSE, sizeof (gint64));

  panel = spire_panel_list (cli->store, cohort_uuid, error);
  if (panel == NULL)
    return FALSE;
  panel_loads = spire_panel_loads (cli->store, cohort_uuid, error);
  if (panel_loads == NULL)
    return FALSE;
  for (guint i = 0; i < panel->len; i++)
    {
      SpireRecord *evaluator = g_ptr_array_index (panel, i);
      const char *uuid = spire_record_get_uuid (evaluator);
      const SpirePanelLoad *load = g_hash_table_lookup (panel_loads, uuid);
      gint64 assigned = load ? load->assigned : 0;
      char *person;

      /* Observers are never assigned. */
      if (g_strcmp0 (spire_record_get_text (evaluator, "role"), "observer") == 0)
        continue;
      person = spire_evaluator_get_name (cli->store, uuid);
      if (*person == '\0')
        {
          g_free (person);
          person = g_strdup (uuid);
        }
      g_ptr_array_add (names, cli_one_line (person));
      g_free (person);
      g_array_append_val (loads, assigned);
    }
  if (names->len > 0)
    {
      /* TRANSLATORS: followed by one line per panel member: "  Kari Nordmann  7" */
      g_print ("%s\n", _("Assignments per panel member:"));
      cli_print_counts ((const char *const *) names->pdata, (const gint64 *) (void *) loads->data,
                        names->len);
    }
  return TRUE;
}

int
cmd_assign (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  g_autofree char *k_text = NULL;
  g_autofree char *k_help =
    /* TRANSLATORS: the help of assign --per-application; %u is the default number */
    g_strdup_printf (_("How many panel members each application gets (default: %u)"),
                     SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION);
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort whose applications to assign (required)"), N_("UUID") },
    /* TRANSLATORS: a placeholder: "--per-application=K", a number */
    { "per-application", 0, 0, G_OPTION_ARG_STRING, &k_text, k_help, N_("K") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  guint64 k = SPIRE_DEFAULT_EVALUATORS_PER_APPLICATION;
  guint n_added = 0;
  gint64 n_assignable;
  const char *name;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return cli_missing_cohort (command);
  if (k_text != NULL && !g_ascii_string_to_unsigned (k_text, 10, 1, G_MAXUINT, &k, NULL))
    /* TRANSLATORS: keep --per-application: it is typed as it is */
    return cli_usage_error (command, _("--per-application must be a whole number of at least 1, "
                                       "not “%s”."),
                            k_text);

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  cohort = cli_find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  name = spire_record_get_display_name (cohort);

  /* All or nothing: a refusal names what stands in the way. */
  if (!spire_assign_auto (cli->store, cohort_uuid, (guint) k, &n_added, &error))
    return cli_refused (error);

  n_assignable = spire_cohort_count_assignable (cli->store, cohort_uuid, &error);
  if (n_assignable < 0)
    return cli_refused (error);
  if (n_assignable == 0)
    {
      g_print (_("The cohort “%s” has no applications to assign (ineligible and withdrawn ones "
                 "are left out).\n"),
               name);
      return EXIT_OK;
    }
  if (n_added > 0)
    {
      g_autofree char *n_text = cli_format_count (n_added);

      g_print (ngettext ("Added %s assignment in “%s”.\n", "Added %s assignments in “%s”.\n",
                         n_added),
               n_text, name);
    }
  else
    g_print (_("No assignments were needed in “%s”.\n"), name);
  g_print (ngettext ("Every application to review has at least %u panel member.\n",
                     "Every application to review has at least %u panel members.\n",
                     (gulong) k),
           (guint) k);

  if (!print_panel_loads (cli, cohort_uuid, &error))
    return cli_refused (error);
  return EXIT_OK;
}

/* package */

static int cmd_package_export (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_package_import (Cli *cli, const CliCommand *command, int argc, char **argv);

/* The subcommands of "package", as commands of their own: the name is what
 * usage lines and messages show ("spire-cli package export"), its last word
 * what is typed after "package". */
static const CliCommand package_commands[] = {
  { "package export", cmd_package_export, "",
    N_("Write the evaluation package of one panel member"),
    /* TRANSLATORS: keep --evaluator, --force and the command in quotes: they are typed as they are */
    N_("The package holds the cohort’s rubric and the applications assigned to the panel "
       "member (never confidential fields, nor the applicants’ identities in a blind cohort), "
       "and the member’s secret token, with which Spire signs their score sheet. Because of "
       "that secret, FILE is written readable by you only; send it to the member alone. An "
       "existing FILE is refused unless --force is given. --evaluator takes the UUID of the "
       "member (“spire-cli list evaluators --cohort UUID” shows them) or their e-mail "
       "address. Observers, who do not score, get no package."),
    NULL, 0, 0 },
  { "package import", cmd_package_import, N_("FILE…"),
    N_("Import the score sheets panel members sent back"),
    /* TRANSLATORS: the counts as “package import” prints them: Added, Updated, Unchanged, Kept */
    N_("Each FILE is imported on its own, all or nothing: a sheet that is refused changes "
       "nothing, and the others are still imported. A sheet is refused when its signature "
       "does not match (it was changed after the member exported it), its package was not "
       "exported from this database, it comes from another member than its package was made "
       "for, the rubric changed since, a value lies outside the scale, or it reviews an "
       "application the member is not assigned or has a conflict of interest with. For each "
       "file the reviews are counted: added, updated, unchanged, and kept (changed here later "
       "than in the sheet, so left as they are). Importing the same sheet again changes "
       "nothing. The exit status is 1 when any file was refused. “-” reads standard input."),
    N_("Name the score sheets to import."), 1, G_MAXUINT },
};

int
cmd_package (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  return cli_run_subcommand (cli, command, package_commands, G_N_ELEMENTS (package_commands),
                             argc, argv);
}

/* The UUID of the panel member of @cohort that @given names (their UUID or
 * their e-mail address), or NULL after saying why on stderr. */
static char *
find_evaluator (Cli *cli, SpireRecord *cohort, const char *given)
{
  const char *cohort_uuid = spire_record_get_uuid (cohort);
  g_autoptr (GError) error = NULL;

  if (strchr (given, '@') != NULL)
    {
      g_autoptr (GPtrArray) panel = spire_panel_list (cli->store, cohort_uuid, &error);
      g_autofree char *wanted = NULL;

      if (panel == NULL)
        {
          cli_refused (error);
          return NULL;
        }
      wanted = g_utf8_casefold (given, -1);
      for (guint i = 0; i < panel->len; i++)
        {
          SpireRecord *evaluator = g_ptr_array_index (panel, i);
          g_autoptr (SpireRecord) person = NULL;
          g_autofree char *email = NULL;

          person = spire_store_get (cli->store, &spire_kind_person,
                                    spire_record_get_text (evaluator, "person"), NULL);
          if (person == NULL || spire_record_is_null (person, "email"))
            continue;
          email = g_utf8_casefold (spire_record_get_text (person, "email"), -1);
          if (g_str_equal (g_strstrip (email), wanted))
            return g_strdup (spire_record_get_uuid (evaluator));
        }
      /* TRANSLATORS: keep the command in quotes: it is typed as it is */
      cli_refused_message (_("No panel member of “%s” has the e-mail address “%s”. “spire-cli list "
                             "evaluators --cohort %s” shows the panel."),
                           spire_record_get_display_name (cohort), given, cohort_uuid);
      return NULL;
    }

  if (spire_store_exists (cli->store, &spire_kind_evaluator, given))
    return g_strdup (given);
  /* TRANSLATORS: keep the command in quotes: it is typed as it is */
  cli_refused_message (_("There is no panel member with the UUID “%s”. “spire-cli list evaluators "
                         "--cohort %s” shows the panel of “%s”."),
                       given, cohort_uuid, spire_record_get_display_name (cohort));
  return NULL;
}

static int
cmd_package_export (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *cohort_uuid = NULL;
  g_autofree char *evaluator_given = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "cohort", 0, 0, G_OPTION_ARG_STRING, &cohort_uuid,
      N_("The cohort the package is for (required)"), N_("UUID") },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator_given,
      N_("The panel member, by UUID or e-mail address (required)"),
      /* TRANSLATORS: a placeholder: "--evaluator=UUID|EMAIL"; keep the "|" */
      N_("UUID|EMAIL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write the package to (required)"),
      /* TRANSLATORS: a placeholder in usage lines ("spire-cli import FILE"); the same everywhere */
      N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE when it exists"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireRecord) cohort = NULL;
  g_autofree char *evaluator_uuid = NULL;
  g_autofree char *file = NULL;
  g_autofree char *person = NULL;
  gint64 n_applications;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (cohort_uuid == NULL || *cohort_uuid == '\0')
    return cli_missing_cohort (command);
  if (evaluator_given == NULL || *evaluator_given == '\0')
    /* TRANSLATORS: keep --evaluator and the command in quotes: they are typed as they are */
    return cli_usage_error (command, _("Say which panel member with --evaluator UUID or e-mail "
                                       "address; “spire-cli list evaluators --cohort UUID” shows "
                                       "them."));
  if (output == NULL || *output == '\0')
    /* TRANSLATORS: keep -o: it is typed as it is; FILE as in the usage lines */
    return cli_usage_error (command, _("Say which file to write the package to with -o FILE."));

  /* Before the database: a package is never written over another by mistake. */
  file = g_filename_display_name (output);
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return cli_refused_message (_("“%s” is a folder, not a file."), file);
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    /* TRANSLATORS: keep --force: it is typed as it is */
    return cli_refused_message (_("“%s” exists already. Name another file, or give --force to "
                                  "replace it."),
                                file);

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);
  cohort = cli_find_cohort (cli, cohort_uuid);
  if (cohort == NULL)
    return EXIT_REFUSED;
  evaluator_uuid = find_evaluator (cli, cohort, evaluator_given);
  if (evaluator_uuid == NULL)
    return EXIT_REFUSED;

  if (!spire_package_export_file (cli->store, cohort_uuid, evaluator_uuid, output, &error))
    return cli_refused (error);

  person = spire_evaluator_get_name (cli->store, evaluator_uuid);
  n_applications = spire_package_file_count_applications (output);
  /* TRANSLATORS: "Wrote the evaluation package of Kari Nordmann for “Høst 2026” to “kari.json”." */
  g_print (_("Wrote the evaluation package of %s for “%s” to “%s”.\n"), person,
           spire_record_get_display_name (cohort), file);
  if (n_applications == 0)
    /* TRANSLATORS: keep the command in quotes: it is typed as it is */
    g_print ("%s\n", _("It holds no applications: none is assigned to them yet (“spire-cli "
                       "assign” assigns the panel)."));
  else if (n_applications > 0)
    {
      g_autofree char *n_text = cli_format_count (n_applications);

      g_print (ngettext ("It holds %s application to score.\n",
                         "It holds %s applications to score.\n", (gulong) n_applications),
               n_text);
    }
  g_print ("%s\n", _("The file holds the panel member’s secret token: send it to them alone."));
  return EXIT_OK;
}

/* Says why the sheet @name was refused; the file is named unless the reason does. */
static void
print_sheet_refusal (const char *name, const GError *error)
{
  if (strstr (error->message, name) != NULL)
    g_printerr ("%s: %s\n", PROGRAM, error->message);
  else
    g_printerr ("%s: %s: %s\n", PROGRAM, name, error->message);
}

static int
cmd_package_import (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *input = NULL;
  gsize input_length = 0;
  guint n_files, n_refused = 0;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  n_files = g_strv_length (args);
  if (g_strv_contains ((const char *const *) args, "-"))
    {
      input = cli_read_standard_input (SPIRE_READ_SHEET, &input_length, &error);
      if (input == NULL)
        return cli_refused (error);
    }

  if (!cli_open_store (cli, OPEN_EXISTING, &error))
    return cli_refused (error);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *name = NULL;
      SpireSheetStats stats = { 0, 0, 0, 0 };
      gboolean ok;

      if (g_str_equal (args[i], "-"))
        {
          name = g_strdup (_("standard input"));
          ok = spire_package_import_sheet (cli->store, input, (gssize) input_length, name,
                                           &stats, &local);
        }
      else
        {
          g_autofree char *base = g_path_get_basename (args[i]);

          /* The core names a sheet by its file name in its messages. */
          name = g_filename_display_name (base);
          ok = spire_package_import_sheet_file (cli->store, args[i], &stats, &local);
        }
      if (!ok)
        {
          print_sheet_refusal (name, local);
          n_refused++;
          continue;
        }
      {
        /* TRANSLATORS: reviews counted after importing a score sheet; “Kept”: changed here
         * later than in the sheet, so left as they are */
        const char *labels[] = { C_("package import", "Added"), C_("package import", "Updated"),
                                 C_("package import", "Unchanged"),
                                 C_("package import", "Kept") };
        gint64 counts[] = { stats.added, stats.updated, stats.unchanged, stats.kept };

        g_print (_("Imported the score sheet “%s”:\n"), name);
        cli_print_counts (labels, counts, G_N_ELEMENTS (counts));
      }
    }

  if (n_refused == 0)
    return EXIT_OK;
  if (n_files == 1)
    return EXIT_REFUSED;
  if (n_refused == n_files)
    return cli_refused_message (_("None of the %u score sheets was imported."), n_files);
  return cli_refused_message (ngettext ("%u of %u score sheets was refused; the others were "
                                        "imported.",
                                        "%u of %u score sheets were refused; the others were "
                                        "imported.",
                                        n_refused),
                              n_refused, n_files);
}
