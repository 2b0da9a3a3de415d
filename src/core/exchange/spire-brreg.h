/* spire-brreg.h — startups and public bodies from Enhetsregisteret
 *
 * Reads JSON as the Brønnøysund Register Centre's open API gives it
 * (https://data.brreg.no/enhetsregisteret/api/enheter): one enhet
 * (…/enheter/{orgnr}), a search result ({"_embedded": {"enheter": […]},
 * "page": …}) or a plain JSON list of enheter.  Each enhet becomes a startup
 * or a public body — created, or updated when one with the same
 * organisasjonsnummer exists — in one transaction with one audit entry
 * (entity "database", action "import-brreg"): all or nothing.
 *
 * What is read: organisasjonsnummer, navn (names the register writes in
 * capitals are written as people do: "NORDLYS TEKNOLOGI AS" → "Nordlys
 * Teknologi AS", "OSLO KOMMUNE" → "Oslo kommune"), organisasjonsform.kode,
 * naeringskode1.kode, antallAnsatte, forretningsadresse.kommunenummer (else
 * postadresse's), stiftelsesdato, hjemmeside ("www.nordlys.no" →
 * "https://www.nordlys.no").  A unit with a slettedato is deleted from the
 * register: it is reported, not imported.  Konkurs, underAvvikling and
 * underTvangsavviklingEllerTvangsopplosning are imported and reported as
 * notes.  A municipality number or web address Spire cannot use (e.g. the
 * number of a municipality merged before 2024) is left out with a note;
 * anything else wrong refuses the whole file, naming the place.
 *
 * An updated startup takes the register's name, form, industry code,
 * employees, municipality and founding date, and its web address when the
 * register has one.  An updated public body keeps its kind (it may have
 * been set by hand, e.g. a city district).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "spire-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* By organisasjonsform: KOMM, FYLK, STAT, ORGL, SF, KF, FKF, HF, IKS are
   * public bodies (see spire_brreg_public_body_kind()), the rest startups. */
  SPIRE_BRREG_AS_AUTO,
  SPIRE_BRREG_AS_STARTUPS,
  SPIRE_BRREG_AS_PUBLIC_BODIES,
} SpireBrregAs;

typedef struct
{
  char *orgnr;   /* 9 digits, as in the file */
  char *name;    /* as Spire writes it */
  char *message; /* one sentence for people (translated), naming the unit */
} SpireBrregNote;

typedef struct
{
  guint created;
  guint updated;
  guint unchanged;     /* found, and the register said nothing new */
  guint startups;      /* of those three, how many are startups … */
  guint public_bodies; /* … and how many public bodies */
  GPtrArray *deleted;  /* SpireBrregNote*: units with a slettedato, not imported */
  GPtrArray *notes;    /* SpireBrregNote*: bankrupt, being wound up, values left out,
                        * a search result with more pages than the file holds */
} SpireBrregStats;

/* Frees what @stats holds and zeroes it. */
void spire_brreg_stats_clear (SpireBrregStats *stats);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpireBrregStats, spire_brreg_stats_clear)

/* The kind of public body ("municipality", "county", "state_agency",
 * "health_trust", "other") an organisasjonsform makes, or NULL when it is
 * not a public body's.  @name helps with organisasjonsledd (ORGL): a
 * "bydel" is a city district, a "fylkeskommune"'s unit a county's, a
 * "kommune"'s a municipality's. */
const char *spire_brreg_public_body_kind (const char *organisasjonsform, const char *name);

/* @stats (may be NULL) must be zeroed or hold an earlier result, which is
 * cleared; it is filled only when the import succeeds.  Errors: SPIRE_ERROR_PARSE (not JSON: line and column),
 * SPIRE_ERROR_FORMAT (a wrong shape: "_embedded.enheter[3].organisasjonsnummer:
 * expected text"), SPIRE_ERROR_INVALID (a value the record rules refuse:
 * "[2].organisasjonsnummer: the check digit is wrong …" in a plain list), store
 * errors.  On any error the database is exactly as before.  @name names the
 * data in messages (NULL: “The file from Enhetsregisteret”). */
gboolean spire_brreg_import_data (SpireStore *store, const char *data, gssize length,
                                  const char *name, SpireBrregAs as, SpireBrregStats *stats,
                                  GError **error);
gboolean spire_brreg_import_file (SpireStore *store, const char *path, SpireBrregAs as,
                                  SpireBrregStats *stats, GError **error);

G_END_DECLS
