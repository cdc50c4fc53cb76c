"""Measuring one benchmark in-process: loop calibration, warmups, values and metadata.

pyperf spawns one worker process per run; rpy's pyperf runs everything in the current
process, so a "run" here is one block of warmups and values measured in sequence. The
calibration follows pyperf: start at one loop per value and double the loop count while a
value's raw duration stays under ``min_time``, computing ``warmups + values`` values (plus
one per doubling); the calibration run is recorded with its warmups and
``calibrate_loops`` metadata, as pyperf records it.
"""

import sys
import time

from . import _bench
from . import _stats

MAX_LOOPS = 2 ** 32
PERF_VERSION = '2.10.0 (rpy pyperf, in-process)'


def python_implementation():
    return sys.implementation.name.lower()


def _date():
    localtime = getattr(time, 'localtime', None)
    if localtime is None:
        return None
    parts = localtime()
    return '%04d-%02d-%02d %02d:%02d:%02d' % tuple(parts[:6])


def collect_metadata():
    """What this interpreter can say about itself, with the keys pyperf uses."""
    version = sys.version_info
    metadata = {
        'python_implementation': python_implementation(),
        'python_version': '%d.%d.%d (%d-bit)' % (version[0], version[1], version[2],
                                                  64 if sys.maxsize > 2 ** 32 else 32),
        'perf_version': PERF_VERSION,
        'timer': 'time.perf_counter()',
    }
    if sys.executable:
        metadata['python_executable'] = sys.executable
    date = _date()
    if date:
        metadata['date'] = date
    try:
        import os
        count = os.cpu_count()
    except (ImportError, AttributeError):
        count = None
    if count:
        metadata['cpu_count'] = count
    return metadata


class BenchmarkError(Exception):
    """The benchmark cannot be measured (reported like pyperf's errors)."""


class Task:
    """One named benchmark: ``task_func(loops)`` returns the raw seconds of ``loops`` loops."""

    def __init__(self, runner, name, task_func, func_metadata, inner_loops=None):
        name = name.strip() if isinstance(name, str) else name
        if not isinstance(name, str) or not name:
            raise ValueError('benchmark name must be a non-empty string')
        self.name = name
        self.args = runner.args
        self.task_func = task_func
        self.inner_loops = inner_loops
        self.loops = self.args.loops
        metadata = dict(runner.metadata)
        if func_metadata:
            metadata.update(func_metadata)
        metadata.setdefault('unit', 'second')
        metadata['name'] = name
        if inner_loops is not None:
            metadata['inner_loops'] = inner_loops
        self.metadata = metadata

    def _say(self, text):
        if self.args.verbose:
            print(text)

    def compute_values(self, nvalue, is_warmup=False, calibrate=False):
        """Measure ``nvalue`` values (more while calibrating) at ``self.loops`` loops."""
        values = []
        inner = self.inner_loops or 1
        index = 1
        while index <= nvalue:
            raw = float(self.task_func(self.loops))
            value = raw / (self.loops * inner)
            if not value and not calibrate:
                raise BenchmarkError('benchmark function returned zero')
            if is_warmup:
                values.append((self.loops, value))
                self._say('Warmup %d: %s (loops: %s, raw: %s)'
                          % (index, _stats.format_timedelta(value),
                             _stats.format_number(self.loops), _stats.format_timedelta(raw)))
            else:
                values.append(value)
                self._say('Value %d: %s' % (index, _stats.format_timedelta(value)))
            if calibrate and raw < self.args.min_time:
                if self.loops * 2 > MAX_LOOPS:
                    raise BenchmarkError(
                        'failed to calibrate the number of loops: raw timing %s with %s is '
                        'still smaller than the minimum time of %s'
                        % (_stats.format_timedelta(raw), _stats.format_number(self.loops, 'loop'),
                           _stats.format_timedelta(self.args.min_time)))
                self.loops *= 2
                nvalue += 1
            index += 1
        return values

    def _finish_run(self, values, warmups, metadata, started):
        metadata = dict(metadata)
        metadata['loops'] = self.loops
        metadata['duration'] = time.perf_counter() - started
        return _bench.Run(values, warmups=warmups, metadata=metadata)

    def calibration_run(self):
        """Find the loop count; the values measured on the way are the run's warmups."""
        started = time.perf_counter()
        self.loops = 1
        nvalue = (self.args.warmups or 0) + self.args.values
        warmups = self.compute_values(nvalue, is_warmup=True, calibrate=True)
        self._say('Calibration: use %s loops' % _stats.format_number(self.loops))
        metadata = dict(self.metadata)
        metadata['calibrate_loops'] = self.loops
        return self._finish_run((), warmups, metadata, started)

    def measure_run(self):
        started = time.perf_counter()
        warmups = ()
        if self.args.warmups:
            warmups = self.compute_values(self.args.warmups, is_warmup=True)
        values = self.compute_values(self.args.values)
        return self._finish_run(values, warmups, self.metadata, started)

    def create_benchmark(self, show_progress):
        """Calibrate if loops is 0, then measure ``processes`` runs in this process."""
        common = collect_metadata()
        common.update(self.metadata)
        self.metadata = common
        runs = []
        if self.loops < 1:
            runs.append(self.calibration_run())
            if show_progress:
                _progress_dot()
        for _ in range(self.args.processes):
            runs.append(self.measure_run())
            if show_progress:
                _progress_dot()
        if show_progress:
            print()
        return _bench.Benchmark(runs)


def _progress_dot():
    sys.stdout.write('.')
    sys.stdout.flush()
