/* spire-schema-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The application_id that marks a file as a Spire database ("SPIR"). */
#define SPIRE_APPLICATION_ID 0x53504952

guint _spire_schema_n_migrations (void);
/* The SQL that takes user_version @version - 1 to @version. */
const char *_spire_schema_migration (guint version);
/* Tests only: pretend there is one more migration, @sql (NULL: none). */
void _spire_schema_set_extra_migration (const char *sql);

G_END_DECLS
