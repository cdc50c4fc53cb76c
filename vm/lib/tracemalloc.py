"""Memory allocation tracing (rpy: tracing cannot be started).

rpy does not record allocation tracebacks. The queries behave as CPython's do while
tracing is off (so code that checks ``is_tracing()`` or asks for an object's traceback
works); starting a trace raises NotImplementedError instead of silently recording nothing.
"""

__all__ = ["is_tracing", "start", "stop", "clear_traces", "get_object_traceback",
           "get_traced_memory", "reset_peak", "get_traceback_limit",
           "get_tracemalloc_memory", "take_snapshot"]

_UNSUPPORTED = ("Snapshot", "Filter", "DomainFilter", "Frame", "Traceback",
                "Statistic", "StatisticDiff", "Trace", "BaseFilter")


def is_tracing():
    return False


def start(nframe=1, /):
    if not isinstance(nframe, int):
        raise TypeError(f"'{type(nframe).__name__}' object cannot be interpreted as an integer")
    if nframe < 1 or nframe > 65535:
        raise ValueError("the number of frames must be in range [1; 65535]")
    raise NotImplementedError("tracemalloc.start(): rpy does not trace allocations")


def stop():
    return None


def clear_traces():
    return None


def reset_peak():
    return None


def get_object_traceback(obj):
    return None


def get_traced_memory():
    return (0, 0)


def get_traceback_limit():
    return 1


def get_tracemalloc_memory():
    return 0


def take_snapshot():
    raise RuntimeError("the tracemalloc module must be tracing memory "
                       "allocations to take a snapshot")


def __getattr__(name):
    if name in _UNSUPPORTED:
        raise NotImplementedError(f"tracemalloc.{name}: rpy does not trace allocations")
    raise AttributeError(f"module 'tracemalloc' has no attribute '{name}'")
