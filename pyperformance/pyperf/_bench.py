"""Benchmark results in pyperf's JSON file format (version "1.0").

A suite file is ``{"version": "1.0", "metadata": {...}, "benchmarks": [...]}``; each
benchmark is ``{"metadata": {...}, "runs": [...]}`` and each run holds ``values`` (seconds
per loop iteration), ``warmups`` (``[loops, seconds per iteration]`` pairs) and its own
``metadata``. Metadata shared by every run is stored once on the benchmark, and metadata
shared by every benchmark once on the suite, exactly as pyperf factors it, so that
``python -m pyperf compare_to a.json b.json`` reads these files.
"""

from . import _json
from . import _stats

JSON_VERSION = '1.0'

# pyperf refuses to mix runs whose values for these keys differ.
CHECKED_METADATA = ('aslr', 'cpu_count', 'cpu_model_name', 'hostname', 'inner_loops', 'name',
                    'platform', 'python_executable', 'python_implementation',
                    'python_unicode', 'python_version', 'unit')


def parse_metadata(metadata):
    """Validate metadata as pyperf does: int, float or non-empty one-line str values."""
    result = {}
    for name in metadata:
        value = metadata[name]
        if isinstance(value, str):
            value = value.strip()
            if '\n' in value or '\r' in value:
                raise ValueError('newline characters are not allowed in metadata values: %r'
                                 % value)
            if not value:
                raise ValueError('metadata %r value is empty' % name)
        elif isinstance(value, bool) or not isinstance(value, (int, float, list)):
            raise TypeError('invalid metadata %r value type: %s' % (name, type(value).__name__))
        result[name] = value
    return result


def _common(metadatas):
    if not metadatas:
        return {}
    common = dict(metadatas[0])
    for metadata in metadatas[1:]:
        for key in list(common):
            if key not in metadata or metadata[key] != common[key]:
                del common[key]
    return common


def _inherit(outer, data):
    """Metadata of a JSON run or benchmark: what encloses it, overridden by its own."""
    metadata = dict(outer)
    metadata.update(data.get('metadata', {}))
    return metadata


def _without(metadata, common):
    return dict((key, value) for key, value in metadata.items() if key not in common)


class Run:
    """One measurement series: optional warmups and values, with its metadata."""

    def __init__(self, values, warmups=None, metadata=None):
        values = tuple(values)
        for value in values:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError('values must be a sequence of number > 0.0')
        checked = []
        for item in warmups or ():
            item = tuple(item)
            if len(item) != 2:
                raise ValueError('warmups must be a sequence of (loops, value)')
            loops, value = item
            if not isinstance(loops, int) or loops < 1 or \
                    not isinstance(value, (int, float)) or value < 0:
                raise ValueError('warmups must be a sequence of (loops, value) where loops is '
                                 'a int >= 1 and value is a float >= 0.0')
            checked.append(item)
        if not values and not checked:
            raise ValueError('values and warmups are empty sequence')
        self.values = values
        self.warmups = tuple(checked)
        self.metadata = parse_metadata(metadata or {})

    def is_calibration(self):
        return not self.values

    def raw_values(self):
        loops = self.metadata.get('loops', 1) * self.metadata.get('inner_loops', 1)
        return [value * loops for value in self.values]

    def as_json(self, common_metadata):
        data = {}
        if self.warmups:
            data['warmups'] = [list(item) for item in self.warmups]
        if self.values:
            data['values'] = list(self.values)
        metadata = _without(self.metadata, common_metadata)
        if metadata:
            data['metadata'] = metadata
        return data

    @classmethod
    def from_json(cls, data, common_metadata):
        return cls(data.get('values', ()), warmups=data.get('warmups'),
                   metadata=_inherit(common_metadata, data))


