"""checker: is this pasted SMS suspicious, and where to verify before paying. Offline.

    from checker import check
    result = check(pasted_text)
    result.verdict                  # "low_risk" | "suspicious" | "high_risk"
    result.red_flags, result.lowering_signs, result.advice
    result.to_dict()                # JSON-ready; checker/data/schema.json describes it

Offsets (`Evidence.start`, `Entity.start` ...) count Python code points of the pasted text;
`result.to_dict(offsets="utf16")` gives UTF-16 offsets for JavaScript, Java or Kotlin apps.

Importing the package is cheap: the rules and the model load on the first check. scikit-learn and
jieba (the `[train]` extra) and pandas / pyarrow (the `[engine]` extra) are never imported by a check.
"""

from .frame import check_frame
from .pipeline import InputError, check, check_many, preload
from .stages.advice import Advice, Step
from .stages.entities import Entity
from .stages.result import (
    SCHEMA_VERSION,
    VERDICTS,
    CheckResult,
    ModelCue,
    OffsetUnit,
    Verdict,
)
from .stages.rules import Evidence, Flag

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "VERDICTS",
    "Advice",
    "CheckResult",
    "Entity",
    "Evidence",
    "Flag",
    "InputError",
    "ModelCue",
    "OffsetUnit",
    "Step",
    "Verdict",
    "__version__",
    "check",
    "check_frame",
    "check_many",
    "preload",
]
