/* spire-redaction.c — blind mode: who applied, taken out of what the panel
 * reads: the startup's name in every inflected form, the persons linked to
 * it (name, e-mail, phone), its website and its organisation number,
 * replaced by a mark in the title, pitch, solution and every extra answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "spire-evaluation-private.h"

/* Blind mode: who applied, out of the free text.
 *
 * In a blind cohort the panel must not learn who applied from the title,
 * pitch, solution or extra answers (their values, their keys, and numbers
 * among them) either.  What is looked for (the terms):
 *
 * - the startup's name with and without its legal form (AS, ASA, ENK, NUF,
 *   SA, DA, ANS, BA, KS, IKS, SE; AB, ApS, Oy, GmbH, Ltd, Inc, LLC of a
 *   foreign company's name), case-insensitive, and also when the text
 *   adds a legal form in capitals after it ("Kvitravn Analyse AS" for a
 *   startup stored as "Kvitravn Analyse"); a word of the name on its own
 *   only where the company chose that word for its domain ("Kvitravn" of
 *   "Kvitravn Analyse AS" at kvitravn.no), spelt with a capital — other
 *   words of a name ("Analyse", "Energi") are ordinary words and stay;
 * - every person linked to the application: its contact, the persons of the
 *   startup (persons.startup) and of its organisation number — by full name
 *   (any case), by each part of it on its own (first, middle and last name,
 *   each half of a hyphenated one) when the text spells that part with a
 *   capital letter, as a name is spelt: "Synnøve" and "Per" are replaced,
 *   the words "per" and "dag" are not.  A sentence that begins with "Per"
 *   loses that word when a linked person is called Per: blind review would
 *   rather hide one word too many than the applicant.  Names with Æ Ø Å are
 *   also looked for as they are written without them (Synnove, Synnoeve,
 *   Odegaard);
 * - every such person's e-mail address (any case) and its domain unless it
 *   is a public mail service, and phone number in any spacing: with or
 *   without +47 or 0047, digits grouped by spaces, hyphens, dots or
 *   parentheses ("+47 967 34 123", "96734123", "967-34-123");
 * - the website with and without the scheme and "www.", with its path when
 *   it has one; the bare host too unless it is a shared platform
 *   (github.com/kvitravn hides "github.com/kvitravn", not every github.com);
 * - the organisation number with or without spaces, dots or hyphens.
 *
 * A name (of the startup or a person) is also found in the genitive: with
 * -s, -'s or -’s after it, and -' or -’ after s, x or z ("Kvitravns",
 * "Kvitravn Analyses", "Lys'").
 *
 * Matching compares case-folded characters (g_utf8_casefold() per
 * character of the NFC-normalised text, so "NORDLYS ÆØÅ" matches "Nordlys
 * æøå") and only whole words: a match must neither start right after nor
 * end right before a letter, digit or combining mark.  So "Nordlys" is
 * replaced in "Nordlys har", "(Nordlys)", "Nordlys-teamet", "Nordlys'" and
 * "nordlys.no", but not inside "Nordlysfestivalen", "Nordlyset" or
 * "Sørnordlys" — a compound may leave a trace, but ordinary words that
 * merely contain the name are left alone: the texts of "Lys AS" keep
 * "lyst" and "Lysaker" (the word "lys" itself is the name and goes).
 * Longer terms are tried first ("Nordlys AS" before "Nordlys").
 *
 * The startup's name, website, organisation number and an e-mail domain
 * become "[the applicant]"; a person's name "[name]", an e-mail address
 * "[e-mail address]", a phone number "[phone number]". */

typedef enum
{
  MARK_APPLICANT,
  MARK_NAME,
  MARK_EMAIL,
  MARK_PHONE,
} RedactMark;

typedef enum
{
  TERM_LOOSE = 1 << 0,      /* separators allowed between the characters (numbers) */
  TERM_GENITIVE = 1 << 1,   /* may end in a genitive ("Kvitravns") */
  TERM_CAPITAL = 1 << 2,    /* only where the text spells it with a capital */
  TERM_LEGAL_FORM = 1 << 3, /* may be followed by a legal form ("Kvitravn AS") */
} TermFlags;

