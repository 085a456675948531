"""The validator's rules, one per module; registry.py finds every module here.

To add a rule, add one module that defines `RULE = Rule(...)` (see registry.py: what it
checks, the files it applies to, how to fix what it reports, and its `check` function,
which yields `path:line:column` problems in Vietnamese saying what to do), and its test,
tests/test_validate_<module name>.py. Nothing else lists the rules. Every problem is
sorted by file and position before it is reported, so the rules' order does not matter.
"""
