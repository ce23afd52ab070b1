from django.urls import path

from . import import_views, views

urlpatterns = [
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/nhap/", import_views.import_upload, name="plan_import"),
    path("ke-hoach/nhap/<int:pk>/", import_views.import_review, name="plan_import_review"),
    path("ke-hoach/nhap/<int:pk>/kiem-tra/", import_views.import_recheck, name="plan_import_recheck"),
    path("ke-hoach/mau-nhap.xlsx", import_views.import_template, name="plan_import_template"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/lien-ket/", views.plan_cascade_view, name="plan_cascade"),
    path("ke-hoach/<int:pk>/tep-goc/", views.plan_source, name="plan_source"),
    path("ke-hoach/<int:pk>/lich-su/", views.plan_history, name="plan_history"),
    path("ke-hoach/<int:pk>/plan-json/", views.plan_json_download, name="plan_json"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task_detail"),
    path("chi-so/<int:pk>/", views.indicator_detail, name="indicator_detail"),
]
