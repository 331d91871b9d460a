"""Check options: a small frozen dataclass per check, validated when a profile loads.

Like sacrebleu's metric arguments, a check's options have names, types and
defaults written down in one place, so a typo in ``zhen.toml``
(``threshhold = 0.9``) or a value of the wrong type is a clear error that
names the check, the key and the valid keys, not a setting silently ignored.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """The options of a check that takes none."""


class OptionError(ValueError):
    """A profile value that does not fit a check's declared options."""


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Literal:
        return " or ".join(repr(a) for a in get_args(tp))
    if origin in (types.UnionType, typing.Union):
        return " or ".join(_type_name(a) for a in get_args(tp))
    if origin is tuple:
        return f"a list of {_type_name(get_args(tp)[0])}"
    if tp is type(None):
        return "nothing"
    return {bool: "true/false", int: "an integer", float: "a number", str: "a string"}.get(
        tp, getattr(tp, "__name__", str(tp)))


def _coerce(value: Any, tp: Any) -> Any:
    """``value`` as type ``tp``, or OptionError.  TOML gives bool/int/float/str/list."""
    origin = get_origin(tp)
    if origin is Literal:
        if value in get_args(tp):
            return value
        raise OptionError
    if origin in (types.UnionType, typing.Union):
        for arm in get_args(tp):
            try:
                return _coerce(value, arm)
            except OptionError:
                continue
        raise OptionError
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise OptionError
        inner = get_args(tp)[0]
        return tuple(_coerce(v, inner) for v in value)
    if tp is type(None):
        if value is None:
            return None
        raise OptionError
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise OptionError
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise OptionError
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise OptionError
    if tp is str:
        if isinstance(value, str):
            return value
        raise OptionError
    raise OptionError


def parse_options(cls: type, table: Mapping[str, Any], check_id: str) -> Any:
    """An instance of the options dataclass ``cls`` from a profile table.

    Raises OptionError with a one-line message on an unknown key or a value
    of the wrong type.
    """
    hints = typing.get_type_hints(cls)
    fields = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    valid = ", ".join(sorted(fields)) or "none"
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in fields:
            raise OptionError(f"check '{check_id}' has no option '{key}' "
                              f"(valid: {valid}, plus enabled and severity)")
        try:
            values[name] = _coerce(value, fields[name])
        except OptionError:
            raise OptionError(f"option '{key}' of check '{check_id}' must be "
                              f"{_type_name(fields[name])}, not {value!r}") from None
    return cls(**values)

