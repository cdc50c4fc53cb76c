"""Unit tests of rpy's pyperf package (runs on CPython 3.11+: python3 -m unittest)."""

import contextlib
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

HARNESS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if HARNESS not in sys.path:
    sys.path.insert(0, HARNESS)

import pyperf  # noqa: E402  (our package, from HARNESS)
from pyperf import _argparse, _bench, _check, _json, _runner, _stats  # noqa: E402


class JsonTests(unittest.TestCase):
    SAMPLES = [None, True, False, 0, -7, 2 ** 80, 1.5, -0.0, 1e-300, 'plain',
               'quote " backslash \\ newline \n tab \t bell \x07', 'caf\xe9 \u20ac \U0001f600',
               [], {}, [1, [2, [3, {}]]], {'b': 1, 'a': [1.25, 'x'], 'c': {'d': None}}]

    def test_dumps_matches_stdlib(self):
        for value in self.SAMPLES:
            for kwargs in ({}, {'sort_keys': True}, {'indent': 2},
                           {'sort_keys': True, 'separators': (',', ':')}):
                self.assertEqual(_json.dumps(value, **kwargs), json.dumps(value, **kwargs))

    def test_non_finite_floats_as_stdlib(self):
        text = _json.dumps([float('nan'), float('inf'), -float('inf')])
        self.assertEqual(text, json.dumps([float('nan'), float('inf'), -float('inf')]))
        back = _json.loads(text)
        self.assertTrue(math.isnan(back[0]))
        self.assertEqual(back[1:], [float('inf'), -float('inf')])

    def test_loads_round_trip(self):
        for value in self.SAMPLES:
            self.assertEqual(_json.loads(json.dumps(value)), value)
            self.assertEqual(_json.loads(json.dumps(value, indent=3)), value)
        self.assertEqual(_json.loads('"\\ud83d\\ude00 \\u00e9 \\/"'), '\U0001f600 \xe9 /')
        self.assertEqual(_json.loads(' [1, 2.5e3, -4] '), [1, 2500.0, -4])

    def test_loads_rejects_bad_documents(self):
        for text in ('', '[1,', '{"a" 1}', '[1 2]', '"abc', '{1: 2}', '[1] x', '"\\q"',
                     '"\\u12"', '[' * 500 + ']' * 500, 'nul'):
            with self.assertRaises(ValueError, msg=text):
                _json.loads(text)

    def test_dumps_rejects_unknown_types(self):
        with self.assertRaises(TypeError):
            _json.dumps({1: 2})
        with self.assertRaises(TypeError):
            _json.dumps(object())


class StatsTests(unittest.TestCase):
    def test_summaries(self):
        self.assertEqual(_stats.mean([1, 2, 3, 6]), 3)
        self.assertAlmostEqual(_stats.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395)
        self.assertEqual(_stats.median([5, 1, 3]), 3)
        self.assertEqual(_stats.median([4, 1, 3, 2]), 2.5)
        self.assertAlmostEqual(_stats.geometric_mean([0.5, 2.0, 4.0]), 2 ** (2 / 3))
        self.assertAlmostEqual(_stats.geometric_mean([1e-200] * 10), 1e-200)

    def test_formats_like_pyperf(self):
        cases = [(0.349, '349 ms'), (1.2345, '1.23 sec'), (0.0000123, '12.3 us'),
                 (123.4, '123 sec'), (0.0123, '12.3 ms'), (5e-10, '0.50 ns')]
        for seconds, text in cases:
            self.assertEqual(_stats.format_timedelta(seconds), text)
        self.assertEqual(_stats.format_timedeltas((0.0123, 0.00045)), ('12.3 ms', '0.5 ms'))
        self.assertEqual(_stats.format_number(2 ** 20), '2^20')
        self.assertEqual(_stats.format_number(10 ** 6, 'loop'), '10^6 loops')
        self.assertEqual(_stats.format_number(1, 'loop'), '1 loop')


