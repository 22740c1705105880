import re

from django.core import mail

LINK = re.compile(r"http://[^\s\"<>]+/konto/einladung/\d+/[0-9a-z]+-[0-9a-f]+/")


def invitation_path(message=None) -> str:
    """The path of the invitation link in the (last) e-mail."""
    message = message or mail.outbox[-1]
    url = LINK.search(message.body).group(0)
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])
