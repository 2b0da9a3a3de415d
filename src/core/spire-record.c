/* spire-record.c — the generic record: values, properties, JSON, validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-record"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "spire-error.h"
#include "spire-record-private.h"
#include "spire-text.h"
#include "spire-validate.h"

typedef struct
{
  GValue *values; /* one per field of the kind, allocated on first use */
  const char *invalid_field;
} SpireRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpireRecord, spire_record, G_TYPE_OBJECT)

static GType
field_gtype (const SpireField *field)
{
  switch (field->type)
    {
    case SPIRE_FIELD_INT:
    case SPIRE_FIELD_MONEY:
      return G_TYPE_INT64;
    case SPIRE_FIELD_REAL:
      return G_TYPE_DOUBLE;
    case SPIRE_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case SPIRE_FIELD_TEXT:
    case SPIRE_FIELD_DATE:
    case SPIRE_FIELD_TIME:
    case SPIRE_FIELD_ENUM:
    case SPIRE_FIELD_REF:
    case SPIRE_FIELD_JSON:
    default:
      return G_TYPE_STRING;
    }
}

static void
field_init_value (const SpireField *field, GValue *value)
{
  g_value_init (value, field_gtype (field));
  if (field->type == SPIRE_FIELD_INT || field->type == SPIRE_FIELD_MONEY)
    g_value_set_int64 (value, (field->flags & SPIRE_FIELD_REQUIRED) ? 0 : SPIRE_INT_NONE);
  else if (field->type == SPIRE_FIELD_REAL)
    g_value_set_double (value, (field->flags & SPIRE_FIELD_REQUIRED) ? 0.0 : NAN);
}

static GValue *
get_values (SpireRecord *self)
{
  SpireRecordPrivate *priv = spire_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      const SpireKind *kind = SPIRE_RECORD_GET_CLASS (self)->kind;

      g_assert (kind != NULL);
      priv->values = g_new0 (GValue, kind->n_fields);
      for (guint i = 0; i < kind->n_fields; i++)
        field_init_value (&kind->fields[i], &priv->values[i]);
    }
  return priv->values;
}

static gboolean
values_equal (const GValue *a, const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return (isnan (x) && isnan (y)) || x == y;
      }
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    default:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    }
}