class Benchmark:
    """All runs of one named benchmark."""

    def __init__(self, runs):
        self.runs = []
        for run in runs:
            self.add_run(run)
        if not self.runs:
            raise ValueError('a benchmark needs at least one run')

    def get_name(self):
        return self.runs[0].metadata.get('name')

    def get_metadata(self):
        return _common([run.metadata for run in self.runs])

    def get_unit(self):
        return self.runs[0].metadata.get('unit', 'second')

    def add_run(self, run):
        if self.runs:
            reference = self.runs[0].metadata
            for key in CHECKED_METADATA:
                if reference.get(key) != run.metadata.get(key):
                    raise ValueError('incompatible benchmark, metadata %s is different: '
                                     'current=%s, run=%s'
                                     % (key, reference.get(key), run.metadata.get(key)))
        self.runs.append(run)

    def get_values(self):
        values = []
        for run in self.runs:
            values.extend(run.values)
        return values

    def mean(self):
        return _stats.mean(self.get_values())

    def stdev(self):
        return _stats.stdev(self.get_values())

    def as_json(self, suite_metadata):
        metadata = self.get_metadata()
        common = dict(metadata)
        common.update(suite_metadata)
        data = {'runs': [run.as_json(common) for run in self.runs]}
        own = _without(metadata, suite_metadata)
        if own:
            data['metadata'] = own
        return data

    @classmethod
    def from_json(cls, data, suite_metadata):
        metadata = _inherit(suite_metadata, data)
        return cls([Run.from_json(run, metadata) for run in data['runs']])


class BenchmarkSuite:
    def __init__(self, benchmarks):
        self.benchmarks = []
        for benchmark in benchmarks:
            self.add_benchmark(benchmark)

    def get_benchmark_names(self):
        return [benchmark.get_name() for benchmark in self.benchmarks]

    def get_benchmarks(self):
        return list(self.benchmarks)

    def get_benchmark(self, name):
        for benchmark in self.benchmarks:
            if benchmark.get_name() == name:
                return benchmark
        raise KeyError('there is no benchmark called %r' % name)

    def add_benchmark(self, benchmark):
        if benchmark.get_name() in self.get_benchmark_names():
            raise ValueError('the suite already has a benchmark called %r'
                             % benchmark.get_name())
        self.benchmarks.append(benchmark)

    def add_runs(self, benchmark):
        """Merge ``benchmark``'s runs into the benchmark of the same name, or add it."""
        for existing in self.benchmarks:
            if existing.get_name() == benchmark.get_name():
                for run in benchmark.runs:
                    existing.add_run(run)
                return
        self.benchmarks.append(benchmark)

    def get_metadata(self):
        return _common([benchmark.get_metadata() for benchmark in self.benchmarks])

    def as_json(self):
        metadata = self.get_metadata()
        data = {'version': JSON_VERSION,
                'benchmarks': [benchmark.as_json(metadata) for benchmark in self.benchmarks]}
        if metadata:
            data['metadata'] = metadata
        return data

    def dumps(self, compact=True):
        if compact:
            text = _json.dumps(self.as_json(), sort_keys=True, separators=(',', ':'))
        else:
            text = _json.dumps(self.as_json(), sort_keys=True, indent=4)
        return text + '\n'

    def dump(self, filename, compact=True, replace=False):
        mode = 'w' if replace else 'x'
        with open(filename, mode, encoding='utf-8') as fp:
            fp.write(self.dumps(compact))

    @classmethod
    def loads(cls, text):
        data = _json.loads(text)
        if not isinstance(data, dict) or data.get('version') != JSON_VERSION:
            version = data.get('version') if isinstance(data, dict) else None
            raise ValueError('file format version %r not supported' % (version,))
        metadata = parse_metadata(data.get('metadata') or {})
        suite = cls([Benchmark.from_json(bench, metadata) for bench in data['benchmarks']])
        if not suite.benchmarks:
            raise ValueError("the file doesn't contain any benchmark")
        return suite

    @classmethod
    def load(cls, filename):
        with open(filename, 'r', encoding='utf-8') as fp:
            return cls.loads(fp.read())


def add_runs(filename, benchmark):
    """Append ``benchmark``'s runs to the suite file ``filename``, creating it if needed."""
    try:
        suite = BenchmarkSuite.load(filename)
    except FileNotFoundError:
        suite = BenchmarkSuite([])
    suite.add_runs(benchmark)
    suite.dump(filename, replace=True)
