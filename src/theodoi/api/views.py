"""API views. Thin: ``queries`` does the scoped reads, services do the writes."""

from __future__ import annotations

from pathlib import Path

import drf_spectacular_sidecar
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.views.decorators.cache import cache_control
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import generics, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from theodoi.audit.models import AuditEvent
from theodoi.audit.selectors import history_for
from theodoi.plans.exchange import export_plan_json, import_plan_json

from . import queries
from .base import ApiSchema, ApiViewMixin
from .filters import (
    ImportParams,
    IndicatorFilter,
    PlanFilter,
    TargetFilter,
    TaskFilter,
    UnitFilter,
    parse,
)
from .permissions import require_manage_plans
from .schema import PLAN_JSON, SPECTACULAR
from .serializers import (
    AuditEventSerializer,
    ErrorSerializer,
    ImportResultSerializer,
    IndicatorDetailSerializer,
    IndicatorSerializer,
    MeSerializer,
    PlanDetailSerializer,
    PlanSerializer,
    TargetSerializer,
    TaskDetailSerializer,
    TaskSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    UnitSerializer,
)

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Tham số không hợp lệ"),
    401: OpenApiResponse(ErrorSerializer, description="Chưa xác thực"),
    403: OpenApiResponse(ErrorSerializer, description="Không có quyền"),
    404: OpenApiResponse(ErrorSerializer, description="Không tìm thấy, hoặc ngoài phạm vi được xem"),
    409: OpenApiResponse(ErrorSerializer, description="Trạng thái hiện tại không cho phép thao tác này"),
}


def errors(*codes: int) -> dict:
    return {code: ERRORS[code] for code in codes}


# ---------------------------------------------------------------- authentication

@extend_schema(tags=["xác thực"], summary="Lấy mã xác thực", auth=[],
               request=TokenRequestSerializer,
               responses={200: TokenSerializer, **errors(400)},
               description="Đổi tên đăng nhập và mật khẩu lấy mã; mã dùng cho đến khi bị thu hồi.")
class TokenView(ApiViewMixin, APIView):
    authentication_classes: list = []  # password in, token out: no session, so no CSRF
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})


@extend_schema(tags=["xác thực"], summary="Thu hồi mã xác thực đang dùng", request=None,
               responses={204: None, **errors(401)})
class TokenRevokeView(ApiViewMixin, APIView):
    def delete(self, request: Request) -> Response:
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["xác thực"], summary="Tài khoản đang dùng", responses={200: MeSerializer, **errors(401)})
class MeView(ApiViewMixin, APIView):
    def get(self, request: Request) -> Response:
        u = request.user
        return Response(MeSerializer({
            "id": u.pk, "username": u.username, "full_name": u.full_name, "role": u.role,
            "unit_id": u.unit_id, "sees_all": u.sees_all, "manages_plans": u.manages_plans,
        }).data)


# ---------------------------------------------------------------- generic list/detail

class _List(ApiViewMixin, generics.GenericAPIView):
    filter_class: type = None  # type: ignore[assignment]
    query = None

    def get(self, request: Request) -> Response:
        params = parse(self.filter_class, request) if self.filter_class else {}
        rows = type(self).query(request.user, params)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class _Detail(ApiViewMixin, generics.GenericAPIView):
    query = None

    def get(self, request: Request, pk: int) -> Response:
        return Response(self.get_serializer(type(self).query(request.user, pk)).data)


class _History(ApiViewMixin, generics.GenericAPIView):
    serializer_class = AuditEventSerializer

    def events(self, request: Request, pk: int):  # pragma: no cover - abstract
        raise NotImplementedError

    def get(self, request: Request, pk: int) -> Response:
        page = self.paginate_queryset(self.events(request, pk))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


def _history_doc(tag: str, what: str):
    return extend_schema(tags=[tag], summary=f"Lịch sử thay đổi của {what}",
                         responses={200: AuditEventSerializer(many=True), **errors(401, 404)})


# ---------------------------------------------------------------- plans

@extend_schema(tags=["kế hoạch"], summary="Danh sách kế hoạch", parameters=[PlanFilter],
               responses={200: PlanSerializer(many=True), **errors(400, 401)})
