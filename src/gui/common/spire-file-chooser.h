/* spire-file-chooser.h — the one way a feature asks where to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  SPIRE_FILE_FORMAT_PDF,
  SPIRE_FILE_FORMAT_CSV,
} SpireFileFormat;

/* What the chooser calls with the path chosen; @from is the widget that
 * asked (still alive). */
typedef void (*SpireFileChosen) (GtkWidget *from, const char *path);

/* Asks where to save a file of @format: a modal chooser over @from's
 * window titled @title, its button "_Export", a filter for the format and
 * @name proposed ("/" and "\" in it made "-": a cohort's name may hold
 * them).  When a file is chosen and @from still lives, @chosen is called
 * with its path; nothing is called on Cancel. */
void spire_file_chooser_save (GtkWidget *from, const char *title, SpireFileFormat format,
                              const char *name, SpireFileChosen chosen);

/* The same for a folder (letters written one per file into it), its
 * button @accept_label. */
void spire_file_chooser_folder (GtkWidget *from, const char *title, const char *accept_label,
                                SpireFileChosen chosen);

G_END_DECLS
