"""The cohort's funder and partners become organisations (their members log in with the partner role), and
every page or export a partner opens is recorded. The old free texts turn into organisations: one per
distinct name, the partners' text split on commas, semicolons and "und"."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.validators
from courses.partner_names import split_organisation_names


def texts_to_organisations(apps, schema_editor):
    Cohort = apps.get_model("courses", "Cohort")
    PartnerOrganisation = apps.get_model("courses", "PartnerOrganisation")
    by_name = {}

    def organisation(name):
        if name not in by_name:
            by_name[name] = PartnerOrganisation.objects.get_or_create(name=name[:200])[0]
        return by_name[name]

    for cohort in Cohort.objects.exclude(funding_body_text="", partners_text="").iterator():
        if cohort.funding_body_text.strip():
            # The funder is one body even when its name has "und" in it: only spaces are tidied.
            cohort.funding_body = organisation(" ".join(cohort.funding_body_text.split()))
            cohort.save(update_fields=["funding_body"])
        partners = [organisation(name) for name in split_organisation_names(cohort.partners_text)]
        if partners:
            cohort.partners.add(*partners)
    if schema_editor.connection.vendor == "postgresql":
        # The columns dropped next belong to rows just written; PostgreSQL refuses to alter a table with
        # deferred foreign-key checks still pending in the transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def organisations_to_texts(apps, schema_editor):
    Cohort = apps.get_model("courses", "Cohort")
    for cohort in Cohort.objects.select_related("funding_body").prefetch_related("partners").iterator(chunk_size=500):
        cohort.funding_body_text = cohort.funding_body.name if cohort.funding_body_id else ""
        cohort.partners_text = ", ".join(sorted(p.name for p in cohort.partners.all()))[:300]
        cohort.save(update_fields=["funding_body_text", "partners_text"])
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_visible_text_and_protected_authors"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PartnerOrganisation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        max_length=200,
                        unique=True,
                        validators=[core.validators.single_line_text],
                        verbose_name="name",
                    ),
                ),
                (
                    "members",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Log-ins with the partner role who see this organisation's cohorts.",
                        related_name="partner_organisations",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="members",
                    ),
                ),
            ],
            options={
                "verbose_name": "funding or partner organisation",
                "verbose_name_plural": "funding and partner organisations",
                "ordering": ["name"],
            },
        ),
        migrations.RenameField(model_name="cohort", old_name="funding_body", new_name="funding_body_text"),
        migrations.RenameField(model_name="cohort", old_name="partners", new_name="partners_text"),
        migrations.AddField(
            model_name="cohort",
            name="funding_body",
            field=models.ForeignKey(
                blank=True,
                help_text="For example Kreisjobcenter Coesfeld.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="funded_cohorts",
                to="courses.partnerorganisation",
                verbose_name="funding body",
            ),
        ),
        migrations.AddField(
            model_name="cohort",
            name="partners",
            field=models.ManyToManyField(
                blank=True,
                help_text="For example Kommunales Integrationszentrum.",
                related_name="partnered_cohorts",
                to="courses.partnerorganisation",
                verbose_name="partners",
            ),
        ),
        migrations.AddField(
            model_name="cohort",
            name="names_visible_to_partners",
            field=models.BooleanField(
                default=False,
                help_text="Off: the funder's and partners' log-ins see customer numbers instead of names (§78 SGB X).",
                verbose_name="names shown to funder and partners",
            ),
        ),
        migrations.RunPython(texts_to_organisations, organisations_to_texts),
        migrations.RemoveField(model_name="cohort", name="funding_body_text"),
        migrations.RemoveField(model_name="cohort", name="partners_text"),
        migrations.CreateModel(
            name="PartnerAccess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("organisation_name", models.CharField(blank=True, max_length=200, verbose_name="organisation")),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="at")),
                ("action", models.CharField(max_length=100, verbose_name="page or export")),
                ("detail", models.CharField(blank=True, max_length=300, verbose_name="detail")),
                (
                    "names_shown",
                    models.BooleanField(default=False, verbose_name="names were shown"),
                ),
                (
                    "cohort",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="partner_accesses",
                        to="courses.cohort",
                        verbose_name="cohort",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="partner_accesses",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="log-in",
                    ),
                ),
            ],
            options={
                "verbose_name": "partner access",
                "verbose_name_plural": "partner accesses",
                "ordering": ["-at", "-id"],
                "indexes": [
                    models.Index(fields=["cohort", "at"], name="partner_access_cohort_at"),
                    models.Index(fields=["user", "at"], name="partner_access_user_at"),
                ],
            },
        ),
    ]
