"""Tagged JSON for domain values: every dataclass of :mod:`coopatlas.model` round-trips exactly.

``encode`` turns a value into plain JSON data: a model dataclass becomes
``{"$t": "<ClassName>", <field>: ...}``, a ``date`` ``{"$t": "date", "v": "YYYY-MM-DD"}``, a
``datetime`` ``{"$t": "datetime", "v": iso}``, a tuple ``{"$t": "tuple", "v": [...]}``; lists,
dicts, strings, numbers, booleans and ``None`` stay as they are. ``decode`` is the inverse and
turns integers back into floats where the dataclass field is declared ``float`` (PostgreSQL's
JSONB may write ``1e20`` back as an integer).

>>> from coopatlas.model import Span
>>> decode(encode((Span(1, 2), None)))
(Span(start=1, end=2), None)
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime
from functools import cache
from typing import Any

from coopatlas import model

TAG = "$t"


@cache
def _classes() -> dict[str, type]:
    return {name: obj for name, obj in vars(model).items()
            if isinstance(obj, type) and dataclasses.is_dataclass(obj)
            and obj.__module__ == model.__name__}


@cache
def _float_fields(cls: type) -> frozenset[str]:
    hints = typing.get_type_hints(cls)
    return frozenset(name for name, hint in hints.items()
                     if hint is float or float in typing.get_args(hint))


def encode(value: Any) -> Any:
    """Plain JSON data for ``value`` (see the module docstring for the tags)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _classes():
        out = {TAG: type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    raise TypeError(f"cannot store a value of type {type(value).__name__}")


def decode(data: Any) -> Any:
    """The value :func:`encode` was given."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {k: decode(v) for k, v in data.items()}
    if tag == "tuple":
        return tuple(decode(v) for v in data["v"])
    if tag == "date":
        return date.fromisoformat(data["v"])
    if tag == "datetime":
        return datetime.fromisoformat(data["v"])
    cls = _classes()[tag]
    floats = _float_fields(cls)
    kwargs = {k: decode(v) for k, v in data.items() if k != TAG}
    for name in floats & kwargs.keys():
        if isinstance(kwargs[name], int) and not isinstance(kwargs[name], bool):
            kwargs[name] = float(kwargs[name])
    return cls(**kwargs)
