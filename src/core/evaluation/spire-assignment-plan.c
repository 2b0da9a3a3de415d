/* spire-assignment-plan.c — the pure assignment planner (see
 * spire-assignment-plan.h): who gets which application in automatic
 * assignment.
 *
 * A table of cells, application × evaluator (free, blocked by a conflict,
 * declined, assigned before, planned now), filled from the input; then the
 * refusals that name who or what stands in the way; then a greedy pass
 * (the most constrained applications first, each slot to the least loaded
 * evaluator who may take it) and a balancing pass that moves planned
 * assignments from the most to the least loaded; then a check of every
 * rule before anything is returned.  No SQLite, no store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "spire-assignment-plan.h"
#include "spire-error.h"
#include "spire-text.h"

enum
{
  CELL_FREE,
  CELL_BLOCKED,  /* a conflict of interest */
  CELL_DECLINED,
  CELL_EXISTING, /* assigned before */
  CELL_PLANNED,  /* assigned now */
};

typedef struct
{
  const SpirePlanInput *in;
  guint n_ev, n_app, k;
  guint8 *cell;             /* n_app × n_ev */
  guint *load;
  guint *need;
  gboolean *owner_required; /* needs a panel member of its challenge's owner */
  guint64 total_need;
  guint hi, lo;             /* the even share, rounded up and down */
  GArray *planned;          /* SpirePlanPair */
  SpirePlanRefusal refusal;
} Plan;

#define CELL(p, a, e) ((p)->cell[(gsize) (a) * (p)->n_ev + (e)])
#define EV_BODY(p, e) ((p)->in->evaluators[e].public_body)
#define EV_NAME(p, e) ((p)->in->evaluators[e].name)
#define APP_OWNER(p, a) ((p)->in->applications[a].owner)
#define APP_STARTUP_NAME(p, a) ((p)->in->applications[a].startup_name)

