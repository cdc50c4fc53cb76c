"""Running one workload under one interpreter: check runs and timing runs.

Every invocation goes through launch.py (so both interpreters import our pyperf), has a
timeout, and turns any failure into a one-line reason (exit status or signal plus the last
line of stderr) with the full stderr kept in a log file.
"""

import json
import os
import signal
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCH = os.path.join(HERE, 'launch.py')

# The workload sets of issue 5, in its order.
COMPUTE = ['nbody', 'fannkuch', 'spectral_norm', 'richards', 'richards_super', 'nqueens',
           'float', 'chaos', 'go', 'deltablue', 'coroutines', 'generators', 'hexiom',
           'unpack_sequence', 'pidigits', 'meteor_contest', 'raytrace', 'scimark',
           'barnes_hut', 'async_generators']
WIDER = ['comprehensions', 'deepcopy', 'json_dumps', 'json_loads', 'pprint', 'mdp', 'base64',
         'regex_v8', 'pyflate', 'gc_collect', 'bpe_tokeniser', 'typing_runtime_protocols']


class Failure(Exception):
    """An invocation that did not produce a result; str() is the one-line reason."""


def workload_script(bench_root, name):
    return os.path.join(bench_root, 'bm_' + name, 'run_benchmark.py')


def interpreter_version(interpreter):
    try:
        completed = subprocess.run([interpreter, '--version'], capture_output=True, text=True,
                                   timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Failure('cannot run %s: %s' % (interpreter, exc))
    text = (completed.stdout.strip() or completed.stderr.strip()).splitlines()
    if completed.returncode != 0 or not text:
        raise Failure('%s --version failed with exit status %s' % (interpreter,
                                                                    completed.returncode))
    return text[0]


def _reason(returncode, stderr):
    if returncode < 0:
        try:
            what = 'killed by %s' % signal.Signals(-returncode).name
        except ValueError:
            what = 'killed by signal %d' % -returncode
    else:
        what = 'exit %d' % returncode
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if lines:
        last = lines[-1]
        if len(last) > 160:
            last = last[:157] + '...'
        return '%s: %s' % (what, last)
    return what


def run(command, timeout, log_path):
    """Run ``command``; return its stdout, or raise Failure with a one-line reason."""
    try:
        completed = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _write_log(log_path, command, None, exc.stdout or b'', exc.stderr or b'')
        raise Failure('timeout after %d s' % timeout)
    except OSError as exc:
        raise Failure('cannot run %s: %s' % (command[0], exc))
    stdout = completed.stdout.decode('utf-8', 'replace')
    stderr = completed.stderr.decode('utf-8', 'replace')
    if completed.returncode != 0:
        _write_log(log_path, command, completed.returncode, completed.stdout, completed.stderr)
        raise Failure(_reason(completed.returncode, stderr))
    return stdout


def _write_log(path, command, returncode, stdout, stderr):
    if path is None:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as log:
        log.write(('command: %s\nexit status: %s\n--- stdout\n'
                   % (' '.join(command), returncode)).encode())
        log.write(stdout or b'')
        log.write(b'\n--- stderr\n')
        log.write(stderr or b'')


def check_run(interpreter, script, workdir, timeout, log_path=None):
    """Check mode: the workload's recorded values, probe value and stdout."""
    os.makedirs(workdir, exist_ok=True)
    out = os.path.join(workdir, 'check.json')
    if os.path.exists(out):
        os.remove(out)
    stdout = run([interpreter, LAUNCH, '--check', out, script], timeout, log_path)
    try:
        with open(out, encoding='utf-8') as fp:
            result = json.load(fp)
    except (OSError, ValueError) as exc:
        raise Failure('no check output (%s)' % exc)
    result['stdout'] = stdout
    return result


def timing_run(interpreter, script, workdir, settings, timeout, log_path=None):
    """One in-process pyperf run; returns (path of the pyperf JSON, {bench: [values]})."""
    os.makedirs(workdir, exist_ok=True)
    out = os.path.join(workdir, 'timing.json')
    if os.path.exists(out):
        os.remove(out)
    command = [interpreter, LAUNCH, script, '--quiet', '--processes', '1',
               '--values', str(settings['values']), '--warmups', str(settings['warmups']),
               '--min-time', str(settings['min_time']), '--output', out]
    run(command, timeout, log_path)
    try:
        with open(out, encoding='utf-8') as fp:
            suite = json.load(fp)
    except (OSError, ValueError) as exc:
        raise Failure('no pyperf output (%s)' % exc)
    return out, values_by_benchmark(suite)


def values_by_benchmark(suite):
    """{benchmark name: seconds-per-loop values} from a pyperf JSON document."""
    suite_metadata = suite.get('metadata', {})
    result = {}
    for bench in suite.get('benchmarks', []):
        metadata = dict(suite_metadata)
        metadata.update(bench.get('metadata', {}))
        values = []
        name = metadata.get('name')
        for run_data in bench.get('runs', []):
            name = run_data.get('metadata', {}).get('name', name)
            values.extend(run_data.get('values', []))
        if name is None:
            raise Failure('pyperf output has a benchmark without a name')
        if values:
            result[name] = values
    return result
