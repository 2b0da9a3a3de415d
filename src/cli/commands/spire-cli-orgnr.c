/* spire-cli-orgnr.c — validate-orgnr: organisation numbers checked without a database
 *
 * One "NUMBER valid" or "NUMBER invalid" line per number on standard
 * output, the reason for an invalid one on standard error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-cli-private.h"

/* validate-orgnr: needs no database */

int
cmd_validate_orgnr (Cli *cli, const CliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  gboolean all_valid = TRUE;
  int status;

  if ((status = cli_parse_command (cli, command, NULL, NULL, argc, argv, &args)) != CONTINUE)
    return status;

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autofree char *why = NULL;

      if (spire_orgnr_check (args[i], &why))
        /* TRANSLATORS: "923609016 valid": the result for one organisation number */
        g_print ("%s %s\n", args[i], C_("orgnr", "valid"));
      else
        {
          /* TRANSLATORS: "923609017 invalid": the result for one organisation number */
          g_print ("%s %s\n", args[i], C_("orgnr", "invalid"));
          /* The reason, for people; stdout keeps the one-line-per-number form. */
          g_printerr ("%s: %s: %s\n", PROGRAM, args[i], why);
          all_valid = FALSE;
        }
    }
  return all_valid ? EXIT_OK : EXIT_REFUSED;
}
