"""django-import-export resources: the participant import (staff pages and admin) and the exports.

The participant import is built for speed on lists of thousands of rows without giving up a rule:
- known people are found by one matcher that loads every candidate in a few queries (no query per row);
- rows are collected and written with ``bulk_create``/``bulk_update`` (``use_bulk``), no row diff is built
  (``skip_diff``), and a preview (``dry_run``) writes nothing at all;
- the places are checked, locked and written by ``courses.services.BulkEnrolment``, which applies the
  enrolment rules of ``courses.enrolment_rules`` (finished or full cohort, already or formerly enrolled,
  overlapping active enrolments) set-wise, row by row as ``enrolment_create`` would one after another;
  the people's own rules (same person twice, turning one record into another) are checked here.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.base import ModelState
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.instance_loaders import BaseInstanceLoader

from core.bulk import insert_rows, lookup_chunks
from core.dates import short_date, short_time
from core.text import clean_name, fold
from courses.forms import impossible_date_message
from courses.models import Cohort, Enrolment, FacilityType, Organisation, Participant
from courses.services import PARTICIPANT_FIELDS, BulkEnrolment
from placements.models import Facility

from .reading import (
    _ALIAS_TO_KEY,
    PARTICIPANT_COLUMNS,
    REQUIRED_COLUMNS,
    cell_text,
    header_key,
    parse_date,
    parse_german_level,
)

# The columns besides name and date of birth that the preview shows per row, in this order.
_SHOWN_COLUMNS = ("jobcenter_customer_number", "email", "phone", "address", "german_level")
CHUNK = 2000  # keeps IN (...) lists below SQLite's limit of bound parameters


_KEYS: dict[tuple[str, str], str] = {}


def _person_key(family: str, given: str) -> str:
    """Participant.name_key for a name as typed; remembered, as each row needs it three times."""
    key = _KEYS.get((family, given))
    if key is None:
        if len(_KEYS) > 100_000:
            _KEYS.clear()
        key = _KEYS[(family, given)] = f"{fold(clean_name(family))} {fold(clean_name(given))}"
    return key


def _copy_instance(instance: Participant) -> Participant:
    """A shallow copy with its own ModelState; a fifth of copy.copy(), which pickles its way through
    Model.__reduce__ and __getstate__."""
    new = Participant.__new__(Participant)
    new.__dict__.update(instance.__dict__)
    state = new._state = ModelState()
    state.db = instance._state.db
    state.adding = instance._state.adding
    return new


class TextWidget(widgets.Widget):
    """Trimmed text; number cells such as a customer number lose Excel's ".0"."""

    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class GermanDateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        try:
            return parse_date(value)
        except ValueError:
            # "31.02.1990" is written correctly but does not exist: say that, not how to write a date.
            message = impossible_date_message(value) if isinstance(value, str) else None
            if message:
                raise ValueError(message) from None
            raise

    def render(self, value, obj=None, **kwargs):
        return short_date(value)


class GermanLevelWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_german_level(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class ParticipantMatcher(BaseInstanceLoader):
    """Finds the known person for each row: same customer number within the organisation, else same
    folded name and date of birth. Loads all candidates for the whole file up front."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.by_number: dict[str, Participant] = {}
        self.by_person: dict[tuple[str, datetime.date], Participant] = {}
        self.originals: dict[int, tuple] = {}
        organisation = resource.organisation
        if organisation is None or dataset is None or not len(dataset):
            return
        headers = dataset.headers or []
        numbers = set()
        if "jobcenter_customer_number" in headers:
            numbers = {cell_text(v) for v in dataset["jobcenter_customer_number"]} - {""}
        keys = set()
        if "family_name" in headers and "given_name" in headers:
            keys = {
                _person_key(cell_text(f), cell_text(g))
                for f, g in zip(dataset["family_name"], dataset["given_name"], strict=True)
            }
        base = Participant.objects.filter(organisation=organisation).order_by("pk")
        if resource.places is not None:  # locked with the cohort's places when the import writes them
            base = resource.places.people(base)
        elif resource.lock:  # an import without a cohort (admin) still updates them
            base = base.select_for_update()
        found: dict[int, Participant] = {}
        for values, lookup in (
            (sorted(numbers), "jobcenter_customer_number__any_of"),
            (sorted(keys), "name_key__any_of"),
        ):
            for chunk in lookup_chunks(values, size=CHUNK):
                for participant in base.filter(**{lookup: chunk}):
                    found[participant.pk] = participant
        for participant in sorted(found.values(), key=lambda p: p.pk):
            if participant.jobcenter_customer_number:
                self.by_number.setdefault(participant.jobcenter_customer_number, participant)
            self.by_person.setdefault((participant.name_key, participant.date_of_birth), participant)
            self.originals[participant.pk] = tuple(getattr(participant, f) for f in PARTICIPANT_FIELDS)
        if resource.places is not None:
            resource.places.load(found.keys())

    def get_instance(self, row):
        number = cell_text(row.get("jobcenter_customer_number"))
        match = self.by_number.get(number) if number else None
        if match is None:
            try:
                born = parse_date(row.get("date_of_birth"))
            except ValueError:
                born = None
            key = _person_key(cell_text(row.get("family_name")), cell_text(row.get("given_name")))
            match = self.by_person.get((key, born))
        # A copy, so a rejected row never changes the object another row is about to save.
        return _copy_instance(match) if match is not None else None


class ParticipantResource(resources.ModelResource):
    """Participants with enrolment into one cohort (staff pages) or without (admin, per organisation)."""

    family_name = fields.Field(attribute="family_name", column_name="family_name", widget=TextWidget())
    given_name = fields.Field(attribute="given_name", column_name="given_name", widget=TextWidget())
    date_of_birth = fields.Field(attribute="date_of_birth", column_name="date_of_birth", widget=GermanDateWidget())
    jobcenter_customer_number = fields.Field(
        attribute="jobcenter_customer_number", column_name="jobcenter_customer_number", widget=TextWidget()
    )
    email = fields.Field(attribute="email", column_name="email", widget=TextWidget())
    phone = fields.Field(attribute="phone", column_name="phone", widget=TextWidget())
    address = fields.Field(attribute="address", column_name="address", widget=TextWidget())
    german_level = fields.Field(attribute="german_level", column_name="german_level", widget=GermanLevelWidget())

    class Meta:
        model = Participant
        fields = tuple(PARTICIPANT_COLUMNS)
        import_order = tuple(PARTICIPANT_COLUMNS)
        export_order = tuple(PARTICIPANT_COLUMNS)
        # The required columns; which person a row means is decided by ParticipantMatcher.
        import_id_fields = ("family_name", "given_name", "date_of_birth")
        instance_loader_class = ParticipantMatcher
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        report_skipped = True
        clean_model_instances = False  # validated in check_row without the per-row unique queries

    def __init__(
        self,
        *,
        organisation: Organisation | None = None,
        cohort: Cohort | None = None,
        by=None,
        sheet_rows: list[int] | None = None,
        lock: bool = False,
        enrolled_on: datetime.date | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.cohort = cohort
        self.enrolled_on = enrolled_on
        self.organisation = cohort.site.organisation if cohort is not None else organisation
        self.by = by
        self.sheet_rows = sheet_rows
        self.lock = lock
        self.outcomes: dict[int, dict] = {}
        self.places: BulkEnrolment | None = None
        self.matcher: ParticipantMatcher | None = None
        self._columns = None
        self._blank = None
        self._model_fields = [Participant._meta.get_field(name) for name in PARTICIPANT_FIELDS]

    # --- reading the file -------------------------------------------------------------------------------

    def get_export_headers(self, selected_fields=None):
        return [str(PARTICIPANT_COLUMNS[f.column_name]) for f in self.get_export_fields(selected_fields) if f]

    def sheet_row(self, number: int) -> int:
        if self.sheet_rows is not None:
            return self.sheet_rows[number - 1]
        return number + 1  # header in row 1, no blank lines (files from the admin)

    def before_import(self, dataset, **kwargs):
        if self.organisation is None:
            raise ValueError(_("Choose the organisation the participants belong to."))
        # Files from the admin arrive with the spreadsheet's own headers: map them like the staff pages do.
        if dataset.headers and any(h not in PARTICIPANT_COLUMNS for h in dataset.headers):
            mapped = [_ALIAS_TO_KEY.get(header_key(h), f"ignored:{h}") for h in dataset.headers]
            dataset.headers = mapped
        missing = [k for k in REQUIRED_COLUMNS if k not in (dataset.headers or [])]
        if missing:
            raise ValueError(
                _("Missing columns: %(missing)s.")
                % {"missing": ", ".join(str(PARTICIPANT_COLUMNS[k]) for k in missing)}
            )
        self.seen_numbers: dict[str, int] = {}
        self.seen_people: dict[tuple, int] = {}
        if self.cohort is not None:
            # The cohort is locked (and its places read) before the people (ParticipantMatcher), in
            # enrolment_create's order.
            self.places = BulkEnrolment(cohort=self.cohort, by=self.by, enrolled_on=self.enrolled_on, lock=self.lock)
            self.cohort = self.places.cohort

    # --- one row ----------------------------------------------------------------------------------------

    def init_instance(self, row=None):
        # Copying a blank instance costs a tenth of Participant(...) with its signals and field defaults.
        if self._blank is None:
            self._blank = Participant(organisation_id=self.organisation.pk)
        return _copy_instance(self._blank)

    def import_instance(self, instance, row, **kwargs):
        """Each field through its widget, as import_export does, but without its per-field indirections
        (a third of the time on 10,000 rows); then the rules of the domain."""
        errors = {}
        if self._columns is None:
            self._columns = [(f.attribute, f.column_name, f.widget) for f in self.get_import_fields()]
            self._present = {attribute for attribute, column, _widget in self._columns if column in row}
        known = instance.pk is not None
        for attribute, column, widget in self._columns:
            if column not in row:
                continue
            value = row[column]
            # An empty cell does not erase what is known about a person already recorded.
            if known and (value is None or value == ""):
                continue
            try:
                setattr(instance, attribute, widget.clean(value, row=row))
            except ValueError as error:
                errors[attribute] = [str(error)]
        number = kwargs.get("row_number")
        state = {"row": self.sheet_row(number), "changes": [], "place": ""}
        self.outcomes[number] = state
        instance.name_key = _person_key(instance.family_name, instance.given_name)
        instance.given_name = clean_name(instance.given_name)
        instance.family_name = clean_name(instance.family_name)
        state["name"] = f"{instance.family_name}, {instance.given_name}".strip(", ")
        state["born"] = short_date(instance.date_of_birth) if isinstance(instance.date_of_birth, datetime.date) else ""
        # Every other imported column as it will be saved, so staff can check it before confirming.
        state["values"] = [
            (key, value)
            for key, value in ((key, getattr(instance, key, "")) for key in _SHOWN_COLUMNS if key in self._present)
            if value not in (None, "") and key not in errors
        ]
        self.check_row(instance, state, errors)
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance: Participant, state: dict, errors: dict) -> None:
        """The rules of participant_create/participant_update and enrolment_create for one row."""
        # Model.clean_fields() for the imported fields, without walking the others (a tenth of the time).
        for model_field in self._model_fields:
            if model_field.name in errors:
                continue
            raw = getattr(instance, model_field.attname)
            if model_field.blank and raw in model_field.empty_values:
                continue
            try:
                setattr(instance, model_field.attname, model_field.clean(raw, instance))
            except ValidationError as error:
                errors[model_field.name] = error.error_list
        if "date_of_birth" not in errors:
            try:
                instance.clean()
            except ValidationError as error:
                errors.update(error.update_error_dict({}))
        number_field = instance.jobcenter_customer_number
        person = (instance.name_key, instance.date_of_birth)
        # The same person twice in one file: the second row would overwrite the first.
        first = self.seen_numbers.get(number_field) if number_field else None
        if first is None and instance.date_of_birth and instance.name_key.strip():
            first = self.seen_people.get(person)
        if first is not None:
            errors.setdefault("__all__", []).append(
                _("This person is already in row %(row)d of the file.") % {"row": first}
            )
        else:
            if number_field:
                self.seen_numbers[number_field] = state["row"]
            if instance.date_of_birth:
                self.seen_people[person] = state["row"]
        if errors:
            return
        matcher_twin = self.matcher.by_person.get(person) if self.matcher else None
        if matcher_twin is not None and matcher_twin.pk != instance.pk:
            # participant_update refuses turning one record into a copy of another person.
            errors["__all__"] = [
                _("%(name)s, born %(date)s, is already recorded. Enrol the existing person instead.")
                % {"name": matcher_twin.full_name, "date": short_date(matcher_twin.date_of_birth)}
            ]
            return
        if instance.pk is not None:
            original = dict(zip(PARTICIPANT_FIELDS, self.matcher.originals[instance.pk], strict=True))
            state["changes"] = [f for f in PARTICIPANT_FIELDS if getattr(instance, f) != original[f]]
        if self.places is None:
            return
        # Importing the same list again is not an error: whoever is enrolled already keeps the place.
        state["place"], message = self.places.check(instance)
        if message:
            errors["__all__"] = [message]

    def import_row(self, row, instance_loader, **kwargs):
        self.matcher = instance_loader
        self.current_row = kwargs.get("row_number")
        return super().import_row(row, instance_loader, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or instance.pk is None:
            return False
        state = self.outcomes[self.current_row]
        return not state["changes"] and state["place"] != "new"

    def get_bulk_update_fields(self):
        return [*PARTICIPANT_FIELDS, "name_key"]

    # --- writing ----------------------------------------------------------------------------------------

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:  # the preview writes nothing, not even inside a rolled-back transaction
            self.create_instances.clear()
            return
        try:
            self.insert_new_people(self.create_instances)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            self.create_instances.clear()

    def insert_new_people(self, people: list[Participant]) -> None:
        """The new people in one plain INSERT (core.bulk), as bulk_create would write them but in a third
        of the time; each gets its primary key back for its enrolment. Every value was cleaned and
        normalised as Participant.save() does it (import_instance, check_row)."""
        if not people:
            return
        now = timezone.now()
        names = ["organisation", *PARTICIPANT_FIELDS, "name_key", "created_at"]
        attributes = ["organisation_id", *PARTICIPANT_FIELDS, "name_key"]
        returned = insert_rows(
            Participant,
            names,
            ([*(getattr(person, a) for a in attributes), now] for person in people),
            returning=("id", "name_key", "date_of_birth"),
        )
        # Rows come back in no promised order; within a file each new person is unique by name and date
        # of birth (check_row refuses the second row), so that key finds each one's new primary key.
        by_person = {(person.name_key, person.date_of_birth): person for person in people}
        if len(by_person) != len(people) or len(returned) != len(people):
            raise RuntimeError("new participants of one import must be unique by name and date of birth")
        database = connection.alias
        for pk, name_key, born in returned:
            person = by_person[(name_key, born)]
            person.pk = pk
            person.created_at = now
            person._state.adding = False
            person._state.db = database

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if dry_run:
            self.update_instances.clear()
            return
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)

    def after_import(self, dataset, result, **kwargs):
        if kwargs.get("dry_run") or self.places is None or result.has_errors():
            return
        # The new people have their primary keys now (insert_new_people): their places can be written.
        self.places.write()

    # --- what the preview shows ----------------------------------------------------------------------

    def row_outcomes(self, result) -> list[dict]:
        """One plain dict per data row, in file order, for the preview page and the import record."""
        labels = {key: str(label) for key, label in PARTICIPANT_COLUMNS.items()}
        outcomes = []
        for number, row_result in enumerate(result.rows, start=1):
            state = self.outcomes.get(number) or {"row": self.sheet_row(number), "name": "", "born": ""}
            kind = row_result.import_type
            messages = []
            if row_result.validation_error is not None:
                error = row_result.validation_error
                for key, problems in getattr(error, "message_dict", {"__all__": error.messages}).items():
                    for problem in problems:
                        if key in labels:
                            messages.append(f"{labels[key]}: {problem}")
                        else:
                            messages.append(problem)
            for error in row_result.errors:
                messages.append(_("This row could not be read: %(reason)s") % {"reason": error.error})
            status = {
                "new": "new",
                "update": "updated",
                "skip": "unchanged",
            }.get(kind, "error")
            outcomes.append(
                {
                    "row": state["row"],
                    "status": status,
                    "name": state.get("name", ""),
                    "born": state.get("born", ""),
                    "changes": [labels[c] for c in state.get("changes", [])] if status == "updated" else [],
                    "shown": [[labels[key], str(value)] for key, value in state.get("values", [])],
                    "place": state.get("place", "") if status != "error" else "",
                    "messages": messages,
                }
            )
        return outcomes


# --- exports ------------------------------------------------------------------------------------------------


class RosterResource(resources.ModelResource):
    """A cohort's roster; the person columns carry the import's titles, so an export can be read back in."""

    family_name = fields.Field(attribute="participant__family_name", column_name="family_name")
    given_name = fields.Field(attribute="participant__given_name", column_name="given_name")
    date_of_birth = fields.Field(
        attribute="participant__date_of_birth", column_name="date_of_birth", widget=GermanDateWidget()
    )
    jobcenter_customer_number = fields.Field(
        attribute="participant__jobcenter_customer_number", column_name="jobcenter_customer_number"
    )
    email = fields.Field(attribute="participant__email", column_name="email")
    phone = fields.Field(attribute="participant__phone", column_name="phone")
    address = fields.Field(attribute="participant__address", column_name="address")
    german_level = fields.Field(attribute="participant__german_level", column_name="german_level")
    status = fields.Field(column_name="status")
    enrolled_on = fields.Field(attribute="enrolled_on", column_name="enrolled_on", widget=GermanDateWidget())
    withdrawn_on = fields.Field(attribute="withdrawn_on", column_name="withdrawn_on", widget=GermanDateWidget())
    withdrawal_reason = fields.Field(attribute="withdrawal_reason", column_name="withdrawal_reason")

    class Meta:
        model = Enrolment
        fields = (*PARTICIPANT_COLUMNS, "status", "enrolled_on", "withdrawn_on", "withdrawal_reason")
        export_order = fields

    def dehydrate_status(self, enrolment):
        return enrolment.get_status_display()

    def get_export_headers(self, selected_fields=None):
        extra = {
            "status": _("Status"),
            "enrolled_on": _("Enrolled on"),
            "withdrawn_on": _("Withdrawn on"),
            "withdrawal_reason": _("Reason for withdrawal"),
        }
        titles = {**{k: str(v) for k, v in PARTICIPANT_COLUMNS.items()}, **extra}
        return [str(titles[f.column_name]) for f in self.get_export_fields(selected_fields) if f]


class FacilityTypeWidget(widgets.Widget):
    """ "Kita", "OGS" or the full label, in either language."""

    def clean(self, value, row=None, **kwargs):
        text = fold(cell_text(value))
        for code, label in FacilityType.choices:
            if text in {code, fold(str(label))} or text.startswith(code):
                return code
        raise ValueError(_("“%(value)s” is not a facility type. Use Kita or OGS.") % {"value": cell_text(value)})

    def render(self, value, obj=None, **kwargs):
        return str(dict(FacilityType.choices).get(value, value or ""))


class FacilityResource(resources.ModelResource):
    """Placement facilities for the admin's import and export; matched by organisation and name."""

    organisation = fields.Field(
        attribute="organisation",
        column_name="organisation",
        widget=widgets.ForeignKeyWidget(Organisation, field="name"),
    )
    name = fields.Field(attribute="name", column_name="name", widget=TextWidget())
    facility_type = fields.Field(attribute="facility_type", column_name="facility_type", widget=FacilityTypeWidget())
    provider = fields.Field(attribute="provider", column_name="provider", widget=TextWidget())
    address = fields.Field(attribute="address", column_name="address", widget=TextWidget())
    contact_name = fields.Field(attribute="contact_name", column_name="contact_name", widget=TextWidget())
    contact_email = fields.Field(attribute="contact_email", column_name="contact_email", widget=TextWidget())
    contact_phone = fields.Field(attribute="contact_phone", column_name="contact_phone", widget=TextWidget())

    class Meta:
        model = Facility
        fields = (
            "organisation",
            "name",
            "facility_type",
            "provider",
            "address",
            "contact_name",
            "contact_email",
            "contact_phone",
        )
        export_order = fields
        import_id_fields = ("organisation", "name")
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Facility.objects.select_related("organisation")


def _hours(minutes) -> str:
    """Integer minutes as hours with a decimal comma, as German spreadsheet users read them."""
    if minutes is None:
        return ""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".").replace(".", ",")


