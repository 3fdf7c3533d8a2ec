"""What must never happen in the code's shape, read from its syntax trees (import-linter keeps the layers and the
internal contracts, pyproject.toml; these are the rules it cannot express).

- services, selectors and the pure modules know no HTTP: they raise typed errors, the doors answer;
- no app imports another app's views;
- "who may" is decided in `kinerja/accounts/access.py` only: nobody else reads `is_superuser` or the role grants;
- no module is over ~400 lines, except those listed with the issue that splits them.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = [
    path
    for path in sorted((ROOT / "kinerja").rglob("*.py"))
    if "tests" not in path.parts and "migrations" not in path.parts
]
HTTP = ("django.http", "django.shortcuts", "rest_framework")
# Data that creates users and grants, not decisions about them.
MAY_TOUCH_GRANTS = {"kinerja/synthetic/people.py", "kinerja/exchange/management/commands/bootstrap.py"}
LONGEST = 400
# Modules still over the limit, each to be split (issue 19, point 3); the list may only shrink. Empty since
# reports/agreement.py and performance/views.py were split (2026-12-05): keep it so.
TOO_LONG_FOR_NOW: set[str] = set()


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def is_core_logic(path: Path) -> bool:
    parts = path.relative_to(ROOT / "kinerja").with_suffix("").parts
    return bool({"services", "selectors"} & set(parts)) or parts[-1] in {"workflow", "achievement", "scoring"}


def test_the_scan_sees_the_code():
    assert len(CODE) > 100
    assert any(is_core_logic(path) for path in CODE)


@pytest.mark.parametrize("path", [path for path in CODE if is_core_logic(path)], ids=name)
def test_services_and_selectors_know_no_http(path):
    leaks = sorted(module for module in imports(path) if module.startswith(HTTP))
    assert not leaks, f"{name(path)} imports {leaks}: raise a typed error and let the door answer"


@pytest.mark.parametrize("path", CODE, ids=name)
def test_no_app_imports_the_views_of_another(path):
    app = path.relative_to(ROOT / "kinerja").parts[0]
    others = sorted(
        module
        for module in imports(path)
        if module.startswith("kinerja.")
        and module.split(".")[1] != app
        and any(part == "views" or part.endswith("_views") for part in module.split(".")[2:])
    )
    assert not others, f"{name(path)} imports {others}"


def decides_who_may(path: Path) -> list[int]:
    """Lines that read `is_superuser` (as an attribute or through getattr) or query the role grants."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        superuser = (isinstance(node, ast.Attribute) and node.attr == "is_superuser") or (
            isinstance(node, ast.Constant) and node.value == "is_superuser"
        )
        grants = (
            isinstance(node, ast.Attribute) and node.attr == "objects" and getattr(node.value, "id", "") == "RoleGrant"
        )
        if superuser or grants:
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "path", [path for path in CODE if "accounts" not in path.parts and name(path) not in MAY_TOUCH_GRANTS], ids=name
)
def test_who_may_is_decided_in_access_only(path):
    lines = decides_who_may(path)
    assert not lines, f"{name(path)} decides who may at lines {lines}: ask kinerja/accounts/access.py"


def test_no_module_is_over_the_limit():
    long = {name(path): len(path.read_text().splitlines()) for path in CODE}
    over = {path for path, count in long.items() if count > LONGEST}
    assert over <= TOO_LONG_FOR_NOW, f"over {LONGEST} lines: {sorted(over - TOO_LONG_FOR_NOW)}"
    shrunk = {path for path in TOO_LONG_FOR_NOW if long.get(path, 0) <= LONGEST}
    assert not shrunk, f"no longer over the limit, take them off TOO_LONG_FOR_NOW: {sorted(shrunk)}"
