from django.urls import path

from . import views

urlpatterns = [
    path("thong-bao/", views.notification_list, name="notification_list"),
    path("thong-bao/<int:pk>/mo/", views.notification_open, name="notification_open"),
    path("thong-bao/doc-het/", views.notification_read_all, name="notification_read_all"),
]
