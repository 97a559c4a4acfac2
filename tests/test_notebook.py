"""notebooks/evaluation.ipynb executes without error and draws its pictures.

The notebook runs in a fresh kernel of *this* interpreter: the kernel spec is written to a temporary
folder (argv = sys.executable -m ipykernel_launcher) and only that folder is searched, so neither a
globally registered kernel nor one in the user's Jupyter folder is needed, or used by mistake.
"""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

NOTEBOOK = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "evaluation.ipynb"
CELL_TIMEOUT = 300


def test_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], "clear the notebook's outputs before committing"
            assert cell.get("execution_count") is None


@pytest.fixture
def kernel_manager(tmp_path):
    pytest.importorskip("ipykernel")
    pytest.importorskip("jupyter_client")
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    kernels = tmp_path / "kernels"
    kernels.mkdir()
    write_kernel_spec(kernels / "python3")  # argv[0] is sys.executable
    specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
    assert specs.get_kernel_spec("python3").argv[0] == sys.executable
    return AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)


def test_notebook_executes(kernel_manager, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    # A backend forced from outside (e.g. MPLBACKEND=Agg in CI) must not suppress the pictures.
    monkeypatch.delenv("MPLBACKEND", raising=False)

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        km=kernel_manager,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    errors = [out for out in outputs if out.get("output_type") == "error"]
    assert not errors, [f"{e['ename']}: {e['evalue']}" for e in errors]
    pictures = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(pictures) >= 4, f"expected at least 4 pictures, got {len(pictures)}"
    stderr = "".join(out.get("text", "") for out in outputs if out.get("name") == "stderr")
    assert "Glyph" not in stderr and "findfont" not in stderr, stderr
