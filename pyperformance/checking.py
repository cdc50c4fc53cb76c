"""Compare a workload's check-mode output with the values CPython 3.14 recorded.

A check output (written by ``launch.py --check``) holds the canonical return values of
the benchmarked functions, the probe's value and, added by the harness, the workload's
stdout. ``expected/NAME.json`` holds the same recorded once with CPython 3.14
(``make pyperformance-expected``). Comparison is exact; the first difference is described.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED_DIR = os.path.join(HERE, 'expected')
COMPARED = ('returns', 'probe', 'stdout')


def expected_path(name, directory=EXPECTED_DIR):
    return os.path.join(directory, name + '.json')


def load_expected(name, directory=EXPECTED_DIR):
    try:
        with open(expected_path(name, directory), encoding='utf-8') as fp:
            return json.load(fp)
    except FileNotFoundError:
        return None


def _short(value):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + '...'


def first_difference(expected, actual, where='$'):
    """Describe the first place where two JSON values differ, or return None."""
    if type(expected) is not type(actual):
        return '%s: expected %s, got %s' % (where, _short(expected), _short(actual))
    if isinstance(expected, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                return '%s: missing %r' % (where, key)
            if key not in expected:
                return '%s: unexpected %r' % (where, key)
            found = first_difference(expected[key], actual[key], '%s.%s' % (where, key))
            if found:
                return found
        return None
    if isinstance(expected, list):
        for index, (left, right) in enumerate(zip(expected, actual)):
            found = first_difference(left, right, '%s[%d]' % (where, index))
            if found:
                return found
        if len(expected) != len(actual):
            return '%s: expected %d items, got %d' % (where, len(expected), len(actual))
        return None
    if expected != actual:
        return '%s: expected %s, got %s' % (where, _short(expected), _short(actual))
    return None


def compare(expected, actual):
    """None when ``actual`` matches ``expected`` on every compared key, else the reason."""
    for key in COMPARED:
        found = first_difference(expected.get(key), actual.get(key), key)
        if found:
            return found
    return None
