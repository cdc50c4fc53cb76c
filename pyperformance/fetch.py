"""Fetch the pyperformance workloads: ``pip download`` the pinned wheel, unpack bm_*.

    python3 pyperformance/fetch.py [--cache DIR]

The wheel of pyperformance 1.14.0 (checked against its SHA-256) goes to
``pyperformance/cache/`` (git-ignored) and its ``data-files/benchmarks/bm_*`` directories
are unpacked to ``pyperformance/cache/pyperformance-1.14.0/benchmarks/``. Runs on the host
Python (3.11 or newer), never under rpy.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile

VERSION = '1.14.0'
WHEEL = 'pyperformance-%s-py3-none-any.whl' % VERSION
WHEEL_SHA256 = '94068ac2935b6952ccb5e8a302eb9cebc26e82454494bef6e53822738adf0049'
MEMBER_PREFIX = 'pyperformance/data-files/benchmarks/'
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CACHE = os.path.join(HERE, 'cache')


class FetchError(Exception):
    pass


def benchmarks_dir(cache):
    return os.path.join(cache, 'pyperformance-%s' % VERSION, 'benchmarks')


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as wheel:
        for block in iter(lambda: wheel.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def _pip_commands():
    """pip of the running Python first, then a pip on PATH."""
    commands = [[sys.executable, '-m', 'pip']]
    for name in ('pip3', 'pip'):
        found = shutil.which(name)
        if found:
            commands.append([found])
    return commands


def download(cache):
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, WHEEL)
    if os.path.exists(wheel) and _sha256(wheel) == WHEEL_SHA256:
        return wheel
    errors = []
    for pip in _pip_commands():
        command = pip + ['download', '--no-deps', '--only-binary=:all:',
                         'pyperformance==%s' % VERSION, '--dest', cache]
        try:
            completed = subprocess.run(command, capture_output=True, text=True)
        except OSError as exc:
            errors.append('%s: %s' % (' '.join(pip), exc))
            continue
        if completed.returncode == 0 and os.path.exists(wheel):
            break
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ['?']
        errors.append('%s: %s' % (' '.join(command), tail[0]))
    else:
        raise FetchError('could not download pyperformance %s with pip:\n  %s'
                         % (VERSION, '\n  '.join(errors)))
    actual = _sha256(wheel)
    if actual != WHEEL_SHA256:
        os.remove(wheel)
        raise FetchError('%s has SHA-256 %s, expected %s; removed it' % (WHEEL, actual,
                                                                          WHEEL_SHA256))
    return wheel


def unpack(wheel, destination):
    staging = destination + '.partial'
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if not member.startswith(MEMBER_PREFIX + 'bm_') or member.endswith('/'):
                continue
            relative = member[len(MEMBER_PREFIX):]
            parts = relative.split('/')
            if '..' in parts or relative.startswith('/'):
                raise FetchError('refusing to unpack suspicious path %r' % member)
            target = os.path.join(staging, *parts)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with archive.open(member) as source, open(target, 'wb') as out:
                shutil.copyfileobj(source, out)
    shutil.rmtree(destination, ignore_errors=True)
    os.rename(staging, destination)


def ensure(cache=DEFAULT_CACHE):
    """Return the directory holding bm_* workloads, fetching them first if needed."""
    destination = benchmarks_dir(cache)
    if os.path.isdir(os.path.join(destination, 'bm_nbody')):
        return destination
    unpack(download(cache), destination)
    return destination


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--cache', default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    try:
        path = ensure(args.cache)
    except FetchError as exc:
        print('fetch: %s' % exc, file=sys.stderr)
        return 1
    count = len([name for name in os.listdir(path) if name.startswith('bm_')])
    print('%d workloads in %s' % (count, path))
    return 0


if __name__ == '__main__':
    sys.exit(main())
