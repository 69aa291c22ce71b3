from django.db import migrations


def install(apps, schema_editor):
    from peerlearn.directory.vocabulary import install

    install(apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