static void
plan_free (Plan *p)
{
  g_free (p->cell);
  g_free (p->load);
  g_free (p->need);
  g_free (p->owner_required);
  g_clear_pointer (&p->planned, g_array_unref);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static Plan *
plan_new (const SpirePlanInput *in)
{
  Plan *p = g_new0 (Plan, 1);

  p->in = in;
  p->k = in->k;
  p->n_ev = in->n_evaluators;
  p->n_app = in->n_applications;
  p->cell = g_new0 (guint8, (gsize) p->n_app * p->n_ev);
  p->load = g_new0 (guint, p->n_ev);
  p->need = g_new0 (guint, p->n_app);
  p->owner_required = g_new0 (gboolean, p->n_app);
  p->planned = g_array_new (FALSE, FALSE, sizeof (SpirePlanPair));
  return p;
}

G_GNUC_PRINTF (5, 6)
static gboolean
refuse (Plan *p, SpirePlanRefusal why, GError **error, SpireErrorCode code, const char *format,
        ...)
{
  va_list ap;

  p->refusal = why;
  if (error == NULL)
    return FALSE;
  va_start (ap, format);
  g_propagate_error (error, g_error_new_valist (SPIRE_ERROR, code, format, ap));
  va_end (ap);
  return FALSE;
}

static gboolean
is_owner_member (Plan *p, guint a, guint e)
{
  return APP_OWNER (p, a) != NULL && g_strcmp0 (EV_BODY (p, e), APP_OWNER (p, a)) == 0;
}

/* Has the application a member of its owner among its evaluators,
 * leaving out @except (or G_MAXUINT)? */
static gboolean
owner_satisfied (Plan *p, guint a, guint except)
{
  for (guint e = 0; e < p->n_ev; e++)
    if (e != except && (CELL (p, a, e) == CELL_EXISTING || CELL (p, a, e) == CELL_PLANNED) &&
        is_owner_member (p, a, e))
      return TRUE;
  return FALSE;
}

/* Still waits for a member of its challenge's owner. */
static gboolean
owner_wanted (Plan *p, guint a)
{
  return p->owner_required[a] && !owner_satisfied (p, a, G_MAXUINT);
}

static guint
count_free (Plan *p, guint a)
{
  guint n = 0;

  for (guint e = 0; e < p->n_ev; e++)
    if (CELL (p, a, e) == CELL_FREE)
      n++;
  return n;
}

/* The index + 1 of @key in @index, 0 when it is not there (or NULL). */
static guint
index_of (GHashTable *index, const char *key)
{
  return key ? GPOINTER_TO_UINT (g_hash_table_lookup (index, key)) : 0;
}

/* The cells and loads from the assignments and conflicts on record. */
static void
plan_fill (Plan *p)
{
  const SpirePlanInput *in = p->in;
  g_autoptr (GHashTable) ev_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) app_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) startup_apps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                (GDestroyNotify) g_array_unref);

  for (guint e = 0; e < p->n_ev; e++)
    g_hash_table_insert (ev_index, (gpointer) in->evaluators[e].uuid, GUINT_TO_POINTER (e + 1));
  for (guint a = 0; a < p->n_app; a++)
    {
      const char *startup = in->applications[a].startup;
      GArray *list = startup ? g_hash_table_lookup (startup_apps, startup) : NULL;

      g_hash_table_insert (app_index, (gpointer) in->applications[a].uuid,
                           GUINT_TO_POINTER (a + 1));
      if (list == NULL && startup != NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (startup_apps, (gpointer) startup, list);
        }
      if (list != NULL)
        g_array_append_val (list, a);
    }

  for (guint i = 0; i < in->n_assignments; i++)
    {
      guint e = index_of (ev_index, in->assignments[i].evaluator);
      guint a = index_of (app_index, in->assignments[i].application);

      if (e-- == 0)
        continue;
      if (in->assignments[i].declined)
        {
          if (a-- > 0)
            CELL (p, a, e) = CELL_DECLINED;
          continue;
        }
      p->load[e]++;
      if (a-- > 0)
        CELL (p, a, e) = CELL_EXISTING;
    }
  for (guint i = 0; i < in->n_conflicts; i++)
    {
      guint e = index_of (ev_index, in->conflicts[i].evaluator);
      guint a = index_of (app_index, in->conflicts[i].application);
      const char *startup = in->conflicts[i].startup;
      GArray *list = startup ? g_hash_table_lookup (startup_apps, startup) : NULL;

      if (e-- == 0)
        continue;
      if (a-- > 0 && CELL (p, a, e) != CELL_EXISTING)
        CELL (p, a, e) = CELL_BLOCKED;
      for (guint j = 0; list && j < list->len; j++)
        {
          guint b = g_array_index (list, guint, j);

          if (CELL (p, b, e) != CELL_EXISTING)
            CELL (p, b, e) = CELL_BLOCKED;
        }
    }
}

