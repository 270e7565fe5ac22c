"""On PostgreSQL, a GIN index over the stored search vectors (SQLite searches the padded text)."""

from django.db import migrations

INDEX = "content_searchdocument_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON content_searchdocument USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("content", "0002_posts")]

    operations = [migrations.RunPython(create_index, drop_index)]
