"""Operations: what production writes to its log when a page fails."""

import secrets
import textwrap

import pytest

from tests.test_security import run_with_prod_settings

FAILING_URLS = textwrap.dedent("""
    from django.contrib.auth.decorators import login_not_required
    from django.urls import path

    from config.urls import urlpatterns as site


    @login_not_required
    def failing(request):
        raise RuntimeError("kegagalan-uji-500")


    urlpatterns = [path("gagal/", failing), *site]
""")


@pytest.mark.parametrize("level", ["WARNING", "CRITICAL"])
def test_production_logs_every_500_with_its_traceback_to_stderr(tmp_path, level):
    (tmp_path / "failing_urls.py").write_text(FAILING_URLS)
    code = "\n".join(
        [
            "from django.test import Client, override_settings",
            "with override_settings(ROOT_URLCONF='failing_urls'):",
            "    response = Client(raise_request_exception=False).get('/gagal/', secure=True)",
            "print('status', response.status_code)",
        ]
    )
    result = run_with_prod_settings(
        code,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        PYTHONPATH=str(tmp_path),
        KINERJA_VAR_DIR=str(tmp_path),
        LOG_LEVEL=level,
    )
    assert result.returncode == 0, result.stderr
    assert "status 500" in result.stdout
    log = result.stderr
    assert "ERROR django.request" in log and "Internal Server Error: /gagal/" in log, log
    assert "Traceback (most recent call last):" in log
    assert 'raise RuntimeError("kegagalan-uji-500")' in log
    assert "RuntimeError: kegagalan-uji-500" in log
