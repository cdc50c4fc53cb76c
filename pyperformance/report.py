"""The comparison table: per-workload times and ratios, geometric mean, text/Markdown/SVG.

A report is a plain dict (written as results.json):

    {"settings": {...}, "interpreters": {"cpython": {...}, "rpy": {...}},
     "workloads": [{"name", "status", "reason", "checks", "cpython", "rpy", "ratio"}],
     "geomean": float | None, "geomean_count": int}

where "cpython"/"rpy" are ``{"seconds": float | None, "benchmarks": {name: stats}}``.
A workload's time is the sum over its benchmarks (scimark has five) of the mean seconds
per loop; its ratio is CPython time / rpy time, so above 1 means rpy is faster. The
geometric mean covers the workloads whose status is "ok" (both ran, rpy's checked values
equal CPython's).
"""

import html
import math
import statistics

STATUS_OK = 'ok'


def summarize_values(values):
    """Mean, standard deviation and count of seconds-per-loop values."""
    return {'mean': statistics.fmean(values),
            'stdev': statistics.stdev(values) if len(values) > 1 else 0.0,
            'values': len(values)}


def workload_seconds(benchmarks):
    """Sum of the benchmarks' mean seconds per loop, or None when there are none."""
    if not benchmarks:
        return None
    return math.fsum(stats['mean'] for stats in benchmarks.values())


def ratio(cpython_seconds, rpy_seconds):
    if not cpython_seconds or not rpy_seconds:
        return None
    return cpython_seconds / rpy_seconds


def geometric_mean(values):
    if not values:
        return None
    return math.exp(math.fsum(math.log(value) for value in values) / len(values))


def finish(report):
    """Fill in each workload's ratio and the geometric mean over the "ok" workloads."""
    ratios = []
    for workload in report['workloads']:
        value = ratio(workload['cpython'].get('seconds'), workload['rpy'].get('seconds'))
        workload['ratio'] = value
        if workload['status'] == STATUS_OK and value is not None:
            ratios.append(value)
    report['geomean'] = geometric_mean(ratios)
    report['geomean_count'] = len(ratios)
    return report


def format_seconds(seconds):
    if seconds is None:
        return '-'
    for scale, unit in ((1.0, 's'), (1e-3, 'ms'), (1e-6, 'us')):
        if seconds >= scale:
            break
    else:
        scale, unit = 1e-9, 'ns'
    value = seconds / scale
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return '%.*f %s' % (digits, value, unit)


def format_ratio(value):
    return '-' if value is None else '%.2fx' % value


def status_text(workload, limit=120):
    """The status with its reason, cut to ``limit`` characters (results.json has it all)."""
    text = workload['status']
    if text != STATUS_OK and workload.get('reason'):
        text = '%s: %s' % (text, workload['reason'])
    if len(text) > limit:
        text = text[:limit - 3] + '...'
    return text


def _rows(report):
    for workload in report['workloads']:
        yield (workload['name'], format_seconds(workload['cpython'].get('seconds')),
               format_seconds(workload['rpy'].get('seconds')),
               format_ratio(workload.get('ratio')), status_text(workload))


def _geomean_line(report):
    return 'geometric mean of CPython/rpy over %d of %d workloads: %s' % (
        report['geomean_count'], len(report['workloads']), format_ratio(report['geomean']))


HEADER = ('workload', 'CPython', 'rpy', 'CPython/rpy', 'status')


def render_text(report):
    rows = [HEADER] + list(_rows(report))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [row[column].rjust(widths[column]) for column in (1, 2, 3)]
        lines.append('  '.join(cells + [row[4]]).rstrip())
    lines.append('')
    lines.append(_geomean_line(report))
    return '\n'.join(lines) + '\n'


def _md_cell(text):
    return text.replace('|', '\\|').replace('\n', ' ')


def render_markdown(report):
    interpreters = report.get('interpreters', {})
    settings = report.get('settings', {})
    lines = ['# pyperformance: CPython vs rpy', '']
    for label in ('cpython', 'rpy'):
        info = interpreters.get(label, {})
        lines.append('- %s: `%s` (%s)' % ('CPython' if label == 'cpython' else 'rpy',
                                          info.get('path', '?'), info.get('version', '?')))
    if settings:
        lines.append('- settings: ' + ', '.join('%s=%s' % (key, settings[key])
                                                for key in sorted(settings)))
    if report.get('generated'):
        lines.append('- generated: %s' % report['generated'])
    lines += ['', '| ' + ' | '.join(HEADER) + ' |', '|---|---:|---:|---:|---|']
    for row in _rows(report):
        lines.append('| ' + ' | '.join(_md_cell(cell) for cell in row) + ' |')
    lines += ['', '**%s**' % _geomean_line(report), '',
              'Times are mean seconds per benchmark loop (summed over the sub-benchmarks of '
              'a workload). CPython/rpy above 1 means rpy is faster. Only workloads whose '
              'status is ok (both ran, rpy computed the values CPython computed) enter the '
              'geometric mean.', '']
    return '\n'.join(lines)


def _svg_text(x, y, text, anchor='start', weight='normal', fill='#222'):
    return ('<text x="%.1f" y="%.1f" text-anchor="%s" font-weight="%s" fill="%s">%s</text>'
            % (x, y, anchor, weight, fill, html.escape(text)))


def render_svg(report):
    """Horizontal bars of CPython/rpy per workload on a log2 axis centred on parity."""
    entries = [(w['name'], w.get('ratio') if w['status'] == STATUS_OK else None,
                status_text(w)) for w in report['workloads']]
    entries.append(('geometric mean', report.get('geomean'), 'no ok workloads'))
    known = [value for _, value, _ in entries if value]
    low = min([0.5] + known)
    high = max([2.0] + known)
    lo_exp = math.floor(math.log2(low))
    hi_exp = math.ceil(math.log2(high))
    label_width, plot_width, row_height, top = 170.0, 520.0, 22.0, 40.0
    width = label_width + plot_width + 80
    height = top + row_height * len(entries) + 40

    def x_of(value):
        return label_width + plot_width * (math.log2(value) - lo_exp) / (hi_exp - lo_exp)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           _svg_text(label_width, 20, 'CPython time / rpy time (log scale; right of 1x: rpy '
                     'faster)', weight='bold')]
    for exponent in range(lo_exp, hi_exp + 1):
        value = 2.0 ** exponent
        x = x_of(value)
        colour = '#555' if exponent == 0 else '#ddd'
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>'
                   % (x, top - 6, x, height - 30, colour))
        tick = ('%gx' % value) if value >= 1 else ('1/%dx' % round(1 / value))
        out.append(_svg_text(x, height - 14, tick, anchor='middle', fill='#555'))
    parity = x_of(1.0)
    for index, (name, value, note) in enumerate(entries):
        y = top + row_height * index
        is_mean = index == len(entries) - 1
        weight = 'bold' if is_mean else 'normal'
        out.append(_svg_text(label_width - 8, y + 14, name, anchor='end', weight=weight))
        if not value:
            out.append(_svg_text(parity + 6, y + 14, note[:80], fill='#b00'))
            continue
        x = x_of(value)
        colour = '#2a7' if value >= 1 else '#d54'
        if is_mean:
            colour = '#246' if value >= 1 else '#822'
        out.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>'
                   % (min(x, parity), y + 3, max(abs(x - parity), 1.0), row_height - 6, colour))
        out.append(_svg_text(max(x, parity) + 4, y + 14, format_ratio(value), weight=weight))
    out.append('</svg>')
    return '\n'.join(out) + '\n'
