"""The folder tree is the design: the answer's stages never reach into the team's lab."""

import ast
import pathlib
import subprocess
import sys

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "checker"


def _imports(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_stages_import_only_stages_and_the_standard_library():
    for path in sorted((PACKAGE / "stages").glob("*.py")):
        for name in _imports(path):
            assert not name.startswith(".."), f"{path.name} imports {name}: a stage reaches outside the stages"
            assert "lab" not in name.split("."), f"{path.name} imports {name}"


def test_a_check_loads_neither_the_lab_nor_scikit_learn():
    code = (
        "import sys, checker; checker.check('您的借呗已逾期，请加微信abc12345处理'); "
        "print(sorted(m for m in sys.modules if m.startswith(('checker.lab', 'sklearn', 'numpy', 'scipy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# Creating a frozen dataclass costs about a millisecond (dataclasses compiles each generated method
# separately), a NamedTuple a tenth of that: with 36 dataclasses, creating them was a fifth of a cold
# check. The types a caller receives stay frozen dataclasses; the stages' own records are NamedTuples.
# Model stays a dataclass: it computes a field after construction (__post_init__).
DATACLASSES = {"Advice", "Step", "Entity", "Evidence", "Flag", "CheckResult", "ModelCue", "Model"}


def test_only_the_public_result_types_are_dataclasses():
    found = set()
    for path in sorted((PACKAGE / "stages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any("dataclass" in ast.unparse(d) for d in node.decorator_list):
                found.add(node.name)
    assert found == DATACLASSES
