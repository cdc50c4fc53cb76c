def simple():
    try:
        risky()
    except ValueError:
        handle()

def full(x):
    try:
        r = risky(x)
    except (TypeError, KeyError) as e:
        log(e)
        raise RuntimeError("wrapped") from e
    except Exception:
        raise
    else:
        return r
    finally:
        cleanup()

def return_in_finally():
    try:
        return 1
    finally:
        print("done")

def loop_with_try(items):
    for item in items:
        try:
            if item:
                continue
            if item is None:
                break
        except Exception:
            pass
        finally:
            item = None
    return items

def nested():
    try:
        try:
            a()
        except A:
            b()
    except B as exc:
        try:
            c()
        finally:
            del exc

def bare():
    try:
        a()
    except:
        pass

def reraise_from_none():
    try:
        a()
    except KeyError:
        raise AttributeError("x") from None

try:
    import missing
except ImportError:
    missing = None
finally:
    pass
