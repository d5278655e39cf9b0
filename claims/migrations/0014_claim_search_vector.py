"""Full-text search and lists that don't scan (issue 14).

PostgreSQL only (on SQLite the search takes its portable path, `claims.selectors.search`):
`claims_claim.search`, a tsvector over the claim's text (weight A), its claimant's name (B) and
its article's title (C), kept by triggers — on the claim when its text, claimant or article
changes, on an entity when its name changes, on an article when its title changes — and
GIN-indexed. The column is not a model field: nothing but the search reads it.

Both backends: an index in the claims' default order (most check-worthy, newest first), which the
API's list, its cursor pages and the admin's changelist walk instead of sorting every claim.
"""

from django.db import migrations, models

VECTOR = """
CREATE OR REPLACE FUNCTION claims_claim_search_vector(body text, claimant bigint, article bigint)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(body, '')), 'A')
      || setweight(to_tsvector('english',
           coalesce((SELECT name FROM claims_entity WHERE id = claimant), '')), 'B')
      || setweight(to_tsvector('english',
           coalesce((SELECT title FROM claims_article WHERE id = article), '')), 'C')
$$
"""
CLAIM_TRIGGER = """
CREATE OR REPLACE FUNCTION claims_claim_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := claims_claim_search_vector(NEW.text, NEW.claimant_id, NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER claims_claim_search
  BEFORE INSERT OR UPDATE OF text, claimant_id, article_id ON claims_claim
  FOR EACH ROW EXECUTE FUNCTION claims_claim_search_update();
"""
NAME_TRIGGERS = """
CREATE OR REPLACE FUNCTION claims_entity_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims_claim SET search = claims_claim_search_vector(text, claimant_id, article_id)
   WHERE claimant_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER claims_entity_search
  AFTER UPDATE OF name ON claims_entity
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION claims_entity_search_update();
CREATE OR REPLACE FUNCTION claims_article_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims_claim SET search = claims_claim_search_vector(text, claimant_id, article_id)
   WHERE article_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER claims_article_search
  AFTER UPDATE OF title ON claims_article
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
  EXECUTE FUNCTION claims_article_search_update();
"""
FORWARD = [
    "ALTER TABLE claims_claim ADD COLUMN search tsvector",
    VECTOR,
    CLAIM_TRIGGER,
    NAME_TRIGGERS,
    "UPDATE claims_claim SET search = claims_claim_search_vector(text, claimant_id, article_id)",
    "CREATE INDEX claim_search_idx ON claims_claim USING gin (search)",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS claims_article_search ON claims_article",
    "DROP TRIGGER IF EXISTS claims_entity_search ON claims_entity",
    "DROP TRIGGER IF EXISTS claims_claim_search ON claims_claim",
    "DROP FUNCTION IF EXISTS claims_article_search_update()",
    "DROP FUNCTION IF EXISTS claims_entity_search_update()",
    "DROP FUNCTION IF EXISTS claims_claim_search_update()",
    "DROP FUNCTION IF EXISTS claims_claim_search_vector(text, bigint, bigint)",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_job_worker")]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["-checkworthiness", "-created_at", "-id"], name="claim_default_order_idx"
            ),
        ),
    ]