typedef struct
{
  gunichar *chars; /* case-folded, NFC */
  glong len;
  guint flags;
  RedactMark mark;
} RedactTerm;

/* Legal forms of Norwegian (and a few foreign) organisations, as they
 * follow a name. */
static const char *const legal_forms[] = {
  "ASA", "AS", "ENK", "NUF", "SA", "DA", "ANS", "BA", "KS", "IKS", "SE", "AB", "ApS", "Oy",
  "GmbH", "Ltd", "Inc", "LLC",
};

/* Hosts many people's pages share: with a path, only that path is theirs. */
static const char *const shared_hosts[] = {
  "facebook.com", "github.com", "github.io", "gitlab.com", "instagram.com", "linkedin.com",
  "medium.com", "no.linkedin.com", "sites.google.com", "twitter.com", "x.com", "youtube.com",
};

static void
redact_term_free (gpointer data)
{
  RedactTerm *t = data;

  g_free (t->chars);
  g_free (t);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* What may stand between the digits of a number written in groups. */
static gboolean
is_number_separator (gunichar c)
{
  return is_space_char (c) || c == '-' || c == '.' || c == '(' || c == ')' || c == 0x2010 ||
         c == 0x2011 || c == 0x2013;
}

/* Whether @p (before @end) is at the end of a word. */
static gboolean
at_word_end (const char *p, const char *end)
{
  return p >= end || !is_word_char (g_utf8_get_char (p));
}

static void
add_redact_term (GPtrArray *terms, const char *text, guint flags, RedactMark mark)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  g_autofree gunichar *chars = NULL;
  glong len;
  RedactTerm *t;

  if (text == NULL)
    return;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return;
  g_strstrip (nfc);
  if (g_utf8_strlen (nfc, -1) < 2)
    return; /* one letter would wipe out ordinary words */
  folded = g_utf8_casefold (nfc, -1);
  chars = g_utf8_to_ucs4_fast (folded, -1, &len);
  for (guint i = 0; i < terms->len; i++)
    {
      RedactTerm *other = terms->pdata[i];

      if ((other->flags & TERM_LOOSE) == (flags & TERM_LOOSE) && other->len == len &&
          memcmp (other->chars, chars, len * sizeof (gunichar)) == 0)
        {
          /* the same word twice: the wider reading of the two holds */
          if (!(flags & TERM_CAPITAL))
            other->flags &= ~TERM_CAPITAL;
          other->flags |= flags & (TERM_GENITIVE | TERM_LEGAL_FORM);
          return;
        }
    }
  t = g_new0 (RedactTerm, 1);
  t->chars = g_steal_pointer (&chars);
  t->len = len;
  t->flags = flags;
  t->mark = mark;
  g_ptr_array_add (terms, t);
}

static int
compare_terms_cb (gconstpointer a, gconstpointer b)
{
  const RedactTerm *ta = *(RedactTerm *const *) a;
  const RedactTerm *tb = *(RedactTerm *const *) b;

  return (tb->len > ta->len) - (tb->len < ta->len); /* longest first */
}

/* Building the terms */

/* How Æ Ø Å are written without them: "ae", "o", "a"; "ae", "oe", "aa";
 * or "ae", "o", "aa" (Odegaard). */
typedef enum
{
  PLAIN_SINGLE,
  PLAIN_DOUBLE,
  PLAIN_MIXED,
  N_PLAIN,
} PlainSpelling;

