from django.db import migrations


def add_tags(apps, schema_editor):
    from unknot.guides.tags import all_tags

    Tag = apps.get_model("guides", "Tag")
    for slug, kind, code, label in all_tags():
        Tag.objects.update_or_create(kind=kind, code=code, defaults={"slug": slug, "label": label})


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]
    operations = [migrations.RunPython(add_tags, migrations.RunPython.noop)]
