"""check(text): the whole flow, text -> normalise -> entities -> claims -> rules -> model -> verdict -> advice.

Pure: prints nothing, never exits, opens no connection, writes no file, keeps no message text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator

from .stages import advice as advice_stage
from .stages import claims as claims_stage
from .stages import filters as filters_stage
from .stages import model as model_stage
from .stages.entities import extract
from .stages.normalize import normalize
from .stages.result import CheckResult, ModelCue
from .stages.rules import Evidence, Flag, catalogue, find_flags
from .stages.verdict import ORDER, ModelOpinion, decide

MAX_CHARS = 1_000_000
MAX_ENTITIES = 200  # listed in the result; the rules see them all


class InputError(ValueError):
    """The input cannot be checked (empty, blank, too long, not text)."""


def _model_opinion(norm, entities, load_model):
    """(prediction, opinion, status); prediction and opinion are None when the model cannot be trusted."""
    try:
        model = load_model()
    except model_stage.ModelError as exc:
        return None, None, f"unavailable: {exc}"
    prediction = model.predict(norm, entities)
    enough = prediction.known_words >= model_stage.MIN_KNOWN_WORDS
    opinion = ModelOpinion(prediction.probability, model.agree_threshold, model.lift_threshold, enough)
    return prediction, opinion, "ok" if enough else "ok: too few known words to weigh"


def check(text: str) -> CheckResult:
    """Check one pasted message. Raises InputError for input that cannot be checked."""
    return check_with(text, model_stage.load)


def check_with(text: str, load_model) -> CheckResult:
    """check() with the model that `load_model()` returns (evaluation of fold models uses this)."""
    if not isinstance(text, str):
        raise InputError("the message must be text (str)")
    if not text.strip():
        raise InputError("the message is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"the message is longer than {MAX_CHARS:,} characters")
    norm = normalize(text)
    entities = extract(norm)
    reading = claims_stage.read(norm, entities)
    flags, suppressed = _filtered_flags(norm, entities, reading)
    prediction, opinion, model_status = _model_opinion(norm, entities, load_model)
    probability = prediction.probability if prediction else None
    verdict = decide([f.weight for f in flags], opinion, catalogue().verdict, _floor(flags, reading))
    red_flags = [f.id for f in flags if f.weight > 0 or f.id in reading.finding_ids]
    # The reminder goes with any talk of money or law, and with any red flag, whatever the verdict.
    money_or_legal = bool(red_flags) or advice_stage.speaks_of_money_or_law(norm.text)
    reminder_zh, reminder_en = advice_stage.reminder(money_or_legal)
    cues: tuple[ModelCue, ...] = ()
    if prediction is not None and verdict.model_counted:
        naming = prediction.naming()
        cues = tuple(
            ModelCue(term, weight, tuple(Evidence(s, e, text[s:e]) for s, e in spans))
            for term, weight, spans in naming.cues
        )
        # The model's opinion is a named flag too, weighted by the points it added to the score.
        scale = catalogue().verdict["scale"]
        model_points = -scale * math.log(max(1.0 - verdict.score, 1e-12)) - verdict.rule_points
        flags = (*flags, model_stage.named_flag(naming, text, model_points))
    notes = ()
    if len(entities) > MAX_ENTITIES:
        notes = (f"entities: the first {MAX_ENTITIES} of {len(entities)} are listed",)
    return CheckResult(
        verdict=verdict.verdict,
        score=verdict.score,
        flags=flags,
        entities=entities[:MAX_ENTITIES],
        advice=advice_stage.advise(entities, red_flags, money_or_legal),
        reminder=reminder_zh,
        reminder_en=reminder_en,
        rule_points=verdict.rule_points,
        model_probability=None if probability is None else round(probability, 4),
        model_cues=cues,
        model_status=model_status,
        notes=notes,
        claims=reading.to_dict(),
        suppressed=suppressed,
        steps=advice_stage.next_steps(entities, flags, verdict.verdict),
        # The judgement's channel_mismatch already names these: say it once.
        not_official=tuple(
            line for line in advice_stage.not_official(entities) if not any(v and v in line[0] for v in reading.mismatched_values)
        ),
    )


def _floor(flags: tuple[Flag, ...], reading: claims_stage.Reading) -> str:
    """The least verdict: the judgement's floor and, where lowering is not allowed, the level the red
    flags alone reach (the model can add to them, never take away: padding cannot dilute them)."""
    floor = reading.floor
    if not reading.lowering_allowed:
        config = catalogue().verdict
        alone = decide([f.weight for f in flags if f.weight > 0], None, config).verdict
        floor = max(floor, alone, key=ORDER.index)
    return floor


def _filtered_flags(norm, entities, reading: claims_stage.Reading):
    """The rules' flags and the judgement's findings, after the named filters; and what they suppressed."""
    policy = filters_stage.negation(reading)
    flags, negated = find_flags(norm, entities, policy)
    suppressed = [
        filters_stage.suppressed(rule, filter_id, tuple((e.start, e.end, e.text) for e in evidence[:3]))
        for rule, (filter_id, evidence) in negated.items()
    ]
    if not reading.lowering_allowed:
        lowering = [f for f in flags if f.weight < 0]
        suppressed += [
            filters_stage.suppressed(f.id, filters_stage.LOWERING_NEEDS_OFFICIAL_CHANNELS, tuple((e.start, e.end, e.text) for e in f.evidence[:3]))
            for f in lowering
        ]
        flags = tuple(f for f in flags if f.weight >= 0)
    findings = tuple(
        Flag(
            f.id,
            f.title,
            f.title_en,
            f.why,
            f.why_en,
            f.weight,
            tuple(Evidence(s.start, s.end, s.text, f"claims:{f.id}") for s in f.evidence),
            f.source,
            f.types,
        )
        for f in reading.findings
    )
    ordered = tuple(sorted(findings + flags, key=lambda f: (-f.weight, f.id)))
    return ordered, tuple(suppressed)


def check_many(texts: Iterable[str], n_jobs: int = 1, chunk_size: int = 256) -> Iterator[CheckResult | InputError]:
    """Check many messages, yielding results in input order.

    A message that cannot be checked yields its InputError instead of stopping the run. With
    n_jobs > 1, chunks are checked in parallel worker processes (joblib); memory stays bounded
    because texts are read and results yielded a few chunks at a time.
    """
    return ordered_map(safe_check, texts, n_jobs, chunk_size)


def ordered_map(fn: Callable, items: Iterable, n_jobs: int = 1, chunk_size: int = 256) -> Iterator:
    """fn(item) for each item, in input order, in `n_jobs` processes; fn must be picklable."""
    if n_jobs == 1:
        for item in items:
            yield fn(item)
        return
    from joblib import Parallel, delayed

    # Our tasks are already chunks: one per dispatch keeps both workers busy to the end.
    with Parallel(n_jobs=n_jobs, return_as="generator", batch_size=1) as parallel:
        for results in parallel(delayed(_map_chunk)(fn, chunk) for chunk in _chunks(items, chunk_size)):
            yield from results


def safe_check(text) -> CheckResult | InputError:
    """check(), with input that cannot be checked returned as its InputError instead of raised."""
    if isinstance(text, InputError):  # a line the reader could not turn into text
        return text
    try:
        return check(text)
    except InputError as exc:
        return exc


def _map_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