/* @text with Æ Ø Å written as @how says; NULL when it has none. */
static char *
without_aeoeaa (const char *text, PlainSpelling how)
{
  gboolean doubled = how == PLAIN_DOUBLE;
  gboolean double_aa = how != PLAIN_SINGLE;

  g_autoptr (GString) out = g_string_new (NULL);
  gboolean changed = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *with = NULL;

      switch (c)
        {
        case 0xC6: with = "Ae"; break;
        case 0xE6: with = "ae"; break;
        case 0xD8: with = doubled ? "Oe" : "O"; break;
        case 0xF8: with = doubled ? "oe" : "o"; break;
        case 0xC5: with = double_aa ? "Aa" : "A"; break;
        case 0xE5: with = double_aa ? "aa" : "a"; break;
        default: break;
        }
      if (with != NULL)
        {
          g_string_append (out, with);
          changed = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }
  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* A name as written and as written without Æ Ø Å. */
static void
add_name_term (GPtrArray *terms, const char *name, guint flags, RedactMark mark)
{
  g_autofree char *nfc = NULL;

  if (name == NULL)
    return;
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return;
  add_redact_term (terms, nfc, flags, mark);
  for (PlainSpelling how = 0; how < N_PLAIN; how++)
    {
      g_autofree char *plain = without_aeoeaa (nfc, how);

      add_redact_term (terms, plain, flags, mark);
    }
}

/* The name without a trailing legal form, or NULL when it has none. */
static char *
name_without_legal_form (const char *name)
{
  g_autofree char *copy = g_strstrip (g_strdup (name));
  gsize len = strlen (copy);

  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    {
      gsize n = strlen (legal_forms[i]);

      if (len > n + 1 && g_ascii_strcasecmp (copy + len - n, legal_forms[i]) == 0 &&
          g_ascii_isspace (copy[len - n - 1]))
        {
          copy[len - n] = '\0';
          return g_strstrip (g_strdup (copy));
        }
    }
  return NULL;
}

static void
add_startup_name_terms (GPtrArray *terms, const char *name)
{
  g_autofree char *bare = NULL;

  if (name == NULL)
    return;
  add_name_term (terms, name, TERM_GENITIVE, MARK_APPLICANT);
  bare = name_without_legal_form (name);
  add_name_term (terms, bare ? bare : name, TERM_GENITIVE | TERM_LEGAL_FORM, MARK_APPLICANT);
}

/* A person's full name (any case) and each of its parts where the text
 * spells it with a capital: first, middle and last name, and both halves
 * of a hyphenated one.  Initials ("K.") and particles written in lower
 * case ("van", "de") are not parts of their own. */
static void
add_person_name_terms (GPtrArray *terms, const char *name)
{
  g_auto (GStrv) words = NULL;

  if (name == NULL)
    return;
  add_name_term (terms, name, TERM_GENITIVE, MARK_NAME);
  words = g_strsplit_set (name, " \t\n,()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto (GStrv) halves = NULL;
      char *word = g_strstrip (words[i]);
      gsize len = strlen (word);

      while (len > 0 && (word[len - 1] == '.' || word[len - 1] == '-'))
        word[--len] = '\0';
      if (g_utf8_strlen (word, -1) < 2 || !g_unichar_isupper (g_utf8_get_char (word)))
        continue;
      add_name_term (terms, word, TERM_GENITIVE | TERM_CAPITAL, MARK_NAME);
      halves = g_strsplit (word, "-", -1);
      for (guint j = 0; halves[j] != NULL && halves[1] != NULL; j++)
        if (g_utf8_strlen (halves[j], -1) >= 2 &&
            g_unichar_isupper (g_utf8_get_char (halves[j])))
          add_name_term (terms, halves[j], TERM_GENITIVE | TERM_CAPITAL, MARK_NAME);
    }
}

static void
add_email_terms (GPtrArray *terms, const char *email)
{
  g_autofree char *stripped = NULL;
  const char *at;

  if (email == NULL)
    return;
  stripped = g_strstrip (g_strdup (email));
  add_redact_term (terms, stripped, 0, MARK_EMAIL);
  at = strrchr (stripped, '@');
  if (at != NULL && strchr (at + 1, '.') != NULL && !spire_email_domain_is_public (at + 1))
    add_redact_term (terms, at + 1, 0, MARK_APPLICANT);
}

/* A phone number as its digits, in every way it is dialled: a Norwegian
 * one (eight digits after +47 or 0047, or on their own) with and without
 * the country code, a foreign one with + and with 00. */
static void
add_phone_terms (GPtrArray *terms, const char *phone)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  const char *national = NULL;

  if (phone == NULL)
    return;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0)
        plus = TRUE;
    }
  if (!plus && g_str_has_prefix (digits->str, "00") && digits->len > 8)
    {
      g_string_erase (digits, 0, 2);
      plus = TRUE;
    }
  if (digits->len < 5)
    return; /* not a phone number a reader could look up */
  if (plus && g_str_has_prefix (digits->str, "47") && digits->len == 10)
    national = digits->str + 2;
  else if (!plus && digits->len == 8)
    national = digits->str;
  if (national != NULL)
    {
      g_autofree char *plus47 = g_strconcat ("+47", national, NULL);
      g_autofree char *zero47 = g_strconcat ("0047", national, NULL);
      g_autofree char *paren47 = g_strconcat ("(+47", national, NULL);

      add_redact_term (terms, national, TERM_LOOSE, MARK_PHONE);
      add_redact_term (terms, paren47, TERM_LOOSE, MARK_PHONE);
      add_redact_term (terms, plus47, TERM_LOOSE, MARK_PHONE);
      add_redact_term (terms, zero47, TERM_LOOSE, MARK_PHONE);
    }
  else
    {
      g_autofree char *with_plus = g_strconcat ("+", digits->str, NULL);
      g_autofree char *with_zeros = g_strconcat ("00", digits->str, NULL);

      add_redact_term (terms, digits->str, TERM_LOOSE, MARK_PHONE);
      if (plus)
        {
          add_redact_term (terms, with_plus, TERM_LOOSE, MARK_PHONE);
          add_redact_term (terms, with_zeros, TERM_LOOSE, MARK_PHONE);
        }
    }
}

