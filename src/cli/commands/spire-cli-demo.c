/* spire-cli-demo.c — demo: sample data
 *
 * Fills the database with core's sample data (spire_demo_fill) and counts
 * what it then holds, kind by kind as "list" lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "spire-cli-private.h"

/* demo */

int
cmd_demo (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *size_text = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The same seed gives the same data (default: 1)"), N_("N") },
    /* TRANSLATORS: keep "small", "large" and "xlarge": they are typed as they are */
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("How much data: small, large (10 000 applications) or xlarge (100 000, for "
         "benchmarks) (default: small)"),
      N_("SIZE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Add the sample data even when the database holds programs"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  guint64 seed = 1;
  SpireDemoSize size = SPIRE_DEMO_SMALL;
  CliProgress progress;
  gboolean show_progress;
  gboolean ok;
  int status;

  if ((status = cli_parse_command (cli, command, entries, NULL, argc, argv, &args)) != CONTINUE)
    return status;
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    {
      g_autofree char *max = cli_format_count (G_MAXUINT32);

      /* TRANSLATORS: "--seed must be a whole number from 0 to 4 294 967 295, not “abc”." */
      return cli_usage_error (command, _("--seed must be a whole number from 0 to %s, not “%s”."),
                              max, seed_text);
    }
  if (size_text == NULL || g_str_equal (size_text, "small"))
    size = SPIRE_DEMO_SMALL;
  else if (g_str_equal (size_text, "large"))
    size = SPIRE_DEMO_LARGE;
  else if (g_str_equal (size_text, "xlarge"))
    size = SPIRE_DEMO_XLARGE;
  else
    /* TRANSLATORS: keep "small", "large" and "xlarge": they are typed as they are */
    return cli_usage_error (command, _("--size is “small”, “large” or “xlarge”, not “%s”."),
                            size_text);

  if (!cli_open_store (cli, OPEN_CREATE, &error))
    return cli_refused (error);

  show_progress = size != SPIRE_DEMO_SMALL && isatty (STDERR_FILENO);
  cli_progress_init (&progress, _("Creating sample data"));
  ok = spire_demo_fill (cli->store, (guint32) seed, size, force,
                        show_progress ? cli_on_progress_cb : NULL, &progress, NULL, &error);
  cli_progress_end (&progress);
  if (!ok)
    return cli_refused (error);

  {
    guint n_kinds;
    const CliKind *kinds = cli_kinds (&n_kinds);
    g_autofree const char **labels = g_new0 (const char *, n_kinds);
    g_autofree gint64 *counts = g_new0 (gint64, n_kinds);

    for (guint i = 0; i < n_kinds; i++)
      {
        const SpireKind *kind = spire_kind_lookup (kinds[i].table);

        labels[i] = _(kind->label_plural);
        counts[i] = spire_store_count (cli->store, kind, NULL, NULL);
      }
    g_print (_("Sample data is in “%s” (seed %u). The database now holds:\n"),
             cli_database_path (cli), (guint) seed);
    cli_print_counts (labels, counts, n_kinds);
  }
  return EXIT_OK;
}
