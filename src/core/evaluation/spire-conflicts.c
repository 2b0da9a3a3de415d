/* spire-conflicts.c — conflicts of interest: declared, detected from
 * contact persons, organisation numbers and e-mail domains, confirmed or
 * dismissed with a reason; a conflict blocks (and removes) assignments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "spire-evaluation-private.h"
#include "spire-job-private.h"

static const char *const public_mail_domains[] = {
  "aol.com", "broadpark.no", "c2i.net", "chello.no", "fastmail.com", "frisurf.no",
  "getmail.no", "gmail.com", "gmx.com", "gmx.net", "googlemail.com", "hey.com", "hotmail.co.uk",
  "hotmail.com", "hotmail.no", "icloud.com", "live.com", "live.no", "lyse.net", "mac.com",
  "mail.com", "me.com", "msn.com", "online.no", "outlook.com", "outlook.no", "pm.me",
  "proton.me", "protonmail.com", "start.no", "tuta.io", "tutanota.com", "yahoo.co.uk",
  "yahoo.com", "yahoo.no", "yandex.com", "ymail.com", "zoho.com",
};

gboolean
spire_email_domain_is_public (const char *domain)
{
  if (domain == NULL || *domain == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (public_mail_domains); i++)
    if (g_ascii_strcasecmp (domain, public_mail_domains[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The lower-case domain of an e-mail address, or NULL. */
static char *
email_domain (const char *email)
{
  const char *at = email ? strrchr (email, '@') : NULL;
  char *domain;

  if (at == NULL || at[1] == '\0')
    return NULL;
  domain = g_ascii_strdown (at + 1, -1);
  g_strstrip (domain);
  if (*domain != '\0' && domain[strlen (domain) - 1] == '.')
    domain[strlen (domain) - 1] = '\0';
  if (*domain == '\0')
    g_clear_pointer (&domain, g_free);
  return domain;
}

/* The lower-case host of a website without "www.", or NULL. */
char *
_spire_website_host (const char *website)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;

  if (website == NULL || *website == '\0')
    return NULL;
  uri = g_uri_parse (website, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_autofree char *with = g_strconcat ("https://", website, NULL);

      g_clear_pointer (&uri, g_uri_unref);
      uri = g_uri_parse (with, G_URI_FLAGS_NONE, NULL);
    }
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;
  if (g_ascii_strncasecmp (host, "www.", 4) == 0)
    host += 4;
  return g_ascii_strdown (host, -1);
}

gboolean
spire_conflict_blocks (SpireStore *store, const char *evaluator_uuid,
                       const char *application_uuid, SpireRecord **conflict_out)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  if (conflict_out)
    *conflict_out = NULL;
  uuid = _spire_query_string (store,
                              "SELECT c.uuid FROM conflicts c, applications a "
                              "WHERE a.uuid = ?2 AND c.evaluator = ?1 AND c.dismissed_at IS NULL "
                              "AND (c.application = a.uuid OR c.startup = a.startup) "
                              "ORDER BY c.confirmed DESC, c.created_at LIMIT 1",
                              2, evaluator_uuid, application_uuid);
  if (uuid == NULL)
    return FALSE;
  if (conflict_out)
    *conflict_out = spire_store_get (store, &spire_kind_conflict, uuid, NULL);
  return TRUE;
}

