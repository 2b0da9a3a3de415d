/* spire-import-dialog.c — being written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-import"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-import-dialog.h"

void
spire_import_file_present (GtkWindow *parent, SpireStore *store, SpireCohort *cohort, GFile *file)
{
  g_warning ("Importing is being written.");
}

void
spire_import_choose_file (GtkWindow *parent, SpireStore *store, SpireCohort *cohort)
{
  g_warning ("Importing is being written.");
}