/* @address with the schemes and "www." a text may write before it. */
static void
add_address_terms (GPtrArray *terms, const char *address)
{
  static const char *const prefixes[] = { "", "www.", "http://", "https://", "http://www.",
                                          "https://www." };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *with = g_strconcat (prefixes[i], address, NULL);

      add_redact_term (terms, with, 0, MARK_APPLICANT);
    }
}

/* The path of @website after its host, without a trailing "/", or NULL. */
static char *
website_path (const char *website)
{
  const char *p = website;
  const char *slash;
  char *path;
  gsize len;

  if (strstr (p, "://") != NULL)
    p = strstr (p, "://") + 3;
  slash = strchr (p, '/');
  if (slash == NULL)
    return NULL;
  path = g_strdup (slash);
  path[strcspn (path, "?#")] = '\0';
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';
  if (len == 0)
    g_clear_pointer (&path, g_free);
  return path;
}

static gboolean
is_shared_host (const char *host)
{
  for (guint i = 0; i < G_N_ELEMENTS (shared_hosts); i++)
    if (g_str_equal (host, shared_hosts[i]))
      return TRUE;
  return FALSE;
}

static void
add_website_terms (GPtrArray *terms, const char *website)
{
  g_autofree char *host = _spire_website_host (website);
  g_autofree char *path = NULL;
  gboolean shared;

  if (host == NULL)
    return;
  path = website_path (website);
  shared = is_shared_host (host);
  if (path != NULL)
    {
      g_autofree char *full = g_strconcat (host, path, NULL);

      add_address_terms (terms, full);
    }
  if (!shared || path == NULL)
    add_address_terms (terms, host);
}

/* Adds to @labels the first label of @domain, lower-case, and its first
 * hyphenated part ("kvitravn" of "kvitravn.no"; "nordkapp-robotics" and
 * "nordkapp" of "nordkapp-robotics.com"). */
static void
add_domain_labels (GPtrArray *labels, const char *domain)
{
  g_autofree char *label = NULL;
  char *cut;

  if (domain == NULL || strchr (domain, '.') == NULL)
    return;
  label = g_ascii_strdown (domain, strcspn (domain, "."));
  g_ptr_array_add (labels, g_strdup (label));
  if ((cut = strchr (label, '-')) != NULL)
    {
      *cut = '\0';
      g_ptr_array_add (labels, g_strdup (label));
    }
}

/* A word of the startup's name on its own, where the company chose that
 * word for its domain ("Kvitravn" of "Kvitravn Analyse AS" at
 * kvitravn.no, "Fjordbris" of "Fjordbris Energi ASA" at fjordbris.no):
 * spelt with a capital, like a name, and in the genitive.  Other words of
 * a name ("Analyse", "Energi") are ordinary words and stay. */