def parse_error(parser, argv):
    """Run parse_args expecting exit status 2; return what it wrote to stderr."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        with unittest.TestCase().assertRaises(SystemExit) as caught:
            parser.parse_args(argv)
    assert caught.exception.code == 2, caught.exception.code
    return stderr.getvalue()


class ArgparseTests(unittest.TestCase):
    def make(self):
        parser = _argparse.ArgumentParser(prog='bench')
        parser.add_argument('--iterations', type=int, default=20)
        parser.add_argument('--theta', type=float, default='0.5')
        parser.add_argument('-n', '--values', type=int, default=3)
        parser.add_argument('-v', '--verbose', action='store_true')
        parser.add_argument('-q', '--quiet', action='store_true')
        parser.add_argument('--rng-seed', type=int, default=1234)
        parser.add_argument('--filename', metavar='FILE.PPM')
        parser.add_argument('benchmark', nargs='?', choices=['fft', 'lu'])
        return parser

    def test_defaults_and_string_defaults_converted(self):
        args = self.make().parse_args([])
        self.assertEqual((args.iterations, args.theta, args.values, args.verbose,
                          args.rng_seed, args.filename, args.benchmark),
                         (20, 0.5, 3, False, 1234, None, None))

    def test_option_forms(self):
        args = self.make().parse_args(['--iterations', '5', '--rng-seed=7', '-n4', '-vq',
                                       '--theta', '-0.25', 'lu', '--filename', 'x.ppm'])
        self.assertEqual((args.iterations, args.rng_seed, args.values, args.verbose,
                          args.quiet, args.theta, args.benchmark, args.filename),
                         (5, 7, 4, True, True, -0.25, 'lu', 'x.ppm'))
        self.assertEqual(self.make().parse_args(['--iter', '9']).iterations, 9)
        self.assertEqual(self.make().parse_args(['--', 'fft']).benchmark, 'fft')

    def test_errors_match_argparse(self):
        parser = self.make()
        cases = [(['--iterations', 'x'], "argument --iterations: invalid int value: 'x'"),
                 (['--iterations'], 'argument --iterations: expected one argument'),
                 (['sor'], "argument benchmark: invalid choice: 'sor' (choose from 'fft', 'lu')"),
                 (['--bogus'], 'unrecognized arguments: --bogus'),
                 (['fft', 'lu'], 'unrecognized arguments: lu'),
                 (['--verbose=1'], "argument -v/--verbose: ignored explicit argument '1'")]
        for argv, message in cases:
            output = parse_error(parser, argv)
            self.assertTrue(output.startswith('usage: bench '), output)
            self.assertIn('bench: error: %s\n' % message, output)

    def test_ambiguous_prefix(self):
        parser = _argparse.ArgumentParser(prog='p')
        parser.add_argument('--width')
        parser.add_argument('--warmups')
        self.assertIn('ambiguous option: --w could match --warmups, --width',
                      parse_error(parser, ['--w', '1']))

    def test_required_positional_and_help(self):
        parser = _argparse.ArgumentParser(prog='p', description='Demo')
        parser.add_argument('name', help='the name')
        self.assertIn('the following arguments are required: name', parse_error(parser, []))
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout), self.assertRaises(SystemExit) as caught:
            parser.parse_args(['--help'])
        self.assertEqual(caught.exception.code, 0)
        self.assertIn('usage: p [-h] name', stdout.getvalue())
        self.assertIn('the name', stdout.getvalue())

    def test_custom_type_names_and_conflicts(self):
        parser = _argparse.ArgumentParser(prog='p')
        parser.add_argument('-p', '--processes', type=_runner.strictly_positive)
        self.assertIn("invalid strictly_positive value: '0'",
                      parse_error(parser, ['-p', '0']))
        with self.assertRaises(_argparse.ArgumentError):
            parser.add_argument('--processes')


class CheckTests(unittest.TestCase):
    def test_fnv_vectors(self):
        self.assertEqual(_check.fnv1a64(b''), 'cbf29ce484222325')
        self.assertEqual(_check.fnv1a64(b'a'), 'af63dc4c8601ec8c')
        self.assertEqual(_check.fnv1a64('a'), 'af63dc4c8601ec8c')

    def test_canonical_forms(self):
        class Plain:
            def __init__(self):
                self.x = 1.5
                self.items = (1, 'a')

        class Slotted:
            __slots__ = ('a',)

            def __init__(self):
                self.a = [None]

        class WithRepr:
            def __repr__(self):
                return '<R>'

        canonical = _check.canonical
        self.assertEqual(canonical([1, 2.0, 'x', None, True]), [1, 2.0, 'x', None, True])
        self.assertEqual(canonical((1, 2)), {'tuple': [1, 2]})
        self.assertEqual(canonical({'k': {3, 1, 2}}), {'dict': [['k', {'set': [1, 2, 3]}]]})
        self.assertEqual(canonical(float('nan')), {'float': 'nan'})
        self.assertEqual(canonical(b'ab'), {'bytes': [97, 98]})
        self.assertEqual(canonical(range(1, 9, 2)), {'range': [1, 9, 2]})
        self.assertEqual(canonical(Plain()),
                         {'type': 'Plain', 'attrs': {'x': 1.5, 'items': {'tuple': [1, 'a']}}})
        self.assertEqual(canonical(Slotted()), {'type': 'Slotted', 'attrs': {'a': [None]}})
        self.assertEqual(canonical(WithRepr()), {'type': 'WithRepr', 'repr': '<R>'})

    def test_long_values_are_summarized_and_cycles_cut(self):
        big = list(range(1000))
        summary = _check.canonical(big)
        self.assertEqual((summary['length'], summary['head']), (1000, list(range(8))))
        self.assertNotEqual(summary['fnv1a64'], _check.canonical(big[:-1] + [0])['fnv1a64'])
        text = _check.canonical('x' * 5000)
        self.assertEqual(text['str_length'], 5000)
        loop = []
        loop.append(loop)
        self.assertEqual(_check.canonical(loop), [{'cycle': 'list'}])


class BenchTests(unittest.TestCase):
    def make_run(self, values, **metadata):
        metadata.setdefault('name', 'b')
        return _bench.Run(values, warmups=[(1, 0.5)], metadata=metadata)

    def test_round_trip_and_metadata_factoring(self):
        bench = _bench.Benchmark([self.make_run([1.0, 2.0], loops=4, date='x'),
                                  self.make_run([3.0], loops=4, date='y')])
        suite = _bench.BenchmarkSuite([bench])
        data = json.loads(suite.dumps())
        self.assertEqual(data['version'], '1.0')
        self.assertEqual(data['metadata'], {'loops': 4, 'name': 'b'})
        self.assertEqual(data['benchmarks'][0]['runs'][1],
                         {'metadata': {'date': 'y'}, 'values': [3.0], 'warmups': [[1, 0.5]]})
        back = _bench.BenchmarkSuite.loads(suite.dumps(compact=False))
        self.assertEqual(back.get_benchmark('b').get_values(), [1.0, 2.0, 3.0])
        self.assertEqual(back.get_benchmark('b').runs[0].metadata['date'], 'x')

    def test_validation(self):
        with self.assertRaises(ValueError):
            _bench.Run([0.0])
        with self.assertRaises(ValueError):
            _bench.Run([1.0], warmups=[(0, 1.0)])
        with self.assertRaises(ValueError):
            _bench.Run([1.0], metadata={'description': 'two\nlines'})
        bench = _bench.Benchmark([self.make_run([1.0], python_version='3.14')])
        with self.assertRaises(ValueError):
            bench.add_run(self.make_run([1.0], python_version='3.13'))


class RunnerTests(unittest.TestCase):
    def setUp(self):
        _runner.Runner._created = False
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.addCleanup(setattr, _check, '_recorder', None)

    def run_runner(self, argv, body):
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            runner = pyperf.Runner()
            runner.parse_args(argv)
            body(runner)
        return stdout.getvalue()

    def test_bench_func_writes_pyperf_json(self):
        out = os.path.join(self.tmp.name, 'out.json')
        calls = []

        def body(runner):
            runner.metadata['description'] = 'demo'
            runner.bench_func('first', lambda n: calls.append(n), 5)
            runner.bench_time_func('second', lambda loops: loops * 0.001, inner_loops=10)

        text = self.run_runner(['-p', '2', '-n', '2', '-w', '1', '-l', '3', '-o', out], body)
        self.assertIn('first: Mean +- std dev: ', text)
        self.assertIn('second: Mean +- std dev: 100 us +- 0 us', text)
        self.assertEqual(len(calls), 2 * 3 * 3)
        suite = _bench.BenchmarkSuite.load(out)
        self.assertEqual(suite.get_benchmark_names(), ['first', 'second'])
        second = suite.get_benchmark('second')
        self.assertEqual(second.get_values(), [0.0001] * 4)
        metadata = second.runs[0].metadata
        self.assertEqual((metadata['loops'], metadata['inner_loops'], metadata['description'],
                          metadata['unit']), (3, 10, 'demo', 'second'))
        self.assertEqual(metadata['python_implementation'], pyperf.python_implementation())

    def test_append_merges_runs_of_separate_processes(self):
        out = os.path.join(self.tmp.name, 'appended.json')
        for _ in range(2):
            _runner.Runner._created = False
            self.run_runner(['-p', '1', '-n', '2', '-w', '0', '-l', '1', '-q', '--append', out],
                            lambda runner: runner.bench_time_func('t', lambda loops: 0.5))
        bench = _bench.BenchmarkSuite.load(out).get_benchmark('t')
        self.assertEqual(len(bench.runs), 2)
        self.assertEqual(bench.get_values(), [0.5] * 4)

    def test_bench_command_times_a_process(self):
        if subprocess.run([sys.executable, '-c', 'pass']).returncode != 0:
            self.skipTest('sys.executable %s cannot be run directly' % sys.executable)
        out = os.path.join(self.tmp.name, 'command.json')
        command = [sys.executable, '-c', 'pass']
        self.run_runner(['-p', '1', '-n', '1', '-w', '0', '-l', '1', '-q', '-o', out],
                        lambda runner: runner.bench_command('start', command))
        bench = _bench.BenchmarkSuite.load(out).get_benchmark('start')
        self.assertEqual(bench.runs[0].metadata['command'], ' '.join(command))
        self.assertGreater(bench.get_values()[0], 0)

    def test_calibration_doubles_loops_until_min_time(self):
        out = os.path.join(self.tmp.name, 'out.json')

        def body(runner):
            runner.bench_time_func('calibrated', lambda loops: loops * 0.01)

        self.run_runner(['-p', '1', '-n', '2', '-w', '1', '--min-time', '0.05', '-q',
                         '-o', out], body)
        bench = _bench.BenchmarkSuite.load(out).get_benchmark('calibrated')
        calibration = bench.runs[0]
        self.assertTrue(calibration.is_calibration())
        self.assertEqual([loops for loops, _ in calibration.warmups], [1, 2, 4, 8, 8, 8])
        self.assertEqual(calibration.metadata['calibrate_loops'], 8)
        self.assertEqual(bench.runs[1].metadata['loops'], 8)

    def test_async_and_debug_single_value(self):
        seen = []

        async def work(x):
            seen.append(x)
            return x

        def body(runner):
            runner.bench_async_func('coro', work, 'arg')

        text = self.run_runner(['--debug-single-value'], body)
        self.assertEqual(seen, ['arg'])
        self.assertIn('coro: ', text)

    def test_check_mode_records_and_does_not_time(self):
        recorder = _check.start()
        calls = []

        def body(runner):
            runner.bench_func('f', lambda: (calls.append(1), [1.5, 'x'])[1])
            runner.bench_time_func('t', lambda loops: calls.append(loops) or 1.0)

        text = self.run_runner([], body)
        self.assertEqual(text, '')
        self.assertEqual(calls, [1, 1])
        self.assertEqual(recorder.returns, [['f', [1.5, 'x']], ['t', None]])

    def test_refused_and_invalid_options(self):
        for argv, message in ((['--worker'], '--worker is not supported'),
                              (['--compare-to', 'python3'], '--compare-to is not supported'),
                              (['--python', '/nonexistent/python'], 'in-process')):
            _runner.Runner._created = False
            stdout = io.StringIO()
            with contextlib.redirect_stdout(stdout), self.assertRaises(SystemExit) as caught:
                pyperf.Runner().parse_args(argv)
            self.assertEqual(caught.exception.code, 1)
            self.assertIn(message, stdout.getvalue())

    def test_existing_output_and_second_runner_refused(self):
        out = os.path.join(self.tmp.name, 'exists.json')
        open(out, 'w').close()
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout), self.assertRaises(SystemExit):
            pyperf.Runner().parse_args(['-o', out])
        self.assertIn('already exists', stdout.getvalue())
        with self.assertRaises(RuntimeError):
            pyperf.Runner()


class LaunchTests(unittest.TestCase):
    """launch.py runs an unmodified workload as __main__, in check and timing modes."""

    WORKLOAD = (
        'import pyperf\n'
        'def fib(n):\n'
        '    return n if n < 2 else fib(n - 1) + fib(n - 2)\n'
        'if __name__ == "__main__":\n'
        '    runner = pyperf.Runner(add_cmdline_args=lambda cmd, args: None)\n'
        '    runner.argparser.add_argument("--n", type=int, default=10)\n'
        '    args = runner.parse_args()\n'
        '    print("hello from", __name__)\n'
        '    runner.bench_func("fib", fib, args.n)\n'
    )

    def setUp(self):
        # Some relocated interpreters (wrapper scripts) report a sys.executable that cannot
        # be started directly.
        probe = subprocess.run([sys.executable, '-c', 'pass'], capture_output=True)
        if probe.returncode != 0:
            self.skipTest('sys.executable %s cannot be run directly' % sys.executable)

    def test_check_and_timing(self):
        with tempfile.TemporaryDirectory() as tmp:
            workload_dir = os.path.join(tmp, 'bm_tiny')
            os.mkdir(workload_dir)
            script = os.path.join(workload_dir, 'run_benchmark.py')
            with open(script, 'w') as fp:
                fp.write(self.WORKLOAD)
            launch = os.path.join(HARNESS, 'launch.py')
            check = os.path.join(tmp, 'check.json')
            done = subprocess.run([sys.executable, launch, '--check', check, script, '--n', '12'],
                                  capture_output=True, text=True, check=True)
            self.assertEqual(done.stdout, 'hello from __main__\n')
            with open(check) as fp:
                result = json.load(fp)
            self.assertEqual(result['returns'], [['fib', 144]])
            self.assertEqual(result['workload'], 'tiny')
            timing = os.path.join(tmp, 'timing.json')
            subprocess.run([sys.executable, launch, script, '-l', '2', '-p', '1', '-n', '2',
                            '-q', '-o', timing], capture_output=True, check=True)
            with open(timing) as fp:
                data = json.load(fp)
            self.assertEqual(len(data['benchmarks'][0]['runs'][0]['values']), 2)


if __name__ == '__main__':
    unittest.main()
