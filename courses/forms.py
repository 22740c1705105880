import calendar
import re

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.forms import InvitationForm
from core.validators import single_line_text

from .models import Cohort, Participant, default_entry_date
from .partner_names import likely_meant_organisation, split_organisation_names
from .selectors import (
    participant_search,
    participants_visible_to,
    partner_organisation_called,
    partner_organisation_names,
    programmes_visible_to,
    sites_visible_to,
)


class DateInput(forms.DateInput):
    """Typed as DD.MM.YYYY everywhere (browsers' own date pickers show the user's locale instead)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "TT.MM.JJJJ", "inputmode": "numeric", **(attrs or {})}, format="%d.%m.%Y"
        )


_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")


def impossible_date_message(text) -> str | None:
    """For a date written as DD.MM.YYYY whose day or month does not exist ("31.02.1990"), the message that
    says so; None for anything else. The writer used the right format: telling them to write DD.MM.YYYY
    would not help. Forms and the spreadsheet import both say it with this."""
    match = _DAY_MONTH_YEAR.match(str(text))
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 1900  # only to know a leap year; 1900 + yy and 2000 + yy agree except for 00
    if not 1 <= month <= 12:
        return gettext("“%(value)s” is not a date: there is no month %(month)s.") % {
            "value": text.strip(),
            "month": month,
        }
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return None
    return gettext("“%(value)s” is not a date: %(month)s %(year)s has only %(days)s days.") % {
        "value": text.strip(),
        "month": MONTHS[month],
        "year": year,
        "days": last,
    }


class DateField(forms.DateField):
    """A form date (DD.MM.YYYY) that says which part is wrong when the day does not exist in that month."""

    widget = DateInput

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            message = impossible_date_message(value) if isinstance(value, str) else None
            if message:
                raise ValidationError(message, code="invalid") from None
            raise


# The cohort form's funder and partner inputs offer the known organisations' names from this list.
ORGANISATION_NAMES_LIST_ID = "partner-organisation-names"


class CohortForm(forms.ModelForm):
    # Typed as names: an organisation named for the first time is created (courses.services.cohort_create),
    # but a name close to a known one is refused until the user confirms it (a misspelt Jobcenter would
    # be a second organisation whose cohorts the real one's log-ins never see).
    funding_body = forms.CharField(
        label=_("Funding body"),
        max_length=200,
        required=False,
        validators=[single_line_text],
        help_text=_("For example Kreisjobcenter Coesfeld."),
        widget=forms.TextInput(attrs={"list": ORGANISATION_NAMES_LIST_ID}),
    )
    partners = forms.CharField(
        label=_("Partners"),
        max_length=600,
        required=False,
        validators=[single_line_text],
        help_text=_("For example Kommunales Integrationszentrum. Several: separate them with commas."),
        widget=forms.TextInput(attrs={"list": ORGANISATION_NAMES_LIST_ID}),
    )
    # Shown as a checkbox only once a name was refused as close to a known one (or when ticked).
    new_organisation_confirmed = forms.BooleanField(
        label=_("Create the new organisation"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_("Tick only if the name is not a misspelling of a known funding body or partner."),
    )

    class Meta:
        model = Cohort
        fields = [
            "programme",
            "site",
            "number",
            "start_date",
            "end_date",
            "capacity",
            "status",
            "funding_body",
            "measure_number",
            "partners",
            "new_organisation_confirmed",
            "names_visible_to_partners",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        field_classes = {"start_date": DateField, "end_date": DateField}

    field_order = Meta.fields  # the confirmation right below the names it confirms
    organisation_names_list_id = ORGANISATION_NAMES_LIST_ID

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes_visible_to(user)
        self.fields["site"].queryset = sites_visible_to(user)
        if self.instance.pk and not self.is_bound:
            self.initial["funding_body"] = self.instance.funding_body_name
            self.initial["partners"] = self.instance.partner_names
        # Names that will become new organisations when the cohort is saved (the view says so).
        self.new_organisation_names: list[str] = []
        self._organisation_names = None

    @property
    def organisation_names(self) -> list[str]:
        """The known organisations' names, offered by the funder and partner inputs (read once)."""
        if self._organisation_names is None:
            self._organisation_names = partner_organisation_names()
        return self._organisation_names

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must not be before the start date."))
        programme, site = data.get("programme"), data.get("site")
        if programme and site and programme.organisation_id != site.organisation_id:
            self.add_error("site", _("The site must belong to the programme's organisation."))
        self._check_new_organisations(data)
        return data

    def _check_new_organisations(self, data) -> None:
        confirmed = data.get("new_organisation_confirmed", False)
        asked = False
        named = {"funding_body": [], "partners": []}
        if data.get("funding_body", "").strip():
            named["funding_body"] = [" ".join(data["funding_body"].split())]
        if "partners" in data:
            named["partners"] = split_organisation_names(data["partners"])
        for field, names in named.items():
            close = []
            for name in names:
                if partner_organisation_called(name) is not None:
                    continue
                meant = likely_meant_organisation(name, self.organisation_names)
                if meant is not None and not confirmed:
                    close.append((name, meant))
                elif name.casefold() not in (n.casefold() for n in self.new_organisation_names):
                    self.new_organisation_names.append(name)
            if close:
                asked = True
                questions = " ".join(
                    gettext("Did you mean “%(known)s” rather than “%(typed)s”?") % {"known": meant, "typed": name}
                    for name, meant in close
                )
                confirm = ngettext(
                    "If it really is a new organisation, confirm that below.",
                    "If they really are new organisations, confirm that below.",
                    len(close),
                )
                self.add_error(field, f"{questions} {confirm}")
        if asked or confirmed:
            self.fields["new_organisation_confirmed"].widget = forms.CheckboxInput()

    def _post_clean(self):
        # Model validation (including constraints) runs in the service; here only the form's own checks.
        # The confirmation is the form's alone: the service takes the names as given.
        self.cleaned_data.pop("new_organisation_confirmed", None)


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "email",
            "phone",
            "address",
            "german_level",
            "jobcenter_customer_number",
        ]
        widgets = {"date_of_birth": DateInput(), "address": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"date_of_birth": DateField}

    def _post_clean(self):
        pass


