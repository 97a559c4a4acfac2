"""The answer, one module a stage, in the order a message flows through them:

    normalize -> entities -> rules -> model (segment) -> verdict -> advice -> result -> render

Each stage imports only the stages before it. `checker.pipeline.check` runs them in this order.
"""
