"""The text pyperf prints after a benchmark: result line, stability warnings, -d/-m/-t."""

from . import _stats


def format_result(bench):
    values = bench.get_values()
    if len(values) >= 2:
        mean, stdev = _stats.format_timedeltas((bench.mean(), bench.stdev()))
        return 'Mean +- std dev: %s +- %s' % (mean, stdev)
    return _stats.format_timedelta(values[0])


def stability_warnings(bench):
    """pyperf's checks: noisy spread, outliers and too-short raw values."""
    values = bench.get_values()
    warnings = []
    mean = bench.mean()
    if len(values) >= 2:
        stdev = bench.stdev()
        percent = stdev * 100.0 / mean
        if percent >= 10.0:
            warnings.append('the standard deviation (%s) is %.0f%% of the mean (%s)'
                            % (_stats.format_timedelta(stdev), percent,
                               _stats.format_timedelta(mean)))
    for label, value in (('minimum', min(values)), ('maximum', max(values))):
        percent = (value - mean) * 100.0 / mean
        if abs(percent) >= 50:
            direction = 'greater' if percent >= 0 else 'smaller'
            warnings.append('the %s (%s) is %.0f%% %s than the mean (%s)'
                            % (label, _stats.format_timedelta(value), abs(percent), direction,
                               _stats.format_timedelta(mean)))
    raw = []
    for run in bench.runs:
        raw.extend(run.raw_values())
    if raw and min(raw) < 1e-3:
        warnings.append('the shortest raw value is only %s'
                        % _stats.format_timedelta(min(raw)))
    if not warnings:
        return []
    lines = ['WARNING: the benchmark result may be unstable']
    lines += ['* %s' % text for text in warnings]
    lines += ['', 'Try to rerun the benchmark with more runs, values and/or loops.',
              'Use --quiet option to hide these warnings.', '']
    return lines


def format_benchmark(bench, checks=True, metadata=False, dump=False, stats=False,
                     show_name=True):
    lines = []
    if metadata:
        lines.append('Metadata:')
        items = bench.get_metadata()
        for name in sorted(items):
            lines.append('- %s: %s' % (name, items[name]))
        lines.append('')
    if dump:
        for number, run in enumerate(bench.runs, 1):
            if run.is_calibration():
                lines.append('Run %d: calibrate the number of loops: %s'
                             % (number, _stats.format_number(run.metadata.get('loops', 1))))
            else:
                shown = ', '.join(_stats.format_timedeltas(run.values))
                lines.append('Run %d: %d warmups, %d values: %s'
                             % (number, len(run.warmups), len(run.values), shown))
        lines.append('')
    values = bench.get_values()
    if stats and values:
        lines.append('Total duration: %s'
                     % _stats.format_timedelta(sum(run.metadata.get('duration', 0)
                                                   for run in bench.runs)))
        lines.append('Values: %d' % len(values))
        for label, value in (('Minimum', min(values)), ('Median', _stats.median(values)),
                             ('Mean', bench.mean()), ('Maximum', max(values))):
            lines.append('%s: %s' % (label, _stats.format_timedelta(value)))
        if len(values) >= 2:
            lines.append('Standard deviation: %s' % _stats.format_timedelta(bench.stdev()))
        lines.append('')
    if checks and values:
        lines += stability_warnings(bench)
    if not values:
        result = 'no values (calibration only)'
    else:
        result = format_result(bench)
    if show_name:
        result = '%s: %s' % (bench.get_name(), result)
    lines.append(result)
    return lines