static void
add_startup_word_terms (GPtrArray *terms, const char *name, GPtrArray *labels)
{
  g_auto (GStrv) words = NULL;

  if (name == NULL)
    return;
  words = g_strsplit_set (name, " \t\n,&()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (words[i], -1);
      gboolean chosen = FALSE;

      if (g_utf8_strlen (folded, -1) < 3)
        continue;
      for (guint j = 0; j < labels->len && !chosen; j++)
        {
          chosen = g_str_equal (labels->pdata[j], folded);
          for (PlainSpelling how = 0; how < N_PLAIN && !chosen; how++)
            {
              g_autofree char *plain = without_aeoeaa (folded, how);

              chosen = g_strcmp0 (labels->pdata[j], plain) == 0;
            }
        }
      if (chosen)
        add_name_term (terms, words[i], TERM_GENITIVE | TERM_CAPITAL, MARK_APPLICANT);
    }
}

static void
add_person_terms (GPtrArray *terms, SpireRecord *person)
{
  add_person_name_terms (terms, spire_record_get_text (person, "name"));
  add_email_terms (terms, spire_record_get_text (person, "email"));
  add_phone_terms (terms, spire_record_get_text (person, "phone"));
}

/* The terms that name the startup @startup_uuid and the persons linked to
 * it: the contact of any of its applications, its persons, and persons
 * registered with its organisation number.  NULL when there is none. */
GPtrArray *
_spire_redact_terms_for (SpireStore *store, const char *startup_uuid)
{
  g_autoptr (SpireRecord) startup = NULL;
  g_autoptr (GPtrArray) persons = NULL;

  if (startup_uuid == NULL)
    return NULL;
  startup = spire_store_get (store, &spire_kind_startup, startup_uuid, NULL);
  if (startup == NULL)
    return NULL;
  persons = _spire_store_query_records (
      store, &spire_kind_person, NULL, NULL,
      "FROM persons WHERE startup = ?1 "
      "OR uuid IN (SELECT contact FROM applications WHERE startup = ?1) "
      "OR (?2 IS NOT NULL AND orgnr = ?2) ORDER BY uuid",
      2, startup_uuid, spire_record_get_text (startup, "orgnr"));
  return _spire_redact_terms_of (startup, persons);
}

GPtrArray *
_spire_redact_terms_of (SpireRecord *startup, GPtrArray *persons)
{
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (redact_term_free);
  g_autoptr (GPtrArray) labels = NULL;
  g_autofree char *host = NULL;
  const char *orgnr = spire_record_get_text (startup, "orgnr");

  add_startup_name_terms (terms, spire_record_get_text (startup, "name"));
  add_website_terms (terms, spire_record_get_text (startup, "website"));
  add_redact_term (terms, orgnr, TERM_LOOSE, MARK_APPLICANT);

  labels = g_ptr_array_new_with_free_func (g_free);
  host = _spire_website_host (spire_record_get_text (startup, "website"));
  if (host != NULL && !is_shared_host (host))
    add_domain_labels (labels, host);
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    {
      const char *email = spire_record_get_text (persons->pdata[i], "email");
      const char *at = email ? strrchr (email, '@') : NULL;

      if (at != NULL && !spire_email_domain_is_public (at + 1))
        add_domain_labels (labels, at + 1);
    }
  /* the startup's words first: a surname it is named after is the applicant */
  add_startup_word_terms (terms, spire_record_get_text (startup, "name"), labels);
  for (guint i = 0; persons != NULL && i < persons->len; i++)
    add_person_terms (terms, persons->pdata[i]);

  if (terms->len == 0)
    return NULL;
  g_ptr_array_sort (terms, compare_terms_cb);
  return g_steal_pointer (&terms);
}

/* Matching */

/* Whether @t's characters match at @p (before @end); *@match_end receives
 * where they end.  Each character of the text is case-folded on its own
 * (it may fold to several: "ß" → "ss") and compared with the folded term;
 * a loose term (a number) lets separators stand between its characters. */
