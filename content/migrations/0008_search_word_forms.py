"""Search now stores each word's stems too (party_site.text.word_forms): write the stored forms of
every existing SearchDocument again from its title and text as written."""

from django.db import migrations


def reindex(apps, schema_editor):
    from content.search import document_values, document_vector

    SearchDocument = apps.get_model("content", "SearchDocument")
    for document in SearchDocument.objects.only("pk", "title", "text").iterator(chunk_size=500):
        values = document_values(document.title, document.text)
        SearchDocument.objects.filter(pk=document.pk).update(
            search_title=values["search_title"], search_body=values["search_body"]
        )
    if schema_editor.connection.vendor == "postgresql":
        SearchDocument.objects.update(search_vector=document_vector())


class Migration(migrations.Migration):
    dependencies = [("content", "0007_review_marks")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
