/* spire-cli-output.c — how spire-cli prints, and how it fails
 *
 * Every command prints through these: texts measured in terminal columns,
 * tables with numbers right-aligned and no trailing blanks, label / count
 * lines, pretty JSON as UTF-8 bytes, errors as "spire-cli: …" with the exit
 * code that says what kind of failure it was, and progress on the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include "spire-cli-private.h"

/* Text */

/* Display width in terminal columns. */
gsize
cli_text_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* @text cut to @max columns, ending in "…" when it was longer. */
char *
cli_text_truncate (const char *text, gsize max)
{
  GString *out;
  gsize width = 0;

  if (cli_text_width (text) <= max || max < 2)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > max - 1)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

void
cli_append_padding (GString *line, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (line, ' ');
}

/* @text on one line, for tables and messages. */
char *
cli_one_line (const char *text)
{
  char *copy = g_utf8_make_valid (text, -1);

  g_strdelimit (copy, "\n\r\t", ' ');
  return copy;
}

/* A count as people read it in the language of the translation in use
 * ("1 234" in nb and nn, "1,234" in English; spire_format_count). */
char *
cli_format_count (gint64 n)
{
  return spire_format_count (n, spire_language_current ());
}

/* Lists and tables */

/* "  head   text" lines, the texts in one column, as the help lists commands;
 * a newline between lines, none after the last. */
void
cli_append_list (GString *out, const char *const *heads, const char *const *texts, guint n)
{
  gsize width = 0;

  for (guint i = 0; i < n; i++)
    width = MAX (width, cli_text_width (heads[i]));
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "  ");
      g_string_append (out, heads[i]);
      cli_append_padding (out, width - cli_text_width (heads[i]) + 3);
      g_string_append (out, texts[i]);
      if (i + 1 < n)
        g_string_append_c (out, '\n');
    }
}

/* Label / value lines, the values right-aligned. */
void
cli_print_counts (const char *const *labels, const gint64 *values, guint n)
{
  gsize label_width = 0, value_width = 0;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *text = cli_format_count (values[i]);

      g_ptr_array_add (texts, text);
      label_width = MAX (label_width, cli_text_width (labels[i]));
      value_width = MAX (value_width, cli_text_width (text));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) line = g_string_new ("  ");
      const char *text = g_ptr_array_index (texts, i);

      g_string_append (line, labels[i]);
      cli_append_padding (line, label_width - cli_text_width (labels[i]) + 2 +
                                  value_width - cli_text_width (text));
      g_string_append (line, text);
      g_print ("%s\n", line->str);
    }
}

/* A table: the @headers, then @rows (each an array of @n_columns texts),
 * two blanks between columns, @numeric ones right-aligned, and no trailing
 * blanks when the last cells are empty. */
void
cli_print_rows (const char *const *headers, const gboolean *numeric, guint n_columns,
                GPtrArray *rows)
{
  g_autofree gsize *widths = g_new0 (gsize, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = cli_text_width (headers[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      const char *const *cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], cli_text_width (cells[c]));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      const char *const *cells = r == 0 ? headers
                                        : (const char *const *) g_ptr_array_index (rows, r - 1);

      for (guint c = 0; c < n_columns; c++)
        {
          gsize pad = widths[c] - cli_text_width (cells[c]);

          if (c > 0)
            g_string_append (line, "  ");
          if (numeric[c])
            cli_append_padding (line, pad);
          g_string_append (line, cells[c]);
          if (!numeric[c] && c + 1 < n_columns)
            cli_append_padding (line, pad);
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

/* @root, pretty-printed, on standard output. */
gboolean
cli_write_json (JsonNode *root, GError **error)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  /* JSON is for programs: UTF-8 bytes as they are, never converted to the locale's charset. */
  if (fwrite (data, 1, length, stdout) != length || fputc ('\n', stdout) == EOF)
    {
      int saved = errno;

      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_IO,
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Errors */

/* Says what is wrong with the command line, and where to read how to use it. */
int
cli_usage_error (const CliCommand *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autofree char *invocation = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  invocation = command ? g_strdup_printf ("%s %s", PROGRAM, command->name) : g_strdup (PROGRAM);
  g_printerr ("%s: %s\n", PROGRAM, message);
  /* TRANSLATORS: %s is "spire-cli" or "spire-cli list"; the quotes show what to type */
  g_printerr (_("Run “%s --help” to see how to use it.\n"), invocation);
  return EXIT_USAGE;
}

int
cli_refused (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM, error->message);
  return EXIT_REFUSED;
}

int
cli_refused_message (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", PROGRAM, message);
  return EXIT_REFUSED;
}

/* Progress on the terminal */

void
cli_on_progress_cb (double fraction, gpointer user_data)
{
  CliProgress *progress = user_data;
  int percent;

  if (isnan (fraction))
    return;
  percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);
  if (percent == g_atomic_int_get (&progress->last))
    return;
  g_atomic_int_set (&progress->last, percent);
  g_printerr ("\r");
  /* TRANSLATORS: progress on the terminal: "Creating sample data… 42%"; %d%% is the percent */
  g_printerr (_("%s… %d%%"), progress->what, percent);
}

void
cli_progress_init (CliProgress *progress, const char *what)
{
  progress->what = what;
  progress->last = -1;
}

void
cli_progress_end (CliProgress *progress)
{
  if (progress->last >= 0)
    g_printerr ("\n");
}