SpireRecord *
spire_conflict_declare (SpireStore *store, const char *evaluator_uuid,
                        const char *application_uuid, const char *startup_uuid,
                        const char *kind, const char *reason, GError **error)
{
  g_autoptr (SpireRecord) ev = NULL;
  g_autoptr (SpireRecord) conflict = NULL;
  g_autofree char *why = _spire_stripped (reason);

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  if (kind == NULL)
    kind = "other";
  if (!_spire_enum_allowed (&spire_kind_conflict, "kind", kind))
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("“%s” is not a kind of conflict of interest; choose owner, employee, family, "
              "competitor or other."),
            kind);
      return NULL;
    }
  if (application_uuid == NULL && startup_uuid == NULL)
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("Say which application or startup the conflict of interest concerns."));
      return NULL;
    }
  if (_spire_is_blank (why))
    {
      spire_fail (error, SPIRE_ERROR_INVALID,
            _("Write what the conflict of interest is; the reason is kept on record."));
      return NULL;
    }
  ev = _spire_get_record (store, &spire_kind_evaluator, evaluator_uuid, error);
  if (ev == NULL)
    return NULL;
  if (application_uuid != NULL)
    {
      g_autoptr (SpireRecord) app =
          _spire_get_record (store, &spire_kind_application, application_uuid, error);

      if (app == NULL)
        return NULL;
      if (g_strcmp0 (spire_record_get_text (app, "cohort"), spire_record_get_text (ev, "cohort")) !=
          0)
        {
          g_autofree char *name = spire_evaluator_get_name (store, evaluator_uuid);

          spire_fail (error, SPIRE_ERROR_INVALID,
                _("“%s” was sent to another cohort than the one %s is a panel member of."),
                spire_record_get_display_name (app), name);
          return NULL;
        }
      if (startup_uuid != NULL &&
          g_strcmp0 (spire_record_get_text (app, "startup"), startup_uuid) != 0)
        {
          spire_fail (error, SPIRE_ERROR_INVALID,
                _("“%s” was not sent by that startup; name either the application or the "
                  "startup."),
                spire_record_get_display_name (app));
          return NULL;
        }
    }
  else if (!spire_store_exists (store, &spire_kind_startup, startup_uuid))
    {
      g_autofree char *word = spire_kind_word (&spire_kind_startup);

      spire_fail (error, SPIRE_ERROR_NOT_FOUND, _("There is no %s with the UUID %s."), word,
            startup_uuid);
      return NULL;
    }

  conflict = spire_record_new (&spire_kind_conflict);
  spire_record_set_text (conflict, "evaluator", evaluator_uuid);
  spire_record_set_text (conflict, "application", application_uuid);
  spire_record_set_text (conflict, "startup", startup_uuid);
  spire_record_set_text (conflict, "origin", "declared");
  spire_record_set_text (conflict, "kind", kind);
  spire_record_set_text (conflict, "reason", why);
  spire_record_set_bool (conflict, "confirmed", TRUE);

  if (!spire_store_begin (store, error))
    return NULL;
  if (!spire_store_insert (store, conflict, error) ||
      !_spire_delete_blocked_assignments (store, evaluator_uuid, application_uuid, startup_uuid,
                                          error))
    {
      spire_store_rollback (store);
      return NULL;
    }
  if (!spire_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&conflict);
}

typedef struct
{
  char *startup;
  char *startup_name;
  char *what; /* the contact's name or the website */
  char *detail; /* the contact's e-mail or the website host */
} Clue;

static void
clue_free (Clue *c)
{
  g_free (c->startup);
  g_free (c->startup_name);
  g_free (c->what);
  g_free (c->detail);
  g_free (c);
}

static void
add_clue (GHashTable *map, const char *key, const char *startup, const char *startup_name,
          const char *what, const char *detail)
{
  GPtrArray *list;
  Clue *c;

  if (key == NULL || *key == '\0')
    return;
  list = g_hash_table_lookup (map, key);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) clue_free);
      g_hash_table_insert (map, g_strdup (key), list);
    }
  c = g_new0 (Clue, 1);
  c->startup = g_strdup (startup);
  c->startup_name = g_strdup (startup_name);
  c->what = g_strdup (what);
  c->detail = g_strdup (detail);
  g_ptr_array_add (list, c);
}

static char *
pair_key (const char *evaluator, const char *startup)
{
  return g_strconcat (evaluator ? evaluator : "", "|", startup ? startup : "", NULL);
}

/* What detection knows about the cohort: its evaluators, clues by person,
 * organisation number, contact e-mail domain and website host, and the
 * pairs that have a conflict on record already. */
typedef struct
{
  GPtrArray *evaluators;        /* rows: uuid, person, name, email, orgnr */
  GHashTable *by_person;        /* person uuid → clues */
  GHashTable *by_orgnr;         /* orgnr → clues */
  GHashTable *by_contact_domain;
  GHashTable *by_web_domain;
  GHashTable *seen;             /* "evaluator|startup" */
} Detection;