/* What each application needs, and whether it can get it at all. */
static gboolean
plan_count_needs (Plan *p, GError **error)
{
  guint k = p->k;

  for (guint a = 0; a < p->n_app; a++)
    {
      guint have = 0, ok = 0, declined = 0;
      gboolean owner_available = FALSE;

      for (guint e = 0; e < p->n_ev; e++)
        {
          guint8 c = CELL (p, a, e);

          have += c == CELL_EXISTING;
          ok += c == CELL_EXISTING || c == CELL_FREE;
          declined += c == CELL_DECLINED;
          if ((c == CELL_EXISTING || c == CELL_FREE) && is_owner_member (p, a, e))
            owner_available = TRUE;
        }
      if (ok < k && p->n_ev < k)
        return refuse (p, SPIRE_PLAN_PANEL_TOO_SMALL, error, SPIRE_ERROR_INVALID,
                       ngettext ("The panel of “%s” has %u member who can review "
                                 "applications (observers are never assigned); %u are "
                                 "needed for each application.",
                                 "The panel of “%s” has %u members who can review "
                                 "applications (observers are never assigned); %u are "
                                 "needed for each application.",
                                 p->n_ev),
                       p->in->panel_name, p->n_ev, k);
      if (ok < k && declined > 0)
        return refuse (p, SPIRE_PLAN_TOO_FEW_NOT_DECLINED, error, SPIRE_ERROR_INVALID,
                       ngettext ("“%s” has only %u panel member who has neither a conflict "
                                 "of interest nor declined it; %u are needed.",
                                 "“%s” has only %u panel members who have neither a conflict "
                                 "of interest nor declined it; %u are needed.",
                                 ok),
                       APP_STARTUP_NAME (p, a), ok, k);
      if (ok < k)
        return refuse (p, SPIRE_PLAN_TOO_FEW_WITHOUT_CONFLICT, error, SPIRE_ERROR_INVALID,
                       ngettext ("“%s” has only %u panel member without a conflict of "
                                 "interest; %u are needed.",
                                 "“%s” has only %u panel members without a conflict of "
                                 "interest; %u are needed.",
                                 ok),
                       APP_STARTUP_NAME (p, a), ok, k);
      p->need[a] = have >= k ? 0 : k - have;
      p->owner_required[a] = p->in->owner_on_panel && owner_available;
      p->total_need += p->need[a];
    }
  return TRUE;
}

/* Plain reasons first: they name who stands in the way of an even share. */
static gboolean
plan_check_shares (Plan *p, GError **error)
{
  guint64 total = p->total_need;

  for (guint e = 0; e < p->n_ev; e++)
    total += p->load[e];
  p->hi = (guint) ((total + p->n_ev - 1) / p->n_ev);
  p->lo = (guint) (total / p->n_ev);

  for (guint e = 0; e < p->n_ev; e++)
    {
      guint capacity = p->load[e];

      g_autofree char *n_load = spire_format_count (p->load[e], spire_language_current ());
      g_autofree char *n_hi = spire_format_count (p->hi, spire_language_current ());
      g_autofree char *n_capacity = NULL;
      g_autofree char *n_lo = NULL;

      if (p->load[e] > p->hi)
        return refuse (p, SPIRE_PLAN_OVERLOADED, error, SPIRE_ERROR_INVALID,
                       _("%s already has %s assignments, more than an even share (%s). Remove "
                         "some of them, or assign the rest by hand."),
                       EV_NAME (p, e), n_load, n_hi);
      for (guint a = 0; a < p->n_app; a++)
        capacity += p->need[a] > 0 && CELL (p, a, e) == CELL_FREE;
      if (capacity < p->lo)
        {
          n_capacity = spire_format_count (capacity, spire_language_current ());
          n_lo = spire_format_count (p->lo, spire_language_current ());
          return refuse (p, SPIRE_PLAN_TOO_LITTLE_CAPACITY, error, SPIRE_ERROR_INVALID,
                         _("%s can be given at most %s applications (conflicts of interest "
                           "and declined assignments rule out the others), but an even share "
                           "is %s. Assign fewer evaluators per application, or assign by hand."),
                         EV_NAME (p, e), n_capacity, n_lo);
        }
    }
  return TRUE;
}

/* Can each owner's panel members take the applications to its challenges
 * that wait for one of them, within an even share?  Owners in the order of
 * their first such application. */
