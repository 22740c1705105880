import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_login_with_username_and_password(client, staff):
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": "pass-word-123"})
    assert response.status_code == 302 and response["Location"] == reverse("home")


@pytest.mark.django_db
def test_wrong_password_gets_message(client, staff):
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.django_db
def test_logout_is_a_post(client, staff):
    client.force_login(staff)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_password_change(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "pass-word-123", "new_password1": "Kinderrechte-2026", "new_password2": "Kinderrechte-2026"},
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("Kinderrechte-2026")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fixture", "template"),
    [
        ("staff", "home/staff.html"),
        ("supervisor", "home/supervisor.html"),
        ("participant_user", "home/participant.html"),
        ("partner", "home/partner.html"),
    ],
)
def test_each_role_has_its_start_page(client, request, fixture, template):
    client.force_login(request.getfixturevalue(fixture))
    response = client.get(reverse("home"))
    assert template in [t.name for t in response.templates]


@pytest.mark.django_db
def test_german_is_the_default_language(staff):
    from django.test import Client

    browser = Client()  # no Accept-Language header at all
    browser.force_login(staff)
    response = browser.get(reverse("home"))
    content = response.content.decode()
    assert '<html lang="de">' in content
    assert "Laufende Kurse" in content


@pytest.mark.django_db
def test_language_can_be_switched_to_english(german_client, staff):
    german_client.force_login(staff)
    german_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = german_client.get(reverse("home"))
    assert '<html lang="en">' in response.content.decode()
    assert "Running cohorts" in response.content.decode()


@pytest.mark.django_db
def test_messages_are_german_by_default(german_client, staff, cohort):
    german_client.force_login(staff)
    response = german_client.post(
        reverse("courses:cohort_create"),
        {
            "programme": cohort.programme.pk,
            "site": cohort.site.pk,
            "number": "X",
            "start_date": "01.03.2027",
            "end_date": "01.02.2027",
            "capacity": "10",
            "status": "planned",
        },
    )
    assert "Das Enddatum darf nicht vor dem Startdatum liegen." in response.content.decode()