class _TitledResource(resources.Resource):
    """A resource whose column titles are translated when the export runs (the user's language)."""

    titles: dict = {}

    def get_export_headers(self, selected_fields=None):
        return [str(self.titles[f.column_name]) for f in self.get_export_fields(selected_fields) if f]


class AttendanceResource(_TitledResource):
    """One row per session and participant: the register as a spreadsheet (filter by date or person)."""

    date = fields.Field(attribute="session__date", column_name="date", widget=GermanDateWidget())
    start = fields.Field(column_name="start")
    end = fields.Field(column_name="end")
    module = fields.Field(attribute="session__module__title", column_name="module")
    units = fields.Field(attribute="session__units", column_name="units")
    family_name = fields.Field(attribute="enrolment__participant__family_name", column_name="family_name")
    given_name = fields.Field(attribute="enrolment__participant__given_name", column_name="given_name")
    date_of_birth = fields.Field(
        attribute="enrolment__participant__date_of_birth", column_name="date_of_birth", widget=GermanDateWidget()
    )
    customer_number = fields.Field(
        attribute="enrolment__participant__jobcenter_customer_number", column_name="customer_number"
    )
    code = fields.Field(attribute="status", column_name="code")
    late_minutes = fields.Field(attribute="late_minutes", column_name="late_minutes")
    early_minutes = fields.Field(attribute="early_minutes", column_name="early_minutes")
    attended_units = fields.Field(column_name="attended_units")
    note = fields.Field(attribute="note", column_name="note")

    class Meta:
        export_order = (
            "date",
            "start",
            "end",
            "module",
            "units",
            "family_name",
            "given_name",
            "date_of_birth",
            "customer_number",
            "code",
            "late_minutes",
            "early_minutes",
            "attended_units",
            "note",
        )

    @property
    def titles(self):
        return {
            "date": _("Date"),
            "start": _("Start"),
            "end": _("End"),
            "module": _("Module"),
            "units": _("Teaching units"),
            "family_name": PARTICIPANT_COLUMNS["family_name"],
            "given_name": PARTICIPANT_COLUMNS["given_name"],
            "date_of_birth": PARTICIPANT_COLUMNS["date_of_birth"],
            "customer_number": PARTICIPANT_COLUMNS["jobcenter_customer_number"],
            "code": _("Attendance (P/E/K/UE)"),
            "late_minutes": _("Minutes late"),
            "early_minutes": _("Minutes left early"),
            "attended_units": _("Attended units"),
            "note": _("Note"),
        }

    def dehydrate_start(self, record):
        return short_time(record.session.start_time)

    def dehydrate_end(self, record):
        return short_time(record.session.end_time)

    def dehydrate_attended_units(self, record):
        return str(record.attended_units).replace(".", ",")