static void
detection_clear (Detection *d)
{
  g_clear_pointer (&d->evaluators, g_ptr_array_unref);
  g_clear_pointer (&d->by_person, g_hash_table_unref);
  g_clear_pointer (&d->by_orgnr, g_hash_table_unref);
  g_clear_pointer (&d->by_contact_domain, g_hash_table_unref);
  g_clear_pointer (&d->by_web_domain, g_hash_table_unref);
  g_clear_pointer (&d->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Detection, detection_clear)

static GHashTable *
clue_map_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

/* Reads the cohort's panel, applicants, their contact persons and the
 * conflicts on record into @d. */
static gboolean
detection_read (SpireStore *store, const char *cohort_uuid, Detection *d, GError **error)
{
  g_autoptr (GPtrArray) startups = NULL;
  g_autoptr (GPtrArray) contacts = NULL;
  g_autoptr (GPtrArray) known = NULL;

  d->evaluators = _spire_store_query (store, error,
                      "SELECT e.uuid, p.uuid, p.name, p.email, p.orgnr FROM evaluators e "
                      "JOIN persons p ON p.uuid = e.person WHERE e.cohort = ? ORDER BY e.uuid",
                      1, cohort_uuid);
  startups = _spire_store_query (store, error,
                    "SELECT s.uuid, s.name, s.orgnr, s.website FROM startups s WHERE s.uuid IN "
                    "(SELECT startup FROM applications WHERE cohort = ?) ORDER BY s.uuid",
                    1, cohort_uuid);
  contacts = _spire_store_query (store, error,
                    "SELECT s.uuid, s.name, p.uuid, p.name, p.email FROM persons p "
                    "JOIN startups s ON s.uuid = p.startup "
                    "WHERE s.uuid IN (SELECT startup FROM applications WHERE cohort = ?1) "
                    "UNION "
                    "SELECT s.uuid, s.name, p.uuid, p.name, p.email FROM applications a "
                    "JOIN startups s ON s.uuid = a.startup JOIN persons p ON p.uuid = a.contact "
                    "WHERE a.cohort = ?1 ORDER BY 1, 3",
                    1, cohort_uuid);
  /* Every conflict on record, dismissed ones too: a pair that has one is
   * never proposed again. */
  known = _spire_store_query (store, error,
                 "SELECT c.evaluator, coalesce (c.startup, a.startup) FROM conflicts c "
                 "JOIN evaluators e ON e.uuid = c.evaluator "
                 "LEFT JOIN applications a ON a.uuid = c.application WHERE e.cohort = ?",
                 1, cohort_uuid);
  if (!d->evaluators || !startups || !contacts || !known)
    return FALSE;

  d->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < known->len; i++)
    g_hash_table_add (d->seen, pair_key (COL (known->pdata[i], 0), COL (known->pdata[i], 1)));

  d->by_person = clue_map_new ();
  d->by_orgnr = clue_map_new ();
  d->by_contact_domain = clue_map_new ();
  d->by_web_domain = clue_map_new ();
  for (guint i = 0; i < startups->len; i++)
    {
      GPtrArray *s = startups->pdata[i];
      g_autofree char *host = _spire_website_host (COL (s, 3));

      add_clue (d->by_orgnr, COL (s, 2), COL (s, 0), COL (s, 1), NULL, COL (s, 2));
      if (host != NULL && !spire_email_domain_is_public (host))
        add_clue (d->by_web_domain, host, COL (s, 0), COL (s, 1), COL (s, 3), host);
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      GPtrArray *c = contacts->pdata[i];
      g_autofree char *domain = email_domain (COL (c, 4));

      add_clue (d->by_person, COL (c, 2), COL (c, 0), COL (c, 1), COL (c, 3), NULL);
      if (domain != NULL && !spire_email_domain_is_public (domain))
        add_clue (d->by_contact_domain, domain, COL (c, 0), COL (c, 1), COL (c, 3), COL (c, 4));
    }
  return TRUE;
}

enum
{
  RULE_CONTACT,
  RULE_ORGNR,
  RULE_CONTACT_DOMAIN,
  RULE_WEB_DOMAIN,
};

