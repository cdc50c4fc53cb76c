def groups():
    try:
        work()
    except* ValueError as eg:
        handle(eg)
    except* (TypeError, KeyError):
        pass

def with_else_finally():
    try:
        work()
    except* OSError:
        status = 1
    else:
        return 2
    finally:
        done()

try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as e:
    print(e)
