# Ordering of except/else/finally output across nested functions, loops and re-raises.
log = []
def level(n):
    try:
        log.append(f"enter {n}")
        if n == 0:
            raise ValueError("bottom")
        level(n - 1)
        log.append(f"after call {n}")
    except KeyError:
        log.append(f"keyerror {n}")
    else:
        log.append(f"else {n}")
    finally:
        log.append(f"finally {n}")
try:
    level(3)
except ValueError as e:
    log.append(f"caught {e}")
print("\n".join(log))
def gen_cleanup():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise IndexError(i)
                out.append(f"ok {i}")
            finally:
                out.append(f"inner finally {i}")
        except IndexError as e:
            out.append(f"handled {e}")
        finally:
            out.append(f"outer finally {i}")
    return out
print(gen_cleanup())
def finally_overrides_exception():
    try:
        try:
            raise ValueError("original")
        finally:
            raise KeyError("from finally")
    except KeyError as e:
        return repr(e), repr(e.__context__)
print(finally_overrides_exception())
def break_in_finally_loop():
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("swallowed by continue")
        except RuntimeError:
            continue
        finally:
            print("finally", i)
    return "loop done"
print(break_in_finally_loop())
