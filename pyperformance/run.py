"""Compare rpy with CPython on the pyperformance workloads (``make pyperformance``).

    python3 pyperformance/run.py [--workloads nbody,go|compute|wider|all] [--cpython PATH]
                                 [--rpy PATH] [--runs N] [--values N] [--warmups N]

For each workload: a check run under each interpreter (rpy's recorded values must equal
CPython 3.14's, see checking.py), then RUNS timing runs per interpreter, alternating
between them (CPython first on even rounds, rpy first on odd ones) so that drift in the
machine's load hits both alike. Prints the table and writes results.json, results.md,
ratios.svg and the merged pyperf files cpython.json / rpy.json (``python -m pyperf
compare_to cpython.json rpy.json`` reads them) to the results directory. Runs on the host
Python (3.11 or newer).
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile

import checking
import fetch
import invoke
import report
from invoke import Failure
from pyperf._bench import BenchmarkSuite

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LABELS = ('cpython', 'rpy')


class Progress:
    """A one-line text progress bar on stderr (one line per step when not a terminal)."""

    def __init__(self, total, stream=None):
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, 'isatty') and self.stream.isatty()

    def line(self, label):
        width = 30
        filled = int(width * self.done / self.total)
        bar = '#' * filled + '.' * (width - filled)
        return '[%s] %3d%% %d/%d %s' % (bar, 100 * self.done // self.total, self.done,
                                        self.total, label)

    def show(self, label):
        """Redraw the bar with what is running now (terminals only)."""
        if self.tty:
            self.stream.write('\r' + self.line(label)[:120].ljust(120))
            self.stream.flush()

    def step(self, label):
        """Count a finished step; off a terminal, each step is one line of the log."""
        self.done += 1
        if self.tty:
            self.show(label)
        else:
            self.stream.write(self.line(label) + '\n')
            self.stream.flush()

    def close(self):
        if self.tty:
            self.stream.write('\n')
            self.stream.flush()


def parse_workloads(text):
    names = []
    for item in text.split(','):
        item = item.strip()
        if item == 'compute':
            names += invoke.COMPUTE
        elif item == 'wider':
            names += invoke.WIDER
        elif item == 'all':
            names += invoke.COMPUTE + invoke.WIDER
        elif item:
            names.append(item)
    unique = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return unique


def new_workload(name):
    return {'name': name, 'status': report.STATUS_OK, 'reason': None,
            'checks': {}, 'cpython': {'seconds': None, 'benchmarks': {}},
            'rpy': {'seconds': None, 'benchmarks': {}}, 'ratio': None}


def _fail(workload, status, reason):
    if workload['status'] == report.STATUS_OK:
        workload['status'] = status
        workload['reason'] = reason


def check_workload(workload, interpreters, script, scratch, args, progress):
    """Check runs; returns the labels whose interpreter can run the workload."""
    expected = checking.load_expected(workload['name'])
    runnable = []
    for label in LABELS:
        progress.show('%s: check under %s' % (workload['name'], label))
        log = os.path.join(args.results, 'logs', '%s.%s.check.txt' % (workload['name'], label))
        try:
            actual = invoke.check_run(interpreters[label], script,
                                      os.path.join(scratch, label), args.timeout, log)
        except Failure as exc:
            workload['checks'][label] = 'failed: %s' % exc
            _fail(workload, 'cpython failed' if label == 'cpython' else 'failed', str(exc))
            progress.step('%s: check under %s failed' % (workload['name'], label))
            continue
        runnable.append(label)
        if expected is None:
            workload['checks'][label] = 'unchecked: no expected/%s.json' % workload['name']
        else:
            difference = checking.compare(expected, actual)
            workload['checks'][label] = 'ok' if difference is None else 'differs: ' + difference
            if difference is not None and label == 'rpy':
                _fail(workload, 'mismatch', difference)
        progress.step('%s: checked under %s' % (workload['name'], label))
    return runnable


def time_workload(workload, interpreters, runnable, script, scratch, args, progress, outputs):
    values = {label: {} for label in LABELS}
    for round_index in range(args.runs):
        order = LABELS if round_index % 2 == 0 else LABELS[::-1]
        for label in order:
            what = '%s: run %d/%d under %s' % (workload['name'], round_index + 1, args.runs,
                                                label)
            if label not in runnable:
                progress.step(what + ' (skipped)')
                continue
            progress.show(what)
            log = os.path.join(args.results, 'logs',
                               '%s.%s.timing.txt' % (workload['name'], label))
            workdir = os.path.join(scratch, '%s-%d' % (label, round_index))
            try:
                path, found = invoke.timing_run(interpreters[label], script, workdir,
                                                vars(args), args.timeout, log)
            except Failure as exc:
                runnable.remove(label)
                _fail(workload, 'cpython failed' if label == 'cpython' else 'failed',
                      str(exc))
                progress.step(what + ' failed')
                continue
            outputs[label].append(path)
            for bench, bench_values in found.items():
                values[label].setdefault(bench, []).extend(bench_values)
            progress.step(what)
    for label in LABELS:
        if label not in runnable:
            continue
        benchmarks = dict((bench, report.summarize_values(found))
                          for bench, found in sorted(values[label].items()))
        workload[label] = {'seconds': report.workload_seconds(benchmarks),
                           'benchmarks': benchmarks}


def merge_pyperf(paths, destination):
    """Concatenate the runs of many pyperf files into one suite file."""
    merged = BenchmarkSuite([])
    for path in paths:
        for bench in BenchmarkSuite.load(path).get_benchmarks():
            merged.add_runs(bench)
    if merged.benchmarks:
        merged.dump(destination, replace=True)


def write_results(result, outputs, directory):
    import json
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, 'results.json'), 'w', encoding='utf-8') as fp:
        json.dump(result, fp, indent=1, sort_keys=True)
        fp.write('\n')
    with open(os.path.join(directory, 'results.md'), 'w', encoding='utf-8') as fp:
        fp.write(report.render_markdown(result))
    with open(os.path.join(directory, 'ratios.svg'), 'w', encoding='utf-8') as fp:
        fp.write(report.render_svg(result))
    for label in LABELS:
        merge_pyperf(outputs[label], os.path.join(directory, label + '.json'))


def parse_args(argv):
    parser = argparse.ArgumentParser(description='Compare rpy with CPython on pyperformance.')
    parser.add_argument('--workloads', default='compute',
                        help='comma-separated names, or compute, wider, all (default: compute)')
    parser.add_argument('--cpython', default='python3.14')
    parser.add_argument('--rpy', default=os.path.join(ROOT, 'target', 'release', 'rpy'))
    parser.add_argument('--runs', type=int, default=3,
                        help='timing runs per interpreter and workload (default: 3)')
    parser.add_argument('--values', type=int, default=3, help='values per run (default: 3)')
    parser.add_argument('--warmups', type=int, default=1, help='warmups per run (default: 1)')
    parser.add_argument('--min-time', dest='min_time', type=float, default=0.1,
                        help='minimum seconds per value when calibrating loops')
    parser.add_argument('--timeout', type=int, default=900,
                        help='seconds before an invocation is killed (default: 900)')
    parser.add_argument('--no-check', dest='check', action='store_false',
                        help='skip the check runs')
    parser.add_argument('--results', default=os.path.join(HERE, 'results'))
    parser.add_argument('--cache', default=fetch.DEFAULT_CACHE)
    parser.add_argument('--strict', action='store_true',
                        help='exit with status 1 unless every workload is ok')
    args = parser.parse_args(argv)
    if args.runs < 1 or args.values < 1 or args.warmups < 0:
        parser.error('--runs and --values must be >= 1, --warmups >= 0')
    args.results = os.path.abspath(args.results)
    return args


def main(argv=None):
    args = parse_args(argv)
    names = parse_workloads(args.workloads)
    try:
        bench_root = fetch.ensure(args.cache)
        interpreters = {'cpython': shutil.which(args.cpython) or args.cpython,
                        'rpy': shutil.which(args.rpy) or args.rpy}
        versions = dict((label, invoke.interpreter_version(interpreters[label]))
                        for label in LABELS)
    except (fetch.FetchError, Failure) as exc:
        print('pyperformance: %s' % exc, file=sys.stderr)
        return 2
    unknown = [name for name in names
               if not os.path.exists(invoke.workload_script(bench_root, name))]
    if unknown:
        print('pyperformance: unknown workloads: %s' % ', '.join(unknown), file=sys.stderr)
        return 2
    shutil.rmtree(os.path.join(args.results, 'logs'), ignore_errors=True)

    per_workload = 2 * args.runs + (2 if args.check else 0)
    progress = Progress(per_workload * len(names))
    outputs = {label: [] for label in LABELS}
    result = {'generated': datetime.datetime.now().isoformat(' ', 'seconds'),
              'pyperformance': fetch.VERSION,
              'settings': {'runs': args.runs, 'values': args.values, 'warmups': args.warmups,
                           'min_time': args.min_time, 'check': args.check},
              'interpreters': dict((label, {'path': interpreters[label],
                                            'version': versions[label]}) for label in LABELS),
              'workloads': []}
    with tempfile.TemporaryDirectory(prefix='rpy-pyperformance-') as scratch:
        for name in names:
            workload = new_workload(name)
            result['workloads'].append(workload)
            script = invoke.workload_script(bench_root, name)
            workdir = os.path.join(scratch, name)
            if args.check:
                runnable = check_workload(workload, interpreters, script, workdir, args,
                                          progress)
            else:
                runnable = list(LABELS)
            time_workload(workload, interpreters, runnable, script, workdir, args, progress,
                          outputs)
        progress.close()
        report.finish(result)
        write_results(result, outputs, args.results)
    print(report.render_text(result), end='')
    print('results: %s/{results.json,results.md,ratios.svg,cpython.json,rpy.json}'
          % args.results)
    if args.strict and any(w['status'] != report.STATUS_OK for w in result['workloads']):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
