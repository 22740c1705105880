"""The start page. It lives here, above every app, because it shows a part from each of them per role."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from courses import selectors as course_selectors
from placements.selectors import facilities_visible_to


class HomeView(LoginRequiredMixin, TemplateView):
    """One start page per role; each role's part comes from its own course_selectors."""

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
            context["running_cohorts"] = course_selectors.with_place_counts(
                course_selectors.cohorts_visible_to(user).filter(status="running")
            ).order_by("start_date")
            context["planned_cohorts"] = course_selectors.with_place_counts(
                course_selectors.cohorts_visible_to(user).filter(status="planned")
            ).order_by("start_date")
        elif user.is_supervisor:
            context["facilities"] = facilities_visible_to(user)
        elif user.is_participant:
            participant = course_selectors.own_participant(user)
            context["participant"] = participant
            context["enrolments"] = course_selectors.enrolments_of_participant(participant) if participant else []
        return context
