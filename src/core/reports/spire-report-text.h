/* spire-report-text.h — a report's words in the language chosen at export
 *
 * The process's gettext answers in the window's language (LANGUAGE wins in
 * every thread, RECIPES.md), so a report reads the chosen language's
 * spire.mo itself (the GNU MO format) into a hash table.  English is the
 * source text.  Safe to use from any thread once made; immutable.
 *
 * Strings are marked for xgettext with _r (text, "…") and
 * _rn (text, "…", "…", n) (po/meson.build names both keywords).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "spire-text.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_REPORT_TEXT (spire_report_text_get_type ())
G_DECLARE_FINAL_TYPE (SpireReportText, spire_report_text, SPIRE, REPORT_TEXT, GObject)

/* The words of @lang from spire_locale_dir () (spire-locale.h).  A missing .mo
 * leaves the English text (a warning is not an error: the report is still
 * right, only in English). */
SpireReportText *spire_report_text_new (SpireLanguage lang);
/* The same from a given .mo file (NULL: English); NULL with @error set when
 * the file is not a .mo file. */
SpireReportText *spire_report_text_new_from_file (SpireLanguage lang, const char *mo_path,
                                                  GError **error);

SpireLanguage spire_report_text_get_language (SpireReportText *self);
/* Transfer none; lives as long as @self. */
const char *spire_report_text_get (SpireReportText *self, const char *msgid) G_GNUC_FORMAT (2);
const char *spire_report_text_nget (SpireReportText *self, const char *msgid,
                                    const char *msgid_plural, gulong n) G_GNUC_FORMAT (2)
  G_GNUC_FORMAT (3);
/* With a context, as C_() marks it. */
const char *spire_report_text_pget (SpireReportText *self, const char *context,
                                    const char *msgid) G_GNUC_FORMAT (3);

/* Formats in the report's language (spire-text.h). */
char *spire_report_text_date (SpireReportText *self, const char *iso_date);
char *spire_report_text_money (SpireReportText *self, gint64 ore);
char *spire_report_text_number (SpireReportText *self, double value, int decimals);
/* A count in the report's language: "40 000" (spire_format_count). */
char *spire_report_text_count (SpireReportText *self, gint64 n);

#define _r(t, s) spire_report_text_get ((t), (s))
#define _rn(t, s, p, n) spire_report_text_nget ((t), (s), (p), (n))
#define _rp(t, c, s) spire_report_text_pget ((t), (c), (s))

G_END_DECLS
