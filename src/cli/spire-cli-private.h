/* spire-cli-private.h — what the parts of spire-cli share
 *
 * spire-cli.c holds main, the global options and the command table;
 * commands/ holds the handlers, one file per command group; every handler
 * is declared here so that the table can name it.  The helpers they share
 * live once:
 *
 *   spire-cli-output.c   text width and cutting, tables, counts, JSON,
 *                        errors and exit codes, progress on the terminal
 *   spire-cli-options.c  a command's options and arguments, subcommands,
 *                        and what they name: the database, a cohort, an
 *                        input file
 *
 * A handler parses its options first (cli_parse_command), and only then
 * opens the database (cli_open_store), so that a usage error never creates
 * or touches a database file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define PROGRAM "spire-cli"

/* Exit codes */
enum
{
  EXIT_OK = 0,
  EXIT_REFUSED = 1, /* input or database refused, the reason on stderr */
  EXIT_USAGE = 2,
};

/* cli_parse_command() returns this when the handler should go on. */
#define CONTINUE (-1)

typedef struct _Cli Cli;
typedef struct _CliCommand CliCommand;

typedef int (*CliHandler) (Cli *cli, const CliCommand *command, int argc, char **argv);

struct _CliCommand
{
  const char *name;       /* on the command line; never translated */
  CliHandler handler;
  const char *parameters; /* N_() — placeholders after the name in usage lines */
  const char *summary;    /* N_() — one line in the command list */
  const char *details;    /* N_() — more, in the command's own help; may be NULL */
  const char *missing;    /* N_() — said when a required argument is missing */
  guint min_args;
  guint max_args;         /* G_MAXUINT: any number */
};

struct _Cli
{
  char *database; /* --database, NULL for the default */
  SpireStore *store;
};

typedef enum
{
  OPEN_EXISTING, /* refuse a database that is not there yet */
  OPEN_CREATE,   /* create it when missing */
} OpenMode;

/* The commands (commands/spire-cli-*.c) */

/* spire-cli-db.c */
int cmd_init (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_check (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_backup (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-demo.c */
int cmd_demo (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-exchange.c */
int cmd_import (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_export (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-import.c */
int cmd_import_csv (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_import_brreg (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-list.c */
int cmd_list (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-evaluation.c */
int cmd_assign (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_package (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-rank.c */
int cmd_rank (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-orgnr.c */
int cmd_validate_orgnr (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-followup.c */
int cmd_deal (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-impact.c */
int cmd_funnel (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_impact (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli-report.c */
int cmd_report (Cli *cli, const CliCommand *command, int argc, char **argv);
/* The language of --lang (nb, nn or en), or the environment's; FALSE after
 * saying why. */
gboolean cli_report_language (const char *code, SpireLanguage *lang);
/* spire-cli-innsyn.c */
int cmd_innsyn (Cli *cli, const CliCommand *command, int argc, char **argv);

/* spire-cli-privacy.c */
int cmd_person (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_retention (Cli *cli, const CliCommand *command, int argc, char **argv);
int cmd_audit (Cli *cli, const CliCommand *command, int argc, char **argv);
/* spire-cli.c */
int cmd_help (Cli *cli, const CliCommand *command, int argc, char **argv);

/* What "list" can list, and which columns it shows (spire-cli-list.c);
 * "demo" counts the same kinds. */
typedef struct
{
  const char *name;            /* on the command line */
  const char *table;           /* the kind's table */
  const char *const *columns;  /* fields shown after the UUID */
  const char *empty;           /* N_() */
} CliKind;

const CliKind *cli_kinds (guint *n_kinds);

/* Output (spire-cli-output.c) */

gsize cli_text_width (const char *text);
char *cli_text_truncate (const char *text, gsize max);
void cli_append_padding (GString *line, gsize n);
char *cli_one_line (const char *text);
char *cli_format_count (gint64 n);
void cli_append_list (GString *out, const char *const *heads, const char *const *texts, guint n);
void cli_print_counts (const char *const *labels, const gint64 *values, guint n);
void cli_print_rows (const char *const *headers, const gboolean *numeric, guint n_columns,
                     GPtrArray *rows);
gboolean cli_write_json (JsonNode *root, GError **error);

int cli_usage_error (const CliCommand *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
int cli_refused (const GError *error);
int cli_refused_message (const char *format, ...) G_GNUC_PRINTF (1, 2);

typedef struct
{
  const char *what; /* translated: "Creating sample data" */
  int last;         /* percent last shown, -1 before the first */
} CliProgress;

void cli_progress_init (CliProgress *progress, const char *what);
void cli_on_progress_cb (double fraction, gpointer user_data);
void cli_progress_end (CliProgress *progress);

/* Options, arguments and what they name (spire-cli-options.c) */

int cli_parse_command (Cli *cli, const CliCommand *command, const GOptionEntry *entries,
                       const char *description, int argc, char **argv, char ***args);
int cli_run_subcommand (Cli *cli, const CliCommand *command, const CliCommand *subcommands,
                        guint n, int argc, char **argv);

const char *cli_database_path (Cli *cli);
gboolean cli_open_store (Cli *cli, OpenMode mode, GError **error);
SpireRecord *cli_find_cohort (Cli *cli, const char *uuid);
int cli_missing_cohort (const CliCommand *command);
/* All of standard input, refused above spire_exchange_read_limit (@kind). */
char    *cli_read_standard_input (SpireReadKind kind, gsize *length, GError **error);
gboolean cli_check_readable (const char *path, GError **error);
/* Each says which @option is wrong on stderr and returns FALSE; a NULL
 * value passes. */
gboolean cli_check_enum (const char *option, const SpireKind *kind, const char *field,
                         const char *value);
gboolean cli_check_ref (Cli *cli, const char *option, const SpireKind *kind, const char *uuid);
gboolean cli_check_date (const char *option, const char *date);

G_END_DECLS
