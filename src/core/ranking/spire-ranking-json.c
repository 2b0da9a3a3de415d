/* spire-ranking-json.c — a ranking as JSON: a tree, or streamed
 *
 * The members are walked once (emit_ranking) into one of two ends: a
 * JsonBuilder (spire_ranking_to_json) or a writer that makes the bytes
 * json-glib's pretty generator makes (indent 2) and hands them to a
 * GOutputStream in 64 KiB pieces (spire_ranking_write_json), so that a
 * ranking of 40 000 applications is never held as a tree or a string
 * (`spire-cli rank --json`).  The same walk gives the same document; the
 * writer's formats (numbers, strings, empty arrays) are json-glib 1.6's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-ranking"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "spire-ranking-private.h"

#define FLUSH_AT (64 * 1024)

/* A number's text, kept by its bits: g_ascii_dtostr is printf's "%.17g",
 * some 2 600 instructions a number, and a ranking repeats few values (the
 * means of a few small scores), so each is formatted about once. */
#define NUMBER_CACHE 1024

typedef struct
{
  guint64 bits;
  gboolean used;
  char text[G_ASCII_DTOSTR_BUF_SIZE + 2]; /* with ".0" */
} NumberText;

/* Where the walk goes: a builder, or a buffer flushed to a stream. */
typedef struct
{
  JsonBuilder *builder;

  NumberText *numbers; /* NUMBER_CACHE, by the value's bits */

  GString *buf;
  GOutputStream *out;
  GCancellable *cancellable;
  GError *error;
  guint level;    /* containers open */
  gboolean first; /* nothing written yet in the innermost container */
} Emit;

/* The writer */

static void
flush (Emit *e)
{
  /* After an error (or cancel) the rest is made and dropped. */
  if (e->error == NULL && e->buf->len > 0)
    g_output_stream_write_all (e->out, e->buf->str, e->buf->len, NULL, e->cancellable,
                               &e->error);
  g_string_truncate (e->buf, 0);
}

/* As json-glib's json_strescape: ", \\ and control characters escaped,
 * other bytes as they are.  The bytes between two escapes go in one
 * piece. */
static void
write_escaped (GString *buf, const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (buf, '"');
  for (p = str; *p; p++)
    {
      if (*p != '\\' && *p != '"' && !(*p > 0 && *p < 0x1f) && *p != 0x7f)
        continue;
      g_string_append_len (buf, run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\\':
        case '"':
          g_string_append_c (buf, '\\');
          g_string_append_c (buf, *p);
          break;
        case '\b':
          g_string_append (buf, "\\b");
          break;
        case '\f':
          g_string_append (buf, "\\f");
          break;
        case '\n':
          g_string_append (buf, "\\n");
          break;
        case '\r':
          g_string_append (buf, "\\r");
          break;
        case '\t':
          g_string_append (buf, "\\t");
          break;
        default:
          g_string_append_printf (buf, "\\u00%02x", (guint) *p);
          break;
        }
    }
  g_string_append_len (buf, run, p - run);
  g_string_append_c (buf, '"');
}

/* A new line and the indent of @level */
static void
write_indent (GString *buf, guint level)
{
  static const char spaces[] = "                                ";

  g_string_append_c (buf, '\n');
  for (guint n = level * 2; n > 0;)
    {
      guint piece = MIN (n, sizeof spaces - 1);

      g_string_append_len (buf, spaces, piece);
      n -= piece;
    }
}

/* What comes before a value: the separator, the indent and the name. */
static void
write_key (Emit *e, const char *name)
{
  if (e->level > 0)
    {
      if (!e->first)
        g_string_append_c (e->buf, ',');
      write_indent (e->buf, e->level);
    }
  if (name != NULL)
    {
      write_escaped (e->buf, name);
      g_string_append (e->buf, " : ");
    }
  e->first = FALSE;
}

/* As printf's "%" G_GINT64_FORMAT */
static void
write_int (GString *buf, gint64 value)
{
  char digits[24];
  guint i = sizeof digits;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      digits[--i] = '0' + u % 10;
      u /= 10;
    }
  while (u > 0);
  if (value < 0)
    digits[--i] = '-';
  g_string_append_len (buf, digits + i, sizeof digits - i);
}

