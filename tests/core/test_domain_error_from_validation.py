"""DomainError.from_validation_error: a model's refusal becomes one message at the field it names."""

import pytest
from django.core.exceptions import ValidationError

from core.exceptions import DomainError, full_clean_or_refuse
from courses.models import Participant


def test_every_message_at_the_first_field():
    error = ValidationError({"email": ["Bad address."], "phone": ["Bad number."]})
    domain = DomainError.from_validation_error(error)
    assert (str(domain), domain.field) == ("Bad address. Bad number.", "email")


def test_a_rule_about_the_whole_record_has_no_field():
    domain = DomainError.from_validation_error(ValidationError({"__all__": ["Ends before it starts."]}))
    assert (str(domain), domain.field) == ("Ends before it starts.", None)


def test_a_plain_list_of_messages_has_no_field():
    domain = DomainError.from_validation_error(ValidationError(["One.", "Two."]))
    assert (str(domain), domain.field) == ("One. Two.", None)


@pytest.mark.django_db
def test_full_clean_or_refuse_refuses_a_record_the_model_refuses(organisation):
    person = Participant(organisation=organisation, given_name="Ayşe", family_name="", date_of_birth=None)
    with pytest.raises(DomainError) as caught:
        full_clean_or_refuse(person, exclude=["name_key", "user"])
    assert caught.value.field == "family_name"
    assert Participant.objects.count() == 0
