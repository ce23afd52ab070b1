"""Home: a unit user's own tasks and targets; the province-wide roles' entry page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from theodoi.plans.selectors import unit_work


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.sees_all:
        return redirect("dashboard")  # leaders, standing agency, inspectors land on the overview
    if user.unit is None:
        return redirect("plan_list")
    tasks, targets = unit_work(user, user.unit)
    return render(request, "web/home.html", {"unit": user.unit, "tasks": tasks, "targets": targets})