/* A double as json-glib writes it: g_ascii_dtostr, and ".0" when that has
 * no point or exponent ("7.0", not "7"), so that it stays a double. */
static const char *
number_text (Emit *e, double value)
{
  guint64 bits;
  NumberText *slot;

  memcpy (&bits, &value, sizeof bits);
  slot = &e->numbers[(bits ^ (bits >> 29) ^ (bits >> 47)) % NUMBER_CACHE];
  if (!slot->used || slot->bits != bits)
    {
      g_ascii_dtostr (slot->text, G_ASCII_DTOSTR_BUF_SIZE, value);
      if (strpbrk (slot->text, ".eE") == NULL)
        strcat (slot->text, ".0");
      slot->bits = bits;
      slot->used = TRUE;
    }
  return slot->text;
}

/* The walk's steps, to either end */

static void
emit_begin (Emit *e, const char *name, gboolean object)
{
  if (e->builder)
    {
      if (name)
        json_builder_set_member_name (e->builder, name);
      if (object)
        json_builder_begin_object (e->builder);
      else
        json_builder_begin_array (e->builder);
      return;
    }
  write_key (e, name);
  g_string_append_c (e->buf, object ? '{' : '[');
  e->level++;
  e->first = TRUE;
}

static void
emit_end (Emit *e, gboolean object)
{
  if (e->builder)
    {
      if (object)
        json_builder_end_object (e->builder);
      else
        json_builder_end_array (e->builder);
      return;
    }
  e->level--;
  if (!e->first)
    write_indent (e->buf, e->level);
  g_string_append_c (e->buf, object ? '}' : ']');
  e->first = FALSE;
  if (e->buf->len >= FLUSH_AT)
    flush (e);
}

static void
emit_null (Emit *e, const char *name)
{
  if (e->builder)
    {
      if (name)
        json_builder_set_member_name (e->builder, name);
      json_builder_add_null_value (e->builder);
      return;
    }
  write_key (e, name);
  g_string_append (e->buf, "null");
}

static void
emit_string (Emit *e, const char *name, const char *value)
{
  if (value == NULL)
    {
      emit_null (e, name);
      return;
    }
  if (e->builder)
    {
      if (name)
        json_builder_set_member_name (e->builder, name);
      json_builder_add_string_value (e->builder, value);
      return;
    }
  write_key (e, name);
  write_escaped (e->buf, value);
}

/* A double as it is (NaN too, as json-glib writes it). */
static void
emit_double (Emit *e, const char *name, double value)
{
  if (e->builder)
    {
      if (name)
        json_builder_set_member_name (e->builder, name);
      json_builder_add_double_value (e->builder, value);
      return;
    }
  write_key (e, name);
  g_string_append (e->buf, number_text (e, value));
}

/* A number, or null for NaN and infinity. */
static void
emit_number (Emit *e, const char *name, double value)
{
  if (isnan (value) || isinf (value))
    emit_null (e, name);
  else
    emit_double (e, name, value);
}

static void
emit_int (Emit *e, const char *name, gint64 value)
{
  if (e->builder)
    {
      json_builder_set_member_name (e->builder, name);
      json_builder_add_int_value (e->builder, value);
      return;
    }
  write_key (e, name);
  write_int (e->buf, value);
}

static void
emit_boolean (Emit *e, const char *name, gboolean value)
{
  if (e->builder)
    {
      json_builder_set_member_name (e->builder, name);
      json_builder_add_boolean_value (e->builder, value);
      return;
    }
  write_key (e, name);
  g_string_append (e->buf, value ? "true" : "false");
}

/* The walk: the members once, for both ends */

