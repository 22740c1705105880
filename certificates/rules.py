"""Who may see, issue, revoke and download certificates. Supervisors never may: a certificate is between
the provider and the participant (and, through the public verification page, anyone holding it)."""

import rules

from courses.rules import is_own_running_enrolment, is_staff_of_object_organisation


@rules.predicate
def is_holder(user, certificate) -> bool:
    return certificate is not None and user.is_authenticated and certificate.enrolment.participant.user_id == user.pk


@rules.predicate
def is_current(user, certificate) -> bool:
    return certificate is not None and certificate.is_valid


@rules.predicate
def is_revoked(user, certificate) -> bool:
    return certificate is not None and certificate.status == "revoked"


# Object: an Enrolment.
# The participant sees their checklist while their course runs; afterwards only their documents.
rules.add_perm("certificates.view_eligibility", is_staff_of_object_organisation | is_own_running_enrolment)
rules.add_perm("certificates.issue_certificate", is_staff_of_object_organisation)
rules.add_perm("certificates.issue_attendance", is_staff_of_object_organisation)
# Object: a Cohort.
rules.add_perm("certificates.view_cohort_certificates", is_staff_of_object_organisation)
rules.add_perm("certificates.issue_cohort_certificates", is_staff_of_object_organisation)
rules.add_perm("certificates.download_cohort_certificates", is_staff_of_object_organisation)
rules.add_perm("certificates.issue_cohort_attendance", is_staff_of_object_organisation)
# Object: a Certificate (a Zertifikat or a Teilnahmebescheinigung). Holders download only their current
# documents, not the revoked or replaced ones; staff download those marked as revoked or superseded.
rules.add_perm("certificates.view_certificate", is_staff_of_object_organisation)
rules.add_perm("certificates.download_certificate", is_staff_of_object_organisation | (is_holder & is_current))
rules.add_perm("certificates.revoke_certificate", is_staff_of_object_organisation & is_current)
rules.add_perm("certificates.reissue_certificate", is_staff_of_object_organisation & is_current)
# After a revocation, issuing again is its own action on the revoked document (with a reason).
rules.add_perm("certificates.issue_again_certificate", is_staff_of_object_organisation & is_revoked)
# The public verification page: anyone, without login (it shows only status, name, programme and date).
rules.add_perm("certificates.verify_certificate", rules.always_allow)
