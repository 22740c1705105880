class DomainError(Exception):
    """A rule of the domain refused a write. The message is for the user, already translated."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)