/* Why @rule matched evaluator @name (@email) with the startup of @c. */
static char *
detected_reason (int rule, const char *name, const char *email, const Clue *c)
{
  g_autofree char *pretty = NULL;

  switch (rule)
    {
    case RULE_CONTACT:
      return g_strdup_printf (_("%s is registered as a contact person of “%s”."), name,
                              c->startup_name);
    case RULE_ORGNR:
      pretty = spire_format_orgnr (c->detail);
      return g_strdup_printf (_("%s belongs to the organisation with organisation "
                                "number %s, which is “%s” itself."),
                              name, pretty, c->startup_name);
    case RULE_CONTACT_DOMAIN:
      return g_strdup_printf (_("The e-mail address of %s (%s) has the same domain "
                                "as that of %s (%s), a contact person of “%s”."),
                              name, email, c->what, c->detail, c->startup_name);
    default:
      return g_strdup_printf (_("The e-mail address of %s (%s) has the same domain "
                                "as the website of “%s” (%s)."),
                              name, email, c->startup_name, c->what);
    }
}

/* Adds to @found a new detected conflict (not stored yet) per startup that
 * evaluator row @e matches and that has none on record. */
static void
detect_for_evaluator (Detection *d, GPtrArray *e, GPtrArray *found)
{
  const char *ev_uuid = COL (e, 0), *name = COL (e, 2), *email = COL (e, 3);
  g_autofree char *domain = email_domain (email);
  struct
  {
    GHashTable *map;
    const char *key;
    const char *kind;
  } rules[] = {
    [RULE_CONTACT] = { d->by_person, COL (e, 1), "employee" },
    [RULE_ORGNR] = { d->by_orgnr, COL (e, 4), "employee" },
    [RULE_CONTACT_DOMAIN] = { d->by_contact_domain, domain, "other" },
    [RULE_WEB_DOMAIN] = { d->by_web_domain, domain, "other" },
  };

  if (domain != NULL && spire_email_domain_is_public (domain))
    rules[RULE_CONTACT_DOMAIN].key = rules[RULE_WEB_DOMAIN].key = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      GPtrArray *clues = rules[r].key ? g_hash_table_lookup (rules[r].map, rules[r].key) : NULL;

      for (guint j = 0; clues && j < clues->len; j++)
        {
          Clue *c = clues->pdata[j];
          g_autofree char *key = pair_key (ev_uuid, c->startup);
          g_autofree char *reason = NULL;
          SpireRecord *conflict;

          if (g_hash_table_contains (d->seen, key))
            continue;
          reason = detected_reason (r, name, email, c);
          conflict = spire_record_new (&spire_kind_conflict);
          spire_record_set_text (conflict, "evaluator", ev_uuid);
          spire_record_set_text (conflict, "startup", c->startup);
          spire_record_set_text (conflict, "origin", "detected");
          spire_record_set_text (conflict, "kind", rules[r].kind);
          spire_record_set_text (conflict, "reason", reason);
          spire_record_set_bool (conflict, "confirmed", FALSE);
          g_ptr_array_add (found, conflict);
          g_hash_table_add (d->seen, g_steal_pointer (&key));
        }
    }
}

/* Stores the conflicts found and removes the assignments they block, all
 * or nothing. */
static gboolean
store_detected (SpireStore *store, GPtrArray *found, GError **error)
{
  if (!spire_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      SpireRecord *c = found->pdata[i];

      if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
          !_spire_delete_blocked_assignments (store, spire_record_get_text (c, "evaluator"), NULL,
                                              spire_record_get_text (c, "startup"), error))
        {
          spire_store_rollback (store);
          return FALSE;
        }
    }
  return spire_store_commit (store, error);
}

GPtrArray *
spire_conflicts_detect (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_autoptr (SpireRecord) cohort = NULL;
  g_auto (Detection) d = { 0 };
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  cohort = _spire_get_record (store, &spire_kind_cohort, cohort_uuid, error);
  if (cohort == NULL || !detection_read (store, cohort_uuid, &d, error))
    return NULL;

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < d.evaluators->len; i++)
    detect_for_evaluator (&d, d.evaluators->pdata[i], found);

  if (found->len > 0 && !store_detected (store, found, error))
    return NULL;
  return g_steal_pointer (&found);
}

static GPtrArray *
list_conflicts (SpireStore *store, const char *cohort_uuid, gboolean pending_only,
                GError **error)
{
  return _spire_store_query_records (
    store, &spire_kind_conflict, "c", error,
    "FROM conflicts c JOIN evaluators e ON e.uuid = c.evaluator "
    "WHERE e.cohort = ?1 AND (?2 IS NULL OR (c.origin = 'detected' AND c.confirmed = 0 "
    "AND c.dismissed_at IS NULL)) "
    "ORDER BY c.created_at, c.uuid",
    2, cohort_uuid, pending_only ? "1" : NULL);
}

