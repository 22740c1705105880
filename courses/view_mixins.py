"""The URL's cohort or enrolment, read once with what headers and breadcrumbs need; used by the views of
every app that works on a cohort or an enrolment (teaching, certificates, enrolment itself)."""

from core.views import ObjectPermissionMixin

from .models import Cohort, Enrolment


class CohortObjectMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return Cohort.objects.select_related("programme", "site", "site__organisation")

    @property
    def cohort(self) -> Cohort:
        return self.get_permission_object()


class EnrolmentObjectMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return Enrolment.objects.select_related(
            "participant", "cohort", "cohort__programme", "cohort__site", "cohort__site__organisation"
        )

    @property
    def enrolment(self) -> Enrolment:
        return self.get_permission_object()
