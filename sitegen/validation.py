"""Turn loaded YAML into typed records, with every problem placed in the file.

pydantic reports a failed field by its location (``("tallies", 0,
"collected")``); the loaded YAML knows where each location was typed. This
module joins the two, so that an editor reads
``content/units/baihe.yaml:14:16: error: "296份" is not a whole number``
rather than a validation dump. Unknown keys get a did-you-mean.

May import: errors, yamltext, models.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Report
from .yamltext import YamlData

RecordT = TypeVar("RecordT", bound=BaseModel)

# Messages for pydantic's own error types; our converters in models.py word their own.
_MESSAGES = {
    "missing": ('the field "{field}" is missing', 'add a line "{field}: …"'),
    "enum": ('"{value}" is not one of the allowed values for "{field}"', "use one of: {choices}"),
    "string_pattern_mismatch": ('"{value}" is not a valid {field}',
                                'use lower-case letters a-z, digits and "-" only, e.g. baihe-dadiaoyan'),
    "string_too_long": ('"{field}" is too long', "shorten it"),
    "string_too_short": ('"{field}" is empty', "write a value after the colon, or remove the line"),
    "model_type": ('"{field}" should be a group of fields (key: value lines)', "indent its fields below it"),
    "model_attributes_type": ('"{field}" should be a group of fields (key: value lines)', "indent its fields below it"),
    "dict_type": ('"{field}" should be a group of fields (key: value lines)', "indent its fields below it"),
    "tuple_type": ('"{field}" should be a list', 'write one item per line, each starting with "- "'),
    "list_type": ('"{field}" should be a list', 'write one item per line, each starting with "- "'),
}


def field_name(loc: tuple[Any, ...]) -> str:
    """Return a readable name for a pydantic location: ``tallies[1].collected``."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name or "the file"


def _yaml_path(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    # pydantic adds tags such as "function-before[...]" for annotated types; they are not keys.
    return tuple(part for part in loc if isinstance(part, int) or "[" not in str(part))


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    owner: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or owner is None:
            continue
        fields = getattr(owner, "model_fields", {})
        annotation = fields[part].annotation if part in fields else None
        owner = _record_type(annotation)
    known = list(getattr(owner, "model_fields", {}))
    key = str(loc[-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    message = f'unknown field "{key}"'
    if close:
        return message + f' (did you mean "{close[0]}"?)', f'rename it to "{close[0]}"'
    return message, "remove it, or use one of: " + ", ".join(known)


def _record_type(annotation: Any) -> Any:
    """Find the record class inside ``X | None`` or ``tuple[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _record_type(arg)
        if found is not None:
            return found
    return None


def validate_record(model: type[RecordT], data: YamlData, path: str, report: Report,
                    *, defaults: dict[str, Any] | None = None) -> RecordT | None:
    """Validate loaded YAML as one record.

    Takes the record class, the loaded YAML (its ``value`` must be a
    mapping), the file path relative to the site root and the report;
    ``defaults`` fills fields the file may leave out (e.g. ``id`` from the
    file name). Returns the record, or None after adding one error per bad
    field (each at the line and column where it was typed) to the report.
    """
    if not isinstance(data.value, dict):
        line, column = data.locate(())
        report.error(path, line, column, "expected fields as \"key: value\" lines",
                     'start each line with a field name, an English colon and a space, e.g. "title: 白鹤镇"')
        return None
    values = {**(defaults or {}), **data.value}
    try:
        return model.model_validate(values)
    except ValidationError as failure:
        for item in failure.errors():
            add_validation_problem(model, item, data, path, report)
        return None


def add_validation_problem(model: type[BaseModel], item: Any, data: YamlData,
                           path: str, report: Report) -> None:
    """Add one pydantic error dict to the report, placed and worded for an editor."""
    loc = _yaml_path(tuple(item["loc"]))
    name = field_name(loc)
    kind = item["type"]
    if kind == "extra_forbidden":
        line, column = data.locate_key(loc)
        message, hint = _unknown_key(model, loc)
    elif kind == "missing":
        line, column = data.locate(loc[:-1]) if len(loc) > 1 else data.locate(())
        message, hint = (text.format(field=name) for text in _MESSAGES["missing"])
    elif kind in _MESSAGES:
        line, column = data.locate(loc)
        choices = ", ".join(str(c) for c in (item.get("ctx") or {}).get("expected", "").split(", ")) \
            if kind == "enum" else ""
        message, hint = (text.format(field=name, value=item.get("input"), choices=choices)
                         for text in _MESSAGES[kind])
    else:
        line, column = data.locate(loc)
        message, hint = f"{name}: {item['msg']}", ""
    report.error(path, line, column, message, hint)
