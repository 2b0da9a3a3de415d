/* spire-package-format.c — the head of a package or score sheet file
 *
 * Both files are one JSON object with "format" and "version": a file that
 * is not JSON, not an object, of another format or of a newer version is
 * refused here, with the kind of file in the sentence (not pieced
 * together: the words change with the kind in Norwegian).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-package"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-package.h"

/* "“kari.json” is not a valid score sheet: line 12, column 13: @detail" */
static void
not_valid_at (SpireFileKind kind, const char *name, guint line, guint column,
              const char *detail, GError **error)
{
  g_autofree char *what =
      /* TRANSLATORS: "line 12, column 13: <what the JSON reader said>", the end of
       * "“kari.json” is not a valid score sheet: …" */
      g_strdup_printf (_("line %u, column %u: %s"), line, column, detail);

  if (kind == SPIRE_FILE_SHEET)
    /* TRANSLATORS: "“kari.json” is not a valid score sheet: <line:column: what is wrong>" */
    spire_fail (error, SPIRE_ERROR_PARSE, _("“%s” is not a valid score sheet: %s"), name, what);
  else
    spire_fail (error, SPIRE_ERROR_PARSE, _("“%s” is not a valid evaluation package: %s"),
                name, what);
}

JsonObject *
_spire_package_parse (const char *data, gssize length, JsonParser *parser, const char *name,
                      SpireFileKind kind, GError **error)
{
  g_autoptr (GError) local = NULL;
  guint line, column;

  if (length < 0)
    length = data ? (gssize) strlen (data) : 0;
  if (!_spire_json_check_depth (data, (gsize) length, SPIRE_JSON_MAX_DEPTH, name, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      /* json-glib says "<data>:12:13: Parse error: …": the place as people
       * read it instead. */
      const char *detail = _spire_json_error_place (parser, local, &line, &column);

      not_valid_at (kind, name, line, column, detail, error);
      return NULL;
    }
  /* json-glib cut "a\u0000b" to "a": refused, as a backup with one is. */
  if (!_spire_json_check_no_nul (data, (gsize) length, &line, &column))
    {
      not_valid_at (kind, name, line, column, _("a text may not hold a NUL character"), error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      if (kind == SPIRE_FILE_SHEET)
        spire_fail (error, SPIRE_ERROR_FORMAT,
                    _("“%s” is not a valid score sheet: it holds no JSON object."), name);
      else
        spire_fail (error, SPIRE_ERROR_FORMAT,
                    _("“%s” is not a valid evaluation package: it holds no JSON object."), name);
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

gboolean
_spire_package_check_format (JsonObject *o, SpireFileKind kind, const char *name, GError **error)
{
  const char *format = kind == SPIRE_FILE_SHEET ? SPIRE_SHEET_FORMAT : SPIRE_PACKAGE_FORMAT;
  gint64      version = kind == SPIRE_FILE_SHEET ? SPIRE_SHEET_VERSION : SPIRE_PACKAGE_VERSION;
  const char *f = _spire_json_member_string (o, "format");
  double      v = 0;

  if (g_strcmp0 (f, format) != 0)
    {
      if (kind == SPIRE_FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                           _("“%s” is not a score sheet (its format is “%s”). Choose the score "
                              "sheet the panel member exported."),
                           name, f ? f : "");
      return spire_fail (error, SPIRE_ERROR_FORMAT,
                         _("“%s” is not an evaluation package (its format is “%s”). Choose the "
                            "package the program manager sent you."),
                         name, f ? f : "");
    }
  if (!_spire_json_member_number (o, "version", FALSE, &v) || v < 1)
    {
      if (kind == SPIRE_FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_FORMAT,
                           _("“%s” is not a valid score sheet: it has no version."), name);
      return spire_fail (error, SPIRE_ERROR_FORMAT,
                         _("“%s” is not a valid evaluation package: it has no version."), name);
    }
  if (v > version)
    {
      /* A version past int (a fuzzer's 7.8e12) is shown as the largest int. */
      int shown = v >= (double) G_MAXINT ? G_MAXINT : (int) v;

      if (kind == SPIRE_FILE_SHEET)
        return spire_fail (error, SPIRE_ERROR_NEWER_VERSION,
                           _("“%s” was made by a newer version of Spire (score sheet version %d; "
                              "this Spire reads up to %d). Update Spire to import it."),
                           name, shown, (int) version);
      return spire_fail (error, SPIRE_ERROR_NEWER_VERSION,
                         _("“%s” was made by a newer version of Spire (evaluation package version "
                            "%d; this Spire reads up to %d). Update Spire to open it."),
                         name, shown, (int) version);
    }
  return TRUE;
}
