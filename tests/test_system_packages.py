"""Every program the code, the tests and the Makefile call is in system-packages.txt, which `make` installs.

A fresh machine has none of the Debian packages: a program called but not listed makes `make test` fail there
while passing on a machine that happens to have it (issue 19: `pdftotext` in the SQLite suite).
"""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "system-packages.txt"
CALLS = {"run", "Popen", "check_output", "check_call", "call"}
# What the Makefile's recipes run that is not a Debian package of ours: the shell, the coreutils, the venv.
SHELL_WORDS = {
    "cd",
    "mkdir",
    "rm",
    "touch",
    "echo",
    "sh",
    "bash",
    "awk",
    "test",
    "true",
    "if",
    "then",
    "fi",
    "for",
    "do",
    "done",
    "sort",
    "xargs",
    "apt-get",
    "sudo",
    "nproc",
    "id",
    "grep",
    "fc-list",
    "ldconfig",
}


def listed() -> dict[str, tuple[str, str, str]]:
    """WHAT -> (needed-by, kind, packages) for every line of system-packages.txt."""
    lines = {}
    for line in LIST.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        needed, kind, what, packages = (part.strip() for part in line.split("|"))
        lines[what] = (needed, kind, packages)
    return lines


def called_from_python() -> set[str]:
    """The first word of every subprocess call whose program is written as a string, and every /usr/bin path."""
    programs = set()
    for path in [
        *ROOT.glob("kinerja/**/*.py"),
        *ROOT.glob("tests/**/*.py"),
        *ROOT.glob("bench/*.py"),
        ROOT / "conftest.py",
    ]:
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "subprocess"
                and node.args
                and isinstance(node.args[0], ast.List | ast.Tuple)
                and node.args[0].elts
                and isinstance(node.args[0].elts[0], ast.Constant)
                and isinstance(node.args[0].elts[0].value, str)
            ):
                programs.add(Path(node.args[0].elts[0].value).name)
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                programs.update(re.findall(r"^/usr/bin/([\w.-]+)$", node.value))
    return programs


def called_from_makefile() -> set[str]:
    """The program of every recipe line (after `@`, and after `&&` or `;`), less the shell's and the venv's."""
    programs = set()
    for line in (ROOT / "Makefile").read_text().splitlines():
        if not line.startswith("\t"):
            continue
        for command in re.split(r"&&|;|\|\|", line.strip().lstrip("@")):
            words = [word for word in command.split() if "=" not in word]
            if words and re.fullmatch(r"[a-z][\w.-]*", words[0]):
                programs.add(words[0])
    return programs - SHELL_WORDS


def test_the_list_is_well_formed():
    lines = listed()
    assert lines, "system-packages.txt lists nothing"
    for what, (needed, kind, packages) in lines.items():
        assert needed in {"run", "test"}, what
        assert kind in {"command", "font", "library", "file"}, what
        assert packages.split(), what


def test_the_programs_the_tests_run_are_found():
    """The scan itself must see what is known to be called, or it proves nothing."""
    assert {"pdftotext", "pdfinfo", "chromium"} <= called_from_python()
    assert "pg_virtualenv" in called_from_makefile()


@pytest.mark.parametrize("program", sorted(called_from_python() | called_from_makefile()))
def test_every_program_called_is_listed(program):
    if program in {"python", "python3"} or program.startswith("$"):
        return
    assert program in listed(), f"{program} is called but system-packages.txt does not install it"


def test_make_installed_every_listed_command():
    """`make test` runs tools/system-deps first: every command of the list is on PATH when the tests run."""
    missing = [what for what, (_, kind, _) in listed().items() if kind == "command" and shutil.which(what) is None]
    assert not missing, f"not installed: {missing}"


def test_make_installed_every_listed_font():
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    families = {name.strip().lower() for line in listing.splitlines() for name in line.split(",")}
    # exactly the family: "TeX Gyre Bonum Math" (another package) is not "TeX Gyre Bonum"
    missing = [what for what, (_, kind, _) in listed().items() if kind == "font" and what.lower() not in families]
    assert not missing, f"not installed: {missing}"


def test_make_installed_every_listed_file():
    missing = [what for what, (_, kind, _) in listed().items() if kind == "file" and not Path(what).exists()]
    assert not missing, f"not installed: {missing}"