static void
emit_row (SpireRanking *self, Emit *e, SpireRankRow *row)
{
  g_auto (GStrv) flags = spire_rank_flags_to_strv (row->flags);

  emit_begin (e, NULL, TRUE);
  if (row->rank > 0)
    emit_int (e, "rank", row->rank);
  else
    emit_null (e, "rank");
  emit_boolean (e, "tied", row->tied);
  emit_string (e, "application", row->application_uuid);
  emit_string (e, "title", row->title);
  emit_string (e, "startup", row->startup_name);
  emit_string (e, "challenge", row->challenge_title);
  emit_string (e, "status", row->status);
  emit_number (e, "score", row->score);
  emit_number (e, "shown_score", row->shown_score);
  emit_number (e, "percent", row->percent);
  emit_number (e, "spread", row->spread);
  emit_number (e, "range", row->range);
  emit_int (e, "reviews", row->n_reviews);
  emit_int (e, "missing", row->n_missing);
  emit_int (e, "stale", row->n_stale);
  emit_int (e, "conflicted", row->n_conflicted);

  emit_begin (e, "flags", FALSE);
  for (guint i = 0; flags[i] != NULL; i++)
    emit_string (e, NULL, flags[i]);
  emit_end (e, FALSE);

  emit_begin (e, "review_scores", FALSE);
  for (guint i = 0; i < row->n_review_scores; i++)
    emit_double (e, NULL, row->review_scores[i]);
  emit_end (e, FALSE);

  emit_begin (e, "criteria", FALSE);
  for (guint c = 0; c < row->n_criteria; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      emit_begin (e, NULL, TRUE);
      emit_string (e, "criterion", criterion->uuid);
      emit_number (e, "mean", row->criterion_means[c]);
      emit_int (e, "answers", row->criterion_answers[c]);
      emit_end (e, TRUE);
    }
  emit_end (e, FALSE);
  emit_end (e, TRUE);
}

static void
emit_ranking (SpireRanking *self, Emit *e)
{
  g_autoptr (GListModel) meeting = NULL;

  emit_begin (e, NULL, TRUE);
  emit_string (e, "cohort", self->cohort_uuid);
  emit_string (e, "rubric", self->rubric_uuid);
  emit_int (e, "rubric_version", self->rubric_version);
  emit_number (e, "scale_min", self->scale_min);
  emit_number (e, "scale_max", self->scale_max);
  emit_string (e, "aggregation", spire_aggregation_to_string (self->aggregation));
  emit_string (e, "normalisation", self->normalised ? "per_evaluator" : "none");
  emit_number (e, "disagreement_threshold", self->threshold);
  emit_string (e, "disagreement_measure", "sd");

  emit_begin (e, "criteria", FALSE);
  for (guint c = 0; c < self->criteria->len; c++)
    {
      const SpireRankCriterion *criterion = g_ptr_array_index (self->criteria, c);

      emit_begin (e, NULL, TRUE);
      emit_string (e, "uuid", criterion->uuid);
      emit_string (e, "name", criterion->name);
      emit_string (e, "kind", spire_criterion_kind_to_string (criterion->kind));
      emit_number (e, "weight", criterion->weight);
      emit_end (e, TRUE);
    }
  emit_end (e, FALSE);

  emit_begin (e, "applications", FALSE);
  for (guint i = 0; i < self->rows->len && e->error == NULL; i++)
    emit_row (self, e, g_ptr_array_index (self->rows, i));
  emit_end (e, FALSE);

  meeting = spire_ranking_get_meeting_order (self);
  emit_begin (e, "meeting_order", FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (meeting); i++)
    {
      g_autoptr (SpireRankRow) row = g_list_model_get_item (meeting, i);

      emit_string (e, NULL, row->application_uuid);
    }
  emit_end (e, FALSE);
  emit_end (e, TRUE);
}

/* Public API */

JsonNode *
spire_ranking_to_json (SpireRanking *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  Emit e = { .builder = builder };

  g_return_val_if_fail (SPIRE_IS_RANKING (self), NULL);

  emit_ranking (self, &e);
  return json_builder_get_root (builder);
}

gboolean
spire_ranking_write_json (SpireRanking *self, GOutputStream *out, GCancellable *cancellable,
                          GError **error)
{
  Emit e = { .out = out, .cancellable = cancellable };

  g_return_val_if_fail (SPIRE_IS_RANKING (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  e.buf = g_string_sized_new (FLUSH_AT + 4096);
  e.numbers = g_new0 (NumberText, NUMBER_CACHE);
  emit_ranking (self, &e);
  flush (&e);
  g_string_free (e.buf, TRUE);
  g_free (e.numbers);
  if (e.error != NULL)
    {
      g_propagate_error (error, e.error);
      return FALSE;
    }
  return TRUE;
}
