"""Run one pyperformance workload as ``__main__`` with our pyperf importable.

    INTERPRETER launch.py [--check OUT.json] path/to/bm_NAME/run_benchmark.py [ARGS...]

Both CPython and rpy start workloads through this file, so both import the same pyperf
(this directory's ``pyperf`` package, ahead of any installed one) and run the workload
unmodified: its directory is ``sys.path[0]``, ``sys.argv`` is ``[script, ARGS...]`` and
it executes in a fresh ``__main__`` module, as ``python script.py ARGS`` would.

With ``--check``, pyperf's check mode is on (each benchmarked function runs once and its
return value is recorded), the probe of ``probes.py`` for the workload then inspects what
the workload computed, and both are written to OUT.json. Needs only ``sys``, ``open``,
``compile`` and ``exec``.
"""

import sys


def _dirname(path):
    head, sep, _ = path.rpartition('/')
    if not sep:
        return '.'
    return head or '/'


def _workload_name(script):
    name = _dirname(script).rpartition('/')[2]
    return name[3:] if name.startswith('bm_') else name


def main(argv):
    check_out = None
    if argv[:1] == ['--check']:
        if len(argv) < 3:
            sys.stderr.write('usage: launch.py [--check OUT.json] SCRIPT [ARGS...]\n')
            return 2
        check_out = argv[1]
        argv = argv[2:]
    if not argv:
        sys.stderr.write('usage: launch.py [--check OUT.json] SCRIPT [ARGS...]\n')
        return 2
    script, args = argv[0], list(argv[1:])
    harness_dir = _dirname(__file__)
    sys.path[0] = _dirname(script)
    sys.path.insert(1, harness_dir)

    import pyperf
    from pyperf import _check, _json

    name = _workload_name(script)
    probes = None
    if check_out is not None:
        import probes
        recorder = _check.start()
        args += probes.check_args(name, _dirname(check_out))

    sys.argv = [script] + args
    module = type(sys)('__main__')
    module.__file__ = script
    sys.modules['__main__'] = module
    with open(script, 'rb') as source_file:
        source = source_file.read()
    exec(compile(source, script, 'exec'), module.__dict__)

    if check_out is not None:
        probed = probes.probe(name, module.__dict__, _dirname(check_out))
        result = {'workload': name,
                  'python_implementation': pyperf.python_implementation(),
                  'returns': recorder.returns,
                  'probe': _check.canonical(probed)}
        with open(check_out, 'w', encoding='utf-8') as out:
            out.write(_json.dumps(result, sort_keys=True, indent=1) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