static void
spire_record_finalize (GObject *object)
{
  SpireRecord *self = SPIRE_RECORD (object);
  SpireRecordPrivate *priv = spire_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      const SpireKind *kind = SPIRE_RECORD_GET_CLASS (self)->kind;

      for (guint i = 0; i < kind->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (spire_record_parent_class)->finalize (object);
}

static void
spire_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SpireRecord *self = SPIRE_RECORD (object);
  const SpireKind *kind = SPIRE_RECORD_GET_CLASS (self)->kind;

  if (prop_id == 0 || prop_id > kind->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (&get_values (self)[prop_id - 1], value);
}

static void
spire_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SpireRecord *self = SPIRE_RECORD (object);
  const SpireKind *kind = SPIRE_RECORD_GET_CLASS (self)->kind;

  if (prop_id == 0 || prop_id > kind->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  spire_record_set_value (self, prop_id - 1, value);
}

static void
spire_record_class_init (SpireRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spire_record_finalize;
  object_class->get_property = spire_record_get_property;
  object_class->set_property = spire_record_set_property;
}

static void
spire_record_init (SpireRecord *self)
{
}

void
_spire_record_class_set_kind (SpireRecordClass *klass, const SpireKind *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* GObject does not inherit these two: every kind needs them set. */
  object_class->get_property = spire_record_get_property;
  object_class->set_property = spire_record_set_property;
  klass->kind = kind;
  klass->pspecs = g_new0 (GParamSpec *, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (f->name), "_", '-');
      const char *iname = g_intern_string (name);
      GParamSpec *pspec;

      switch (field_gtype (f))
        {
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (iname, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case G_TYPE_DOUBLE:
          pspec = g_param_spec_double (iname, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (iname, NULL, NULL, FALSE, flags);
          break;
        default:
          pspec = g_param_spec_string (iname, NULL, NULL, NULL, flags);
          break;
        }
      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

void
_spire_record_set_invalid_field (SpireRecord *self, const char *field)
{
  SpireRecordPrivate *priv = spire_record_get_instance_private (self);

  priv->invalid_field = field;
}

/* Kinds */

int
spire_kind_field_index (const SpireKind *kind, const char *field)
{
  g_return_val_if_fail (kind != NULL && field != NULL, -1);

  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, field) == 0)
      return (int) i;
  return -1;
}

const SpireField *
spire_kind_field (const SpireKind *kind, const char *field)
{
  int i = spire_kind_field_index (kind, field);

  return i < 0 ? NULL : &kind->fields[i];
}

const char *
spire_field_value_label (const SpireField *field, const char *value)
{
  if (value == NULL)
    return "";
  if (field->values != NULL)
    for (const SpireEnumValue *v = field->values; v->value; v++)
      if (strcmp (v->value, value) == 0)
        return _(v->label);
  return value;
}

char *
spire_kind_word (const SpireKind *kind)
{
  return g_utf8_strdown (_(kind->label), -1);
}

gboolean
spire_field_value_is_allowed (const SpireField *field, const char *value)
{
  if (field->values == NULL)
    return TRUE;
  for (const SpireEnumValue *v = field->values; v->value; v++)
    if (g_strcmp0 (v->value, value) == 0)
      return TRUE;
  return FALSE;
}

/* Public API */

SpireRecord *
spire_record_new (const SpireKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (kind->get_type (), NULL);
}

SpireRecord *
spire_record_copy (SpireRecord *self)
{
  const SpireKind *kind = spire_record_get_kind (self);
  SpireRecord *copy = spire_record_new (kind);
  GValue *from = get_values (self), *to = get_values (copy);

  for (guint i = 0; i < kind->n_fields; i++)
    g_value_copy (&from[i], &to[i]);
  return copy;
}

const SpireKind *
spire_record_get_kind (SpireRecord *self)
{
  g_return_val_if_fail (SPIRE_IS_RECORD (self), NULL);

  return SPIRE_RECORD_GET_CLASS (self)->kind;
}

const char *
spire_record_get_uuid (SpireRecord *self)
{
  return g_value_get_string (&get_values (self)[0]);
}

const char *
spire_record_get_display_name (SpireRecord *self)
{
  const char *s = spire_record_get_text (self, spire_record_get_kind (self)->display_field);

  return s ? s : "";
}

const GValue *
spire_record_get_value (SpireRecord *self, guint index)
{
  g_return_val_if_fail (index < spire_record_get_kind (self)->n_fields, NULL);

  return &get_values (self)[index];
}

void
spire_record_set_value (SpireRecord *self, guint index, const GValue *value)
{
  const SpireKind *kind = spire_record_get_kind (self);
  GValue *slot;

  g_return_if_fail (index < kind->n_fields);

  slot = &get_values (self)[index];
  if (G_VALUE_HOLDS_STRING (slot))
    {
      const char *s = g_value_get_string (value);

      /* An empty text is no text: one way to say "not given". */
      if (s != NULL && *s == '\0')
        s = NULL;
      if (g_strcmp0 (s, g_value_get_string (slot)) == 0)
        return;
      g_value_set_string (slot, s);
    }
  else
    {
      if (values_equal (slot, value))
        return;
      g_value_copy (value, slot);
    }
  g_object_notify_by_pspec (G_OBJECT (self), SPIRE_RECORD_GET_CLASS (self)->pspecs[index]);
}

static GValue *
lookup (SpireRecord *self, const char *field, GType type)
{
  const SpireKind *kind = spire_record_get_kind (self);
  int i = spire_kind_field_index (kind, field);

  if (i < 0)
    {
      g_critical ("%s has no field %s", kind->name, field);
      return NULL;
    }
  if (G_VALUE_TYPE (&get_values (self)[i]) != type)
    {
      g_critical ("%s.%s is not a %s", kind->name, field, g_type_name (type));
      return NULL;
    }
  return &get_values (self)[i];
}

const char *
spire_record_get_text (SpireRecord *self, const char *field)
{
  GValue *v = lookup (self, field, G_TYPE_STRING);

  return v ? g_value_get_string (v) : NULL;
}

gint64
spire_record_get_int (SpireRecord *self, const char *field)
{
  GValue *v = lookup (self, field, G_TYPE_INT64);

  return v ? g_value_get_int64 (v) : SPIRE_INT_NONE;
}

double
spire_record_get_real (SpireRecord *self, const char *field)
{
  GValue *v = lookup (self, field, G_TYPE_DOUBLE);

  return v ? g_value_get_double (v) : NAN;
}

gboolean
spire_record_get_bool (SpireRecord *self, const char *field)
{
  GValue *v = lookup (self, field, G_TYPE_BOOLEAN);

  return v ? g_value_get_boolean (v) : FALSE;
}

gboolean
spire_record_is_null (SpireRecord *self, const char *field)
{
  int i = spire_kind_field_index (spire_record_get_kind (self), field);
  const GValue *v;

  g_return_val_if_fail (i >= 0, TRUE);
  v = &get_values (self)[i];
  switch (G_VALUE_TYPE (v))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (v) == SPIRE_INT_NONE;
    case G_TYPE_DOUBLE:
      return isnan (g_value_get_double (v));
    case G_TYPE_BOOLEAN:
      return FALSE;
    default:
      return g_value_get_string (v) == NULL;
    }
}

static void
set_by_name (SpireRecord *self, const char *field, const GValue *value)
{
  int i = spire_kind_field_index (spire_record_get_kind (self), field);

  if (i < 0)
    {
      g_critical ("%s has no field %s", spire_record_get_kind (self)->name, field);
      return;
    }
  if (G_VALUE_TYPE (&get_values (self)[i]) != G_VALUE_TYPE (value))
    {
      g_critical ("%s.%s is not a %s", spire_record_get_kind (self)->name, field,
                  G_VALUE_TYPE_NAME (value));
      return;
    }
  spire_record_set_value (self, i, value);
}

void
spire_record_set_text (SpireRecord *self, const char *field, const char *value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_by_name (self, field, &v);
}

void
spire_record_set_int (SpireRecord *self, const char *field, gint64 value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_by_name (self, field, &v);
}

void
spire_record_set_real (SpireRecord *self, const char *field, double value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_by_name (self, field, &v);
}

void
spire_record_set_bool (SpireRecord *self, const char *field, gboolean value)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  set_by_name (self, field, &v);
}

