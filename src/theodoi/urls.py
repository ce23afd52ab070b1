"""URL map. Paths are Vietnamese, as users read them."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from theodoi.web.forms import LoginForm

admin.site.site_header = "theodoi — quản trị"
admin.site.site_title = "theodoi"
admin.site.index_title = "Dữ liệu tham chiếu"

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(
        template_name="web/login.html", authentication_form=LoginForm), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("quan-tri/", admin.site.urls),
    path("api/", include("theodoi.api.urls")),
    path("", include("theodoi.web.urls")),
    path("", include("theodoi.plans.urls")),
    path("", include("theodoi.units.urls")),
    path("", include("theodoi.reporting.urls")),
    path("", include("theodoi.notifications.urls")),
    path("", include("theodoi.dashboard.urls")),
]
