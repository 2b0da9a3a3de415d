/* spire-person-scan.c — find erased people's names in every text, in one
 * pass for everyone erased at once
 *
 * DESIGN.md, "Privacy, innsyn and the audit trail": every text field of
 * every record and every audit entry (who, before, after) that holds an
 * erased person's name, e-mail or phone gets that person's pseudonym.
 * Retention erases hundreds of people; each text is read and case-folded
 * once for all of them, and their needles looked for in one walk over it
 * (an index by the needles' first three bytes), instead of one scan of the
 * whole file a person (tests/bench/README.md, "bench-erase").  The result
 * is the one erase after another would give: a text that names several of
 * them is rewritten by each in the batch's order, each reading what the
 * one before wrote, with that person's rules (their own row is left; in
 * an audit entry about another person, that person's own fields are left).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-privacy"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "spire-privacy-private.h"
#include "spire-records.h"
#include "spire-store-private.h"

/* Case folding, for every letter and not only ASCII ("SYNNØVE" is
 * "synnøve"): the text in NFC, then each code point by itself to its lower
 * case, so a match in the folded text is a match of as many code points in
 * the text's NFC form (what a rewritten field is written back as).  Bytes
 * that are not UTF-8 stand for themselves. */

/* The code point at *@p, folded (TRUE), or the byte there when no UTF-8
 * character starts there (FALSE); *@p moves past it. */
static gboolean
next_folded (const char **p, gunichar *c)
{
  gunichar u = g_utf8_get_char_validated (*p, -1);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = (guchar) *(*p)++;
      return FALSE;
    }
  *p = g_utf8_next_char (*p);
  *c = g_unichar_tolower (u);
  return TRUE;
}

/* @text in NFC ("Å" as one code point, as typed on most systems, not
 * A + ring as some write it), or a copy when it is not UTF-8. */
static char *
nfc (const char *text)
{
  char *normal = g_utf8_validate (text, -1, NULL)
                   ? g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE)
                   : NULL;

  return normal ? normal : g_strdup (text);
}

char *
_spire_case_fold (const char *text)
{
  g_autofree char *normal = NULL;
  GString *out;
  gunichar c;
  const char *a = text;

  while (*a != '\0' && (guchar) *a < 0x80)
    a++;
  if (*a == '\0')
    return g_ascii_strdown (text, -1); /* ASCII: already NFC, each letter its lower case */
  normal = nfc (text);
  out = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p;)
    if (next_folded (&p, &c))
      g_string_append_unichar (out, c);
    else
      g_string_append_c (out, (char) c);
  return g_string_free (out, FALSE);
}

/* Where the match of @folded_needle at @p ends, or NULL. */
static const char *
match_folded (const char *p, const char *folded_needle)
{
  const char *n = folded_needle;
  gunichar tc, nc;

  while (*n)
    {
      if (*p == '\0' || next_folded (&p, &tc) != next_folded (&n, &nc) || tc != nc)
        return NULL;
    }
  return p;
}

static void
fold_sql_cb (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, _spire_case_fold (text), -1, g_free);
}

