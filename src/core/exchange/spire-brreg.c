/* spire-brreg.c — startups and public bodies from Enhetsregisteret
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-brreg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-brreg.h"
#include "spire-error.h"
#include "spire-exchange-private.h"
#include "spire-records.h"
#include "spire-text.h"
#include "spire-validate.h"

typedef struct
{
  SpireStore *store;
  const char *name; /* of the file, for messages */
  SpireBrregAs as;
  SpireBrregStats *stats;
  GString *place;   /* "_embedded.enheter[3]" */
} Import;

/* Notes */

static void
note_free (gpointer data)
{
  SpireBrregNote *note = data;

  g_free (note->orgnr);
  g_free (note->name);
  g_free (note->message);
  g_free (note);
}

static void
add_note (GPtrArray *list, const char *orgnr, const char *name, char *message)
{
  SpireBrregNote *note = g_new0 (SpireBrregNote, 1);

  note->orgnr = g_strdup (orgnr);
  note->name = g_strdup (name);
  note->message = message;
  g_ptr_array_add (list, note);
}

void
spire_brreg_stats_clear (SpireBrregStats *stats)
{
  g_return_if_fail (stats != NULL);

  g_clear_pointer (&stats->deleted, g_ptr_array_unref);
  g_clear_pointer (&stats->notes, g_ptr_array_unref);
  memset (stats, 0, sizeof *stats);
}

static void
stats_init (SpireBrregStats *stats)
{
  memset (stats, 0, sizeof *stats);
  stats->deleted = g_ptr_array_new_with_free_func (note_free);
  stats->notes = g_ptr_array_new_with_free_func (note_free);
}

/* Names */

static gboolean
word_in (const char *word, const char *const *list)
{
  for (; *list; list++)
    if (strcmp (word, *list) == 0)
      return TRUE;
  return FALSE;
}

/* One word of a name in capitals, as people write it. */
static void
append_word (GString *out, const char *word, gboolean first)
{
  /* Forms of organisation and abbreviations stay in capitals. */
  static const char *const upper[] = {
    "AS", "ASA", "ANS", "DA", "SA", "BA", "NUF", "HF", "RHF", "IKS", "KF", "FKF", "SF",
    "IT", "IKT", "ICT", "AI", "VR", "AR", "TV", "EU", "NAV", "NTNU", "SINTEF", "NRK", "AB",
    NULL
  };
  /* Small words and the word for municipality, in lower case but first. */
  static const char *const lower[] = {
    "kommune", "fylkeskommune", "bydel", "og", "i", "for", "av", "på", "til", "med", "ved",
    "under", NULL
  };
  g_autofree char *down = g_utf8_strdown (word, -1);
  gboolean start = TRUE;

  if (word_in (word, upper))
    {
      g_string_append (out, word);
      return;
    }
  for (const char *p = word; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        g_string_append (out, word);
        return;
      }
  if (!first && word_in (down, lower))
    {
      g_string_append (out, down);
      return;
    }
  /* Capital at the start of every run of letters: "SØR-ØST" → "Sør-Øst". */
  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          g_string_append_unichar (out, start ? g_unichar_totitle (c) : c);
          start = FALSE;
        }
      else
        {
          g_string_append_unichar (out, c);
          start = c != '\'' && c != 0x2019;
        }
    }
}

/* "NORDLYS TEKNOLOGI AS" → "Nordlys Teknologi AS"; a name with any lower
 * case letter is left as it is. */
static char *
pretty_name (const char *name)
{
  g_auto (GStrv) words = NULL;
  GString *out;
  gboolean first = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return g_strdup (name);

  words = g_strsplit (name, " ", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, ' ');
      append_word (out, words[i], first);
      first = FALSE;
    }
  return g_string_free (out, FALSE);
}

