/* spire-field-row.h — one row of the record editor's form: the widget a
 * field's type asks for, its value into text and text back into a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "spire-core.h"

G_BEGIN_DECLS

typedef enum
{
  SPIRE_FIELD_ENTRY,
  SPIRE_FIELD_TEXT_VIEW,
  SPIRE_FIELD_SWITCH,
  SPIRE_FIELD_COMBO,
  SPIRE_FIELD_DROPDOWN, /* a long choice that searches as you type */
} SpireFieldWidget;

typedef struct _SpireFieldRow SpireFieldRow;

/* Called when the user (or code) changes the row's widget. */
typedef void (*SpireFieldRowChanged) (SpireFieldRow *row, gpointer data);

struct _SpireFieldRow
{
  const SpireField *field;
  SpireFieldWidget widget_kind;
  GtkWidget *row;     /* gets the "error" style */
  GtkWidget *widget;  /* AdwEntryRow, GtkTextView, GtkSwitch, AdwComboRow or GtkDropDown */
  GPtrArray *values;  /* combo, dropdown: the value of each position, NULL for None */
  GtkWidget *calendar; /* a date's entry: the GtkCalendar in its popover */
  GtkWidget *popover;
  gboolean syncing;    /* the calendar is being set from the entry */
  gboolean touched;
  char *text;         /* for spire_field_row_get_text */
  SpireFieldRowChanged changed;
  gpointer data;
};

/* A row for @f of @kind; a REF field offers the records of its kind in
 * @store (not @record itself).  The caller adds ->row to its form. */
SpireFieldRow *spire_field_row_new (const SpireField *f, SpireStore *store,
                                     const SpireKind *kind, SpireRecord *record,
                                     SpireFieldRowChanged changed, gpointer data);
void spire_field_row_free (gpointer row);
gboolean spire_field_row_is_orgnr (SpireFieldRow *r);
/* Shows @record's value of the row's field. */
void spire_field_row_set_from_record (SpireFieldRow *r, SpireRecord *record);
/* Reads the row into @work; FALSE with *@message when the text does not
 * read as the field's type. */
gboolean spire_field_row_read (SpireFieldRow *r, SpireRecord *work, char **message);
/* As a person types: entry text, the value (not the label) of a choice
 * ("" for None), "true"/"false" for a switch. */
void spire_field_row_set_text (SpireFieldRow *r, const char *text);
/* The entry's text or the choice's value. */
const char *spire_field_row_get_text (SpireFieldRow *r);

/* A form's rows (a GPtrArray of SpireFieldRow, NULL after dispose). */

/* The row of @field, or NULL. */
SpireFieldRow *spire_field_rows_find (GPtrArray *rows, const char *field);
/* Reads every row into @work, in order: the first row that does not read
 * (with *@message), or NULL when all did. */
SpireFieldRow *spire_field_rows_read (GPtrArray *rows, SpireRecord *work, char **message);
/* Marks @bad's row (NULL: none) with the "error" style and no other, and
 * shows @message in @label under the form (NULL: the label is hidden). */
void spire_field_rows_show_error (GPtrArray *rows, SpireFieldRow *bad, GtkLabel *label,
                                  const char *message);

G_END_DECLS
