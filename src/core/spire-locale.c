/* spire-locale.c — where Spire's translations are
 *
 * The rule: a program run from the build tree speaks the build's
 * translations, an installed one the installed translations, and
 * $SPIRE_LOCALEDIR overrides both.  "Run from the build tree" is decided by
 * where the running executable is (/proc/self/exe under the build root
 * meson recorded as SPIRE_BUILD_ROOT), not by whether an installed catalog
 * exists: an installed Spire never reads a build folder that happens to be
 * left on the disk, and a build never reads an older installed catalog.
 * meson already compiles the catalogs into <build>/po/<lang>/LC_MESSAGES,
 * the layout bindtextdomain expects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "spire-locale.h"

static char *
find_locale_dir (void)
{
  const char *env = g_getenv ("SPIRE_LOCALEDIR");
  g_autofree char *exe = NULL;
  g_autofree char *build_po = NULL;
  gsize n = strlen (SPIRE_BUILD_ROOT);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  build_po = g_build_filename (SPIRE_BUILD_ROOT, "po", NULL);
  if (exe != NULL && n > 1 && strncmp (exe, SPIRE_BUILD_ROOT, n) == 0 && exe[n] == '/' &&
      g_file_test (build_po, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&build_po);
  return g_strdup (LOCALEDIR);
}

const char *
spire_locale_dir (void)
{
  static gsize dir = 0;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, (gsize) find_locale_dir ());
  return (const char *) dir;
}

void
spire_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, spire_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