const char *
spire_brreg_public_body_kind (const char *form, const char *name)
{
  g_autofree char *folded = NULL;

  if (form == NULL)
    return NULL;
  folded = spire_search_fold (name ? name : "");

  if (strcmp (form, "KOMM") == 0 || strcmp (form, "KF") == 0)
    return "municipality";
  if (strcmp (form, "FYLK") == 0 || strcmp (form, "FKF") == 0)
    return "county";
  if (strcmp (form, "STAT") == 0)
    return "state_agency";
  if (strcmp (form, "HF") == 0 || strcmp (form, "RHF") == 0)
    return "health_trust";
  if (strcmp (form, "SF") == 0)
    return strstr (folded, "rhf") || strstr (folded, "helse") ? "health_trust" : "state_agency";
  if (strcmp (form, "IKS") == 0)
    return "other";
  if (strcmp (form, "ORGL") == 0)
    {
      if (strstr (folded, "bydel"))
        return "city_district";
      if (strstr (folded, "fylkeskommune"))
        return "county";
      if (strstr (folded, "kommune"))
        return "municipality";
      return "state_agency";
    }
  return NULL;
}

/* Errors */

static gboolean
fail_at (Import *im, GError **error, int code, const char *member, const char *what)
{
  g_autoptr (GString) place = g_string_new (im->place->str);

  if (member != NULL)
    {
      if (place->len > 0)
        g_string_append_c (place, '.');
      g_string_append (place, member);
    }
  if (place->len == 0)
    g_set_error (error, SPIRE_ERROR, code, _("%s: %s"), im->name, what);
  else
    /* TRANSLATORS: "enheter.json: _embedded.enheter[3].organisasjonsnummer: expected text" */
    g_set_error (error, SPIRE_ERROR, code, _("%s: %s: %s"), im->name, place->str, what);
  return FALSE;
}

static gboolean
set_parse_error (GError **error, const char *name, JsonParser *parser, const GError *json_error)
{
  guint line, column;
  const char *detail = _spire_json_error_place (parser, json_error, &line, &column);

  g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
               /* TRANSLATORS: "enheter.json: line 3, column 14: the file is not valid JSON
                * (<what the JSON reader said>). …" */
               _("%s: line %u, column %u: the file is not valid JSON (%s). Download it from "
                 "Enhetsregisteret again."),
               name, line, column, detail);
  return FALSE;
}

/* Reading members */

