/* spire-evaluation-part.h — what every part of the Evaluation view shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

#define SPIRE_TYPE_EVALUATION_PART (spire_evaluation_part_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpireEvaluationPart, spire_evaluation_part, SPIRE, EVALUATION_PART, AdwBin)

struct _SpireEvaluationPartClass
{
  AdwBinClass parent_class;

  /* Shows the store's state of the cohort (never called without both). */
  void (*reload) (SpireEvaluationPart *self);
  /* Enables the part's actions for what it shows. */
  void (*update_actions) (SpireEvaluationPart *self);
  /* The store or the cohort changes: drop what belonged to the old one. */
  void (*clear) (SpireEvaluationPart *self);
  /* TRUE while what the part shows is read on a worker (NULL: never). */
  gboolean (*is_loading) (SpireEvaluationPart *self);
};

void spire_evaluation_part_set_cohort (SpireEvaluationPart *self, SpireStore *store,
                                       SpireCohort *cohort);
/* Reloads now when there is a cohort, else only updates the actions. */
void spire_evaluation_part_reload (SpireEvaluationPart *self);
/* set_cohort and the shell's reloads: at once when the part is shown (mapped),
 * else the part is stale and loads when it is next mapped. */
void spire_evaluation_part_reload_when_shown (SpireEvaluationPart *self);
/* Loads now if a change was missed while hidden (tests, callers reading rows). */
void spire_evaluation_part_ensure_loaded (SpireEvaluationPart *self);
gboolean spire_evaluation_part_is_stale (SpireEvaluationPart *self);
/* TRUE while the part's rows are read on a worker (issue 11). */
gboolean spire_evaluation_part_is_loading (SpireEvaluationPart *self);
SpireStore *spire_evaluation_part_get_store (SpireEvaluationPart *self);
SpireCohort *spire_evaluation_part_get_cohort (SpireEvaluationPart *self);
const char *spire_evaluation_part_get_cohort_uuid (SpireEvaluationPart *self);

/* Long work: while it runs "working" holds what is done (NULL when idle);
 * the shell shows it and makes every part busy. */
void spire_evaluation_part_set_working (SpireEvaluationPart *self, const char *doing);
const char *spire_evaluation_part_get_working (SpireEvaluationPart *self);
/* Busy parts have every "evaluation." action disabled. */
void spire_evaluation_part_set_busy (SpireEvaluationPart *self, gboolean busy);
gboolean spire_evaluation_part_get_busy (SpireEvaluationPart *self);
/* Shown narrow (the page folded): list rows wrap their titles. */
void spire_evaluation_part_set_compact (SpireEvaluationPart *self, gboolean compact);
gboolean spire_evaluation_part_get_compact (SpireEvaluationPart *self);
/* Calls update_actions, then disables everything when busy. */
void spire_evaluation_part_update_actions (SpireEvaluationPart *self);

/* Helpers the parts, rows and dialogs share */
GtkStringList *_spire_evaluation_enum_model (const SpireKind *kind, const char *field);
guint _spire_evaluation_enum_index (const SpireKind *kind, const char *field, const char *value);
const char *_spire_evaluation_enum_value (const SpireKind *kind, const char *field, guint index);
const char *_spire_evaluation_enum_label (const SpireKind *kind, const char *field,
                                          const char *value);
char *_spire_evaluation_evaluator_name (SpireStore *store, const char *evaluator_uuid);
/* @dropdown shows and searches the text @label (char *label (GObject *row),
 * newly allocated) gives for a row: ellipsized on its button, whole in
 * its list (issue 11: the rows are a worker's objects, no string objects). */
void _spire_evaluation_dropdown_set_label (GtkDropDown *dropdown, GCallback label);
/* Sets @dropdown's @model; its search filters the rows a batch at a time. */
void _spire_evaluation_dropdown_set_model (GtkDropDown *dropdown, GListModel *model);
/* The names of @members (evaluator records), in order, for a drop-down. */
GtkStringList *_spire_evaluation_member_names (SpireStore *store, GPtrArray *members);
char *_spire_evaluation_startup_name (SpireStore *store, const char *startup_uuid);
/* "title — startup": an application told apart from another of the same
 * title (issue 12); the title alone without a startup. */
char *_spire_evaluation_application_label (SpireStore *store, SpireRecord *application);
void _spire_evaluation_clear_list (GtkListBox *box);
/* A dimmed row saying a list is empty. */
GtkWidget *_spire_evaluation_placeholder_row (const char *text);
/* A row with a spinner while a list is read on a worker. */
GtkWidget *_spire_evaluation_spinner_row (void);
/* Chairs and members (not observers) of @panel. */
GPtrArray *_spire_evaluation_scoring_members (GPtrArray *panel);

G_END_DECLS
