"""Unit tests of the runner's table, geometric mean, SVG and check comparison."""

import io
import math
import os
import sys
import unittest
import xml.etree.ElementTree as ElementTree

HARNESS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if HARNESS not in sys.path:
    sys.path.insert(0, HARNESS)

import checking  # noqa: E402
import invoke  # noqa: E402
import report  # noqa: E402
import run  # noqa: E402


def workload(name, cpython, rpy, status='ok', reason=None):
    return {'name': name, 'status': status, 'reason': reason, 'checks': {},
            'cpython': {'seconds': cpython, 'benchmarks': {}},
            'rpy': {'seconds': rpy, 'benchmarks': {}}, 'ratio': None}


def sample_report():
    return report.finish({
        'interpreters': {'cpython': {'path': '/usr/bin/python3.14', 'version': 'Python 3.14.0'},
                         'rpy': {'path': 'target/release/rpy', 'version': 'rpy 0.1.0'}},
        'settings': {'runs': 3},
        'workloads': [workload('nbody', 0.080, 0.040),
                      workload('go', 0.200, 0.400),
                      workload('chaos', 0.1, 0.05, 'mismatch', '$.probe: expected 1, got 2'),
                      workload('pidigits', 0.3, None, 'failed', 'exit 1: NameError: x | y')]})


class GeomeanTests(unittest.TestCase):
    def test_ratios_and_geomean_cover_ok_workloads_only(self):
        result = sample_report()
        ratios = [w['ratio'] for w in result['workloads']]
        self.assertEqual(ratios[:3], [2.0, 0.5, 2.0])
        self.assertIsNone(ratios[3])
        self.assertEqual(result['geomean_count'], 2)
        self.assertAlmostEqual(result['geomean'], 1.0)

    def test_geometric_mean_and_sums(self):
        self.assertIsNone(report.geometric_mean([]))
        self.assertAlmostEqual(report.geometric_mean([1.0, 4.0, 16.0]), 4.0)
        benchmarks = {'a': report.summarize_values([0.1, 0.3]),
                      'b': report.summarize_values([0.5])}
        self.assertAlmostEqual(report.workload_seconds(benchmarks), 0.7)
        self.assertEqual(benchmarks['b']['stdev'], 0.0)
        self.assertIsNone(report.workload_seconds({}))
        self.assertIsNone(report.ratio(0.1, None))

    def test_format_seconds(self):
        cases = [(1.5, '1.50 s'), (0.0801, '80.1 ms'), (0.345, '345 ms'), (2.5e-5, '25.0 us'),
                 (3e-9, '3.00 ns'), (None, '-')]
        for seconds, text in cases:
            self.assertEqual(report.format_seconds(seconds), text)


class RenderTests(unittest.TestCase):
    def test_text_table(self):
        text = report.render_text(sample_report())
        lines = text.splitlines()
        self.assertEqual(lines[0].split(), ['workload', 'CPython', 'rpy', 'CPython/rpy',
                                            'status'])
        self.assertEqual(lines[1].split(), ['nbody', '80.0', 'ms', '40.0', 'ms', '2.00x', 'ok'])
        self.assertIn('failed: exit 1: NameError', lines[4])
        self.assertEqual(lines[-1], 'geometric mean of CPython/rpy over 2 of 4 workloads: 1.00x')

    def test_markdown_escapes_cells(self):
        text = report.render_markdown(sample_report())
        self.assertIn('| nbody | 80.0 ms | 40.0 ms | 2.00x | ok |', text)
        self.assertIn('NameError: x \\| y', text)
        self.assertIn('`/usr/bin/python3.14` (Python 3.14.0)', text)

    def test_svg_is_well_formed_with_a_bar_per_ok_workload(self):
        svg = report.render_svg(sample_report())
        root = ElementTree.fromstring(svg)
        namespace = '{http://www.w3.org/2000/svg}'
        bars = [rect for rect in root.iter(namespace + 'rect') if rect.get('y')]
        self.assertEqual(len(bars), 3)  # nbody, go and the geometric mean
        texts = [text.text for text in root.iter(namespace + 'text')]
        self.assertIn('2.00x', texts)
        self.assertIn('geometric mean', texts)
        self.assertTrue(any(t and t.startswith('failed: exit 1') for t in texts))
        widths = [float(rect.get('width')) for rect in bars]
        # 2x and 0.5x sit at the same distance from parity on the log axis.
        self.assertAlmostEqual(widths[0], widths[1])

    def test_svg_with_nothing_ok(self):
        result = report.finish({'workloads': [workload('x', 1.0, None, 'failed', 'boom')]})
        ElementTree.fromstring(report.render_svg(result))
        self.assertIsNone(result['geomean'])


class CheckingTests(unittest.TestCase):
    def test_first_difference(self):
        diff = checking.first_difference
        self.assertIsNone(diff({'a': [1, {'b': 2.0}]}, {'a': [1, {'b': 2.0}]}))
        self.assertEqual(diff({'a': [1, 2]}, {'a': [1, 3]}), '$.a[1]: expected 2, got 3')
        self.assertEqual(diff([1], [1, 2]), '$: expected 1 items, got 2')
        self.assertEqual(diff(1, 1.0), '$: expected 1, got 1.0')
        self.assertEqual(diff({'a': 1}, {}), "$: missing 'a'")

    def test_compare_keys(self):
        expected = {'returns': [['f', 1]], 'probe': None, 'stdout': '', 'recorded_with': 'x'}
        self.assertIsNone(checking.compare(expected, dict(expected, recorded_with='y')))
        self.assertEqual(checking.compare(expected, dict(expected, stdout='oops\n')),
                         "stdout: expected \"\", got \"oops\\n\"")

    def test_committed_expected_values_cover_the_compute_set(self):
        for name in invoke.COMPUTE:
            expected = checking.load_expected(name)
            self.assertIsNotNone(expected, name)
            self.assertEqual(expected['workload'], name)
            self.assertTrue(expected['recorded_with'].startswith('Python 3.14'))


class RunnerHelperTests(unittest.TestCase):
    def test_parse_workloads(self):
        self.assertEqual(run.parse_workloads('nbody, go,nbody'), ['nbody', 'go'])
        self.assertEqual(run.parse_workloads('compute'), invoke.COMPUTE)
        self.assertEqual(len(run.parse_workloads('all')), 32)

    def test_values_by_benchmark(self):
        suite = {'version': '1.0', 'metadata': {'unit': 'second'},
                 'benchmarks': [{'metadata': {'name': 'a'},
                                 'runs': [{'warmups': [[1, 0.2]]},
                                          {'values': [0.1, 0.2]}, {'values': [0.3]}]},
                                {'runs': [{'metadata': {'name': 'b'}, 'values': [1.0]}]}]}
        self.assertEqual(invoke.values_by_benchmark(suite), {'a': [0.1, 0.2, 0.3], 'b': [1.0]})

    def test_failure_reasons(self):
        self.assertEqual(invoke._reason(1, 'Traceback\n  ...\nValueError: bad\n\n'),
                         'exit 1: ValueError: bad')
        self.assertEqual(invoke._reason(-11, ''), 'killed by SIGSEGV')
        self.assertTrue(invoke._reason(2, 'x' * 500).endswith('...'))

    def test_progress_bar(self):
        stream = io.StringIO()
        progress = run.Progress(4, stream)
        progress.show('hidden off a terminal')
        progress.step('first')
        self.assertEqual(stream.getvalue(),
                         '[#######.......................]  25% 1/4 first\n')
        self.assertTrue(math.isclose(progress.done / progress.total, 0.25))


if __name__ == '__main__':
    unittest.main()