class PlacementHoursResource(_TitledResource):
    """One row per enrolment with its placement and confirmed/pending hours (plain dicts from the selector)."""

    family_name = fields.Field(attribute="family_name", column_name="family_name")
    given_name = fields.Field(attribute="given_name", column_name="given_name")
    date_of_birth = fields.Field(attribute="date_of_birth", column_name="date_of_birth", widget=GermanDateWidget())
    customer_number = fields.Field(attribute="customer_number", column_name="customer_number")
    facility = fields.Field(attribute="facility", column_name="facility")
    facility_type = fields.Field(attribute="facility_type", column_name="facility_type")
    start_date = fields.Field(attribute="start_date", column_name="start_date", widget=GermanDateWidget())
    end_date = fields.Field(attribute="end_date", column_name="end_date", widget=GermanDateWidget())
    confirmed_minutes = fields.Field(attribute="confirmed_minutes", column_name="confirmed_minutes")
    confirmed_hours = fields.Field(attribute="confirmed_hours", column_name="confirmed_hours")
    pending_minutes = fields.Field(attribute="pending_minutes", column_name="pending_minutes")
    required_hours = fields.Field(attribute="required_hours", column_name="required_hours")
    prerequisites = fields.Field(attribute="prerequisites", column_name="prerequisites")

    class Meta:
        export_order = (
            "family_name",
            "given_name",
            "date_of_birth",
            "customer_number",
            "facility",
            "facility_type",
            "start_date",
            "end_date",
            "confirmed_minutes",
            "confirmed_hours",
            "pending_minutes",
            "required_hours",
            "prerequisites",
        )

    @property
    def titles(self):
        return {
            "family_name": PARTICIPANT_COLUMNS["family_name"],
            "given_name": PARTICIPANT_COLUMNS["given_name"],
            "date_of_birth": PARTICIPANT_COLUMNS["date_of_birth"],
            "customer_number": PARTICIPANT_COLUMNS["jobcenter_customer_number"],
            "facility": _("Facility"),
            "facility_type": _("Type"),
            "start_date": _("Placement from"),
            "end_date": _("Placement to"),
            "confirmed_minutes": _("Confirmed (minutes)"),
            "confirmed_hours": _("Confirmed (hours)"),
            "pending_minutes": _("Awaiting confirmation (minutes)"),
            "required_hours": _("Required (hours)"),
            "prerequisites": _("Prerequisites"),
        }

    @staticmethod
    def rows(roster_rows) -> list[dict]:
        """From placements.selectors.cohort_placement_rows to flat dicts."""
        rows = []
        for item in roster_rows:
            person, summary = item["enrolment"].participant, item["summary"]
            rows.append(
                {
                    "family_name": person.family_name,
                    "given_name": person.given_name,
                    "date_of_birth": person.date_of_birth,
                    "customer_number": person.jobcenter_customer_number,
                    "facility": summary.facility_name if summary else "",
                    "facility_type": summary.facility_type_label if summary else "",
                    "start_date": summary.start_date if summary else None,
                    "end_date": summary.end_date if summary else None,
                    "confirmed_minutes": summary.confirmed_minutes if summary else 0,
                    "confirmed_hours": _hours(summary.confirmed_minutes if summary else 0),
                    "pending_minutes": summary.pending_minutes if summary else 0,
                    "required_hours": _hours(summary.required_minutes) if summary else "",
                    "prerequisites": (
                        (_("complete") if summary.prerequisites_complete else " ".join(summary.missing_prerequisites))
                        if summary
                        else _("no placement")
                    ),
                }
            )
        return rows