void
_spire_case_fold_register (SpireStore *store)
{
  static GQuark registered;

  if (registered == 0)
    registered = g_quark_from_static_string ("spire-privacy-case-fold");
  if (g_object_get_qdata (G_OBJECT (store), registered) != NULL)
    return;
  sqlite3_create_function_v2 (_spire_store_get_db (store), "spire_case_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              fold_sql_cb, NULL, NULL, NULL);
  g_object_set_qdata (G_OBJECT (store), registered, GINT_TO_POINTER (1));
}

/* @text with every needle (case-insensitively, _spire_case_fold) replaced
 * by @with. */
static char *
replace_needles (const char *text, GPtrArray *needles, const char *with)
{
  g_autofree char *normal = nfc (text); /* the text is written back in NFC */
  GString *out = g_string_new (NULL);
  const char *p = normal;

  while (*p)
    {
      gboolean hit = FALSE;

      for (guint i = 0; i < needles->len && !hit; i++)
        {
          const char *end = match_folded (p, needles->pdata[i]);

          if (end != NULL)
            {
              g_string_append (out, with);
              p = end;
              hit = TRUE;
            }
        }
      if (!hit)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* @json (a record's fields, as the audit keeps them) with the needles
 * replaced in every text but a person's personal fields; NULL when nothing
 * changes. */
static char *
replace_needles_in_fields (const char *json, GPtrArray *needles, const char *with)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GList) members = NULL;
  JsonObject *o;
  gboolean changed = FALSE;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (o);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (o, l->data);
      const SpireField *f = spire_kind_field (&spire_kind_person, l->data);
      g_autofree char *value = NULL;
      g_autofree char *normal = NULL;

      if ((f != NULL && (f->flags & SPIRE_FIELD_PERSONAL)) || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      value = replace_needles (json_node_get_string (node), needles, with);
      normal = nfc (json_node_get_string (node));
      if (g_strcmp0 (value, normal) == 0)
        continue;
      json_object_set_string_member (o, l->data, value);
      changed = TRUE;
    }
  return changed ? json_to_string (json_parser_get_root (parser), FALSE) : NULL;
}

/* The batch's needles, by their first three bytes (every needle has at
 * least MIN_NEEDLE = 3: spire-person-erase.c). */
typedef struct
{
  const char *needle; /* case-folded */
  gsize len;
  guint person; /* its index in the batch */
} NeedleRef;

#define PREFIX(s) (((guint32) (guint8) (s)[0] << 16) | ((guint32) (guint8) (s)[1] << 8) | (guint8) (s)[2])

typedef struct
{
  GPtrArray *people;    /* SpireErasePerson, in the order one erase after another would run */
  gboolean dry_run;
  guint8 *prefixes;     /* a bit for each three-byte start of a needle: 1 << 24 bits */
  GHashTable *starts;   /* PREFIX → GArray of NeedleRef */
  GHashTable *own_rows; /* a person's UUID → its index + 1 */
  guint *seen;          /* per person: the stamp of the last walk that found them */
  guint stamp;
  GArray *hits;         /* the people a walk found, by index, ascending */
  /* progress over the rows of every column scanned */
  GCancellable *cancellable;
  SpireProgressFunc progress;
  gpointer progress_data;
  double rows_total, rows_done, progress_to;
} Batch;

static void
batch_index (Batch *b)
{
  b->prefixes = g_malloc0 ((1u << 24) / 8);
  b->starts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify) g_array_unref);
  b->own_rows = g_hash_table_new (g_str_hash, g_str_equal);
  b->seen = g_new0 (guint, b->people->len);
  b->hits = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < b->people->len; p++)
    {
      SpireErasePerson *person = b->people->pdata[p];

      g_hash_table_insert (b->own_rows, (gpointer) person->traces->person,
                           GUINT_TO_POINTER (p + 1));
      for (guint i = 0; i < person->needles->len; i++)
        {
          NeedleRef ref = { person->needles->pdata[i], strlen (person->needles->pdata[i]), p };
          guint32 key = PREFIX (ref.needle);
          GArray *refs = g_hash_table_lookup (b->starts, GUINT_TO_POINTER (key));

          g_assert (ref.len >= 3);
          if (refs == NULL)
            {
              refs = g_array_new (FALSE, FALSE, sizeof (NeedleRef));
              g_hash_table_insert (b->starts, GUINT_TO_POINTER (key), refs);
            }
          g_array_append_val (refs, ref);
          b->prefixes[key >> 3] |= (guint8) (1u << (key & 7));
        }
    }
}

static void
batch_clear (Batch *b)
{
  g_free (b->prefixes);
  g_clear_pointer (&b->starts, g_hash_table_unref);
  g_clear_pointer (&b->own_rows, g_hash_table_unref);
  g_free (b->seen);
  g_clear_pointer (&b->hits, g_array_unref);
}

