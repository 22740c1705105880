"""The start page. It lives here, above every app, because it shows a part from each of them per role."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from courses import selectors as course_selectors
from placements.selectors import facilities_visible_to

START_PAGE_COHORTS = 10


class HomeView(LoginRequiredMixin, TemplateView):
    """One start page per role; each role's part comes from its app's selectors."""

    def get_template_names(self):
        user = self.request.user
        if user.is_superuser or user.is_programme_staff:
            return ["home/staff.html"]
        if user.is_supervisor:
            return ["home/supervisor.html"]
        if user.is_participant:
            return ["home/participant.html"]
        return ["home/no_role.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_superuser or user.is_programme_staff:
            # A large provider runs hundreds of cohorts: the start page shows the next ten of each kind
            # and links to the filtered list for the rest.
            for status in ("running", "planned"):
                cohorts = course_selectors.cohorts_visible_to(user).filter(status=status)
                context[f"{status}_cohorts"] = course_selectors.with_place_counts(cohorts).order_by(
                    "start_date", "number", "pk"
                )[:START_PAGE_COHORTS]
                context[f"{status}_total"] = cohorts.count()
        elif user.is_supervisor:
            context["facilities"] = facilities_visible_to(user)
        elif user.is_participant:
            participant = course_selectors.own_participant(user)
            context["participant"] = participant
            context["enrolments"] = course_selectors.enrolments_of_participant(participant) if participant else []
        return context