class PlanList(_List):
    serializer_class = PlanSerializer
    filter_class = PlanFilter
    query = queries.plans


@extend_schema(tags=["kế hoạch"], summary="Kế hoạch, với chỉ tiêu, nhiệm vụ và phân công",
               responses={200: PlanDetailSerializer, **errors(401, 404)})
class PlanDetail(_Detail):
    serializer_class = PlanDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        plan = queries.plan_detail(request.user, pk)
        queries.with_task_statuses(plan.tasks_list)
        queries.with_target_statuses(plan.targets_list)
        return Response(self.get_serializer(plan).data)


@extend_schema(tags=["kế hoạch"], summary="Tải kế hoạch dạng plan JSON",
               responses={200: OpenApiResponse(PLAN_JSON, description="Plan JSON"), **errors(401, 404)})
class PlanJSONView(ApiViewMixin, APIView):
    def get(self, request: Request, pk: int) -> Response:
        plan = queries.plan_for_export(request.user, pk)
        return Response(export_plan_json(plan))


@extend_schema(
    tags=["kế hoạch"], summary="Nhập kế hoạch từ plan JSON", parameters=[ImportParams],
    request={"application/json": PLAN_JSON},
    responses={
        201: OpenApiResponse(ImportResultSerializer, description="Đã tạo kế hoạch"),
        200: OpenApiResponse(ImportResultSerializer, description="Đã cập nhật kế hoạch (update=true)"),
        409: OpenApiResponse(ErrorSerializer, description="Kế hoạch đã có; gửi lại với update=true"),
        **errors(400, 401, 403),
    },
    description=("Như lệnh `theodoi import`: kiểm tra, tìm đơn vị theo tên (và theo `lead_units` "
                 "nếu có), khớp chỉ số, ghi lịch sử; tất cả trong một giao dịch. "
                 "Chỉ cơ quan thường trực và quản trị viên được nhập."),
)
class PlanImportView(ApiViewMixin, APIView):
    def post(self, request: Request) -> Response:
        require_manage_plans(request.user)
        params = parse(ImportParams, request)
        result = import_plan_json(actor=request.user, data=request.data, update=params["update"])
        data = ImportResultSerializer({
            "plan": result.plan, "created": result.created, "targets": result.targets,
            "tasks": result.tasks, "pending_units": result.pending_units, "summary": result.summary,
        }).data
        return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


@_history_doc("kế hoạch", "kế hoạch")
class PlanHistory(_History):
    def events(self, request: Request, pk: int):
        plan = queries.plan_for_export(request.user, pk)
        # As on the web page: whoever may open a plan may read its own history.
        return AuditEvent.objects.filter(object_type="plans.plan", object_id=str(plan.pk))


# ---------------------------------------------------------------- tasks, targets

@extend_schema(tags=["nhiệm vụ"], summary="Danh sách nhiệm vụ", parameters=[TaskFilter],
               responses={200: TaskSerializer(many=True), **errors(400, 401)})
class TaskList(_List):
    serializer_class = TaskSerializer
    filter_class = TaskFilter
    query = queries.tasks

    def get(self, request: Request) -> Response:
        params = parse(TaskFilter, request)
        rows = queries.tasks(request.user, params)
        if params.get("status"):
            # A computed status: filter the ids, then read only the page's rows.
            ids = queries.task_ids_with_status(rows, params["status"])
            page_ids = self.paginate_queryset(ids)
            by_id = rows.in_bulk(page_ids)
            page = [by_id[i] for i in page_ids if i in by_id]
        else:
            page = list(self.paginate_queryset(rows))
        queries.with_task_statuses(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["nhiệm vụ"], summary="Nhiệm vụ, với lịch sử phân công",
               responses={200: TaskDetailSerializer, **errors(401, 404)})
class TaskDetail(_Detail):
    serializer_class = TaskDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        task = queries.task_detail(request.user, pk)
        queries.with_task_statuses([task])
        return Response(self.get_serializer(task).data)


@_history_doc("nhiệm vụ", "nhiệm vụ")
class TaskHistory(_History):
    def events(self, request: Request, pk: int):
        from theodoi.reporting.selectors import task_history

        # The task's events and what units reported on it (scoped by reporting's rule).
        return task_history(request.user, queries.task_detail(request.user, pk))


