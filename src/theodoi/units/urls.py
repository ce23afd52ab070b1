from django.urls import path

from . import views

urlpatterns = [
    path("don-vi/", views.unit_tree, name="unit_tree"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/gop/", views.unit_merge, name="unit_merge"),
    path("don-vi/<int:pk>/xac-nhan/", views.unit_confirm, name="unit_confirm"),
    path("don-vi/cho-xac-nhan/", views.pending_units, name="pending_units"),
]
