"""Reads about logins."""

from django.contrib.auth import get_user_model

# Relations to a login that are not something the person did: their own participant record, the admin's log
# (deleted with the account by Django), and memberships (facilities supervised, organisations).
NOT_HISTORY = {("courses", "participant"), ("admin", "logentry")}


def history_of(user) -> list[str]:
    """The kinds of record (plural names) that name ``user`` as the one who did something: recorded attendance,
    corrections, hour entries and decisions, placement steps, certificates, imports. Found from the models'
    foreign keys to the user, so a new "by" field of any app counts without a change here."""
    found = []
    for relation in get_user_model()._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or (model._meta.app_label, model._meta.model_name) in NOT_HISTORY:
            continue
        if model._default_manager.filter(**{relation.field.name: user}).exists():
            found.append(str(model._meta.verbose_name_plural))
    return sorted(set(found))
