"""rpy's pyperf: the pyperf API the pyperformance workloads use, measured in-process.

Our own implementation of pyperf's interface (``Runner``, ``perf_counter``,
``python_implementation``, the JSON result classes), written to need only ``sys`` and
``time`` so that rpy can run it before it has argparse, json or subprocess. Results are
written in pyperf's JSON format; see pyperformance/README.md for what differs from pyperf.
"""

import time

from ._bench import Benchmark, BenchmarkSuite, Run, add_runs
from ._runner import Runner, python_has_jit
from ._worker import python_implementation

__version__ = '2.10.0'
VERSION = (2, 10, 0)

perf_counter = time.perf_counter

__all__ = ['Benchmark', 'BenchmarkSuite', 'Run', 'Runner', 'add_runs', 'perf_counter',
           'python_has_jit', 'python_implementation']
