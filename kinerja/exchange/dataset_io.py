"""Reading and writing the agency dataset format (YAML or JSON), and checking it against data/schema.json."""

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from django.conf import settings
from django.utils.translation import gettext, gettext_lazy, pgettext

from .loading.report import DatasetError, Problem

FORMAT = "kinerja-agency/1"
SCHEMA_PATH = Path(settings.BASE_DIR) / "data" / "schema.json"


ALIASES_REFUSED = gettext_lazy(
    "YAML anchors and aliases (&name, *name) are not allowed in a data file; write every value in full (line %(line)s)."
)


class AliasRefused(yaml.YAMLError):
    """An anchor or an alias: refused, so that a few bytes never expand to millions of nodes."""

    def __init__(self, line: int):
        super().__init__(ALIASES_REFUSED % {"line": line})


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps (a date stays the string it is in JSON too), and without anchors
    and aliases (the "billion laughs" of YAML: 16 KB of aliases expand to gigabytes; the format never needs them)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise AliasRefused(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _Dumper(yaml.SafeDumper):
    """Readable YAML: block text for multi-line strings, no implicit timestamps, keys in our order."""


for _registry in (_Loader, _Dumper):
    _registry.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def read_dataset(path: Path) -> dict[str, Any]:
    """The file's content, checked against the schema; DatasetError naming the file otherwise."""
    source = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DatasetError([Problem(source, "", "", gettext("file not found."))]) from exc
    except UnicodeDecodeError as exc:
        raise DatasetError([Problem(source, "", "", gettext("the file is not UTF-8 text."))]) from exc
    return parse_dataset(text, source=source, as_json=path.suffix.lower() == ".json")


def parse_dataset(text: str, *, source: str, as_json: bool = False) -> dict[str, Any]:
    try:
        data = json.loads(text) if as_json else yaml.load(text, Loader=_Loader)  # noqa: S506 (safe loader)
    except AliasRefused as exc:
        raise DatasetError([Problem(source, "", "", str(exc))]) from exc
    except RecursionError as exc:
        raise DatasetError(
            [Problem(source, "", "", gettext("the file is nested too deeply; the file is refused."))]
        ) from exc
    except ValueError as exc:  # JSONDecodeError, and a number of thousands of digits (Python's int limit)
        raise DatasetError(
            [Problem(source, "", "", gettext("the file cannot be read: %(error)s") % {"error": exc})]
        ) from exc
    except yaml.YAMLError as exc:
        raise DatasetError(
            [Problem(source, "", "", gettext("the file cannot be read: %(error)s") % {"error": exc})]
        ) from exc
    if not isinstance(data, dict):
        raise DatasetError(
            [Problem(source, "", "", gettext("the file's content is not agency data (format kinerja-agency/1)."))]
        )
    problems = schema_problems(data, source=source)
    if problems:
        raise DatasetError(problems)
    return data


def _record_label(data: dict[str, Any], path: list[Any]) -> tuple[str, str]:
    """('positions[3] (kasi-opini)', 'duty') from a JSON path."""
    record, field, node = "", "", data
    for index, part in enumerate(path):
        if isinstance(part, int):
            record += f"[{part + 1}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict):
                key = node.get("code") or node.get("position") or node.get("indicator") or node.get("nip")
                if key:
                    record += f" ({key})"
        else:
            is_last = index == len(path) - 1
            if is_last:
                field = str(part)
            else:
                record += ("." if record else "") + str(part)
                node = node.get(part) if isinstance(node, dict) else None
    return record or pgettext("dataset record", "file"), field


def _message(error: jsonschema.ValidationError) -> tuple[list[Any], str]:
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        return [*path, missing], gettext("is required.")
    if kind == "additionalProperties":
        extra = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
        return path, gettext("unknown field: %(fields)s.") % {"fields": extra}
    if kind == "type":
        expected = error.validator_value
        names = {
            "string": pgettext("json type", "text"),
            "integer": pgettext("json type", "a whole number"),
            "number": pgettext("json type", "a number"),
            "boolean": pgettext("json type", "yes/no (true/false)"),
            "array": pgettext("json type", "a list"),
            "object": pgettext("json type", "nested data"),
            "null": pgettext("json type", "empty"),
        }
        wanted = gettext(" or ").join(names.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        return path, gettext("must be %(wanted)s (written: %(value)r).") % {"wanted": wanted, "value": error.instance}
    if kind in {"enum", "const"}:
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        text = gettext("value %(value)r is not known; choices: %(choices)s.")
        return path, text % {"value": error.instance, "choices": ", ".join(map(str, allowed))}
    if kind == "pattern":
        return path, gettext("format %(value)r is not valid.") % {"value": error.instance}
    if kind == "minLength":
        return path, gettext("cannot be empty.")
    if kind in {"minimum", "maximum"}:
        return path, gettext("value %(value)r is outside the allowed range.") % {"value": error.instance}
    if kind == "minItems":
        return path, gettext("cannot be empty.")
    if kind == "format":
        return path, gettext("%(value)r is not a valid date (YYYY-MM-DD).") % {"value": error.instance}
    return path, error.message


def schema_problems(data: dict[str, Any], *, source: str) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path, message = _message(error)
        record, field = _record_label(data, path)
        problems.append(Problem(source, record, field, message))
    return problems


def dump_dataset(data: dict[str, Any], *, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)


def write_dataset(data: dict[str, Any], path: Path) -> None:
    path.write_text(dump_dataset(data, as_json=path.suffix.lower() == ".json"), encoding="utf-8")