GPtrArray *
spire_conflicts_list_pending (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return list_conflicts (store, cohort_uuid, TRUE, error);
}

GPtrArray *
spire_conflicts_list (SpireStore *store, const char *cohort_uuid, GError **error)
{
  g_return_val_if_fail (SPIRE_IS_STORE (store), NULL);

  return list_conflicts (store, cohort_uuid, FALSE, error);
}

gboolean
spire_conflict_confirm (SpireStore *store, const char *conflict_uuid, GError **error)
{
  g_autoptr (SpireRecord) c = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  c = _spire_get_record (store, &spire_kind_conflict, conflict_uuid, error);
  if (c == NULL)
    return FALSE;
  if (spire_record_get_bool (c, "confirmed"))
    return TRUE;
  if (!spire_record_is_null (c, "dismissed_at"))
    {
      g_autofree char *when = _spire_format_time (spire_record_get_text (c, "dismissed_at"));

      return spire_fail (error, SPIRE_ERROR_INVALID,
                   _("This conflict of interest was dismissed (%s) and stays on record as "
                     "dismissed. If it is a conflict after all, declare it."),
                   when ? when : spire_record_get_text (c, "dismissed_at"));
    }
  spire_record_set_bool (c, "confirmed", TRUE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !_spire_delete_blocked_assignments (store, spire_record_get_text (c, "evaluator"),
                                          spire_record_get_text (c, "application"),
                                          spire_record_get_text (c, "startup"), error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

gboolean
spire_conflict_dismiss (SpireStore *store, const char *conflict_uuid, const char *reason,
                        GError **error)
{
  g_autoptr (SpireRecord) c = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = _spire_stripped (reason);
  g_autofree char *now = NULL;

  g_return_val_if_fail (SPIRE_IS_STORE (store), FALSE);

  c = _spire_get_record (store, &spire_kind_conflict, conflict_uuid, error);
  if (c == NULL)
    return FALSE;
  if (!spire_record_is_null (c, "dismissed_at"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This conflict of interest was dismissed already."));
  if (g_strcmp0 (spire_record_get_text (c, "origin"), "detected") != 0)
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("A declared conflict of interest cannot be dismissed; it stays on record."));
  if (spire_record_get_bool (c, "confirmed"))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("This conflict of interest has been confirmed and stays on record."));
  if (_spire_is_blank (why))
    return spire_fail (error, SPIRE_ERROR_INVALID,
                 _("Write why this is not a conflict of interest; the reason is kept in the "
                   "history."));

  now = spire_now_utc ();
  spire_record_set_text (c, "dismissed_at", now);
  spire_record_set_text (c, "dismissed_by", spire_store_get_actor (store));
  spire_record_set_text (c, "dismiss_reason", why);
  node = spire_record_to_json (c, FALSE);
  after = json_to_string (node, FALSE);
  if (!spire_store_begin (store, error))
    return FALSE;
  if (!spire_store_save (store, c, SPIRE_SAVE_DEFAULT, NULL, error) ||
      !spire_store_audit (store, "conflict", conflict_uuid, "dismiss", NULL, after, error))
    {
      spire_store_rollback (store);
      return FALSE;
    }
  return spire_store_commit (store, error);
}

/* Detection as long work */

static gboolean
detect_job (SpireJob *job, SpireStore *store, gpointer data, gpointer *result, GError **error)
{
  const char *cohort_uuid = data;

  *result = spire_conflicts_detect (store, cohort_uuid, error);
  return *result != NULL;
}

void
spire_conflicts_detect_async (SpireStore *store, const char *cohort_uuid,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (cohort_uuid != NULL);

  _spire_job_run (store, spire_conflicts_detect_async, detect_job, g_strdup (cohort_uuid),
                  g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, NULL, NULL,
                  callback, user_data);
}

GPtrArray *
spire_conflicts_detect_finish (SpireStore *store, GAsyncResult *result, GError **error)
{
  gpointer found = NULL;

  _spire_job_finish (store, result, spire_conflicts_detect_async, &found, error);
  return found;
}
