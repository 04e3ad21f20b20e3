"""The example notebook runs from top to bottom and shows the seed's figures, so it
cannot rot: examples/notebooks/quarterly_comparison.ipynb, executed with nbclient in
a python3 kernel (the kernel imports the same pledgetrack as the tests)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOK = REPO / "examples" / "notebooks" / "quarterly_comparison.ipynb"


def _outputs_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                parts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                parts.extend(v for k, v in output.data.items() if k.startswith("text/"))
            elif output.output_type == "error":
                parts.append("\n".join(output.traceback))
    return "\n".join(parts)


def test_the_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source


def test_the_notebook_runs_and_shows_the_seeds_figures(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()

    text = _outputs_text(notebook)
    assert "Traceback" not in text
    assert "65.3%" in text and "67.3%" in text
    assert "+2.0%p" in text
    assert "100/49" in text  # the exact change
    assert "2-4-1" in text and "3-4-2" in text and "4-1-2" in text
    assert "9.1%p" in text  # 골목·경제 by field: 9/11 -> 10/11
    assert "missing from font" not in text  # Hangul rendered in every plot
    images = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "display_data" and "image/png" in output.data
    ]
    assert len(images) == 3