@extend_schema(tags=["chỉ tiêu"], summary="Danh sách chỉ tiêu", parameters=[TargetFilter],
               responses={200: TargetSerializer(many=True), **errors(400, 401)})
class TargetList(_List):
    serializer_class = TargetSerializer
    filter_class = TargetFilter
    query = queries.targets

    def get(self, request: Request) -> Response:
        rows = queries.targets(request.user, parse(TargetFilter, request))
        page = queries.with_target_statuses(list(self.paginate_queryset(rows)))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(tags=["chỉ tiêu"], summary="Chỉ tiêu", responses={200: TargetSerializer, **errors(401, 404)})
class TargetDetail(_Detail):
    serializer_class = TargetSerializer

    def get(self, request: Request, pk: int) -> Response:
        target = queries.with_target_statuses([queries.target_detail(request.user, pk)])[0]
        return Response(self.get_serializer(target).data)


# ---------------------------------------------------------------- indicators, units

@extend_schema(tags=["chỉ số"], summary="Danh sách chỉ số", parameters=[IndicatorFilter],
               responses={200: IndicatorSerializer(many=True), **errors(400, 401)})
class IndicatorList(_List):
    serializer_class = IndicatorSerializer
    filter_class = IndicatorFilter
    query = queries.indicators


@extend_schema(tags=["chỉ số"], summary="Chỉ số, với các chỉ tiêu qua các kế hoạch và các năm",
               responses={200: IndicatorDetailSerializer, **errors(401, 404)})
class IndicatorDetail(_Detail):
    serializer_class = IndicatorDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        indicator = queries.indicator_detail(request.user, pk)
        queries.with_target_statuses(indicator.targets_list)
        return Response(self.get_serializer(indicator).data)


@extend_schema(tags=["đơn vị"], summary="Cây đơn vị (theo thứ tự cây)", parameters=[UnitFilter],
               responses={200: UnitSerializer(many=True), **errors(400, 401)})
class UnitList(_List):
    serializer_class = UnitSerializer
    filter_class = UnitFilter
    query = queries.units


@extend_schema(tags=["đơn vị"], summary="Đơn vị", responses={200: UnitSerializer, **errors(401, 404)})
class UnitDetail(_Detail):
    serializer_class = UnitSerializer
    query = queries.unit_detail


@_history_doc("đơn vị", "đơn vị")
class UnitHistory(_History):
    def events(self, request: Request, pk: int):
        unit = queries.unit_detail(request.user, pk)
        return history_for(request.user, object_type="units.unit", object_id=unit.pk, unit_ids=[unit.pk])


# ---------------------------------------------------------------- OpenAPI and docs

@extend_schema(exclude=True)
class SchemaView(SpectacularAPIView):
    """The OpenAPI document; public, so that other systems can read it before they have a token."""

    custom_settings = SPECTACULAR
    authentication_classes: list = []
    permission_classes = [AllowAny]
    serve_public = True  # every operation is listed, whoever asks
    renderer_classes = [OpenApiJsonRenderer]
    schema = ApiSchema()

    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


ASSET_DIR = Path(drf_spectacular_sidecar.__file__).parent / "static" / "drf_spectacular_sidecar" / "swagger-ui-dist"
ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png"}


@extend_schema(exclude=True)
class DocsView(SpectacularSwaggerView):
    """Swagger UI served from the installed sidecar package: no CDN (closed networks)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    url_name = "api-schema"
    title = "theodoi API"
    schema = ApiSchema()

    def get(self, request, *args, **kwargs):
        # Redefined so that the parent's method-level schema (DRF's class) is not used.
        return super().get(request, *args, **kwargs)

    @staticmethod
    def _swagger_ui_resource(filename: str) -> str:
        return reverse("api-docs-asset", args=[filename])

    @staticmethod
    def _swagger_ui_favicon() -> str:
        return reverse("api-docs-asset", args=["favicon-32x32.png"])


@cache_control(max_age=86400, public=True)
def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    if name not in ASSETS:  # a fixed list: never a path from the request
        raise Http404("Không có tệp này.")
    return FileResponse((ASSET_DIR / name).open("rb"))
