"""The answer, one module a stage, in the order a message flows through them:

    normalize -> entities -> claims -> rules (filters) -> model (segment) -> verdict -> advice -> result -> render

taxonomy.py holds the fraud types and genuine formats that rules, model and advice share; hosts.py what a
host is (the public-suffix list), which the normaliser and the link reader share.

Each stage imports only the stages before it. `checker.pipeline.check` runs them in this order.
"""