static gint
by_index (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The people after @after (an index, or -1) whose needles @folded holds,
 * into b->hits: one walk over the text whatever the number of people. */
static void
find_people (Batch *b, const char *folded, gint64 after)
{
  gsize len = strlen (folded);

  b->stamp++;
  g_array_set_size (b->hits, 0);
  for (gsize i = 0; i + 3 <= len; i++)
    {
      guint32 key = PREFIX (folded + i);
      GArray *refs;

      if (!(b->prefixes[key >> 3] & (1u << (key & 7))))
        continue;
      refs = g_hash_table_lookup (b->starts, GUINT_TO_POINTER (key));
      for (guint r = 0; r < refs->len; r++)
        {
          const NeedleRef *n = &g_array_index (refs, NeedleRef, r);

          if ((gint64) n->person > after && b->seen[n->person] != b->stamp && i + n->len <= len &&
              memcmp (folded + i, n->needle, n->len) == 0)
            {
              b->seen[n->person] = b->stamp;
              g_array_append_val (b->hits, n->person);
            }
        }
    }
  g_array_sort (b->hits, by_index);
}

/* Where a text is: for the traces, and for whose rules apply. */
typedef struct
{
  const char *table, *id, *column;
  gint64 own;             /* the index of the person whose own row it is, or -1 */
  gboolean audit_fields;  /* an audit entry's before or after */
  const char *entity, *entity_uuid;
} Cell;

/* The rows of the audit trail about other people: their before and after
 * hold those people's own fields, which are left. */
static gboolean
about_another_person (const Cell *cell, SpireErasePerson *person)
{
  return cell->audit_fields && g_strcmp0 (cell->entity, "person") == 0 &&
         g_strcmp0 (cell->entity_uuid, person->traces->person) != 0;
}

/* @text (@folded: case-folded) as the erases of the people it names leave
 * it: each in the batch's order, as its own erase would (a later one reads
 * what the earlier ones wrote); NULL when no erase writes it.  Each person
 * whose erase writes it gets a trace. */
static char *
rewrite_cell (Batch *b, const Cell *cell, const char *text, const char *folded)
{
  g_autofree char *current = g_strdup (text);
  gboolean written = FALSE;
  guint h = 0;

  find_people (b, folded, -1);
  while (h < b->hits->len)
    {
      guint p = g_array_index (b->hits, guint, h++);
      SpireErasePerson *person = b->people->pdata[p];
      g_autofree char *value = NULL;
      g_autofree char *refolded = NULL;

      if ((gint64) p == cell->own)
        continue; /* a person's own row: erase_own_fields */
      value = about_another_person (cell, person)
                ? replace_needles_in_fields (current, person->needles, person->traces->pseudonym)
                : replace_needles (current, person->needles, person->traces->pseudonym);
      if (value == NULL)
        continue; /* only a namesake's own fields held it */
      _spire_person_add_trace (person->traces, cell->table, cell->id, cell->column);
      written = TRUE;
      if (g_str_equal (value, current))
        continue;
      g_free (current);
      current = g_steal_pointer (&value);
      /* The text changed: who the later people are is read again in it */
      refolded = _spire_case_fold (current);
      find_people (b, refolded, p);
      h = 0;
    }
  return written ? g_steal_pointer (&current) : NULL;
}

static void
batch_progress (Batch *b)
{
  if (b->progress != NULL && b->rows_total > 0)
    b->progress (b->progress_to * MIN (1.0, b->rows_done / b->rows_total), b->progress_data);
}

/* Every 4096 rows: progress, and whether to stop. */
static gboolean
batch_row_done (Batch *b, GError **error)
{
  b->rows_done++;
  if (((guint64) b->rows_done & 4095) != 0)
    return TRUE;
  batch_progress (b);
  return !g_cancellable_set_error_if_cancelled (b->cancellable, error);
}

/* Writes the new texts (@rows: id, value, id, value …) back. */
static gboolean
write_rows (SpireStore *store, const char *table, const char *key, const char *column,
            GPtrArray *rows, GError **error)
{
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET \"%s\" = ?1 WHERE %s = ?2", table,
                                             column, key);

  for (guint r = 0; r + 1 < rows->len; r += 2)
    {
      g_autoptr (GPtrArray) done = _spire_store_query (store, error, update, 2,
                                                       rows->pdata[r + 1], rows->pdata[r]);

      if (done == NULL)
        return FALSE;
    }
  if (rows->len > 0)
    _spire_store_mark_changed (store, table);
  return TRUE;
}

/* Reads @column of every row of @table once (each text folded once, in C)
 * and rewrites the texts that name someone erased (rewrite_cell); unless
 * b->dry_run, writes them back.  For the audit's before and after
 * (@audit_fields) the entry's entity says whose rules apply. */
