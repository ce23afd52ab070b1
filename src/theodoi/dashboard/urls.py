from django.urls import path

from . import views

urlpatterns = [
    path("tong-quan/", views.dashboard, name="dashboard"),
    path("tong-quan/nhiem-vu/", views.task_list, name="dashboard_tasks"),
    path("tong-quan/chi-tieu/", views.target_list, name="dashboard_targets"),
    path("tong-quan/bao-cao-tong-hop/", views.consolidated_report, name="consolidated_report"),
    path("tong-quan/bao-cao-don-vi/<int:pk>/<str:fmt>/", views.unit_report_export,
         name="unit_report_export"),
    path("cong-khai/", views.public_index, name="public_index"),
    path("cong-khai/ke-hoach/<int:pk>/", views.public_plan, name="public_plan"),
]