static gboolean
get_text (Import *im, JsonObject *obj, const char *member, const char *place, gboolean required,
          const char **out, GError **error)
{
  JsonNode *node = _spire_json_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail_at (im, error, SPIRE_ERROR_FORMAT, place ? place : member,
                        node ? _("must not be empty") : _("is missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_at (im, error, SPIRE_ERROR_FORMAT, place ? place : member, _("expected text"));
  *out = json_node_get_string (node);
  if (**out == '\0')
    {
      *out = NULL;
      if (required)
        return fail_at (im, error, SPIRE_ERROR_FORMAT, place ? place : member,
                        _("must not be empty"));
    }
  return TRUE;
}

static gboolean
get_object (Import *im, JsonObject *obj, const char *member, JsonObject **out, GError **error)
{
  JsonNode *node = _spire_json_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (im, error, SPIRE_ERROR_FORMAT, member, _("expected an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

/* The text @member of the object @parent.@member_of, e.g. organisasjonsform.kode */
static gboolean
get_inner_text (Import *im, JsonObject *obj, const char *parent, const char *member,
                const char **out, GError **error)
{
  JsonObject *inner = NULL;
  g_autofree char *place = g_strconcat (parent, ".", member, NULL);

  *out = NULL;
  if (!get_object (im, obj, parent, &inner, error))
    return FALSE;
  if (inner == NULL)
    return TRUE;
  return get_text (im, inner, member, place, FALSE, out, error);
}

static gboolean
get_flag (Import *im, JsonObject *obj, const char *member, gboolean *out, GError **error)
{
  JsonNode *node = _spire_json_member (obj, member);

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_at (im, error, SPIRE_ERROR_FORMAT, member, _("expected true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* One enhet */

/* The member of an enhet that a record field comes from, for messages. */
static const char *
member_of_field (const char *field)
{
  static const char *const map[][2] = {
    { "name", "navn" },
    { "orgnr", "organisasjonsnummer" },
    { "organisasjonsform", "organisasjonsform.kode" },
    { "naeringskode", "naeringskode1.kode" },
    { "employees", "antallAnsatte" },
    { "kommunenummer", "forretningsadresse.kommunenummer" },
    { "founded", "stiftelsesdato" },
    { "website", "hjemmeside" },
  };

  for (guint i = 0; field && i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i][0], field) == 0)
      return map[i][1];
  return NULL;
}

static SpireRecord *
find_by_orgnr (Import *im, const SpireKind *kind, const char *orgnr, GError **error)
{
  g_autoptr (GPtrArray) found = spire_store_list (im->store, kind, "orgnr", orgnr, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* What import_unit() reads of one enhet. */
typedef struct
{
  char *orgnr; /* 9 digits */
  char *shown_orgnr;
  char *name;  /* as people write it */
  const char *form;
  const char *naering;
  const char *kommune;
  const char *founded;
  const char *homepage;
  char *website;
  gboolean konkurs;
  gboolean avvikling;
  gboolean tvang;
  gboolean has_employees;
  gint64 employees;
} Unit;

static void
unit_clear (Unit *u)
{
  g_clear_pointer (&u->orgnr, g_free);
  g_clear_pointer (&u->shown_orgnr, g_free);
  g_clear_pointer (&u->name, g_free);
  g_clear_pointer (&u->website, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Unit, unit_clear)

/* The organisation number and the name; *@deleted when the enhet is
 * deleted from the register (then it is noted, not imported). */
static gboolean
read_identity (Import *im, JsonObject *obj, Unit *u, gboolean *deleted, GError **error)
{
  const char *orgnr_text, *navn, *slettet;
  g_autofree char *why = NULL;

  *deleted = FALSE;
  if (!get_text (im, obj, "organisasjonsnummer", NULL, TRUE, &orgnr_text, error) ||
      !get_text (im, obj, "navn", NULL, TRUE, &navn, error))
    return FALSE;
  if (!spire_orgnr_check (orgnr_text, &why))
    return fail_at (im, error, SPIRE_ERROR_INVALID, "organisasjonsnummer", why);
  u->orgnr = spire_orgnr_digits (orgnr_text);
  u->shown_orgnr = spire_format_orgnr (u->orgnr);
  u->name = pretty_name (navn);

  if (!get_text (im, obj, "slettedato", NULL, FALSE, &slettet, error))
    return FALSE;
  if (slettet != NULL)
    {
      g_autofree char *day = spire_format_date (slettet, spire_language_current ());

      add_note (im->stats->deleted, u->orgnr, u->name,
                /* TRANSLATORS: "Gammel Kurs AS (912 345 678) was deleted from …" */
                g_strdup_printf (_("%s (%s) was deleted from Enhetsregisteret on %s, so it "
                                   "was not imported."),
                                 u->name, u->shown_orgnr, *day ? day : slettet));
      *deleted = TRUE;
    }
  return TRUE;
}

static gboolean
read_employees (Import *im, JsonObject *obj, Unit *u, GError **error)
{
  JsonNode *n = _spire_json_member (obj, "antallAnsatte");

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return fail_at (im, error, SPIRE_ERROR_FORMAT, "antallAnsatte",
                    _("expected a whole number"));
  u->employees = json_node_get_int (n);
  u->has_employees = TRUE;
  if (u->employees < 0)
    return fail_at (im, error, SPIRE_ERROR_INVALID, "antallAnsatte",
                    _("must not be negative"));
  return TRUE;
}

/* The municipality of the business address, else of the postal one; a
 * wrong number is left out with a note. */
static gboolean
read_kommune (Import *im, JsonObject *obj, Unit *u, GError **error)
{
  static const char *const addresses[] = { "forretningsadresse", "postadresse" };
  g_autofree char *kwhy = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (addresses) && u->kommune == NULL; i++)
    if (!get_inner_text (im, obj, addresses[i], "kommunenummer", &u->kommune, error))
      return FALSE;
  if (u->kommune != NULL && !spire_kommunenummer_check (u->kommune, &kwhy))
    {
      add_note (im->stats->notes, u->orgnr, u->name,
                /* TRANSLATORS: the last %s says what is wrong with the number */
                g_strdup_printf (_("%s (%s): the municipality number %s was left out: %s."),
                                 u->name, u->shown_orgnr, u->kommune, kwhy));
      u->kommune = NULL;
    }
  return TRUE;
}

/* Everything else an enhet says that Spire keeps. */
static gboolean
read_details (Import *im, JsonObject *obj, Unit *u, GError **error)
{
  if (!get_inner_text (im, obj, "organisasjonsform", "kode", &u->form, error) ||
      !get_inner_text (im, obj, "naeringskode1", "kode", &u->naering, error) ||
      !get_text (im, obj, "stiftelsesdato", NULL, FALSE, &u->founded, error) ||
      !get_text (im, obj, "hjemmeside", NULL, FALSE, &u->homepage, error) ||
      !get_flag (im, obj, "konkurs", &u->konkurs, error) ||
      !get_flag (im, obj, "underAvvikling", &u->avvikling, error) ||
      !get_flag (im, obj, "underTvangsavviklingEllerTvangsopplosning", &u->tvang, error) ||
      !read_employees (im, obj, u, error) || !read_kommune (im, obj, u, error))
    return FALSE;

  if (u->founded != NULL && !spire_date_is_valid (u->founded))
    return fail_at (im, error, SPIRE_ERROR_INVALID, "stiftelsesdato",
                    _("not a date; write it as YYYY-MM-DD"));

  u->website = spire_url_complete (u->homepage);
  if (u->website != NULL && !spire_url_is_valid (u->website))
    {
      add_note (im->stats->notes, u->orgnr, u->name,
                g_strdup_printf (_("%s (%s): the web address “%s” was left out: it is not one "
                                   "Spire can use."),
                                 u->name, u->shown_orgnr, u->homepage));
      g_clear_pointer (&u->website, g_free);
    }
  return TRUE;
}

/* Bankrupt, being wound up or dissolved: worth a note, still imported. */
static void
note_state (Import *im, Unit *u)
{
  if (u->konkurs)
    add_note (im->stats->notes, u->orgnr, u->name,
              g_strdup_printf (_("%s (%s) is bankrupt (konkurs) according to "
                                 "Enhetsregisteret."), u->name, u->shown_orgnr));
  if (u->avvikling)
    add_note (im->stats->notes, u->orgnr, u->name,
              g_strdup_printf (_("%s (%s) is being wound up (under avvikling) according to "
                                 "Enhetsregisteret."), u->name, u->shown_orgnr));
  if (u->tvang)
    add_note (im->stats->notes, u->orgnr, u->name,
              g_strdup_printf (_("%s (%s) is being dissolved by force (under "
                                 "tvangsavvikling) according to Enhetsregisteret."),
                               u->name, u->shown_orgnr));
}

/* Startup or public body: the kind of public body, or NULL for a startup. */
static const char *
unit_body_kind (Import *im, Unit *u)
{
  const char *body_kind;

  switch (im->as)
    {
    case SPIRE_BRREG_AS_STARTUPS:
      return NULL;
    case SPIRE_BRREG_AS_PUBLIC_BODIES:
      body_kind = spire_brreg_public_body_kind (u->form, u->name);
      return body_kind ? body_kind : "other";
    case SPIRE_BRREG_AS_AUTO:
    default:
      return spire_brreg_public_body_kind (u->form, u->name);
    }
}

static void
fill_record (SpireRecord *record, Unit *u, gboolean existed, const char *body_kind)
{
  spire_record_set_text (record, "name", u->name);
  spire_record_set_text (record, "orgnr", u->orgnr);
  if (u->kommune != NULL)
    spire_record_set_text (record, "kommunenummer", u->kommune);
  if (u->website != NULL)
    spire_record_set_text (record, "website", u->website);
  if (body_kind != NULL)
    {
      if (!existed)
        spire_record_set_text (record, "kind", body_kind);
      return;
    }
  if (u->form != NULL)
    spire_record_set_text (record, "organisasjonsform", u->form);
  if (u->naering != NULL)
    spire_record_set_text (record, "naeringskode", u->naering);
  if (u->has_employees)
    spire_record_set_int (record, "employees", u->employees);
  if (u->founded != NULL)
    spire_record_set_text (record, "founded", u->founded);
}

/* The enhet as a startup or public body, over the one with its number. */
static gboolean
save_unit (Import *im, Unit *u, GError **error)
{
  const char *body_kind = unit_body_kind (im, u);
  const SpireKind *kind = spire_kind_lookup (body_kind ? "public_bodies" : "startups");
  g_autoptr (SpireRecord) existing = NULL;
  g_autoptr (SpireRecord) record = NULL;
  g_autoptr (GError) local = NULL;
  const char *field = NULL;
  gboolean inserted = FALSE;

  existing = find_by_orgnr (im, kind, u->orgnr, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  record = existing ? spire_record_copy (existing) : spire_record_new (kind);
  fill_record (record, u, existing != NULL, body_kind);

  if (!spire_record_validate (record, &field, &local))
    return fail_at (im, error, SPIRE_ERROR_INVALID, member_of_field (field), local->message);

  if (existing != NULL && spire_record_equal (existing, record))
    im->stats->unchanged++;
  else
    {
      if (!spire_store_save (im->store, record, SPIRE_SAVE_NO_AUDIT, &inserted, &local))
        return fail_at (im, error,
                        local->domain == SPIRE_ERROR ? local->code : SPIRE_ERROR_FAILED, NULL,
                        local->message);
      if (inserted)
        im->stats->created++;
      else
        im->stats->updated++;
    }
  if (body_kind != NULL)
    im->stats->public_bodies++;
  else
    im->stats->startups++;
  return TRUE;
}

static gboolean
import_unit (Import *im, JsonNode *node, GError **error)
{
  g_auto (Unit) u = { 0 };
  gboolean deleted = FALSE;
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (im, error, SPIRE_ERROR_FORMAT, NULL,
                    _("expected an enhet (a JSON object)"));
  obj = json_node_get_object (node);
  if (!read_identity (im, obj, &u, &deleted, error))
    return FALSE;
  if (deleted)
    return TRUE;
  if (!read_details (im, obj, &u, error))
    return FALSE;
  note_state (im, &u);
  return save_unit (im, &u, error);
}

/* The document */

/* page.@member of a search result: a whole number from 0 that a page
 * number plus one still fits (left as it is when missing or null). */
static gboolean
get_page_count (Import *im, JsonObject *page, const char *member, int *out, GError **error)
{
  JsonNode *n = _spire_json_member (page, member);
  g_autofree char *place = g_strconcat ("page.", member, NULL);
  gint64 value;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return fail_at (im, error, SPIRE_ERROR_FORMAT, place, _("expected a whole number"));
  value = json_node_get_int (n);
  if (value < 0)
    return fail_at (im, error, SPIRE_ERROR_INVALID, place, _("must not be negative"));
  if (value >= G_MAXINT)
    return fail_at (im, error, SPIRE_ERROR_INVALID, place,
                    /* TRANSLATORS: a page number or count in a search result */
                    _("is too large"));
  *out = (int) value;
  return TRUE;
}

/* The list of enheter in @root, and the place its elements are named by. */
static gboolean
find_units (Import *im, JsonNode *root, JsonArray **units, JsonNode **single,
            const char **prefix, GError **error)
{
  JsonObject *obj, *embedded = NULL, *page = NULL;
  JsonNode *list;

  *units = NULL;
  *single = NULL;
  *prefix = "";

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      *units = json_node_get_array (root);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail_at (im, error, SPIRE_ERROR_FORMAT, NULL,
                    _("expected an enhet from Enhetsregisteret, a search result or a list "
                      "of enheter"));
  obj = json_node_get_object (root);

  if (json_object_has_member (obj, "organisasjonsnummer"))
    {
      *single = root;
      return TRUE;
    }

  if (!get_object (im, obj, "page", &page, error) ||
      !get_object (im, obj, "_embedded", &embedded, error))
    return FALSE;
  if (page != NULL)
    {
      int number = 0, pages = 1, total = 0;

      if (!get_page_count (im, page, "number", &number, error) ||
          !get_page_count (im, page, "totalPages", &pages, error) ||
          !get_page_count (im, page, "totalElements", &total, error))
        return FALSE;
      if (pages > 1)
        {
          g_autofree char *n_units = spire_format_count (total, spire_language_current ());

          add_note (im->stats->notes, NULL, NULL,
                    g_strdup_printf (_("%s holds page %d of %d of a search result with %s units. "
                                       "Download the other pages too (the “page” parameter) to "
                                       "import them all."),
                                     im->name, number + 1, pages, n_units));
        }
    }
  if (embedded == NULL)
    {
      if (page != NULL || json_object_has_member (obj, "_links"))
        return TRUE; /* a search that found nothing */
      return fail_at (im, error, SPIRE_ERROR_FORMAT, NULL,
                      _("this does not look like data from Enhetsregisteret: there is no "
                        "“organisasjonsnummer” and no “_embedded.enheter”"));
    }
  list = json_object_get_member (embedded, "enheter");
  if (list == NULL)
    {
      if (json_object_has_member (embedded, "underenheter"))
        return fail_at (im, error, SPIRE_ERROR_FORMAT, "_embedded.underenheter",
                        _("this is a search among underenheter (branches); search among "
                          "enheter instead (…/enhetsregisteret/api/enheter)"));
      return fail_at (im, error, SPIRE_ERROR_FORMAT, "_embedded.enheter", _("is missing"));
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    return fail_at (im, error, SPIRE_ERROR_FORMAT, "_embedded.enheter", _("expected a list"));
  *units = json_node_get_array (list);
  *prefix = "_embedded.enheter";
  return TRUE;
}

static char *
audit_json (const char *name, const SpireBrregStats *stats)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  _spire_json_add_string (b, "file", name);
  _spire_json_add_int (b, "created", stats->created);
  _spire_json_add_int (b, "updated", stats->updated);
  _spire_json_add_int (b, "unchanged", stats->unchanged);
  json_builder_set_member_name (b, "deleted_skipped");
  json_builder_begin_array (b);
  for (guint i = 0; i < stats->deleted->len; i++)
    json_builder_add_string_value (
      b, ((SpireBrregNote *) g_ptr_array_index (stats->deleted, i))->orgnr);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return _spire_json_text (root, FALSE);
}

gboolean
spire_brreg_import_data (SpireStore *store, const char *data, gssize length, const char *name,
                         SpireBrregAs as, SpireBrregStats *stats_out, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) json_error = NULL;
  g_auto (SpireBrregStats) stats = { 0 };
  g_autoptr (GString) place = g_string_new (NULL);
  g_autofree char *after = NULL;
  Import im = { 0 };
  JsonNode *root, *single = NULL;
  JsonArray *units = NULL;
  const char *prefix = "";

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats_out)
    spire_brreg_stats_clear (stats_out);
  stats_init (&stats);
  im.store = store;
  im.name = name ? name : _("The file from Enhetsregisteret");
  im.as = as;
  im.stats = &stats;
  im.place = place;

  if (length < 0)
    length = data ? (gssize) strlen (data) : 0;
  if (!_spire_json_check_depth (data, (gsize) length, SPIRE_JSON_MAX_DEPTH, im.name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data ? data : "", length, &json_error))
    return set_parse_error (error, im.name, parser, json_error);
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, SPIRE_ERROR, SPIRE_ERROR_PARSE,
                   _("%s is empty. Download it from Enhetsregisteret again."), im.name);
      return FALSE;
    }
  if (!find_units (&im, root, &units, &single, &prefix, error))
    return FALSE;

  if (!spire_store_begin (store, error))
    return FALSE;
  if (single != NULL)
    {
      if (!import_unit (&im, single, error))
        goto fail;
    }
  else if (units != NULL)
    {
      for (guint i = 0; i < json_array_get_length (units); i++)
        {
          g_string_printf (place, "%s[%u]", prefix, i);
          if (!import_unit (&im, json_array_get_element (units, i), error))
            goto fail;
        }
    }
  after = audit_json (im.name, &stats);
  if (!spire_store_audit (store, "database", NULL, "import-brreg", NULL, after, error))
    goto fail;
  if (!spire_store_commit (store, error))
    return FALSE;

  if (stats_out)
    {
      *stats_out = stats;
      memset (&stats, 0, sizeof stats);
    }
  return TRUE;

fail:
  spire_store_rollback (store);
  return FALSE;
}

gboolean
spire_brreg_import_file (SpireStore *store, const char *path, SpireBrregAs as,
                         SpireBrregStats *stats, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (stats)
    spire_brreg_stats_clear (stats);
  name = g_filename_display_basename (path);
  contents = _spire_exchange_read_file (path, name, SPIRE_READ_BRREG, &length, error);
  if (contents == NULL)
    return FALSE;
  return spire_brreg_import_data (store, contents, length, name, as, stats, error);
}
