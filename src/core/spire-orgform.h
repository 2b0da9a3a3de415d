/* spire-orgform.h — Brønnøysund's forms of organisation (organisasjonsform):
 * the codes a startup is registered under, with their names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many forms the choice offers. */
guint spire_orgform_count (void);
/* The @index'th form: its code ("AS"), and its name, translated
 * ("Aksjeselskap" in Norwegian), in *@name.  NULL past the end. */
const char *spire_orgform_nth (guint index, const char **name);
/* The translated name of @code, or NULL when the choice does not know it. */
const char *spire_orgform_name (const char *code);

G_END_DECLS
