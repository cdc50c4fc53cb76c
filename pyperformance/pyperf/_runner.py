"""``pyperf.Runner`` for rpy: pyperf's interface and options, measured in-process.

Differences from pyperf's worker model (see pyperformance/README.md): there are no worker
processes. ``--processes N`` measures N runs one after the other in this process (so the
runs share one heap, one hash seed and one warmed-up interpreter), loop calibration
happens in the same process before them, and the options that only make sense for
workers (``--worker``, ``--pipe``, ``--calibrate-loops``, ``--compare-to``, ...) are
refused with an explanation. Options about the workers' environment (``--affinity``,
``--inherit-environ``, ``--copy-env``, ``--no-locale``, ``--timeout``) are accepted and
have no effect.
"""

import sys
import time

from . import _argparse
from . import _bench
from . import _check
from . import _stats
from ._worker import BenchmarkError, Task, python_implementation


def python_has_jit():
    return python_implementation() == 'pypy'


def strictly_positive(value):
    value = int(value)
    if value <= 0:
        raise ValueError('value must be > 0')
    return value


def positive_or_nul(value):
    if '^' in value:
        base, _, power = value.partition('^')
        value = int(base) ** int(power)
    else:
        value = int(value)
    if value < 0:
        raise ValueError('value must be >= 0')
    return value


def comma_separated(values):
    return [value.strip() for value in values.split(',') if value.strip()]


class CLIError(Exception):
    pass


# Options pyperf has that make no sense without worker processes: (option, takes a value,
# why it is refused).
_REFUSED = (
    ('--worker', False, 'runs benchmarks in-process: there are no worker processes'),
    ('--worker-task', True, 'runs benchmarks in-process: there are no worker processes'),
    ('--pipe', True, 'runs benchmarks in-process: there are no worker pipes'),
    ('--calibrate-loops', False, 'calibrates loops in-process when --loops is 0'),
    ('--recalibrate-loops', False, 'calibrates loops in-process when --loops is 0'),
    ('--calibrate-warmups', False, 'does not calibrate warmups: pass --warmups'),
    ('--recalibrate-warmups', False, 'does not calibrate warmups: pass --warmups'),
    ('--compare-to', True, 'cannot run another interpreter in-process: run the benchmark '
                           'under each interpreter and use "python -m pyperf compare_to"'),
    ('--python-names', True, 'does not implement --compare-to'),
    ('--profile', True, 'has no cProfile support'),
    ('--hook', True, 'has no hooks'),
    ('--tracemalloc', False, 'does not trace memory'),
    ('--track-memory', False, 'does not track memory'),
    ('--hist', False, 'does not draw histograms: use "python -m pyperf hist" on the JSON file'),
)


def _refused_dest(option):
    return 'refused_' + option.lstrip('-').replace('-', '_')