static gboolean
redact_match_at (const char *p, const char *end, const RedactTerm *t, const char **match_end)
{
  glong k = 0;
  const char *q = p;

  while (k < t->len)
    {
      const char *next;
      gunichar c;
      char buf[8];
      g_autofree char *fold = NULL;

      if (q >= end)
        return FALSE;
      c = g_utf8_get_char (q);
      next = g_utf8_next_char (q);
      if ((t->flags & TERM_LOOSE) && k > 0 && is_number_separator (c))
        {
          q = next;
          continue;
        }
      if (c < 0x80)
        {
          /* the common case without an allocation */
          if ((gunichar) g_ascii_tolower ((char) c) != t->chars[k])
            return FALSE;
          k++;
          q = next;
          continue;
        }
      memcpy (buf, q, next - q);
      fold = g_utf8_casefold (buf, next - q);
      for (const char *f = fold; *f != '\0'; f = g_utf8_next_char (f))
        {
          if (k >= t->len || g_utf8_get_char (f) != t->chars[k])
            return FALSE;
          k++;
        }
      q = next;
    }
  *match_end = q;
  return TRUE;
}

/* After a name at @p: white space and a legal form in capitals ("AS"), and
 * where that ends; NULL when there is none. */
static const char *
after_legal_form (const char *p, const char *end)
{
  const char *q = p;

  while (q < end && is_space_char (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  if (q == p)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    {
      gsize n = strlen (legal_forms[i]);

      if ((gsize) (end - q) >= n && strncmp (q, legal_forms[i], n) == 0 &&
          (q + n >= end || !g_ascii_isalnum (q[n]) || q[n] == 's'))
        return q + n;
    }
  return NULL;
}

/* After a name at @p whose last character is @last: a genitive ending
 * followed by the end of the word, and where that ends; NULL when there is
 * none. */
static const char *
after_genitive (const char *p, const char *end, gunichar last)
{
  static const char *const endings[] = { "\xE2\x80\x99s", "\xE2\x80\x99S", "'s", "'S", "s", "S" };
  static const char *const after_sibilant[] = { "\xE2\x80\x99", "'" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize n = strlen (endings[i]);

      if ((gsize) (end - p) >= n && strncmp (p, endings[i], n) == 0 && at_word_end (p + n, end))
        return p + n;
    }
  last = g_unichar_tolower (last);
  if (last == 's' || last == 'x' || last == 'z')
    for (guint i = 0; i < G_N_ELEMENTS (after_sibilant); i++)
      {
        gsize n = strlen (after_sibilant[i]);

        if ((gsize) (end - p) >= n && strncmp (p, after_sibilant[i], n) == 0)
          return p + n;
      }
  return NULL;
}

/* Where a whole-word match of @t at @p ends, with the legal form and the
 * genitive the term allows after it; NULL when @t does not match there. */
static const char *
redact_match_word (const char *p, const char *end, const RedactTerm *t)
{
  const char *stem_end = NULL;
  const char *tails[2] = { NULL, NULL };
  gunichar last;

  if ((t->flags & TERM_CAPITAL) && !g_unichar_isupper (g_utf8_get_char (p)) &&
      !g_unichar_istitle (g_utf8_get_char (p)))
    return NULL;
  if (!redact_match_at (p, end, t, &stem_end))
    return NULL;
  /* longest first: name + legal form, then the name alone */
  if (t->flags & TERM_LEGAL_FORM)
    tails[0] = after_legal_form (stem_end, end);
  tails[1] = stem_end;
  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      const char *q = tails[i];

      if (q == NULL)
        continue;
      last = g_utf8_get_char (g_utf8_prev_char (q));
      if (t->flags & TERM_GENITIVE)
        {
          const char *g = after_genitive (q, end, last);

          if (g != NULL)
            return g;
        }
      if (at_word_end (q, end))
        return q;
    }
  return NULL;
}

static const char *
mark_text (RedactMark mark)
{
  switch (mark)
    {
    case MARK_NAME:
      /* TRANSLATORS: stands for the name of a person behind the applicant
       * in the texts a blind panel reads */
      return _("[name]");
    case MARK_EMAIL:
      /* TRANSLATORS: stands for an applicant's e-mail address in the texts
       * a blind panel reads */
      return _("[e-mail address]");
    case MARK_PHONE:
      /* TRANSLATORS: stands for an applicant's phone number in the texts a
       * blind panel reads */
      return _("[phone number]");
    case MARK_APPLICANT:
    default:
      /* TRANSLATORS: stands for the startup's name, website or organisation
       * number in the texts a blind panel reads */
      return _("[the applicant]");
    }
}

/* @text with every whole-word match of @terms replaced by its mark; NULL
 * when nothing was replaced. */
static char *
redact_text (const char *text, GPtrArray *terms)
{
  g_autofree char *nfc = NULL;
  g_autoptr (GString) out = NULL;
  const char *p, *end;
  gunichar prev = 0;
  gboolean replaced = FALSE;

  if (text == NULL || *text == '\0' || terms == NULL)
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return NULL; /* not UTF-8: cannot happen for a stored record */
  out = g_string_sized_new (strlen (nfc));
  end = nfc + strlen (nfc);
  for (p = nfc; *p != '\0';)
    {
      const char *match_end = NULL;
      const RedactTerm *term = NULL;

      if (!is_word_char (prev))
        for (guint i = 0; i < terms->len && match_end == NULL; i++)
          if ((match_end = redact_match_word (p, end, terms->pdata[i])) != NULL)
            term = terms->pdata[i];
      if (match_end != NULL)
        {
          g_string_append (out, mark_text (term->mark));
          prev = g_utf8_get_char (g_utf8_prev_char (match_end));
          p = match_end;
          replaced = TRUE;
          continue;
        }
      prev = g_utf8_get_char (p);
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return replaced ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* The extra answers */

static gboolean redact_json (JsonNode *node, GPtrArray *terms);

/* @object's members under keys with @terms replaced, in their order; NULL
 * when no key names the applicant.  A key that comes out the same as an
 * earlier one gets a number after it, so no answer is lost. */
static JsonObject *
object_with_redacted_keys (JsonObject *object, GPtrArray *terms)
{
  g_autoptr (JsonObject) copy = json_object_new ();
  g_autoptr (GList) members = json_object_get_members (object);
  gboolean replaced = FALSE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *key = redact_text (l->data, terms);
      g_autofree char *unique = NULL;

      if (key != NULL)
        replaced = TRUE;
      unique = g_strdup (key ? key : l->data);
      for (guint n = 2; json_object_has_member (copy, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s (%u)", key ? key : (const char *) l->data, n);
        }
      json_object_set_member (copy, unique,
                              json_node_copy (json_object_get_member (object, l->data)));
    }
  return replaced ? g_steal_pointer (&copy) : NULL;
}

/* A number in the answers that is a phone or organisation number. */
static gboolean
redact_json_number (JsonNode *node, GPtrArray *terms)
{
  g_autofree char *digits = NULL;
  g_autofree char *text = NULL;

  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  text = redact_text (digits, terms);
  if (text == NULL)
    return FALSE;
  json_node_set_string (node, text);
  return TRUE;
}

/* The keys and string values of a JSON tree (the extra answers), and the
 * numbers among them, redacted in place; TRUE when something was
 * replaced. */
static gboolean
redact_json (JsonNode *node, GPtrArray *terms)
{
  gboolean replaced = FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr (JsonObject) renamed = object_with_redacted_keys (json_node_get_object (node),
                                                                    terms);
        JsonObjectIter iter;
        JsonNode *member;

        if (renamed != NULL)
          {
            json_node_set_object (node, renamed);
            replaced = TRUE;
          }
        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          replaced |= redact_json (member, terms);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          replaced |= redact_json (json_array_get_element (array, i), terms);
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *text = redact_text (json_node_get_string (node), terms);

          if (text != NULL)
            {
              json_node_set_string (node, text);
              replaced = TRUE;
            }
        }
      else
        replaced = redact_json_number (node, terms);
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return replaced;
}

void
_spire_redact_record (SpireRecord *copy, GPtrArray *terms)
{
  static const char *const fields[] = { "title", "pitch", "solution" };
  const char *extra;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = redact_text (spire_record_get_text (copy, fields[i]), terms);

      if (text != NULL)
        spire_record_set_text (copy, fields[i], text);
    }

  extra = spire_record_get_text (copy, "extra");
  if (extra != NULL && *extra != '\0')
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, extra, -1, NULL) &&
          json_parser_get_root (parser) != NULL)
        {
          JsonNode *root = json_parser_get_root (parser);

          if (redact_json (root, terms))
            {
              g_autofree char *json = json_to_string (root, FALSE);

              spire_record_set_text (copy, "extra", json);
            }
        }
      else
        {
          /* not JSON after all (cannot be stored so): hide it rather than leak */
          spire_record_set_null (copy, "extra");
        }
    }
}