static gboolean
scan_column (Batch *b, SpireStore *store, const char *table, const char *key,
             const char *column, gboolean audit_fields, GError **error)
{
  /* Every row, NULL or not, so that the progress counts what count_rows
   * counted */
  g_autofree char *select = g_strdup_printf ("SELECT %s, \"%s\"%s FROM %s", key, column,
                                             audit_fields ? ", entity, entity_uuid" : "", table);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean kinds = !g_str_equal (table, "audit");
  int rc;

  if (g_cancellable_set_error_if_cancelled (b->cancellable, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (_spire_store_get_db (store), select, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *folded = text ? _spire_case_fold (text) : NULL;
      g_autofree char *value = NULL;
      Cell cell = { table, (const char *) sqlite3_column_text (stmt, 0), column, -1, audit_fields,
                    NULL, NULL };

      rc = SQLITE_OK;
      if (kinds) /* a person's own row is theirs (a record's UUID is unique across tables) */
        cell.own = (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (b->own_rows, cell.id)) - 1;
      if (audit_fields)
        {
          cell.entity = (const char *) sqlite3_column_text (stmt, 2);
          cell.entity_uuid = (const char *) sqlite3_column_text (stmt, 3);
        }
      if (text != NULL && (value = rewrite_cell (b, &cell, text, folded)) != NULL)
        {
          g_ptr_array_add (rows, g_strdup (cell.id));
          g_ptr_array_add (rows, g_steal_pointer (&value));
        }
      if (!batch_row_done (b, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _spire_store_set_error (store, rc, error);
  batch_progress (b);
  return b->dry_run || write_rows (store, table, key, column, rows, error);
}

/* Whether @f is a text that can mention a person.  Another person's
 * personal fields are that person's own: a namesake's name, not a
 * mention; the erased people's own are erase_own_fields'. */
static gboolean
scanned_field (const SpireField *f)
{
  return (f->type == SPIRE_FIELD_TEXT || f->type == SPIRE_FIELD_JSON) &&
         !(f->flags & (SPIRE_FIELD_SYSTEM | SPIRE_FIELD_SECRET | SPIRE_FIELD_PERSONAL));
}

/* The rows the scan will read, for its progress. */
static double
count_rows (SpireStore *store)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);
  double total = 0;

  for (guint k = 0; k <= n_kinds; k++)
    {
      const char *table = k < n_kinds ? kinds[k]->table : "audit";
      guint columns = k < n_kinds ? 0 : 3; /* who, before, after */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
      g_autoptr (GPtrArray) rows = NULL;

      for (guint i = 0; k < n_kinds && i < kinds[k]->n_fields; i++)
        columns += scanned_field (&kinds[k]->fields[i]);
      if (columns == 0 || (rows = _spire_store_query (store, NULL, sql, 0)) == NULL ||
          rows->len == 0)
        continue;
      total += columns * g_ascii_strtod (SPIRE_ROW_TEXT (rows->pdata[0], 0), NULL);
    }
  return total;
}

static gboolean
scan_everything (Batch *b, SpireStore *store, GError **error)
{
  guint n_kinds;
  const SpireKind *const *kinds = spire_kinds (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      if (scanned_field (&kinds[k]->fields[i]) &&
          !scan_column (b, store, kinds[k]->table, "uuid", kinds[k]->fields[i].name, FALSE, error))
        return FALSE;
  /* The audit trail: who made each change, and the fields before and after */
  return scan_column (b, store, "audit", "id", "who", FALSE, error) &&
         scan_column (b, store, "audit", "id", "before", TRUE, error) &&
         scan_column (b, store, "audit", "id", "after", TRUE, error);
}

gboolean
_spire_people_scan (SpireStore *store, GPtrArray *people, gboolean dry_run,
                    GCancellable *cancellable, SpireProgressFunc progress,
                    gpointer progress_data, double progress_to, GError **error)
{
  Batch b = { people, dry_run };
  gboolean any = FALSE, ok;

  for (guint p = 0; p < people->len; p++)
    any |= ((SpireErasePerson *) people->pdata[p])->needles->len > 0;
  if (!any)
    return TRUE;
  b.cancellable = cancellable;
  b.progress = progress;
  b.progress_data = progress_data;
  b.progress_to = progress_to;
  if (progress != NULL)
    b.rows_total = count_rows (store);
  batch_index (&b);
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       scan_everything (&b, store, error);
  batch_clear (&b);
  return ok;
}
