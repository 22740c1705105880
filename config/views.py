"""The start page. It lives here, above every app, because it shows a part from each of them per role."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from courses import selectors as course_selectors
from courses import services as course_services
from placements.selectors import facilities_visible_to

START_PAGE_COHORTS = 10
PARTNER_START_PAGE = "start page"


class HomeView(LoginRequiredMixin, TemplateView):
    """One start page per role; which one is decided by rules (the first of ``START_PAGES`` the user has),
    each role's part comes from its app's selectors. A superuser has every permission: the staff page."""

    START_PAGES = (
        ("courses.view_staff_home", "home/staff.html", "staff_context"),
        ("courses.view_partner_home", "home/partner.html", "partner_context"),
        ("courses.view_supervisor_home", "home/supervisor.html", "supervisor_context"),
        ("courses.view_participant_home", "home/participant.html", "participant_context"),
    )

    def start_page(self) -> tuple[str, str | None]:
        user = self.request.user
        for permission, template, context_method in self.START_PAGES:
            if user.has_perm(permission):
                return template, context_method
        return "home/no_role.html", None

    def get_template_names(self):
        return [self.start_page()[0]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context_method = self.start_page()[1]
        if context_method:
            context.update(getattr(self, context_method)(self.request.user))
        return context

    def staff_context(self, user) -> dict:
        # A large provider runs hundreds of cohorts: the start page shows the next ten of each kind and links
        # to the filtered list for the rest.
        context = {}
        for status in ("running", "planned"):
            cohorts = course_selectors.cohorts_visible_to(user).filter(status=status)
            context[f"{status}_cohorts"] = course_selectors.with_place_counts(cohorts).order_by(
                "start_date", "number", "pk"
            )[:START_PAGE_COHORTS]
            context[f"{status}_total"] = cohorts.count()
        return context

    def partner_context(self, user) -> dict:
        course_services.record_partner_access(user=user, action=PARTNER_START_PAGE)
        cohorts = course_selectors.cohorts_in_reports_visible_to(user)
        return {
            "partner_organisations": course_selectors.own_partner_organisations(user),
            "report_cohorts": cohorts.order_by("-start_date", "number", "pk")[:START_PAGE_COHORTS],
            "report_total": cohorts.count(),
        }

    def supervisor_context(self, user) -> dict:
        return {"facilities": facilities_visible_to(user)}

    def participant_context(self, user) -> dict:
        participant = course_selectors.own_participant(user)
        return {
            "participant": participant,
            "enrolments": course_selectors.enrolments_of_participant(participant) if participant else [],
        }
