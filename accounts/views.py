"""Accepting an invitation (link or printed code), the one helper staff pages use to invite someone, and the page
shown while a log-in is locked out (django-axes calls ``locked_out``, settings.AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from core.dates import short_datetime
from core.exceptions import DomainError
from core.views import ServiceFormMixin, apply_domain_error

from . import emails, services
from .forms import FirstLoginForm
from .models import InvitationDelivery

INVITATION_SESSION_KEY = "_invitation_token"
# Like Django's password reset: the token leaves the address bar (and Referer headers) at the first step.
SET_PASSWORD_URL_TOKEN = "passwort-setzen"
LOGIN_BACKEND = "accounts.backends.AdminModelBackend"


def deliver_invitation(request, invitation, secret: str):
    """Hand a new invitation to its person, for the staff member ``request.user`` (callers created it with
    ``accounts.services.invitation_create`` after checking their permission).

    Returns the printable letter for a printed invitation (its code is shown only this once), or None after
    an e-mail invitation, with a message that says what really happened."""
    user = invitation.user
    organisation_name = invitation.organisation_name
    delivery = invitation.delivery
    if delivery == InvitationDelivery.PRINT:
        response = TemplateResponse(
            request,
            "accounts/invitation_print.html",
            {
                "invitation": invitation,
                "person": user,
                "code": secret,
                "organisation_name": organisation_name,
                "expires": short_datetime(invitation.expires_at),
                "first_login_link": emails.site_link(reverse("accounts:first_login")),
            },
        )
        return response  # no-store: config.middleware.NoStoreMiddleware (a logged-in user's page)
    try:
        emails.send_invitation(invitation, secret)
    except Exception:  # the mail server refused: the invitation exists, but nobody must think it arrived
        messages.error(
            request,
            _("The invitation e-mail to %(address)s could not be sent. Please try again later or print it.")
            % {"address": user.email},
        )
    else:
        messages.success(
            request,
            _("An invitation was sent to %(address)s. The link is valid until %(date)s.")
            % {"address": user.email, "date": short_datetime(invitation.expires_at)},
        )
    return None


def _log_in(request, user) -> None:
    login(request, user, backend=LOGIN_BACKEND)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class InvitationLinkView(View):
    """The link from the e-mail. A valid token moves into the session and the browser goes on to a URL
    without it; then the person chooses their password and is logged in."""

    def get(self, request, pk, token):
        if token == SET_PASSWORD_URL_TOKEN:
            token = request.session.get(INVITATION_SESSION_KEY, "")
            invitation = services.invitation_from_link(invitation_id=pk, token=token)
            if invitation is None:
                return self.invalid()
            return self.form_page(SetPasswordForm(invitation.user), invitation)
        invitation = services.invitation_from_link(invitation_id=pk, token=token)
        if invitation is None:
            return self.invalid()
        request.session[INVITATION_SESSION_KEY] = token
        return redirect("accounts:invitation_link", pk=pk, token=SET_PASSWORD_URL_TOKEN)

    def post(self, request, pk, token):
        if token != SET_PASSWORD_URL_TOKEN:
            return self.invalid()
        invitation = services.invitation_from_link(
            invitation_id=pk, token=request.session.get(INVITATION_SESSION_KEY, "")
        )
        if invitation is None:
            return self.invalid()
        form = SetPasswordForm(invitation.user, request.POST)
        if form.is_valid():
            try:
                user = services.invitation_accept(invitation=invitation, password=form.cleaned_data["new_password1"])
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                request.session.pop(INVITATION_SESSION_KEY, None)
                _log_in(request, user)
                messages.success(request, _("Your password is set. Welcome!"))
                return redirect("home")
        return self.form_page(form, invitation)

    def form_page(self, form, invitation):
        return TemplateResponse(
            self.request, "accounts/invitation_set_password.html", {"form": form, "invitation": invitation}
        )

    def invalid(self):
        return TemplateResponse(self.request, "accounts/invitation_invalid.html", {})


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class FirstLoginView(ServiceFormMixin, FormView):
    """First log-in with the code from a printed invitation."""

    form_class = FirstLoginForm
    template_name = "accounts/first_login.html"

    success_url = reverse_lazy("home")

    def perform(self, form):
        user = services.invitation_redeem_code(
            username=form.cleaned_data["username"],
            code=form.cleaned_data["code"],
            password=form.cleaned_data["new_password1"],
        )
        _log_in(self.request, user)

    success_message = gettext_lazy("Your password is set. Welcome!")


def locked_out(request, original_response=None, credentials=None):
    """Says when to try again. The same page for every user name, known or not, so it tells nothing about
    which accounts exist. A refused attempt during the lockout starts the cool-off again
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so "now + cool-off" is exact."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "retry_at": timezone.localtime(timezone.now() + cool_off),
        "minutes": int(cool_off.total_seconds() // 60),
        "admin_login": request.path.startswith("/admin/"),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
