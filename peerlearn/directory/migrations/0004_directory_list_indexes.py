# Indexes for the directory lists at scale (see benchmarks/directory/pages.py):
# pages in name order, the "recently updated" sort, the topic filters, and the
# counts of public profiles.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0003_localgovernment_head_since'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='expertise',
            index=models.Index(fields=['topic', 'person'], name='directory_e_topic_i_3435e4_idx'),
        ),
        migrations.AddIndex(
            model_name='localgovernment',
            index=models.Index(fields=['name', 'id'], name='directory_l_name_f99766_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['name', 'id'], name='directory_p_name_90425f_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['updated_at'], name='directory_p_updated_dcd5f4_idx'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['is_public'], name='directory_p_is_publ_d3829f_idx'),
        ),
    ]