void
spire_record_set_null (SpireRecord *self, const char *field)
{
  const SpireField *f = spire_kind_field (spire_record_get_kind (self), field);
  g_auto (GValue) v = G_VALUE_INIT;

  g_return_if_fail (f != NULL);
  g_value_init (&v, field_gtype (f));
  if (f->type == SPIRE_FIELD_INT || f->type == SPIRE_FIELD_MONEY)
    g_value_set_int64 (&v, SPIRE_INT_NONE);
  else if (f->type == SPIRE_FIELD_REAL)
    g_value_set_double (&v, NAN);
  set_by_name (self, field, &v);
}

gboolean
spire_record_equal (SpireRecord *a, SpireRecord *b)
{
  const SpireKind *kind = spire_record_get_kind (a);

  if (kind != spire_record_get_kind (b))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (!values_equal (&get_values (a)[i], &get_values (b)[i]))
      return FALSE;
  return TRUE;
}

/* Validation */

static gboolean
invalid (SpireRecord *self, const SpireField *f, const char **field_out, GError **error,
         const char *what)
{
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_INVALID, _("%s: %s"), _(f->label), what);
  if (field_out)
    *field_out = f->name;
  return FALSE;
}

guint
spire_field_max_length (const SpireField *field)
{
  g_return_val_if_fail (field != NULL, 0);

  if (field->max_length > 0)
    return field->max_length;
  if (field->type == SPIRE_FIELD_TEXT)
    return SPIRE_LENGTH_SHORT;
  if (field->type == SPIRE_FIELD_JSON)
    return SPIRE_LENGTH_JSON;
  return SPIRE_LENGTH_ANY;
}

