from . import EVERYONE, Access

ENTRIES = {
    # Public pages: nobody is refused, and a logged-in person may use them too.
    "accounts:password_reset": Access(EVERYONE),
    "accounts:password_reset_done": Access(EVERYONE),
    "accounts:password_reset_confirm": Access(EVERYONE, kwargs=lambda w: {"uidb64": "MQ", "token": "wrong-token"}),
    "accounts:password_reset_complete": Access(EVERYONE),
    # A wrong link shows the "not valid" page to everyone; the real flow is in tests/accounts.
    "accounts:invitation_link": Access(EVERYONE, kwargs=lambda w: {"pk": 1, "token": "wrong-token"}),
    "accounts:first_login": Access(EVERYONE),
}
