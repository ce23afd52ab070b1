"""What every API view shares: authentication, permissions, errors, pagination, schema.

The API is configured here rather than in ``settings.REST_FRAMEWORK`` so that it
does not depend on (or change) how the rest of the site is set up.
"""

from __future__ import annotations

from collections.abc import Callable

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .exceptions import api_exception_handler

MAX_ID = 2**63 - 1


class Pagination(PageNumberPagination):
    """``?page=N&page_size=M``; the default page is small enough for a phone screen."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "Trang không hợp lệ."

    def get_paginated_response(self, data) -> Response:
        return Response({
            "count": self.page.paginator.count,
            "page": self.page.number,
            "pages": self.page.paginator.num_pages,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "page", "pages", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Tổng số bản ghi"},
                "page": {"type": "integer", "description": "Trang hiện tại"},
                "pages": {"type": "integer", "description": "Số trang"},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        params = super().get_schema_operation_parameters(view)
        for p in params:
            if p["name"] == self.page_query_param:
                p["description"] = "Số trang (bắt đầu từ 1)."
                p["schema"]["minimum"] = 1
            elif p["name"] == self.page_size_query_param:
                p["description"] = f"Số bản ghi mỗi trang (tối đa {self.max_page_size})."
                p["schema"].update(minimum=1, maximum=self.max_page_size)
        return params


class ApiSchema(AutoSchema):
    """Descriptions come from ``extend_schema`` (Vietnamese), never from English docstrings."""

    def get_description(self) -> str:
        return ""


def method_schema(**kwargs) -> Callable:
    """``extend_schema`` for one method of a view with several.

    Method-level ``extend_schema`` builds on ``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]``
    unless the function names its schema; the API does not rely on global settings.
    """
    def decorator(func: Callable) -> Callable:
        func.schema = ApiSchema
        return extend_schema(**kwargs)(func)
    return decorator


class ApiViewMixin:
    """Mixed into every API view (APIView, generic views, viewsets)."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = Pagination
    schema = ApiSchema()

    def get_exception_handler(self) -> Callable:
        return api_exception_handler

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        # <int:...> accepts any length; an id no database can hold cannot exist.
        if any(isinstance(v, int) and not 0 < v <= MAX_ID for v in kwargs.values()):
            raise NotFound("Không tìm thấy đối tượng, hoặc bạn không có quyền xem.")


def flag(value: str | None) -> bool:
    """Query-string booleans as people type them: true/1/yes/có."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on", "co", "có"}