/* Longer than the field holds: "Pitch: 10 000 000 characters; at most
 * 100 000".  Bytes first: a text has no more characters than bytes. */
static gboolean
too_long (SpireRecord *self, const SpireField *f, const char *s, const char **field_out,
          GError **error)
{
  guint max = spire_field_max_length (f);
  gsize length;
  g_autofree char *n = NULL;
  g_autofree char *most = NULL;
  g_autofree char *what = NULL;

  if (max == SPIRE_LENGTH_ANY || strlen (s) <= max)
    return FALSE;
  length = (gsize) g_utf8_strlen (s, -1);
  if (length <= max)
    return FALSE;
  n = spire_format_count ((gint64) length, spire_language_current ());
  most = spire_format_count (max, spire_language_current ());
  what = g_strdup_printf (
      /* TRANSLATORS: the length of a text that is too long: "Pitch: 10 000 000
       * characters; at most 100 000" */
      ngettext ("%s character; at most %s", "%s characters; at most %s", length), n, most);
  invalid (self, f, field_out, error, what);
  return TRUE;
}

/* Spaces only: as empty as "" to whoever reads it (the window's forms
 * strip what is typed; a backup or a package may hold "   "). */
static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

gboolean
spire_record_validate (SpireRecord *self, const char **field_out, GError **error)
{
  const SpireKind *kind = spire_record_get_kind (self);
  SpireRecordPrivate *priv = spire_record_get_instance_private (self);
  GValue *values = get_values (self);

  if (field_out)
    *field_out = NULL;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const char *s = G_VALUE_HOLDS_STRING (&values[i]) ? g_value_get_string (&values[i]) : NULL;

      if ((f->flags & SPIRE_FIELD_REQUIRED) && !(f->flags & SPIRE_FIELD_SYSTEM) &&
          (spire_record_is_null (self, f->name) || (f->type == SPIRE_FIELD_TEXT && is_blank (s))))
        return invalid (self, f, field_out, error, _("must be filled in"));

      if (s == NULL)
        continue;
      if (too_long (self, f, s, field_out, error))
        return FALSE;
      switch (f->type)
        {
        case SPIRE_FIELD_ENUM:
          if (!spire_field_value_is_allowed (f, s))
            {
              g_autofree char *what = g_strdup_printf (_("“%s” is not one of the choices"), s);
              return invalid (self, f, field_out, error, what);
            }
          break;
        case SPIRE_FIELD_DATE:
          if (!spire_date_is_valid (s))
            return invalid (self, f, field_out, error,
                            _("not a date; write it as YYYY-MM-DD"));
          break;
        case SPIRE_FIELD_TIME:
          if (!spire_timestamp_is_valid (s))
            return invalid (self, f, field_out, error,
                            _("not a time; write it as YYYY-MM-DDTHH:MM:SSZ"));
          break;
        case SPIRE_FIELD_REF:
          if (!g_uuid_string_is_valid (s))
            return invalid (self, f, field_out, error, _("not a valid reference (UUID)"));
          break;
        case SPIRE_FIELD_JSON:
          {
            g_autoptr (JsonParser) parser = json_parser_new ();

            if (!json_parser_load_from_data (parser, s, -1, NULL))
              return invalid (self, f, field_out, error, _("not valid JSON"));
          }
          break;
        case SPIRE_FIELD_TEXT:
          if (strcmp (f->name, "uuid") == 0 && !g_uuid_string_is_valid (s))
            return invalid (self, f, field_out, error, _("not a valid UUID"));
          break;
        default:
          break;
        }
    }

  if (kind->validate != NULL)
    {
      priv->invalid_field = NULL;
      if (!kind->validate (self, error))
        {
          if (field_out)
            *field_out = priv->invalid_field;
          return FALSE;
        }
    }
  return TRUE;
}

/* JSON */

