"""Past one machine: check_frame on pandas and Arrow, and on a real Dask cluster of two worker processes.

Every row must get exactly what check() gives that message in this process.
"""

import itertools
import json
import math
from importlib import resources

import pytest

from checker import check
from checker.frame import RESULT_COLUMNS, SPARK_DDL, check_frame

pd = pytest.importorskip("pandas", reason="check_frame on pandas needs the [engine] extra")
pa = pytest.importorskip("pyarrow", reason="check_frame on Arrow needs the [engine] extra")

SAMPLE = [
    json.loads(line)["text"]
    for line in resources.files("checker").joinpath("data/bench_sample.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# A few hundred rows, and rows that cannot be checked.
TEXTS = [*itertools.islice(itertools.cycle(SAMPLE), 300), None, "", "   "]


def expected(text):
    """The columns check() gives one message (what every engine must reproduce)."""
    if not isinstance(text, str) or not text.strip():
        return dict.fromkeys(("verdict", "score", "red_flags", "lowering_signs", "fraud_type", "model_probability"))
    result = check(text)
    return {
        "verdict": result.verdict,
        "score": result.score,
        "red_flags": [f.id for f in result.red_flags],
        "lowering_signs": [f.id for f in result.lowering_signs],
        "fraud_type": result.fraud_type,
        "model_probability": result.model_probability,
    }


def _plain(value):
    """pandas and Arrow hand back NaN for a missing score and arrays for lists: compare as Python."""
    if value is None or value is pd.NA or isinstance(value, str):
        return None if value is pd.NA else value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    return list(value)


def assert_rows_match(rows, texts):
    assert len(rows) == len(texts)
    for row, text in zip(rows, texts):
        want = expected(text)
        assert {key: _plain(row[key]) for key in want} == want, text
        assert (_plain(row["error"]) is None) == (want["verdict"] is not None)


def test_pandas_frame_keeps_rows_and_columns_and_adds_the_results():
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    out = check_frame(frame)
    assert list(out.columns) == ["id", "text", *RESULT_COLUMNS]
    assert list(out["id"]) == list(range(len(TEXTS)))
    assert_rows_match(out.to_dict("records"), TEXTS)


@pytest.mark.parametrize("kind", ["batch", "table"])
def test_arrow_record_batch_and_table(kind):
    data = {"id": list(range(len(TEXTS))), "message": TEXTS}
    frame = pa.RecordBatch.from_pydict(data) if kind == "batch" else pa.Table.from_pydict(data)
    out = check_frame(frame, column="message")
    assert type(out) is type(frame)
    assert out.schema.names == ["id", "message", *RESULT_COLUMNS]
    assert out.schema.field("red_flags").type == pa.list_(pa.string())
    assert_rows_match(out.to_pylist(), TEXTS)


def test_spark_ddl_names_every_column():
    assert [part.split()[0] for part in SPARK_DDL.split(", ")] == list(RESULT_COLUMNS)


def test_a_missing_column_or_another_type_is_refused():
    with pytest.raises(KeyError):
        check_frame(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(TypeError):
        check_frame(["not a frame"])


def test_dask_local_cluster_of_two_processes_gives_check_results_on_every_row():
    dd = pytest.importorskip("dask.dataframe", reason="the engine test needs the [engine] extra")
    distributed = pytest.importorskip("distributed", reason="the engine test needs the [engine] extra")
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    meta = check_frame(frame.head(0))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        ddf = dd.from_pandas(frame, npartitions=4)
        out = ddf.map_partitions(check_frame, meta=meta).compute()
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes really ran
    out = out.sort_values("id")
    assert list(out["id"]) == list(range(len(TEXTS)))
    assert_rows_match(out.to_dict("records"), TEXTS)
