"""The JSON API and the portal's web application (``create_app(store_url)``)."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from coopatlas.api.app import create_app

        return create_app
    raise AttributeError(name)
