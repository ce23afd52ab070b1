"""API routes under /api/. Paths are English (they are for programs); messages are Vietnamese."""

from django.urls import path

from . import reports, views

urlpatterns = [
    path("openapi.json", views.SchemaView.as_view(), name="api-schema"),
    path("docs/", views.DocsView.as_view(), name="api-docs"),
    path("docs/assets/<str:name>", views.docs_asset, name="api-docs-asset"),
    path("token/", views.TokenView.as_view(), name="api-token"),
    path("token/revoke/", views.TokenRevokeView.as_view(), name="api-token-revoke"),
    path("me/", views.MeView.as_view(), name="api-me"),
    path("plans/", views.PlanList.as_view(), name="api-plan-list"),
    path("plans/import", views.PlanImportView.as_view(), name="api-plan-import"),
    path("plans/<int:pk>/", views.PlanDetail.as_view(), name="api-plan-detail"),
    path("plans/<int:pk>/plan-json", views.PlanJSONView.as_view(), name="api-plan-json"),
    path("plans/<int:pk>/history/", views.PlanHistory.as_view(), name="api-plan-history"),
    path("tasks/", views.TaskList.as_view(), name="api-task-list"),
    path("tasks/<int:pk>/", views.TaskDetail.as_view(), name="api-task-detail"),
    path("tasks/<int:pk>/history/", views.TaskHistory.as_view(), name="api-task-history"),
    path("targets/", views.TargetList.as_view(), name="api-target-list"),
    path("targets/<int:pk>/", views.TargetDetail.as_view(), name="api-target-detail"),
    path("indicators/", views.IndicatorList.as_view(), name="api-indicator-list"),
    path("indicators/<int:pk>/", views.IndicatorDetail.as_view(), name="api-indicator-detail"),
    path("units/", views.UnitList.as_view(), name="api-unit-list"),
    path("units/<int:pk>/", views.UnitDetail.as_view(), name="api-unit-detail"),
    path("units/<int:pk>/history/", views.UnitHistory.as_view(), name="api-unit-history"),
    path("periods/", reports.PeriodList.as_view(), name="api-period-list"),
    path("periods/<int:pk>/", reports.PeriodDetail.as_view(), name="api-period-detail"),
    path("periods/<int:pk>/units/", reports.PeriodUnits.as_view(), name="api-period-units"),
    path("reports/", reports.ReportList.as_view(), name="api-report-list"),
    path("reports/<int:pk>/", reports.ReportDetail.as_view(), name="api-report-detail"),
    path("reports/<int:pk>/submit", reports.ReportSubmitView.as_view(), name="api-report-submit"),
    path("reports/<int:pk>/send", reports.ReportSendView.as_view(), name="api-report-send"),
    path("reports/<int:pk>/accept", reports.ReportAcceptView.as_view(), name="api-report-accept"),
    path("reports/<int:pk>/return", reports.ReportReturnView.as_view(), name="api-report-return"),
    path("reports/<int:pk>/evidence/", reports.ReportEvidenceList.as_view(), name="api-report-evidence"),
    path("reports/<int:pk>/evidence/<int:evidence_id>", reports.ReportEvidenceDetail.as_view(),
         name="api-report-evidence-detail"),
    path("reports/<int:pk>/history/", reports.ReportHistory.as_view(), name="api-report-history"),
    path("exports/national", reports.NationalExportView.as_view(), name="api-national-export"),
    # The standing agency's web page for the same file (session login, not a token).
    path("xuat-so-lieu-quoc-gia/", reports.national_page, name="national_export_page"),
]
