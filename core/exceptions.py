from django.core.exceptions import ValidationError


class DomainError(Exception):
    """A rule of the domain refused a write. The message is for the user, already translated."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)

    @classmethod
    def from_validation_error(cls, error: ValidationError) -> "DomainError":
        """A model's refusal (``full_clean``) as one DomainError: every message, shown at the first field
        it names (or at the top of the form for ``__all__``)."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        field = next(iter(by_field), None)
        messages = [str(message) for problems in by_field.values() for message in problems]
        return cls(" ".join(messages), field=None if field == "__all__" else field)


def full_clean_or_refuse(instance, *, exclude=None) -> None:
    """``instance.full_clean()``, refusing with a DomainError (``DomainError.from_validation_error``)."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise DomainError.from_validation_error(error) from error