static gboolean
plan_check_owner_slots (Plan *p, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint a = 0; a < p->n_app; a++)
    {
      const char *body = APP_OWNER (p, a);
      const char *body_name = p->in->applications[a].owner_name;
      guint slots = 0, members = 0, n = 0;

      if (!owner_wanted (p, a) || p->need[a] == 0 || !g_hash_table_add (seen, (gpointer) body))
        continue;
      for (guint b = a; b < p->n_app; b++)
        n += g_strcmp0 (APP_OWNER (p, b), body) == 0 && owner_wanted (p, b) && p->need[b] > 0;
      for (guint e = 0; e < p->n_ev; e++)
        if (g_strcmp0 (EV_BODY (p, e), body) == 0)
          {
            members++;
            slots += p->hi > p->load[e] ? p->hi - p->load[e] : 0;
          }
      if (n > slots)
        {
          SpireLanguage lang = spire_language_current ();
          g_autofree char *n_text = spire_format_count (n, lang);
          g_autofree char *n_slots = spire_format_count (slots, lang);
          g_autofree char *n_hi = spire_format_count (p->hi, lang);

          return refuse (p, SPIRE_PLAN_OWNER_SHORT, error, SPIRE_ERROR_INVALID,
                         _("%s applications to challenges of “%s” each need one of its "
                           "panel members, but its %u panel members can take only %s more "
                           "with an even share (%s each). Add panel members from “%s”, or "
                           "turn off “Challenge owner on the panel”."),
                         n_text, body_name ? body_name : "", members, n_slots, n_hi,
                         body_name ? body_name : "");
        }
    }
  return TRUE;
}

static int
compare_apps_for_greedy (gconstpointer x, gconstpointer y, gpointer data)
{
  Plan *p = data;
  guint a = *(const guint *) x, b = *(const guint *) y;
  gboolean oa = owner_wanted (p, a);
  gboolean ob = owner_wanted (p, b);
  guint fa = count_free (p, a), fb = count_free (p, b);

  if (oa != ob)
    return oa ? -1 : 1;
  if (fa != fb)
    return fa < fb ? -1 : 1;
  return a < b ? -1 : (a > b);
}

/* The evaluator for the next slot of @a, or G_MAXUINT: the least loaded
 * who may take it, those under an even share first; ties rotate with the
 * application so that panels mix. */
static guint
pick_evaluator (Plan *p, guint a)
{
  gboolean owner_pick = owner_wanted (p, a);
  guint best = G_MAXUINT;
  guint best_key[3] = { 0, 0, 0 };

  for (guint e = 0; e < p->n_ev; e++)
    {
      guint key[3];

      if (CELL (p, a, e) != CELL_FREE || (owner_pick && !is_owner_member (p, a, e)))
        continue;
      key[0] = p->load[e] >= p->hi;
      key[1] = p->load[e];
      key[2] = (e + p->n_ev - a % p->n_ev) % p->n_ev;
      if (best == G_MAXUINT || key[0] < best_key[0] ||
          (key[0] == best_key[0] &&
           (key[1] < best_key[1] || (key[1] == best_key[1] && key[2] < best_key[2]))))
        {
          best = e;
          memcpy (best_key, key, sizeof key);
        }
    }
  return best;
}

/* Greedy: the most constrained applications first, each slot to
 * pick_evaluator (). */
static void
plan_greedy (Plan *p)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint a = 0; a < p->n_app; a++)
    if (p->need[a] > 0)
      g_array_append_val (order, a);
  g_array_sort_with_data (order, compare_apps_for_greedy, p);

  for (guint i = 0; i < order->len; i++)
    {
      guint a = g_array_index (order, guint, i);

      for (guint slot = 0; slot < p->need[a]; slot++)
        {
          guint best = pick_evaluator (p, a);

          if (best == G_MAXUINT)
            break; /* plan_verify () reports it */
          CELL (p, a, best) = CELL_PLANNED;
          p->load[best]++;
          g_array_append_val (p->planned, ((SpirePlanPair) { a, best }));
        }
    }
}

/* Moves planned assignments from the most to the least loaded evaluators
 * until the loads are within one, or nothing can move. */
