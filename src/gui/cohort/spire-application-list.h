/* spire-application-list.h — a cohort's applications: columns, filters,
 * sorting, search and selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

enum
{
  SPIRE_APPLICATION_COLUMN_TITLE,
  SPIRE_APPLICATION_COLUMN_STARTUP,
  SPIRE_APPLICATION_COLUMN_CHALLENGE,
  SPIRE_APPLICATION_COLUMN_STATUS,
  SPIRE_APPLICATION_COLUMN_SUBMITTED,
  SPIRE_APPLICATION_N_COLUMNS
};

#define SPIRE_TYPE_APPLICATION_LIST (spire_application_list_get_type ())
G_DECLARE_FINAL_TYPE (SpireApplicationList, spire_application_list, SPIRE, APPLICATION_LIST,
                      AdwBin)

/* Shows @applications; @startups and @challenges give the names shown and
 * searched (read once per load, so that binding, filtering and sorting
 * never query the store). */
void spire_application_list_set_applications (SpireApplicationList *self,
                                              GPtrArray *applications, GPtrArray *startups,
                                              GPtrArray *challenges);
/* The same from a listing read by spire_cohort_listing_async (its keys and
 * search texts are taken over: the listing is left without them). */
void spire_application_list_set_listing (SpireApplicationList *self,
                                         SpireCohortListing *listing);
/* Empties the list and shows that rows are coming until the next
 * set_applications or set_listing. */
void spire_application_list_set_loading (SpireApplicationList *self);
/* While loading: the rows are being read from now on, and a spinner turns
 * if they are not in a quarter of a second later (at the start, reading
 * begins after the window's first frame, which then draws no spinner). */
void spire_application_list_reading_started (SpireApplicationList *self);
/* TRUE while a long list's rows are still going to the model (in slices
 * across frames, with a bar); "filled" is emitted when the last is in. */
gboolean spire_application_list_is_filling (SpireApplicationList *self);
/* Adds the rows still to come at once (export, print: every row now). */
void spire_application_list_complete_fill (SpireApplicationList *self);
/* Every application (GListStore of SpireApplication). */
GListModel *spire_application_list_get_applications (SpireApplicationList *self);
/* What the list shows, in its order, with its selection. */
GtkSelectionModel *spire_application_list_get_model (SpireApplicationList *self);
/* The selected applications, in the list's order (new references). */
GPtrArray *spire_application_list_get_selected (SpireApplicationList *self);
guint spire_application_list_get_n_selected (SpireApplicationList *self);
/* Whether the bar for several selected applications is shown. */
gboolean spire_application_list_get_bar_revealed (SpireApplicationList *self);
/* Selects the applications whose UUIDs are in @uuids (after a reload). */
void spire_application_list_select_uuids (SpireApplicationList *self, GHashTable *uuids);

/* The filters: a status value or NULL for all; a challenge UUID, "" for
 * none, or NULL for all; the search text. */
void spire_application_list_set_status_filter (SpireApplicationList *self, const char *status);
const char *spire_application_list_get_status_filter (SpireApplicationList *self);
void spire_application_list_set_challenge_filter (SpireApplicationList *self,
                                                  const char *challenge);
const char *spire_application_list_get_challenge_filter (SpireApplicationList *self);
void spire_application_list_set_query (SpireApplicationList *self, const char *query);
gboolean spire_application_list_is_filtered (SpireApplicationList *self);
/* "list", "empty" or "no-results" */
const char *spire_application_list_get_state (SpireApplicationList *self);

/* The text of a cell of @application in column @column. */
char *spire_application_list_cell_text (SpireApplicationList *self, SpireRecord *application,
                                        guint column);
const char *spire_application_list_get_startup_orgnr (SpireApplicationList *self,
                                                      const char *startup_uuid);
GtkColumnView *spire_application_list_get_column_view (SpireApplicationList *self);
GtkColumnViewColumn *spire_application_list_get_column (SpireApplicationList *self, guint i);

G_END_DECLS
