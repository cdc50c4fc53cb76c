"""Record CPython 3.14's check values for the workloads into expected/NAME.json.

    python3 pyperformance/record_expected.py --cpython PATH [--workloads all] [--verify]

Runs each workload in check mode (launch.py --check) under CPython twice and refuses to
record a workload whose two runs disagree (a value that depends on timing or hash seeds
cannot be checked). ``--verify`` compares instead of writing: it reports workloads whose
committed values no longer match. Run on the host Python; the result files are committed.
"""

import argparse
import json
import os
import sys
import tempfile

import checking
import fetch
import invoke


def record(cpython, names, bench_root, verify, timeout):
    version = invoke.interpreter_version(cpython)
    if not version.startswith('Python 3.14'):
        raise invoke.Failure('%s is %s, not CPython 3.14' % (cpython, version))
    problems = 0
    with tempfile.TemporaryDirectory(prefix='rpy-expected-') as scratch:
        for name in names:
            script = invoke.workload_script(bench_root, name)
            try:
                runs = [invoke.check_run(cpython, script, os.path.join(scratch, name, str(i)),
                                         timeout) for i in range(2)]
            except invoke.Failure as exc:
                print('%-26s FAILED under CPython: %s' % (name, exc))
                problems += 1
                continue
            unstable = checking.compare(runs[0], runs[1])
            if unstable:
                print('%-26s NOT DETERMINISTIC: %s' % (name, unstable))
                problems += 1
                continue
            values = dict((key, runs[0].get(key)) for key in checking.COMPARED)
            values['workload'] = name
            values['recorded_with'] = version
            if verify:
                committed = checking.load_expected(name)
                difference = 'not recorded' if committed is None else \
                    checking.compare(committed, values)
                print('%-26s %s' % (name, 'ok' if difference is None else 'DIFFERS: '
                                    + difference))
                problems += difference is not None
                continue
            os.makedirs(checking.EXPECTED_DIR, exist_ok=True)
            with open(checking.expected_path(name), 'w', encoding='utf-8') as fp:
                json.dump(values, fp, indent=1, sort_keys=True)
                fp.write('\n')
            print('%-26s recorded' % name)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cpython', default='python3.14')
    parser.add_argument('--workloads', default='all')
    parser.add_argument('--verify', action='store_true')
    parser.add_argument('--timeout', type=int, default=900)
    args = parser.parse_args(argv)
    from run import parse_workloads
    try:
        bench_root = fetch.ensure()
        problems = record(args.cpython, parse_workloads(args.workloads), bench_root,
                          args.verify, args.timeout)
    except (fetch.FetchError, invoke.Failure) as exc:
        print('record_expected: %s' % exc, file=sys.stderr)
        return 2
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
