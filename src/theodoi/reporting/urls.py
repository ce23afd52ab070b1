from django.urls import path

from . import views

urlpatterns = [
    path("bao-cao/", views.report_home, name="report_home"),
    path("bao-cao/tinh-hinh/", views.report_status, name="report_status"),
    path("bao-cao/tinh-hinh/don-doc/", views.report_urge, name="report_urge"),
    path("bao-cao/ky/<int:period_id>/don-vi/<int:unit_id>/", views.report_open, name="report_open"),
    path("bao-cao/<int:pk>/", views.report_detail, name="report_detail"),
    path("bao-cao/<int:pk>/tiep-nhan/", views.report_accept, name="report_accept"),
    path("bao-cao/<int:pk>/tra-lai/", views.report_return, name="report_return"),
    path("bao-cao/<int:pk>/phien-ban/", views.report_versions, name="report_versions"),
    path("bao-cao/<int:pk>/phien-ban/<int:number>/", views.report_version, name="report_version"),
    path("bao-cao/<int:pk>/lich-su/", views.report_history, name="report_history"),
    path("bao-cao/<int:pk>/minh-chung/<int:evidence_id>/", views.evidence_download,
         name="evidence_download"),
    path("bao-cao/<int:pk>/minh-chung/<int:evidence_id>/xoa/", views.evidence_delete,
         name="evidence_delete"),
    path("nhiem-vu/<int:pk>/lich-su/", views.task_history, name="task_history"),
    path("ke-hoach/<int:pk>/ky-bao-cao/", views.plan_schedule, name="plan_schedule"),
]
