"""Summary statistics and pyperf-style number formatting, without statistics or math."""


def mean(values):
    if not values:
        raise ValueError('mean requires at least one value')
    return sum(values) / len(values)


def stdev(values):
    """Sample standard deviation (n - 1 denominator), as statistics.stdev."""
    if len(values) < 2:
        raise ValueError('stdev requires at least two values')
    center = mean(values)
    total = 0.0
    for value in values:
        total += (value - center) ** 2
    return (total / (len(values) - 1)) ** 0.5


def median(values):
    if not values:
        raise ValueError('median requires at least one value')
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def geometric_mean(values):
    """Geometric mean of positive numbers, without math.log.

    The n-th root of the product, rescaled by powers of two as it goes so that long lists
    of small or large ratios cannot underflow or overflow.
    """
    if not values:
        raise ValueError('geometric_mean requires at least one value')
    product = 1.0
    scale = 0
    for value in values:
        if value <= 0:
            raise ValueError('geometric_mean requires positive values')
        product *= value
        while product > 2.0 ** 64:
            product /= 2.0 ** 64
            scale += 64
        while product < 2.0 ** -64:
            product *= 2.0 ** 64
            scale -= 64
    n = len(values)
    return product ** (1.0 / n) * 2.0 ** (scale / n)


_TIME_UNITS = ('sec', 'ms', 'us', 'ns')


def format_timedeltas(values):
    """Format seconds with three significant digits of the first value, one shared unit."""
    reference = abs(values[0])
    exponent = -9
    for candidate in range(2, -9, -1):
        if reference >= 10.0 ** candidate:
            exponent = candidate
            break
    precision = 2 - exponent % 3
    unit_index = -(exponent // 3) if exponent < 0 else 0
    factor = 10 ** (unit_index * 3)
    template = '%%.%df %s' % (precision, _TIME_UNITS[unit_index])
    return tuple(template % (value * factor) for value in values)


def format_timedelta(value):
    return format_timedeltas((value,))[0]


def format_number(number, unit=None):
    """Integers as pyperf prints them: 2^k or 10^k for big round numbers."""
    text = str(number)
    if isinstance(number, int) and number >= 10000:
        for base in (10, 2):
            power = 0
            rest = number
            while rest % base == 0 and rest > 1:
                rest //= base
                power += 1
            if rest == 1:
                text = '%d^%d' % (base, power)
                break
    if not unit:
        return text
    if number == 1:
        return '%s %s' % (text, unit)
    return '%s %ss' % (text, unit)
