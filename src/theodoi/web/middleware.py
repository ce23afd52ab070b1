"""Login required everywhere except the login page, static files and public pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

PUBLIC_PREFIXES = ("/dang-nhap/", "/cong-khai/", "/static/", "/favicon.ico", "/api/")


class LoginRequiredMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            if request.path.startswith("/quan-tri/"):
                return self.get_response(request)  # Django admin has its own login
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)
