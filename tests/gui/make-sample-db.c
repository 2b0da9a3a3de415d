/* make-sample-db.c — a database to look at the GUI with (not a test)
 *
 *   make-sample-db FILE [--demo | --hand N | --large N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "gui-fixture.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SpireStore) store = NULL;
  const char *mode = argc > 2 ? argv[2] : "--hand";
  guint n = argc > 3 ? (guint) atoi (argv[3]) : 240;
  gboolean ok;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [--demo | --hand N | --large N]\n", argv[0]);
      return 2;
    }
  store = spire_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_str_equal (mode, "--demo"))
    ok = spire_demo_fill (store, 1, SPIRE_DEMO_SMALL, FALSE, NULL, NULL, NULL, &error);
  else if (g_str_equal (mode, "--large"))
    {
      g_autofree char *uuid = gui_fixture_fill_large_cohort (store, n, &error);
      ok = uuid != NULL && gui_fixture_fill_by_hand (store, 240, &error);
    }
  else
    ok = gui_fixture_fill_by_hand (store, n, &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
