/* spire-cohort-export.h — what the cohort page's list shows, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-application-list.h"

G_BEGIN_DECLS

/* Asks where to save (the file chooser, named after @cohort_name); the
 * path chosen goes to the action "cohort.export-csv-to" of @from. */
void spire_cohort_export_choose (GtkWidget *from, const char *cohort_name);
/* Writes what @list shows, in its order and columns, to @path in a thread
 * (never confidential fields); @callback gets @from as the source. */
void spire_cohort_export_async (GtkWidget *from, SpireApplicationList *list, const char *path,
                                GAsyncReadyCallback callback, gpointer user_data);
/* Says how it went: a toast, or the error dialog. */
void spire_cohort_export_finish (GtkWidget *from, GAsyncResult *result);

G_END_DECLS
