"""check_frame: check a column of messages in a pandas DataFrame or an Arrow record batch or table.

The partition-level API for distributed engines: each worker process checks its partitions with the
rules and the model it loaded once (the first check in a process loads them; later ones reuse them).

    Dask:   ddf.map_partitions(check_frame, meta=...)            (see the README)
    Spark:  df.mapInPandas(lambda frames: map(check_frame, frames), schema=...)
            df.mapInArrow(lambda batches: map(check_frame, batches), schema=...)
    Ray:    ds.map_batches(check_frame, batch_format="pandas")   (or "pyarrow")

pandas and pyarrow (the `[engine]` extra) are imported here only when a frame of theirs is given,
never by `import checker` or by a check.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .pipeline import safe_check
from .stages.result import CheckResult

Frame = TypeVar("Frame")

# The columns added, in order, with their Arrow and Spark SQL types. A message that cannot be
# checked (missing, not text, empty) gets nulls and its reason in `error`.
RESULT_COLUMNS: dict[str, tuple[str, str]] = {
    "verdict": ("string", "string"),
    "score": ("float64", "double"),
    "red_flags": ("list<string>", "array<string>"),
    "lowering_signs": ("list<string>", "array<string>"),
    "fraud_type": ("string", "string"),
    "model_probability": ("float64", "double"),
    "error": ("string", "string"),
}
SPARK_DDL = ", ".join(f"{name} {spark}" for name, (_, spark) in RESULT_COLUMNS.items())
"""The added columns as a Spark DDL string, for the `schema=` of mapInPandas / mapInArrow."""


def _row(result: CheckResult | Exception) -> tuple[Any, ...]:
    if isinstance(result, CheckResult):
        return (*result.summary().values(), None)
    return (None, None, None, None, None, None, str(result))


def check_values(texts: list[object]) -> dict[str, list[Any]]:
    """The result columns for a list of messages (None or a non-string gives an error row)."""
    rows = [_row(safe_check(text)) for text in texts]
    return {name: [row[i] for row in rows] for i, name in enumerate(RESULT_COLUMNS)}


def check_frame(frame: Frame, column: str = "text") -> Frame:
    """The frame with the result columns of RESULT_COLUMNS appended (an existing one is replaced).

    `frame` is a pandas DataFrame, a pyarrow RecordBatch or a pyarrow Table; the answer has the same
    type, the same rows in the same order, and the input's columns first. Row i is check() of
    frame[column][i]: verdict, score, the ids of the red flags and of the lowering signs, the
    fraud type the red flags support most, the model's probability, and `error` (null when the message was checked). The added columns have the same
    Arrow types whatever the rows (pandas: ArrowDtype columns), so that an empty frame is a correct
    `meta` for Dask and every partition writes the same Parquet schema.
    """
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        import pandas as pd

        if column not in frame.columns:  # type: ignore[attr-defined]
            raise KeyError(f"no column {column!r}")
        arrays = _result_arrays(frame[column].tolist())  # type: ignore[index]
        index = frame.index  # type: ignore[attr-defined]
        added = {name: pd.Series(pd.arrays.ArrowExtensionArray(array), index=index) for name, array in arrays.items()}
        return frame.assign(**added)  # type: ignore[attr-defined]
    if module == "pyarrow":
        if column not in frame.schema.names:  # type: ignore[attr-defined]
            raise KeyError(f"no column {column!r}")
        arrays = _result_arrays(frame.column(column).to_pylist())  # type: ignore[attr-defined]
        names = [name for name in frame.schema.names if name not in RESULT_COLUMNS]  # type: ignore[attr-defined]
        columns = [frame.column(name) for name in names] + list(arrays.values())  # type: ignore[attr-defined]
        return type(frame).from_arrays(columns, names=names + list(arrays))  # type: ignore[attr-defined]
    raise TypeError(f"check_frame takes a pandas DataFrame or a pyarrow RecordBatch / Table, not {type(frame).__name__}")


def _result_arrays(texts: list[object]) -> dict[str, Any]:
    """The result columns as Arrow arrays of the types in RESULT_COLUMNS."""
    import pyarrow as pa

    types = {"string": pa.string(), "float64": pa.float64(), "list<string>": pa.list_(pa.string())}
    values = check_values(texts)
    return {name: pa.array(values[name], type=types[arrow]) for name, (arrow, _) in RESULT_COLUMNS.items()}