class Runner:
    _created = False

    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None,
                 warmups=1):
        # As pyperf: a second Runner in one process is a mistake that would mix results.
        if Runner._created:
            raise RuntimeError('only one Runner instance must be created per process: '
                               'use the same instance to run all benchmarks')
        Runner._created = True

        jit = python_has_jit()
        if not values:
            values = 10 if jit else 3
        if not processes:
            processes = 6 if jit else 20
        self.metadata = metadata if metadata is not None else {}
        self.args = None
        self._bench_names = set()
        self._suite = None
        # Kept for pyperf compatibility: they build worker command lines, and there are
        # no workers here.
        self._add_cmdline_args = add_cmdline_args
        self._program_args = program_args if program_args else (sys.argv[0],)
        self._show_name = show_name

        parser = _argparser if _argparser is not None else _argparse.ArgumentParser()
        parser.description = 'Benchmark'
        add = parser.add_argument
        add('--rigorous', action='store_true',
            help='Spend longer running tests to get more accurate results')
        add('--fast', action='store_true', help='Get rough answers quickly')
        add('--debug-single-value', action='store_true',
            help='Debug mode, only compute a single value')
        add('-p', '--processes', type=strictly_positive, default=processes,
            help='number of runs (measured in-process, default: %s)' % processes)
        add('-n', '--values', dest='values', type=strictly_positive, default=values,
            help='number of values per run (default: %s)' % values)
        add('-w', '--warmups', type=positive_or_nul, default=warmups,
            help='number of skipped values per run used to warmup the benchmark')
        add('-l', '--loops', type=positive_or_nul, default=loops,
            help='number of loops per value, 0 means automatic calibration (default: %s)'
                 % loops)
        add('-v', '--verbose', action='store_true', help='enable verbose mode')
        add('-q', '--quiet', action='store_true', help='enable quiet mode')
        add('-o', '--output', metavar='FILENAME',
            help='write results encoded to JSON into FILENAME')
        add('--append', metavar='FILENAME', help='append results encoded to JSON into FILENAME')
        add('--min-time', type=float, default=min_time,
            help='Minimum duration in seconds of a single value, used to calibrate the '
                 'number of loops (default: %s)' % _stats.format_timedelta(min_time))
        add('-d', '--dump', action='store_true', help='display benchmark run results')
        add('--metadata', '-m', action='store_true', help='show metadata')
        add('--stats', '-t', action='store_true', help='display statistics (min, max, ...)')
        add('--timeout', type=strictly_positive, help='accepted; no effect in-process')
        add('--affinity', metavar='CPU_LIST', help='accepted; no effect in-process')
        add('--inherit-environ', metavar='VARS', type=comma_separated,
            help='accepted; no effect in-process')
        add('--copy-env', action='store_true', help='accepted; no effect in-process')
        add('--no-locale', dest='locale', action='store_false', default=True,
            help='accepted; no effect in-process')
        add('--python', default=sys.executable,
            help='Python executable: only the running one is supported')
        for option, takes_value, _ in _REFUSED:
            add(option, dest=_refused_dest(option), action='store' if takes_value else 'count',
                help=_argparse.SUPPRESS)
        self.argparser = parser

    # -- arguments ------------------------------------------------------------------------

    def _process_args(self):
        args = self.args
        for option, _, reason in _REFUSED:
            if getattr(args, _refused_dest(option), None) is not None:
                raise CLIError('%s is not supported: rpy\'s pyperf %s' % (option, reason))
        if args.quiet:
            args.verbose = False
        nprocess = self.argparser.get_default('processes')
        nvalues = self.argparser.get_default('values')
        if args.rigorous:
            args.processes = nprocess * 2
        elif args.fast:
            args.processes = max(nprocess // 2, 3)
            args.values = max(nvalues * 2 // 3, 2)
        elif args.debug_single_value:
            args.processes = 1
            args.warmups = 0
            args.values = 1
            args.loops = 1
            args.min_time = 1e-9
        if args.python and sys.executable and args.python != sys.executable:
            raise CLIError('--python=%s is not supported: rpy\'s pyperf runs benchmarks '
                           'in-process with the running interpreter' % args.python)
        if args.output:
            try:
                open(args.output, 'r').close()
            except OSError:
                pass
            else:
                raise CLIError('The JSON file %r already exists' % args.output)

    def parse_args(self, args=None):
        if self.args is not None and args is None:
            return self.args
        if self.args is not None:
            raise RuntimeError('arguments already parsed')
        self.args = self.argparser.parse_args(args)
        try:
            self._process_args()
        except CLIError as exc:
            print('ERROR: %s' % exc)
            sys.exit(1)
        return self.args

    # -- benchmarks -----------------------------------------------------------------------

    @staticmethod
    def _options(kwargs, extra=()):
        """Pop inner_loops, metadata and the ``extra`` keywords; refuse any other."""
        found = [kwargs.pop(name, None) for name in ('inner_loops', 'metadata') + extra]
        if kwargs:
            raise TypeError('unexpected keyword argument %s'
                            % ', '.join(repr(name) for name in sorted(kwargs)))
        return found

    def _check_name(self, name):
        if name in self._bench_names:
            raise ValueError('duplicated benchmark name: %r' % name)
        self._bench_names.add(name)

    def _benchmark(self, name, task_func, once, metadata=None, inner_loops=None):
        """Measure ``task_func(loops)``, or in check mode record what ``once()`` returns."""
        self.parse_args()
        recorder = _check.active()
        if recorder is None:
            return self._main(Task(self, name, task_func, metadata, inner_loops))
        self._check_name(name)
        recorder.record(name, once())
        return None

    def bench_time_func(self, name, time_func, *args, **kwargs):
        """Benchmark ``time_func(loops, *args)``, which returns the seconds its loops took."""
        inner_loops, metadata = self._options(kwargs)

        def task_func(loops):
            return time_func(loops, *args)

        def once():
            time_func(1, *args)

        return self._benchmark(name, task_func, once, metadata, inner_loops)

    def bench_func(self, name, func, *args, **kwargs):
        """Benchmark ``func(*args)``."""
        inner_loops, metadata = self._options(kwargs)

        def task_func(loops):
            timer = time.perf_counter
            started = timer()
            for _ in range(loops):
                func(*args)
            return timer() - started

        return self._benchmark(name, task_func, lambda: func(*args), metadata, inner_loops)

    def bench_async_func(self, name, func, *args, **kwargs):
        """Benchmark ``await func(*args)``.

        Without ``loop_factory`` the coroutine is driven directly (``send(None)`` until it
        finishes), which needs no asyncio; a coroutine that awaits an event-loop future
        is an error then. With ``loop_factory`` the loop it makes runs the coroutine.
        """
        inner_loops, metadata, loop_factory = self._options(kwargs, ('loop_factory',))

        async def timed(loops):
            timer = time.perf_counter
            started = timer()
            for _ in range(loops):
                await func(*args)
            return timer() - started

        async def awaited_once():
            return await func(*args)

        def task_func(loops):
            return _run_coroutine(timed(loops), loop_factory)

        def once():
            return _run_coroutine(awaited_once(), loop_factory)

        return self._benchmark(name, task_func, once, metadata, inner_loops)

    def bench_command(self, name, command):
        """Benchmark running ``command`` (a list of arguments) to completion, wall clock."""
        command = list(command)

        def task_func(loops):
            timer = time.perf_counter
            started = timer()
            for _ in range(loops):
                _run_command(command)
            return timer() - started

        return self._benchmark(name, task_func, lambda: _run_command(command),
                               {'command': ' '.join(command)})

    def _main(self, task):
        self._check_name(task.name)
        args = self.args
        try:
            bench = task.create_benchmark(show_progress=not args.quiet)
        except BenchmarkError as exc:
            print('ERROR: %s' % exc)
            sys.exit(1)
        except KeyboardInterrupt:
            sys.stderr.write('Benchmark interrupted: exit\n')
            sys.exit(1)
        self._display(bench)
        self._save(bench)
        return bench

    # -- output ---------------------------------------------------------------------------

    def _display(self, bench):
        args = self.args
        from ._display import format_benchmark
        lines = format_benchmark(bench, checks=not args.quiet, metadata=args.metadata,
                                 dump=args.dump, stats=args.stats, show_name=self._show_name)
        for line in lines:
            print(line)
        sys.stdout.flush()

    def _save(self, bench):
        args = self.args
        if args.append:
            _bench.add_runs(args.append, bench)
        if args.output:
            if self._suite is None:
                self._suite = _bench.BenchmarkSuite([bench])
                self._suite.dump(args.output)
            else:
                self._suite.add_benchmark(bench)
                self._suite.dump(args.output, replace=True)


def _run_coroutine(coro, loop_factory):
    if loop_factory is not None:
        loop = loop_factory()
        try:
            return loop.run_until_complete(coro)
        finally:
            loop.close()
    while True:
        try:
            awaited = coro.send(None)
        except StopIteration as stop:
            return stop.value
        if awaited is not None:
            coro.close()
            raise RuntimeError('bench_async_func: the coroutine awaited %r, which needs an '
                               'event loop; pass loop_factory= to run it in one' % (awaited,))


def _run_command(command):
    import subprocess
    completed = subprocess.run(command, stdout=subprocess.DEVNULL)
    if completed.returncode:
        raise BenchmarkError('command failed with exit code %s: %s'
                             % (completed.returncode, ' '.join(command)))
    return completed.returncode
