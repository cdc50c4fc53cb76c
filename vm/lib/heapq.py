"""Heap queue algorithm (rpy's implementation).

The list primitives come from the native _heapq module.  merge(), nsmallest() and
nlargest() follow CPython's algorithms step for step (the same comparisons in the same
order, ties broken by input position), so results agree even for unusual orderings.
"""

from _heapq import (
    heapify, heapify_max, heappop, heappop_max, heappush, heappush_max, heappushpop,
    heappushpop_max, heapreplace, heapreplace_max,
)

__all__ = [
    "heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest",
    "heappushpop", "heappush_max", "heappop_max", "heapify_max", "heapreplace_max",
    "heappushpop_max",
]

# The names older code imports.
_heapify_max = heapify_max
_heappop_max = heappop_max
_heappush_max = heappush_max
_heapreplace_max = heapreplace_max
_heappushpop_max = heappushpop_max


def _siftdown(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not parent < item:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted iterator (stable across inputs)."""
    if reverse:
        make_heap, pop, replace, direction = heapify_max, heappop_max, heapreplace_max, -1
    else:
        make_heap, pop, replace, direction = heapify, heappop, heapreplace, 1
    # Entries are [sort key, input position, (value,) iterator]; the position keeps
    # the merge stable and stops comparisons from reaching values or iterators.
    heap = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        try:
            value = next(it)
        except StopIteration:
            continue
        if key is None:
            heap.append([value, order * direction, it])
        else:
            heap.append([key(value), order * direction, value, it])
    make_heap(heap)
    if key is None:
        while len(heap) > 1:
            try:
                while True:
                    entry = heap[0]
                    yield entry[0]
                    entry[0] = next(entry[2])
                    replace(heap, entry)
            except StopIteration:
                pop(heap)
        if heap:
            entry = heap[0]
            yield entry[0]
            yield from entry[2]
        return
    while len(heap) > 1:
        try:
            while True:
                entry = heap[0]
                yield entry[2]
                value = next(entry[3])
                entry[0] = key(value)
                entry[2] = value
                replace(heap, entry)
        except StopIteration:
            pop(heap)
    if heap:
        entry = heap[0]
        yield entry[2]
        yield from entry[3]


_MISSING = object()


def _sized(iterable):
    try:
        return len(iterable)
    except (TypeError, AttributeError):
        return None


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements: same as sorted(iterable, key=key)[:n]."""
    if n == 1:
        best = min(iter(iterable), default=_MISSING, key=key)
        return [] if best is _MISSING else [best]
    size = _sized(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key)[:n]
    it = iter(iterable)
    # A max-heap of the n best so far, decorated with arrival order for stability.
    if key is None:
        kept = [(elem, i) for i, elem in zip(range(n), it)]
        if not kept:
            return kept
        heapify_max(kept)
        top = kept[0][0]
        order = n
        for elem in it:
            if elem < top:
                heapreplace_max(kept, (elem, order))
                top = kept[0][0]
                order += 1
        kept.sort()
        return [entry[0] for entry in kept]
    kept = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not kept:
        return kept
    heapify_max(kept)
    top = kept[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            heapreplace_max(kept, (k, order, elem))
            top = kept[0][0]
            order += 1
    kept.sort()
    return [entry[2] for entry in kept]


def nlargest(n, iterable, key=None):
    """Find the n largest elements: same as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        best = max(iter(iterable), default=_MISSING, key=key)
        return [] if best is _MISSING else [best]
    size = _sized(iterable)
    if size is not None and n >= size:
        return sorted(iterable, key=key, reverse=True)[:n]
    it = iter(iterable)
    # A min-heap of the n best so far; decreasing order numbers keep earlier items first.
    if key is None:
        kept = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not kept:
            return kept
        heapify(kept)
        top = kept[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(kept, (elem, order))
                top = kept[0][0]
                order -= 1
        kept.sort(reverse=True)
        return [entry[0] for entry in kept]
    kept = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not kept:
        return kept
    heapify(kept)
    top = kept[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(kept, (k, order, elem))
            top = kept[0][0]
            order -= 1
    kept.sort(reverse=True)
    return [entry[2] for entry in kept]
