# Three-level context chain from handlers that fail themselves.
def cleanup():
    raise OSError("cleanup failed")
def process():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            cleanup()
        except OSError:
            raise RuntimeError("giving up")
process()
