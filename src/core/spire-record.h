/* spire-record.h — one GObject per stored record, described by a SpireKind
 *
 * Every record kind of the domain (DESIGN.md) is described once, as a table of
 * fields (SpireKind).  That one table drives the record's GObject properties,
 * the store's SQL, the JSON exchange and the messages that name a field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPIRE_FIELD_TEXT,  /* free text */
  SPIRE_FIELD_INT,   /* gint64; SQL NULL is SPIRE_INT_NONE */
  SPIRE_FIELD_REAL,  /* double; SQL NULL is NAN */
  SPIRE_FIELD_BOOL,
  SPIRE_FIELD_MONEY, /* gint64 øre; SQL NULL is SPIRE_INT_NONE */
  SPIRE_FIELD_DATE,  /* "YYYY-MM-DD" */
  SPIRE_FIELD_TIME,  /* "YYYY-MM-DDTHH:MM:SSZ", UTC */
  SPIRE_FIELD_ENUM,  /* one of a fixed list of values */
  SPIRE_FIELD_REF,   /* the UUID of a record of another kind */
  SPIRE_FIELD_JSON,  /* a JSON object or array, kept as text */
} SpireFieldType;

typedef enum
{
  SPIRE_FIELD_REQUIRED = 1 << 0,     /* may not be empty / NULL */
  SPIRE_FIELD_CONFIDENTIAL = 1 << 1, /* shared in trust: never in shared exports */
  SPIRE_FIELD_PERSONAL = 1 << 2,     /* personal data (GDPR) */
  SPIRE_FIELD_SYSTEM = 1 << 3,       /* uuid, created_at, updated_at */
  SPIRE_FIELD_SECRET = 1 << 4,       /* a key: never in the audit log */
} SpireFieldFlags;

#define SPIRE_INT_NONE G_MININT64

typedef struct
{
  const char *value; /* stored, exchanged */
  const char *label; /* N_() — shown, translated with _() */
} SpireEnumValue;

typedef struct
{
  const char *name;             /* column, property ('_' → '-') and JSON key */
  SpireFieldType type;
  SpireFieldFlags flags;
  const char *label;            /* N_() — names the field in forms and messages */
  const char *ref_table;        /* REF: the table of the referenced kind */
  const SpireEnumValue *values; /* ENUM: terminated by { NULL, NULL } */
  guint max_length;             /* TEXT, JSON: the most characters; 0: the
                                 * type's default (spire_field_max_length) */
} SpireField;

/* How long a text may be: spire_record_validate () refuses more, so that a
 * 10 MB cell in a CSV file or a backup is not stored (and then carried by
 * every list and report).  Chosen once here, from what real values are:
 * - SHORT, every TEXT field's default: names, titles, e-mail, phone,
 *   addresses, web addresses.  The longest name in Enhetsregisteret has
 *   about 175 characters; 1 000 is two paragraphs.
 * - LONG, free texts (a pitch, a comment, a note; marked in
 *   spire-records.c): a long pitch has 20 000 characters (eight pages);
 *   100 000 is forty pages.
 * - JSON's default (an application's extra answers: every column of its
 *   CSV row that no field takes): ten free texts.
 * - ANY: lists Spire makes itself (a package's applications, 40 000 UUIDs
 *   of the largest cohort are 1.6 million characters). */
#define SPIRE_LENGTH_SHORT 1000
#define SPIRE_LENGTH_LONG 100000
#define SPIRE_LENGTH_JSON (10 * SPIRE_LENGTH_LONG)
#define SPIRE_LENGTH_ANY G_MAXUINT

typedef struct _SpireRecord SpireRecord;
typedef struct _SpireKind SpireKind;

struct _SpireKind
{
  const char *name;          /* "application" */
  const char *table;         /* "applications": the SQL table and the exchange key */
  const char *label;         /* N_("Application") */
  const char *label_plural;  /* N_("Applications") */
  const SpireField *fields;  /* uuid, created_at, updated_at first */
  guint n_fields;
  const char *display_field; /* the field that names a record for people */
  GType (*get_type) (void);
  /* Rules beyond the field types (orgnr, dates in order …); may be NULL. */
  gboolean (*validate) (SpireRecord *record, GError **error);
};

#define SPIRE_TYPE_RECORD (spire_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpireRecord, spire_record, SPIRE, RECORD, GObject)

struct _SpireRecordClass
{
  GObjectClass parent_class;
  const SpireKind *kind;
  GParamSpec **pspecs; /* one per field, in kind order */
};

/* Every kind, parents before the kinds that refer to them. */
const SpireKind *const *spire_kinds (guint *n_kinds);
const SpireKind *spire_kind_lookup (const char *table_or_name);
int spire_kind_field_index (const SpireKind *kind, const char *field);
const SpireField *spire_kind_field (const SpireKind *kind, const char *field);
const char *spire_field_value_label (const SpireField *field, const char *value);
/* The kind's translated name inside a sentence: "cohort", not "Cohort". */
char *spire_kind_word (const SpireKind *kind);
gboolean spire_field_value_is_allowed (const SpireField *field, const char *value);
/* The most characters @field holds (SPIRE_LENGTH_ANY for types that are
 * not text). */
guint spire_field_max_length (const SpireField *field);

SpireRecord *spire_record_new (const SpireKind *kind);
SpireRecord *spire_record_copy (SpireRecord *self);
const SpireKind *spire_record_get_kind (SpireRecord *self);

const char *spire_record_get_uuid (SpireRecord *self);
const char *spire_record_get_display_name (SpireRecord *self);

const GValue *spire_record_get_value (SpireRecord *self, guint index);
void spire_record_set_value (SpireRecord *self, guint index, const GValue *value);

const char *spire_record_get_text (SpireRecord *self, const char *field);
gint64 spire_record_get_int (SpireRecord *self, const char *field);
double spire_record_get_real (SpireRecord *self, const char *field);
gboolean spire_record_get_bool (SpireRecord *self, const char *field);
gboolean spire_record_is_null (SpireRecord *self, const char *field);

void spire_record_set_text (SpireRecord *self, const char *field, const char *value);
void spire_record_set_int (SpireRecord *self, const char *field, gint64 value);
void spire_record_set_real (SpireRecord *self, const char *field, double value);
void spire_record_set_bool (SpireRecord *self, const char *field, gboolean value);
void spire_record_set_null (SpireRecord *self, const char *field);

gboolean spire_record_equal (SpireRecord *a, SpireRecord *b);

/* Checks required fields, enum values and the kind's own rules.  The error
 * (SPIRE_ERROR_INVALID) names the field and says what is wrong; its message
 * starts with the field's translated label.  @field_out, when not NULL,
 * receives the field's name (static). */
gboolean spire_record_validate (SpireRecord *self, const char **field_out, GError **error);

/* One record as a JSON object, fields in kind order.  Confidential fields are
 * left out unless @with_confidential. */
JsonNode *spire_record_to_json (SpireRecord *self, gboolean with_confidential);
/* Reads a record from a JSON object.  On a missing or wrong field the error
 * (SPIRE_ERROR_FORMAT) names it; @field_out receives the field's name. */
SpireRecord *spire_record_from_json (const SpireKind *kind, JsonObject *object,
                                     const char **field_out, GError **error);

char *spire_uuid_new (void);
char *spire_now_utc (void); /* "YYYY-MM-DDTHH:MM:SSZ" */

G_END_DECLS
