"""checker: is this 'lawyer's letter' SMS suspicious, and where to verify before paying.

    from checker import check
    result = check(pasted_text)
    result.verdict, result.flags, result.advice, result.to_dict()

Importing the package is cheap: jieba and the model load on the first check, scikit-learn never
(it is used only by `checker train` and `checker evaluate`).
"""

from .pipeline import InputError, check, check_many
from .stages.result import CheckResult

__version__ = "0.1.0"
__all__ = ["check", "check_many", "CheckResult", "InputError", "__version__"]
