from django.urls import path

from . import views

urlpatterns = [
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/lien-ket/", views.plan_cascade_view, name="plan_cascade"),
    path("ke-hoach/<int:pk>/tep-goc/", views.plan_source, name="plan_source"),
    path("ke-hoach/<int:pk>/lich-su/", views.plan_history, name="plan_history"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task_detail"),
    path("chi-so/<int:pk>/", views.indicator_detail, name="indicator_detail"),
]
