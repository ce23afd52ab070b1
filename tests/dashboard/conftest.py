"""Dashboard fixtures: the handcrafted province of ``dashboard.world``."""

from dashboard.world import _media, frozen_today, world  # noqa: F401
