/* test-assignment-plan.c — the pure assignment planner without a database
 *
 * Hand-made panels and applications (plain C arrays) through
 * spire_assignment_plan_compute (): k evaluators each, loads within one,
 * conflicts (with an application and with a startup) and declined
 * assignments respected, assignments on record kept and counted, the
 * challenge owner's member on the panel, each refusal with its reason,
 * and the same plan for the same input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spire-assignment-plan.h"
#include "spire-error.h"

static const SpirePlanEvaluator panel5[] = {
  { "ev-a", "Ada Berg", NULL },
  { "ev-b", "Bo Dahl", NULL },
  { "ev-c", "Cato Eng", "body-oslo" },
  { "ev-d", "Dina Fossum", NULL },
  { "ev-e", "Eli Grønli", "body-bergen" },
};

static const SpirePlanApplication apps7[] = {
  { "app-1", "st-1", "Nordlys AS", "body-oslo", "Oslo kommune" },
  { "app-2", "st-2", "Fjord AS", NULL, NULL },
  { "app-3", "st-3", "Isbre AS", "body-bergen", "Bergen kommune" },
  { "app-4", "st-3", "Isbre AS", NULL, NULL },
  { "app-5", "st-5", "Mose AS", "body-oslo", "Oslo kommune" },
  { "app-6", "st-6", "Lyng AS", NULL, NULL },
  { "app-7", "st-7", "Tind AS", NULL, NULL },
};

static SpirePlanInput
input_of (guint k, gboolean owner_on_panel)
{
  return (SpirePlanInput) {
    .panel_name = "Kull 2026",
    .k = k,
    .owner_on_panel = owner_on_panel,
    .evaluators = panel5,
    .n_evaluators = G_N_ELEMENTS (panel5),
    .applications = apps7,
    .n_applications = G_N_ELEMENTS (apps7),
  };
}

static gboolean
is_pair (const SpirePlanInput *in, GArray *planned, guint a, guint e)
{
  for (guint i = 0; i < in->n_assignments; i++)
    if (!in->assignments[i].declined &&
        g_str_equal (in->assignments[i].evaluator, in->evaluators[e].uuid) &&
        g_str_equal (in->assignments[i].application, in->applications[a].uuid))
      return TRUE;
  for (guint i = 0; i < planned->len; i++)
    {
      SpirePlanPair *p = &g_array_index (planned, SpirePlanPair, i);

      if (p->application == a && p->evaluator == e)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_blocked (const SpirePlanInput *in, guint a, guint e)
{
  for (guint i = 0; i < in->n_conflicts; i++)
    {
      const SpirePlanConflict *c = &in->conflicts[i];

      if (!g_str_equal (c->evaluator, in->evaluators[e].uuid))
        continue;
      if (g_strcmp0 (c->application, in->applications[a].uuid) == 0 ||
          g_strcmp0 (c->startup, in->applications[a].startup) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every application has k evaluators (kept ones included), no planned pair
 * is blocked, declined or planned twice, and the loads (assignments on
 * record that are not declined, plus the planned) are within one. */
static void
check_plan (const SpirePlanInput *in, GArray *planned)
{
  g_autofree guint *load = g_new0 (guint, in->n_evaluators);
  guint max = 0, min = G_MAXUINT;

  g_assert_nonnull (planned);
  for (guint i = 0; i < planned->len; i++)
    {
      SpirePlanPair *p = &g_array_index (planned, SpirePlanPair, i);

      g_assert_cmpuint (p->application, <, in->n_applications);
      g_assert_cmpuint (p->evaluator, <, in->n_evaluators);
      g_assert_false (is_blocked (in, p->application, p->evaluator));
      for (guint j = 0; j < in->n_assignments; j++)
        g_assert_false (
          g_str_equal (in->assignments[j].evaluator, in->evaluators[p->evaluator].uuid) &&
          g_str_equal (in->assignments[j].application, in->applications[p->application].uuid));
      for (guint j = i + 1; j < planned->len; j++)
        {
          SpirePlanPair *q = &g_array_index (planned, SpirePlanPair, j);

          g_assert_false (p->application == q->application && p->evaluator == q->evaluator);
        }
      load[p->evaluator]++;
    }
  for (guint i = 0; i < in->n_assignments; i++)
    for (guint e = 0; e < in->n_evaluators; e++)
      if (!in->assignments[i].declined &&
          g_str_equal (in->assignments[i].evaluator, in->evaluators[e].uuid))
        load[e]++;
  for (guint a = 0; a < in->n_applications; a++)
    {
      guint n = 0;

      for (guint e = 0; e < in->n_evaluators; e++)
        n += is_pair (in, planned, a, e);
      g_assert_cmpuint (n, ==, in->k);
    }
  for (guint e = 0; e < in->n_evaluators; e++)
    {
      max = MAX (max, load[e]);
      min = MIN (min, load[e]);
    }
  g_assert_cmpuint (max - min, <=, 1);
}

