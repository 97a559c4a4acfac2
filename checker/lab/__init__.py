"""The team's tools: training, evaluation, benchmarks, disguise and red-team generators, the model card.

Nothing in the product (`checker.pipeline`, `checker.stages`, `checker.cli` for a check) imports this
package; `tests/test_layout.py` holds that line.
"""
