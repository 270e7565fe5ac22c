"""A pytest plugin for scripts/mutation.py: which test runs which line of one module.

Loaded with `-p mutation_trace`; MUTATION_TRACE_FILE names the module's file, MUTATION_TRACE_OUT
the JSON written at the end: {"tests": [node ids in run order], "lines": {line: [test indexes]}}.
Only frames of that one file are traced, so the run costs little more than a plain one.
"""

import json
import os
import sys
import threading

import pytest

_TARGETS = {os.environ["MUTATION_TRACE_FILE"], os.path.realpath(os.environ["MUTATION_TRACE_FILE"])}
_tests = []
_lines = {}
_current = None


def _record(line):
    if _current is not None:
        _lines.setdefault(line, set()).add(_current)


def _local(frame, event, arg):
    if event == "line":
        _record(frame.f_lineno)
    return _local


def _global(frame, event, arg):
    if frame.f_code.co_filename in _TARGETS:
        _record(frame.f_lineno)  # the def line: its default arguments matter to every caller
        return _local
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    global _current
    _tests.append(item.nodeid)
    _current = len(_tests) - 1
    sys.settrace(_global)
    threading.settrace(_global)
    try:
        yield
    finally:
        sys.settrace(None)
        threading.settrace(None)
        _current = None


def pytest_sessionfinish(session, exitstatus):
    with open(os.environ["MUTATION_TRACE_OUT"], "w") as out:
        json.dump({"tests": _tests, "lines": {str(line): sorted(ids) for line, ids in _lines.items()}}, out)
