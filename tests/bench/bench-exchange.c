/* bench-exchange.c — issue 11: the backup's export and import at scale,
 * against sqlite3's own dump and its replay
 *
 * Each side runs as a child process, measured the same way: wall time,
 * CPU time (user + system, from wait4) and peak memory (the child's
 * ru_maxrss).  The figures:
 *
 *   export  `spire-cli export` of the whole file   floor  `sqlite3 DB .dump > dump.sql`
 *   import  `spire-cli import` of that backup      floor  `sqlite3 NEW < dump.sql`
 *           into a file that does not exist yet           (the dump replayed)
 *
 * Prints the median of N runs after one warm-up of each (the first run
 * reads the files into the page cache), the ratios (goals: export ≤ 2,
 * import ≤ 1.5 and ≤ 150 MiB) and, when both sizes run, how each cost
 * grew from large to xlarge.  On a shared machine the CPU ratio is the
 * steadier figure: other work stretches wall time, not CPU time.
 *
 *   bench-exchange [-n 3] [--size large|xlarge|both] [--keep DIR] [SPIRE-CLI]
 *
 * Without --keep the demo databases are made in a temporary directory and
 * removed afterwards.  xlarge needs `spire-cli demo --size xlarge`; where
 * that is missing it says so and measures large only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  double wall_s;
  double cpu_s;
  double rss_mib;
} Run;

/* Runs @argv with stdin from @in and stdout to @out (either may be NULL:
 * /dev/null), and measures it. */
static gboolean
run_child (char **argv, const char *in, const char *out, Run *run)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int fd_in = open (in ? in : "/dev/null", O_RDONLY);
      int fd_out = out ? open (out, O_WRONLY | O_CREAT | O_TRUNC, 0600) : open ("/dev/null", O_WRONLY);
      int fd_err = open ("/dev/null", O_WRONLY);

      if (fd_in < 0 || fd_out < 0 || fd_err < 0)
        _exit (127);
      dup2 (fd_in, STDIN_FILENO);
      dup2 (fd_out, STDOUT_FILENO);
      if (g_getenv ("BENCH_VERBOSE") == NULL)
        dup2 (fd_err, STDERR_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  run->wall_s = (g_get_monotonic_time () - start) / 1e6;
  run->cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
               usage.ru_stime.tv_usec / 1e6;
  run->rss_mib = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-exchange: \"%s\" failed (status %d)\n", g_strjoinv (" ", argv), status);
      return FALSE;
    }
  return TRUE;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* The one-minute load average, or -1. */
static double
load_average (void)
{
  double load = -1;
  FILE *fp = fopen ("/proc/loadavg", "r");

  if (fp != NULL)
    {
      if (fscanf (fp, "%lf", &load) != 1)
        load = -1;
      fclose (fp);
    }
  return load;
}

/* One side of a comparison: @n runs after a warm-up; @before (may be
 * NULL) clears what the run makes. */
static gboolean
measure (char **argv, const char *in, const char *out, const char *before, guint n,
         Run *figure)
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i <= n; i++)
    {
      Run run;

      if (before)
        remove_db (before);
      if (!run_child (argv, in, out, &run))
        return FALSE;
      if (i == 0)
        continue; /* the warm-up */
      g_array_append_val (wall, run.wall_s);
      g_array_append_val (cpu, run.cpu_s);
      g_array_append_val (rss, run.rss_mib);
    }
  figure->wall_s = bench_median (wall);
  figure->cpu_s = bench_median (cpu);
  figure->rss_mib = bench_median (rss);
  return TRUE;
}

static void
print_pair (const char *what, const char *floor_what, const Run *ours, const Run *floor,
            const char *goal)
{
  g_print ("  %-40s %7.2f s wall %7.2f s CPU %7.1f MiB\n", what, ours->wall_s,
           ours->cpu_s, ours->rss_mib);
  g_print ("  %-40s %7.2f s wall %7.2f s CPU %7.1f MiB\n", floor_what, floor->wall_s,
           floor->cpu_s, floor->rss_mib);
  g_print ("  %-40s %7.2fx wall %6.2fx CPU   (goal %s)\n", "ratio",
           ours->wall_s / floor->wall_s, ours->cpu_s / floor->cpu_s,
           goal);
}

typedef struct
{
  Run export, dump, import, replay;
  guint64 json_bytes, dump_bytes;
} Result;

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