static void
test_plan_loads (void)
{
  SpirePlanInput in = input_of (3, FALSE);
  g_autoptr (GError) error = NULL;
  SpirePlanRefusal why = SPIRE_PLAN_NO_PANEL;
  g_autoptr (GArray) planned = spire_assignment_plan_compute (&in, &why, &error);

  g_assert_no_error (error);
  g_assert_cmpint (why, ==, SPIRE_PLAN_OK);
  g_assert_cmpuint (planned->len, ==, 7 * 3);
  check_plan (&in, planned);
}

static void
test_plan_conflicts (void)
{
  static const SpirePlanConflict conflicts[] = {
    { "ev-a", "app-1", NULL },
    { "ev-b", NULL, "st-3" }, /* both of Isbre's applications */
    { "ev-c", NULL, "st-unknown" },
    { "ev-unknown", "app-2", NULL },
  };
  static const SpirePlanAssignment assignments[] = {
    { "ev-d", "app-1", FALSE },    /* kept, counts */
    { "ev-e", "app-2", TRUE },     /* declined: never planned again */
    { "ev-a", "app-gone", FALSE }, /* an application no longer assignable: load only */
  };
  SpirePlanInput in = input_of (3, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) planned = NULL;

  in.conflicts = conflicts;
  in.n_conflicts = G_N_ELEMENTS (conflicts);
  in.assignments = assignments;
  in.n_assignments = G_N_ELEMENTS (assignments);
  planned = spire_assignment_plan_compute (&in, NULL, &error);
  g_assert_no_error (error);
  check_plan (&in, planned);
  g_assert_cmpuint (planned->len, ==, 7 * 3 - 1);
  for (guint i = 0; i < planned->len; i++)
    {
      SpirePlanPair *p = &g_array_index (planned, SpirePlanPair, i);

      g_assert_false (p->application == 0 && p->evaluator == 0);   /* ev-a × app-1 */
      g_assert_false (p->application == 2 && p->evaluator == 1);   /* ev-b × st-3 */
      g_assert_false (p->application == 3 && p->evaluator == 1);
      g_assert_false (p->application == 1 && p->evaluator == 4);   /* declined */
      g_assert_false (p->application == 0 && p->evaluator == 3);   /* kept, not again */
    }
}

static void
test_plan_owner_on_panel (void)
{
  SpirePlanInput in = input_of (2, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) planned = spire_assignment_plan_compute (&in, NULL, &error);

  g_assert_no_error (error);
  check_plan (&in, planned);
  /* Oslo's challenges (app-1, app-5) get Cato, Bergen's (app-3) Eli. */
  g_assert_true (is_pair (&in, planned, 0, 2));
  g_assert_true (is_pair (&in, planned, 4, 2));
  g_assert_true (is_pair (&in, planned, 2, 4));

  /* Without the rule nothing asks for them (the plan differs). */
  {
    SpirePlanInput off = input_of (2, FALSE);
    g_autoptr (GArray) free_plan = spire_assignment_plan_compute (&off, NULL, &error);

    g_assert_no_error (error);
    check_plan (&off, free_plan);
  }
}