JsonNode *
spire_record_to_json (SpireRecord *self, gboolean with_confidential)
{
  const SpireKind *kind = spire_record_get_kind (self);
  GValue *values = get_values (self);
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      const GValue *v = &values[i];

      if ((f->flags & SPIRE_FIELD_CONFIDENTIAL) && !with_confidential)
        continue;
      json_builder_set_member_name (b, f->name);
      if (spire_record_is_null (self, f->name))
        {
          json_builder_add_null_value (b);
          continue;
        }
      switch (f->type)
        {
        case SPIRE_FIELD_INT:
        case SPIRE_FIELD_MONEY:
          json_builder_add_int_value (b, g_value_get_int64 (v));
          break;
        case SPIRE_FIELD_REAL:
          json_builder_add_double_value (b, g_value_get_double (v));
          break;
        case SPIRE_FIELD_BOOL:
          json_builder_add_boolean_value (b, g_value_get_boolean (v));
          break;
        case SPIRE_FIELD_JSON:
          {
            g_autoptr (JsonParser) parser = json_parser_new ();

            if (json_parser_load_from_data (parser, g_value_get_string (v), -1, NULL))
              json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
            else
              json_builder_add_null_value (b);
          }
          break;
        default:
          json_builder_add_string_value (b, g_value_get_string (v));
          break;
        }
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
wrong_type (const SpireField *f, const char **field_out, GError **error, const char *expected)
{
  /* TRANSLATORS: %s is the kind of value expected, e.g. "a number" */
  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT, _("expected %s"), expected);
  if (field_out)
    *field_out = f->name;
  return FALSE;
}

static gboolean
read_member (SpireRecord *record, const SpireField *f, JsonNode *node,
             const char **field_out, GError **error)
{
  g_auto (GValue) v = G_VALUE_INIT;
  GType vt = json_node_get_value_type (node);

  g_value_init (&v, field_gtype (f));
  switch (f->type)
    {
    case SPIRE_FIELD_INT:
    case SPIRE_FIELD_MONEY:
      if (vt != G_TYPE_INT64)
        return wrong_type (f, field_out, error, _("a whole number"));
      g_value_set_int64 (&v, json_node_get_int (node));
      break;
    case SPIRE_FIELD_REAL:
      if (vt != G_TYPE_INT64 && vt != G_TYPE_DOUBLE)
        return wrong_type (f, field_out, error, _("a number"));
      g_value_set_double (&v, json_node_get_double (node));
      break;
    case SPIRE_FIELD_BOOL:
      if (vt != G_TYPE_BOOLEAN)
        return wrong_type (f, field_out, error, _("true or false"));
      g_value_set_boolean (&v, json_node_get_boolean (node));
      break;
    case SPIRE_FIELD_JSON:
      if (!JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node))
        return wrong_type (f, field_out, error, _("an object or a list"));
      g_value_take_string (&v, json_to_string (node, FALSE));
      break;
    default:
      if (vt != G_TYPE_STRING)
        return wrong_type (f, field_out, error, _("text"));
      g_value_set_string (&v, json_node_get_string (node));
      break;
    }
  spire_record_set_value (record, spire_kind_field_index (spire_record_get_kind (record), f->name), &v);
  return TRUE;
}

SpireRecord *
spire_record_from_json (const SpireKind *kind, JsonObject *object,
                        const char **field_out, GError **error)
{
  g_autoptr (SpireRecord) record = spire_record_new (kind);

  if (field_out)
    *field_out = NULL;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SpireField *f = &kind->fields[i];
      JsonNode *node = json_object_get_member (object, f->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if ((f->flags & SPIRE_FIELD_REQUIRED) &&
              (!(f->flags & SPIRE_FIELD_SYSTEM) || i == 0))
            {
              g_set_error_literal (error, SPIRE_ERROR, SPIRE_ERROR_FORMAT,
                                   node ? _("must not be empty") : _("is missing"));
              if (field_out)
                *field_out = f->name;
              return NULL;
            }
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) && f->type != SPIRE_FIELD_JSON)
        {
          wrong_type (f, field_out, error, _("a single value"));
          return NULL;
        }
      if (!read_member (record, f, node, field_out, error))
        return NULL;
    }
  return g_steal_pointer (&record);
}

char *
spire_uuid_new (void)
{
  return g_uuid_string_random ();
}

char *
spire_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
