"""Each claim's trigrams stored, so that the similar-claim search compares them without
recomputing them (issue 9).

The similar-claim candidate search (`claims.selectors.search`, `workers.gather`) keeps the
candidates whose pg_trgm similarity to the text is at least a threshold. `similarity(a, b)`
builds both strings' trigram sets on every call: 60% of the batch's candidate query, the costliest
statement of the pipeline (docs/scale.md, "Trigram similarity from stored trigrams").
`claims_claim.trigrams` holds the claim text's trigram set as sorted integers (the `intarray`
extension's sort/uniq), kept by a trigger like the search vector (migration 0014), and the
similarity is the same ratio computed from the two sets with intarray's `&` and `icount`:
|A ∩ B| / (|A| + |B| - |A ∩ B|) as float4, exactly pg_trgm's `similarity()` (same trigrams:
`show_trgm`; same arithmetic).

A trigram is three bytes of text: packed into one integer when ASCII; otherwise (pg_trgm shows a
multibyte trigram by a hexadecimal code) 28 bits of its MD5 with bit 28 set, disjoint from the
packed ones. Both are fixed functions of the trigram, unlike `hashtext`, which PostgreSQL does not
promise to keep across major versions: stored sets stay comparable after an upgrade.

The column is not a model field: only the similar-claim search reads it. PostgreSQL only; the
SQLite path has no trigram step.
"""

import importlib

from django.db import migrations

# PostgreSQL-only statements, run as migration 0014 runs its own
search_vector = importlib.import_module("claims.migrations.0014_claim_search_vector")

TRIGRAMS = r"""
CREATE OR REPLACE FUNCTION claims_text_trigrams(body text)
RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(uniq(sort(array_agg(
    CASE WHEN octet_length(t) = 3
      THEN (ascii(t) << 16) | (ascii(substr(t, 2, 1)) << 8) | ascii(substr(t, 3, 1))
      ELSE ('x' || substr(md5(t), 1, 7))::bit(28)::int | (1 << 28) END
  ))), '{}')
  FROM unnest(show_trgm(coalesce(body, ''))) AS t
$$
"""
TRIGGER = """
CREATE OR REPLACE FUNCTION claims_claim_trigrams_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.trigrams := claims_text_trigrams(NEW.text);
  RETURN NEW;
END $$;
CREATE TRIGGER claims_claim_trigrams
  BEFORE INSERT OR UPDATE OF text ON claims_claim
  FOR EACH ROW EXECUTE FUNCTION claims_claim_trigrams_update();
"""
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS intarray",
    "ALTER TABLE claims_claim ADD COLUMN trigrams int[]",
    TRIGRAMS,
    TRIGGER,
    "UPDATE claims_claim SET trigrams = claims_text_trigrams(text)",
    # The update wrote a new version of every claim and, the rows being full, an entry for it in
    # every index: rebuilt, they are their size before it (at 100,000 claims the full-text index
    # was 15 MB after such a rewrite, 4.4 MB rebuilt, and the candidate search reads it).
    "REINDEX TABLE claims_claim",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS claims_claim_trigrams ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_claim_trigrams_update()",
    "DROP FUNCTION IF EXISTS claims_text_trigrams(text)",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS trigrams",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0019_quantity_unit_value_index")]

    operations = [
        migrations.RunPython(search_vector.run(FORWARD), search_vector.run(BACKWARD)),
    ]
