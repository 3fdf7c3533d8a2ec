"""The API's documentation page (Swagger UI)."""

from django.http import Http404
from django.shortcuts import render


def docs(request):
    """Swagger UI from our own static files (drf-spectacular-sidecar), started by static/kinerja/api-docs.js: no
    inline script, so the site's Content-Security-Policy stays as it is."""
    if not request.user.is_authenticated:  # LoginRequiredMiddleware answers before; this keeps the rule local
        raise Http404
    return render(request, "api/docs.html", {})