static void
plan_balance (Plan *p)
{
  for (guint round = 0; round < p->planned->len + 1000; round++)
    {
      guint max = 0, min = G_MAXUINT;
      gboolean moved = FALSE;

      for (guint e = 0; e < p->n_ev; e++)
        {
          max = MAX (max, p->load[e]);
          min = MIN (min, p->load[e]);
        }
      if (max - min <= 1)
        return;
      for (guint i = 0; i < p->planned->len && !moved; i++)
        {
          SpirePlanPair *pair = &g_array_index (p->planned, SpirePlanPair, i);
          guint a = pair->application, h = pair->evaluator, best = G_MAXUINT;
          gboolean owner_needed;

          if (p->load[h] != max)
            continue;
          owner_needed = p->owner_required[a] && is_owner_member (p, a, h) &&
                         !owner_satisfied (p, a, h);
          for (guint l = 0; l < p->n_ev; l++)
            {
              if (p->load[l] + 2 > max || CELL (p, a, l) != CELL_FREE)
                continue;
              if (owner_needed && !is_owner_member (p, a, l))
                continue;
              if (best == G_MAXUINT || p->load[l] < p->load[best])
                best = l;
            }
          if (best == G_MAXUINT)
            continue;
          CELL (p, a, h) = CELL_FREE;
          CELL (p, a, best) = CELL_PLANNED;
          p->load[h]--;
          p->load[best]++;
          pair->evaluator = best;
          moved = TRUE;
        }
      if (!moved)
        return;
    }
}

/* Every rule checked before the plan is given out. */
static gboolean
plan_verify (Plan *p, GError **error)
{
  guint max = 0, min = G_MAXUINT, e_max = 0, e_min = 0;

  for (guint a = 0; a < p->n_app; a++)
    {
      guint n = 0;

      for (guint e = 0; e < p->n_ev; e++)
        n += CELL (p, a, e) == CELL_EXISTING || CELL (p, a, e) == CELL_PLANNED;
      if (n < p->k || owner_wanted (p, a))
        return refuse (p, SPIRE_PLAN_NO_SOLUTION, error, SPIRE_ERROR_FAILED,
                       _("Spire could not find evaluators for “%s” that meet every rule. "
                         "Resolve conflicts of interest, add panel members, or assign it by "
                         "hand."),
                       APP_STARTUP_NAME (p, a));
    }
  for (guint e = 0; e < p->n_ev; e++)
    {
      if (p->load[e] > max)
        max = p->load[e], e_max = e;
      if (p->load[e] < min)
        min = p->load[e], e_min = e;
    }
  if (max - min > 1)
    return refuse (p, SPIRE_PLAN_UNEVEN, error, SPIRE_ERROR_INVALID,
                   _("Spire could not spread the applications evenly over the panel: %s would "
                     "review %u and %s %u. Conflicts of interest, declined assignments or the "
                     "challenge owners' panel members stand in the way; resolve conflicts, "
                     "assign fewer evaluators per application, or assign by hand."),
                   EV_NAME (p, e_max), max, EV_NAME (p, e_min), min);
  return TRUE;
}

GArray *
spire_assignment_plan_compute (const SpirePlanInput *input, SpirePlanRefusal *refusal,
                               GError **error)
{
  g_autoptr (Plan) p = NULL;

  if (refusal)
    *refusal = SPIRE_PLAN_OK;
  g_return_val_if_fail (input != NULL && input->k > 0, NULL);

  p = plan_new (input);
  if (p->n_app == 0)
    return g_steal_pointer (&p->planned);
  if (p->n_ev == 0)
    {
      refuse (p, SPIRE_PLAN_NO_PANEL, error, SPIRE_ERROR_INVALID,
              _("The panel of “%s” has no members who can review applications (observers "
                "are never assigned). Add panel members first."),
              input->panel_name);
      goto refused;
    }

  plan_fill (p);
  if (!plan_count_needs (p, error))
    goto refused;
  if (p->total_need == 0)
    return g_steal_pointer (&p->planned);
  if (!plan_check_shares (p, error) || !plan_check_owner_slots (p, error))
    goto refused;
  plan_greedy (p);
  plan_balance (p);
  if (!plan_verify (p, error))
    goto refused;
  return g_steal_pointer (&p->planned);

refused:
  if (refusal)
    *refusal = p->refusal;
  return NULL;
}
