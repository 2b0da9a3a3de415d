/* spire-uuid-set.c — a set of UUIDs in sixteen bytes each
 *
 * The backup's import remembers every UUID the file has so far, to find a
 * record that is in the file twice and to resolve references without
 * asking the database (spire-backup-import.c).  For the xlarge demo that is
 * 3.3 million UUIDs: as strings in a GHashTable they took some 58 bytes
 * each, 190 MiB of the import's 215.  Here a UUID in its usual form (36
 * characters, lower-case hex) is kept as its 16 bytes in an open-addressing
 * table (linear probing, at most 70 % full): about 28 bytes each.  Any
 * other spelling (upper case; the nil UUID, whose bytes mark an empty
 * slot) goes to a plain string set, so that the set tells apart exactly
 * the strings the database does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "spire-exchange"

#include "config.h"

#include <string.h>

#include "spire-uuid-set-private.h"

typedef struct
{
  guint64 hi, lo;
} Key;

struct _SpireUuidSet
{
  Key *slots;        /* {0, 0}: empty */
  gsize mask;        /* capacity - 1 (a power of two) */
  gsize n;           /* keys in slots */
  GHashTable *other; /* strings not in the usual form */
};

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* @uuid as 16 bytes, when it is in the usual form and not nil. */
static gboolean
parse (const char *uuid, Key *key)
{
  guint64 half[2] = { 0, 0 };
  guint digits = 0;

  for (guint i = 0; i < 36; i++)
    {
      int v;

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (uuid[i] != '-')
            return FALSE;
          continue;
        }
      v = hex_value (uuid[i]);
      if (v < 0)
        return FALSE;
      half[digits / 16] = (half[digits / 16] << 4) | (guint64) v;
      digits++;
    }
  if (uuid[36] != '\0' || (half[0] == 0 && half[1] == 0))
    return FALSE;
  key->hi = half[0];
  key->lo = half[1];
  return TRUE;
}

/* splitmix64's finaliser over both halves: UUIDs made in sequence (tests,
 * other tools) differ in a few bits only. */
static gsize
hash (const Key *key)
{
  guint64 x = key->hi ^ (key->lo * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return (gsize) x;
}

/* The slot that holds @key, or the empty one where it would go. */
static Key *
find (const SpireUuidSet *self, const Key *key)
{
  gsize i = hash (key) & self->mask;

  for (;;)
    {
      Key *slot = &self->slots[i];

      if ((slot->hi == 0 && slot->lo == 0) || (slot->hi == key->hi && slot->lo == key->lo))
        return slot;
      i = (i + 1) & self->mask;
    }
}

static void
grow (SpireUuidSet *self)
{
  Key *old = self->slots;
  gsize old_size = self->mask + 1;

  self->mask = old_size * 2 - 1;
  self->slots = g_new0 (Key, self->mask + 1);
  for (gsize i = 0; i < old_size; i++)
    if (old[i].hi != 0 || old[i].lo != 0)
      *find (self, &old[i]) = old[i];
  g_free (old);
}

SpireUuidSet *
_spire_uuid_set_new (void)
{
  SpireUuidSet *self = g_new0 (SpireUuidSet, 1);

  self->mask = 1023;
  self->slots = g_new0 (Key, self->mask + 1);
  self->other = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
_spire_uuid_set_free (SpireUuidSet *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_hash_table_unref (self->other);
  g_free (self);
}

gboolean
_spire_uuid_set_add (SpireUuidSet *self, const char *uuid)
{
  Key key;
  Key *slot;

  if (strlen (uuid) != 36 || !parse (uuid, &key))
    return g_hash_table_add (self->other, g_strdup (uuid));
  slot = find (self, &key);
  if (slot->hi != 0 || slot->lo != 0)
    return FALSE;
  *slot = key;
  if (++self->n * 10 > (self->mask + 1) * 7)
    grow (self);
  return TRUE;
}

gboolean
_spire_uuid_set_contains (const SpireUuidSet *self, const char *uuid)
{
  Key key;
  const Key *slot;

  if (strlen (uuid) != 36 || !parse (uuid, &key))
    return g_hash_table_contains (self->other, uuid);
  slot = find (self, &key);
  return slot->hi != 0 || slot->lo != 0;
}

gsize
_spire_uuid_set_size (const SpireUuidSet *self)
{
  return self->n + g_hash_table_size (self->other);
}
