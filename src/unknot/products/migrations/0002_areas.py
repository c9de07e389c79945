from django.db import migrations


def add_areas(apps, schema_editor):
    from unknot.engine.labels import AREA_LABELS

    Area = apps.get_model("products", "Area")
    for position, (code, label) in enumerate(AREA_LABELS.items()):
        Area.objects.update_or_create(code=code, defaults={"label": label, "position": position})


class Migration(migrations.Migration):
    dependencies = [("products", "0001_initial")]
    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