class CertificateRegisterResource(_TitledResource):
    """Every certificate of a cohort, valid, revoked or superseded: the register the funder may inspect."""

    number = fields.Field(attribute="number", column_name="number")
    kind = fields.Field(column_name="kind")
    issued_on = fields.Field(column_name="issued_on")
    family_name = fields.Field(attribute="enrolment__participant__family_name", column_name="family_name")
    given_name = fields.Field(attribute="enrolment__participant__given_name", column_name="given_name")
    date_of_birth = fields.Field(
        attribute="enrolment__participant__date_of_birth", column_name="date_of_birth", widget=GermanDateWidget()
    )
    status = fields.Field(column_name="status")
    language = fields.Field(attribute="language", column_name="language")
    verification_code = fields.Field(attribute="verification_code", column_name="verification_code")
    revoked_on = fields.Field(column_name="revoked_on")
    revocation_reason = fields.Field(attribute="revocation_reason", column_name="revocation_reason")
    supersedes = fields.Field(attribute="supersedes__number", column_name="supersedes")

    class Meta:
        export_order = (
            "number",
            "kind",
            "issued_on",
            "family_name",
            "given_name",
            "date_of_birth",
            "status",
            "language",
            "verification_code",
            "revoked_on",
            "revocation_reason",
            "supersedes",
        )

    @property
    def titles(self):
        return {
            "number": _("Certificate number"),
            "kind": _("Document"),
            "issued_on": _("Issued on"),
            "family_name": PARTICIPANT_COLUMNS["family_name"],
            "given_name": PARTICIPANT_COLUMNS["given_name"],
            "date_of_birth": PARTICIPANT_COLUMNS["date_of_birth"],
            "status": _("Status"),
            "language": _("Language"),
            "verification_code": _("Verification code"),
            "revoked_on": _("Revoked on"),
            "revocation_reason": _("Reason for revocation"),
            "supersedes": _("Replaces certificate"),
        }

    def dehydrate_issued_on(self, certificate):
        return _local_date(certificate.issued_at)

    def dehydrate_revoked_on(self, certificate):
        return _local_date(certificate.revoked_at)

    def dehydrate_status(self, certificate):
        return certificate.get_status_display()

    def dehydrate_kind(self, certificate):
        return certificate.get_kind_display()


def _local_date(moment) -> str:
    return short_date(timezone.localtime(moment)) if moment else ""