static gboolean
bench_size (const char *cli, const char *dir, const char *size, guint n, Result *res)
{
  g_autofree char *db = g_strdup_printf ("%s/%s.db", dir, size);
  g_autofree char *json = g_strdup_printf ("%s/%s.json", dir, size);
  g_autofree char *dump = g_strdup_printf ("%s/%s.sql", dir, size);
  g_autofree char *ours = g_strdup_printf ("%s/%s-imported.db", dir, size);
  g_autofree char *floor = g_strdup_printf ("%s/%s-replayed.db", dir, size);
  char *demo[] = { (char *) cli, "--database", db, "demo", "--size", (char *) size, NULL };
  char *export[] = { (char *) cli, "--database", db, "export", json, NULL };
  char *dump_argv[] = { "sqlite3", db, ".dump", NULL };
  char *import[] = { (char *) cli, "--database", ours, "import", json, NULL };
  char *replay[] = { "sqlite3", floor, NULL };
  Run made;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_print ("%s: making the demo database...\n", size);
      if (!run_child (demo, NULL, NULL, &made))
        {
          remove_db (db);
          return FALSE;
        }
    }
  g_print ("%s: %s, load average %.1f before\n", size, db, load_average ());
  if (!measure (export, NULL, NULL, NULL, n, &res->export) ||
      !measure (dump_argv, NULL, dump, NULL, n, &res->dump))
    return FALSE;
  res->json_bytes = file_size (json);
  res->dump_bytes = file_size (dump);
  g_print ("%s: backup %.1f MB, dump %.1f MB\n", size, res->json_bytes / 1e6,
           res->dump_bytes / 1e6);
  print_pair ("export (spire-cli export)", "floor (sqlite3 .dump)", &res->export, &res->dump,
              "<= 2x");
  if (!measure (import, NULL, NULL, ours, n, &res->import) ||
      !measure (replay, dump, NULL, floor, n, &res->replay))
    return FALSE;
  print_pair ("import (spire-cli import, empty file)", "floor (sqlite3 replaying the dump)",
              &res->import, &res->replay, "<= 1.5x, <= 150 MiB");
  g_print ("%s: load average %.1f after\n\n", size, load_average ());
  remove_db (ours);
  remove_db (floor);
  return TRUE;
}

/* Whether this spire-cli can make the xlarge demo (its help lists it). */
static gboolean
has_xlarge (const char *cli)
{
  const char *argv[] = { cli, "demo", "--help", NULL };
  g_autofree char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                     NULL, NULL, NULL))
    return FALSE;
  return out != NULL && strstr (out, "xlarge") != NULL;
}

static void
print_growth (const char *what, const Run *large, const Run *xlarge)
{
  g_print ("  %-10s CPU %6.2f s -> %7.2f s (%5.1fx)   memory %6.1f -> %6.1f MiB\n", what,
           large->cpu_s, xlarge->cpu_s, xlarge->cpu_s / large->cpu_s,
           large->rss_mib, xlarge->rss_mib);
}

int
main (int argc, char **argv)
{
  int n = 3;
  g_autofree char *size = g_strdup ("both");
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n, "Measured runs of each side (3)", "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "large, xlarge or both (both)", "SIZE" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Make and keep the databases in DIR", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[SPIRE-CLI]");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *cli;
  gboolean large, xlarge;
  Result results[2];
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n < 1)
    {
      g_printerr ("bench-exchange: %s\n", error ? error->message : "-n must be at least 1");
      return 2;
    }
  cli = argc > 1 ? argv[1] : g_getenv ("SPIRE_CLI");
  if (cli == NULL)
    {
      g_printerr ("bench-exchange: give the spire-cli to measure (or set SPIRE_CLI)\n");
      return 2;
    }
  large = g_str_equal (size, "large") || g_str_equal (size, "both");
  xlarge = g_str_equal (size, "xlarge") || g_str_equal (size, "both");
  if (xlarge && !has_xlarge (cli))
    {
      g_print ("xlarge: this spire-cli has no \"demo --size xlarge\"; large only.\n\n");
      xlarge = FALSE;
    }

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_strdup (keep);
    }
  else
    dir = g_dir_make_tmp ("spire-bench-exchange-XXXXXX", NULL);
  if (dir == NULL)
    return 1;

  if (large)
    ok = bench_size (cli, dir, "large", (guint) n, &results[0]);
  if (ok && xlarge)
    ok = bench_size (cli, dir, "xlarge", (guint) n, &results[1]);
  if (ok && large && xlarge)
    {
      g_print ("large -> xlarge (linear is about 10x):\n");
      print_growth ("export", &results[0].export, &results[1].export);
      print_growth ("dump", &results[0].dump, &results[1].dump);
      print_growth ("import", &results[0].import, &results[1].import);
      print_growth ("replay", &results[0].replay, &results[1].replay);
    }

  if (keep == NULL)
    {
      const char *names[] = { "large", "xlarge" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *db = g_strdup_printf ("%s/%s.db", dir, names[i]);
          g_autofree char *json = g_strdup_printf ("%s/%s.json", dir, names[i]);
          g_autofree char *dump = g_strdup_printf ("%s/%s.sql", dir, names[i]);

          remove_db (db);
          g_unlink (json);
          g_unlink (dump);
        }
      g_rmdir (dir);
    }
  return ok ? 0 : 1;
}