_ENTRY_HELP = _(
    "The day the person joins the course: from this day on the registers count them. "
    "Before the start it is the start; in a running course today, unless you write another day."
)


class ExistingParticipantForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Participant"), queryset=None)
    enrolled_on = DateField(label=_("Entry date"), required=False, help_text=_ENTRY_HELP)

    def __init__(self, *args, user, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = (
            participants_visible_to(user)
            .filter(organisation_id=cohort.site.organisation_id)
            .exclude(enrolments__cohort=cohort)
        )


class EnrolNewParticipantForm(ParticipantForm):
    """A new person and their entry date (default: courses.models.default_entry_date)."""

    enrolled_on = DateField(label=_("Entry date"), required=False, help_text=_ENTRY_HELP)

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolled_on"].initial = default_entry_date(cohort)


class EntryDateForm(forms.Form):
    enrolled_on = DateField(label=_("Entry date"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or customer number"), required=False)

    def search(self, qs):
        if self.is_valid() and self.cleaned_data["q"]:
            return participant_search(qs, self.cleaned_data["q"])
        return qs


class WithdrawForm(forms.Form):
    on = DateField(label=_("Withdrawn on"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ParticipantLoginForm(InvitationForm):
    """Invite a participant: staff choose a user name (for a new login) and how the invitation reaches the
    person, never a password."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("The person logs in with it. Letters, digits and @ . + - _ only."),
    )

    field_order = ["username", "delivery"]

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, has_email=bool(participant.email), **kwargs)
        if participant.user_id:
            del self.fields["username"]
