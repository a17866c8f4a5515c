"""French full-text search for the database backend on PostgreSQL: accents ignored, stemming.

The configuration copies PostgreSQL's ``french`` one (French stemming and stop words) and passes
each word through ``unaccent`` first, so "eglise" finds "Église". SQLite's full-text index
ignores accents already and has no stemming; nothing is done there.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'platform_french') THEN
        CREATE TEXT SEARCH CONFIGURATION platform_french (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION platform_french
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS platform_french;"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_search_entries")]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