static void
test_plan_refusals (void)
{
  g_autoptr (GError) error = NULL;
  SpirePlanRefusal why = SPIRE_PLAN_OK;
  GArray *planned;

  /* Fewer members than k. */
  {
    SpirePlanInput in = input_of (6, FALSE);

    planned = spire_assignment_plan_compute (&in, &why, &error);
    g_assert_null (planned);
    g_assert_cmpint (why, ==, SPIRE_PLAN_PANEL_TOO_SMALL);
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Kull 2026"));
    g_assert_nonnull (strstr (error->message, "5 members"));
    g_clear_error (&error);
  }
  /* No panel at all. */
  {
    SpirePlanInput in = input_of (3, FALSE);

    in.n_evaluators = 0;
    planned = spire_assignment_plan_compute (&in, &why, &error);
    g_assert_null (planned);
    g_assert_cmpint (why, ==, SPIRE_PLAN_NO_PANEL);
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Conflicts leave Nordlys with 2 of the 3 it needs: the reason names it. */
  {
    static const SpirePlanConflict conflicts[] = {
      { "ev-a", NULL, "st-1" }, { "ev-b", "app-1", NULL }, { "ev-c", "app-1", NULL },
    };
    SpirePlanInput in = input_of (3, FALSE);

    in.conflicts = conflicts;
    in.n_conflicts = G_N_ELEMENTS (conflicts);
    planned = spire_assignment_plan_compute (&in, &why, &error);
    g_assert_null (planned);
    g_assert_cmpint (why, ==, SPIRE_PLAN_TOO_FEW_WITHOUT_CONFLICT);
    g_assert_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "“Nordlys AS” has only 2 panel members without a conflict of interest; 3 "
                     "are needed.");
    g_clear_error (&error);

    /* … and when one of the missing declined it, the reason says so. */
    {
      static const SpirePlanAssignment declined[] = { { "ev-d", "app-1", TRUE } };

      in.conflicts = conflicts + 1;
      in.n_conflicts = 2;
      in.assignments = declined;
      in.n_assignments = 1;
      planned = spire_assignment_plan_compute (&in, &why, &error);
      g_assert_null (planned);
      g_assert_cmpint (why, ==, SPIRE_PLAN_TOO_FEW_NOT_DECLINED);
      g_assert_nonnull (strstr (error->message, "declined"));
      g_clear_error (&error);
    }
  }
  /* Someone far over an even share already. */
  {
    static const SpirePlanAssignment many[] = {
      { "ev-a", "x1", FALSE }, { "ev-a", "x2", FALSE }, { "ev-a", "x3", FALSE },
      { "ev-a", "x4", FALSE }, { "ev-a", "x5", FALSE }, { "ev-a", "x6", FALSE },
      { "ev-a", "x7", FALSE }, { "ev-a", "x8", FALSE }, { "ev-a", "x9", FALSE },
    };
    SpirePlanInput in = input_of (1, FALSE);

    in.assignments = many;
    in.n_assignments = G_N_ELEMENTS (many);
    planned = spire_assignment_plan_compute (&in, &why, &error);
    g_assert_null (planned);
    g_assert_cmpint (why, ==, SPIRE_PLAN_OVERLOADED);
    g_assert_nonnull (strstr (error->message, "Ada Berg already has 9 assignments"));
    g_clear_error (&error);
  }
  /* Oslo's one member cannot take both its challenges within an even share. */
  {
    static const SpirePlanApplication oslo[] = {
      { "app-1", "st-1", "Nordlys AS", "body-oslo", "Oslo kommune" },
      { "app-5", "st-5", "Mose AS", "body-oslo", "Oslo kommune" },
      { "app-6", "st-6", "Lyng AS", "body-oslo", "Oslo kommune" },
    };
    SpirePlanInput in = input_of (1, TRUE);

    in.applications = oslo;
    in.n_applications = G_N_ELEMENTS (oslo);
    planned = spire_assignment_plan_compute (&in, &why, &error);
    g_assert_null (planned);
    g_assert_cmpint (why, ==, SPIRE_PLAN_OWNER_SHORT);
    g_assert_nonnull (strstr (error->message, "Oslo kommune"));
    g_assert_nonnull (strstr (error->message, "Challenge owner on the panel"));
    g_clear_error (&error);
  }
}

static void
test_plan_nothing_to_do (void)
{
  static const SpirePlanAssignment all[] = {
    { "ev-a", "app-1", FALSE }, { "ev-b", "app-2", FALSE },
  };
  static const SpirePlanApplication two[] = {
    { "app-1", "st-1", "Nordlys AS", NULL, NULL },
    { "app-2", "st-2", "Fjord AS", NULL, NULL },
  };
  SpirePlanInput in = input_of (1, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) planned = NULL;
  g_autoptr (GArray) none = NULL;

  in.applications = two;
  in.n_applications = G_N_ELEMENTS (two);
  in.assignments = all;
  in.n_assignments = G_N_ELEMENTS (all);
  planned = spire_assignment_plan_compute (&in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 0);

  /* No applications: nothing to plan, even without a panel. */
  in.n_applications = 0;
  in.n_evaluators = 0;
  none = spire_assignment_plan_compute (&in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_plan_deterministic (void)
{
  static const SpirePlanConflict conflicts[] = { { "ev-b", NULL, "st-3" } };
  SpirePlanInput in = input_of (2, TRUE);
  g_autoptr (GArray) first = NULL;
  g_autoptr (GError) error = NULL;

  in.conflicts = conflicts;
  in.n_conflicts = 1;
  first = spire_assignment_plan_compute (&in, NULL, &error);
  g_assert_no_error (error);
  check_plan (&in, first);
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr (GArray) again = spire_assignment_plan_compute (&in, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (again->len, ==, first->len);
      g_assert_cmpmem (again->data, again->len * sizeof (SpirePlanPair), first->data,
                       first->len * sizeof (SpirePlanPair));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evaluation/plan/loads-within-one", test_plan_loads);
  g_test_add_func ("/evaluation/plan/conflicts", test_plan_conflicts);
  g_test_add_func ("/evaluation/plan/owner-on-panel", test_plan_owner_on_panel);
  g_test_add_func ("/evaluation/plan/refusals", test_plan_refusals);
  g_test_add_func ("/evaluation/plan/nothing-to-do", test_plan_nothing_to_do);
  g_test_add_func ("/evaluation/plan/deterministic", test_plan_deterministic);

  return g_test_run ();
}
