"""rpy vs CPython on the micro kernels of benches/kernels, side by side.

    python3 tools/kernels_compare.py --rpy target/release/rpy --cpython python3.14 [--runs 5]

Runs every kernel (or the ones named with --kernels) under both interpreters, alternating
which goes first, RUNS times each; checks each run's output against the committed CPython
output (NAME.out) and prints the median wall-clock time of each and the ratio CPython/rpy
(above 1: rpy is faster). Times are whole-process times, start-up included; the start-up of
each interpreter (`-c pass`) is measured the same way, shown on its own line, and the last
column is the ratio of the times net of start-up (the kernel's own work). Runs with
Python 3.11 or newer; `make kernels-compare CPYTHON=...` is the usual way in.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNELS = os.path.join(ROOT, 'benches', 'kernels')


def kernel_names():
    return sorted(name[:-3] for name in os.listdir(KERNELS) if name.endswith('.py'))


def run_once(interpreter, args, expected):
    env = dict(os.environ, PYTHONHASHSEED='0')
    start = time.perf_counter()
    done = subprocess.run([interpreter] + args, capture_output=True, env=env, timeout=600)
    elapsed = time.perf_counter() - start
    out = done.stdout.decode('utf-8', 'replace')
    if done.returncode != 0:
        tail = done.stderr.decode('utf-8', 'replace').strip().splitlines()[-1:]
        raise RuntimeError('%s %s: exit status %d %s'
                           % (interpreter, ' '.join(args), done.returncode, ' '.join(tail)))
    if expected is not None and out != expected:
        raise RuntimeError('%s %s: output %r differs from CPython\'s %r'
                           % (interpreter, ' '.join(args), out, expected))
    return elapsed


def measure(interpreters, args, expected, runs):
    """Median seconds per interpreter, alternating the order between rounds."""
    times = {name: [] for name, _ in interpreters}
    for round_ in range(runs):
        order = interpreters if round_ % 2 == 0 else interpreters[::-1]
        for name, path in order:
            times[name].append(run_once(path, args, expected))
    return {name: statistics.median(values) for name, values in times.items()}


def fmt_time(seconds):
    if seconds >= 1:
        return '%.2f s' % seconds
    return '%.1f ms' % (seconds * 1000)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rpy', default=os.path.join(ROOT, 'target', 'release', 'rpy'))
    parser.add_argument('--cpython', default='python3.14')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--kernels', default='', help='comma-separated names (default: all)')
    args = parser.parse_args(argv)
    names = [k for k in args.kernels.split(',') if k] or kernel_names()
    unknown = sorted(set(names) - set(kernel_names()))
    if unknown:
        parser.error('unknown kernels: %s' % ', '.join(unknown))
    interpreters = [('cpython', args.cpython), ('rpy', args.rpy)]
    print('%d runs each, median wall-clock time per process (PYTHONHASHSEED=0)' % args.runs)
    print('%-16s %10s %10s %12s %12s' % ('kernel', 'CPython', 'rpy', 'CPython/rpy', 'net ratio'))
    rows = [('start-up', ['-c', 'pass'], None)]
    for name in names:
        with open(os.path.join(KERNELS, name + '.out'), encoding='utf-8') as fp:
            rows.append((name, [os.path.join(KERNELS, name + '.py')], fp.read()))
    ratios = []
    net_ratios = []
    startup = None
    try:
        for label, run_args, expected in rows:
            medians = measure(interpreters, run_args, expected, args.runs)
            ratio = medians['cpython'] / medians['rpy']
            net = ''
            if startup is None:
                startup = medians
            else:
                ratios.append(ratio)
                cpython_net = medians['cpython'] - startup['cpython']
                rpy_net = medians['rpy'] - startup['rpy']
                if cpython_net > 0 and rpy_net > 0:
                    net_ratios.append(cpython_net / rpy_net)
                    net = '%11.2fx' % net_ratios[-1]
            print('%-16s %10s %10s %11.2fx %12s' % (label, fmt_time(medians['cpython']),
                                                    fmt_time(medians['rpy']), ratio, net))
            sys.stdout.flush()
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        print('error: %s' % exc, file=sys.stderr)
        return 1
    if ratios:
        print('geometric mean of CPython/rpy over %d kernels: %.2fx'
              % (len(ratios), statistics.geometric_mean(ratios)))
    if net_ratios:
        print('geometric mean net of start-up over %d kernels: %.2fx'
              % (len(net_ratios), statistics.geometric_mean(net_ratios)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
