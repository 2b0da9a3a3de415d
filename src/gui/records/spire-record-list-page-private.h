/* spire-record-list-page-private.h — the directory page's struct, shared
 * by spire-record-list-page.c and spire-record-list-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"
#include "spire-list-util.h"
#include "spire-record-list-page.h"

G_BEGIN_DECLS

#define MAX_COLUMNS SPIRE_LISTING_MAX_COLUMNS

typedef enum
{
  SORT_TEXT,
  SORT_NUMBER,
  SORT_RAW, /* ISO dates: as stored */
} SortKind;

typedef struct
{
  const char *field;  /* NULL: the column's own text */
  const char *field2; /* shown when @field is empty */
  const char *title;  /* N_(); NULL: the field's label */
  guint nat_chars;
} ColumnSpec;

typedef struct
{
  const SpireKind *kind;
  ColumnSpec columns[MAX_COLUMNS];
  const char *empty_title;       /* N_() */
  const char *empty_description; /* N_() */
  const char *add_label;         /* N_() */
} PageSpec;

/* A row's texts, sort keys and search text, made in the worker. */
typedef SpireListingRow RowInfo;

struct _SpireRecordListPage
{
  AdwBin parent_instance;

  /* template */
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  GtkProgressBar *fill_progress;
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkStack *details_stack;
  GtkLabel *details_title;
  GtkListBox *details_list;
  GtkWidget *details_buttons;
  AdwStatusPage *empty_status;
  GtkWidget *no_results_status; /* over the table while a search finds nothing */

  GListStore *records;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  GtkColumnViewColumn *columns[MAX_COLUMNS];
  guint n_columns;

  SpireStore *store;
  const PageSpec *spec;
  char *query;
  guint exporting;
  char *last_toast;
  GSettings *settings; /* "directory-details"; NULL without the schema */
  gboolean details_wanted; /* the user's choice: details beside the list */
  gboolean updating_flap;
  guint flap_wait; /* the tick that waits for the flap's first layout */

  /* While the records are read and their rows made, in a worker. */
  GCancellable *loading;
  /* The worker is started in an idle (start_load_cb): two loads asked in
   * one go (the sidebar says "directory" twice) read once. */
  guint start_id;
  gpointer pending; /* the Load that idle starts */
  /* Then while they go to the model in slices across frames; what to
   * select again when they are all there. */
  SpireListFill *fill;
  GHashTable *keep_uuids; /* uuid set */
};

/* The RowInfo of each record shown (qdata). */
extern GQuark _spire_record_list_row_info_quark;

/* spire-record-list-export.c */
void _spire_record_list_page_export_to_path (SpireRecordListPage *self, const char *path);
/* spire-record-list-erase.c: "records.erase-person", "records.retention" */
void _spire_record_list_page_erase_person_action (GtkWidget *widget, const char *action_name,
                                                  GVariant *param);
void _spire_record_list_page_retention_action (GtkWidget *widget, const char *action_name,
                                               GVariant *param);
void _spire_record_list_page_export_csv_action (GtkWidget *widget, const char *action_name,
                                                GVariant *parameter);

G_END_DECLS
