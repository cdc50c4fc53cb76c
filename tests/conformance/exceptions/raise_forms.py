# raise with classes, instances, re-raise, raising non-exceptions.
def raise_class():
    raise KeyError
def raise_instance():
    raise KeyError("inst")
for f in [raise_class, raise_instance]:
    try:
        f()
    except KeyError as e:
        print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
class NeedsArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
try:
    raise NeedsArgs
except TypeError as e:
    print("TypeError:", e)
def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling, re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print("got back", repr(e))
try:
    try:
        raise ValueError("first")
    finally:
        print("finally runs before propagation")
except ValueError as e:
    print(repr(e))
try:
    try:
        raise ValueError("lost")
    finally:
        raise TypeError("replaces")
except TypeError as e:
    print(repr(e), repr(e.__context__))
class Ctx(Exception):
    pass
def raise_type_with_args():
    raise Ctx("a", 1)
try:
    raise_type_with_args()
except Ctx as e:
    print(e.args, str(e))
