"""The pages' style sheets and scripts are served by the application itself (WhiteNoise, no CDN): every file
the base template names answers with its content type, from installed packages and from the repository."""

import pytest
from django.templatetags.static import static


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("bootstrap/css/bootstrap.min.css", "text/css"),
        ("bootstrap/css/bootstrap.rtl.min.css", "text/css"),
        ("bootstrap/js/bootstrap.bundle.min.js", "text/javascript"),
        ("django_htmx/htmx-2.min.js", "text/javascript"),
        ("css/app.css", "text/css"),
        ("js/app.js", "text/javascript"),
    ],
)
def test_the_base_templates_files_are_served(client, path, content_type):
    response = client.get(static(path))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content)


def test_an_unknown_static_file_is_not_found(client, db):
    assert client.get(static("css/no-such-file.css")).status_code == 404
