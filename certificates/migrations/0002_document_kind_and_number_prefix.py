from django.db import migrations, models


def prefix_from_number(apps, schema_editor):
    """IB-2026-0007 -> IB (the prefix may itself contain dashes: the year and sequence are the last two parts)."""
    Certificate = apps.get_model("certificates", "Certificate")
    for certificate in Certificate.objects.only("pk", "number").iterator():
        Certificate.objects.filter(pk=certificate.pk).update(prefix=certificate.number.rsplit("-", 2)[0])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="kind",
            field=models.CharField(
                choices=[("certificate", "Certificate"), ("attendance", "Certificate of attendance")],
                default="certificate",
                max_length=20,
                verbose_name="kind of document",
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="prefix",
            field=models.CharField(default="", max_length=10, verbose_name="prefix"),
            preserve_default=False,
        ),
        migrations.RunPython(prefix_from_number, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="certificate", name="certificate_one_valid_per_enrolment"),
        migrations.RemoveConstraint(model_name="certificate", name="certificate_unique_sequence"),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "valid")),
                fields=("enrolment", "kind"),
                name="certificate_one_valid_per_enrolment_kind",
                violation_error_message="This participant already has a valid document of this kind.",
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.UniqueConstraint(
                fields=("prefix", "year", "sequence"), name="certificate_unique_sequence_prefix"
            ),
        ),
    ]
