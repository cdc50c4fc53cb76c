"""Per-workload checks of what a workload computed, run after it in check mode.

Check mode (pyperf/_check.py) records the return values of ``bench_func`` benchmarks. Most
workloads use ``bench_time_func``, whose function returns only a duration; for them the
probe below inspects the workload's globals after its single check-mode loop, or calls
the workload's own functions again on the benchmark's inputs and keeps what the loop
throws away (energies, norms, sums, image files). A probe returns any value; launch.py
records its canonical form. Workloads that verify themselves (hexiom, meteor_contest,
richards, deltablue) or compute nothing to compare (unpack_sequence) have no probe:
their return values, exit status and stdout are what the harness compares.

Runs under the interpreter being measured, so it uses plain Python only.
"""

from pyperf._check import fnv1a64


def _file_digest(path):
    with open(path, 'rb') as image:
        data = image.read()
    return {'bytes': len(data), 'fnv1a64': fnv1a64(data)}


def _drive(coro):
    """Run a coroutine that never awaits an event-loop future."""
    while True:
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value


def probe_nbody(g, tmp):
    # The check-mode loop ran advance(0.01, iterations) once on the module's SYSTEM.
    return {'energy': g['report_energy'](),
            'positions': [list(body[0]) for body in g['SYSTEM']],
            'velocities': [list(body[1]) for body in g['SYSTEM']]}


def probe_spectral_norm(g, tmp):
    eval_ata = g['eval_AtA_times_u']
    u = [1] * g['DEFAULT_N']
    for _ in range(10):
        v = eval_ata(u)
        u = eval_ata(v)
    vbv = vv = 0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return {'vBv': vbv, 'vv': vv}


def probe_coroutines(g, tmp):
    return _drive(g['fibonacci'](25))


def probe_generators(g, tmp):
    tree = g['tree']
    total = count = 0
    for value in tree(range(100000)):
        total += value
        count += 1
    return {'small': list(tree(range(10))), 'count': count, 'sum': total}


def probe_async_generators(g, tmp):
    async def walk():
        total = count = 0
        async for value in g['tree'](range(100000)):
            total += value
            count += 1
        return [count, total]

    return _drive(walk())


def probe_nqueens(g, tmp):
    return list(g['n_queens'](8))


def probe_chaos(g, tmp):
    return _file_digest(tmp + '/chaos.ppm')


def probe_raytrace(g, tmp):
    return _file_digest(tmp + '/raytrace.ppm')


def probe_barnes_hut(g, tmp):
    width, height = 1000, 800
    particles = g['create_deterministic_galaxy'](g['DEFAULT_PARTICLES'], width / 2, height / 2)
    energy = g['calculate_system_energy']
    before = energy(particles)
    # A fifth of the benchmark's steps: the check-mode loop already ran all of them.
    for _ in range(g['DEFAULT_ITERATIONS'] // 5):
        g['advance_system'](particles, g['DEFAULT_THETA'], g['TIME_STEP'], width, height)
    return {'energy_before': before, 'energy_after': energy(particles),
            'positions': [[p.position.x, p.position.y] for p in particles]}


def probe_scimark(g, tmp):
    random, array = g['Random'], g['array']
    sor = random(7).RandomMatrix(g['Array2D'](100, 100))
    g['SOR_execute'](1.25, sor, 10, g['Array2D'])

    lu_input = random(7).RandomMatrix(g['ArrayList'](100, 100))
    lu = g['ArrayList'](100, 100)
    pivot = array('i', [0]) * 100
    g['LU'](lu, lu_input, pivot)

    fft = random(7).RandomVector(2 * 1024)
    g['FFT_transform'](2 * 1024, fft)
    transformed = list(fft)
    g['FFT_inverse'](2 * 1024, fft)

    # The benchmark multiplies all-zero matrices; random ones check the arithmetic.
    size, nonzero = 1000, 50 * 1000
    per_row = nonzero // size
    rnd = random(7)
    x = array('d', [rnd.nextDouble() for _ in range(size)])
    y = array('d', [0]) * size
    val = array('d', [rnd.nextDouble() for _ in range(per_row * size)])
    col = array('i', [0]) * nonzero
    row = array('i', [0]) * (size + 1)
    for r in range(size):
        step = max(r // per_row, 1)
        row[r + 1] = row[r] + per_row
        for i in range(per_row):
            col[row[r] + i] = i * step
    g['SparseCompRow_matmult'](size, y, val, row, col, x, 1)

    return {'sor': list(sor.data), 'lu': [x for line in lu.data for x in line],
            'pivot': list(pivot), 'fft': transformed, 'fft_inverse': list(fft),
            'monte_carlo': g['MonteCarlo'](100 * 1000), 'sparse': list(y)}


PROBES = {
    'async_generators': probe_async_generators,
    'barnes_hut': probe_barnes_hut,
    'chaos': probe_chaos,
    'coroutines': probe_coroutines,
    'generators': probe_generators,
    'nbody': probe_nbody,
    'nqueens': probe_nqueens,
    'raytrace': probe_raytrace,
    'scimark': probe_scimark,
    'spectral_norm': probe_spectral_norm,
}

# Workload options that make the check run leave its result somewhere a probe can read.
CHECK_ARGS = {
    'chaos': ['--filename', '{tmp}/chaos.ppm'],
    'raytrace': ['--filename', '{tmp}/raytrace.ppm'],
}


def check_args(name, tmp):
    return [arg.replace('{tmp}', tmp) for arg in CHECK_ARGS.get(name, ())]


def probe(name, module_globals, tmp):
    function = PROBES.get(name)
    if function is None:
        return None
    return function(module_globals, tmp)
