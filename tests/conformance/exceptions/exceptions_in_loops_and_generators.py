# Exceptions crossing generator frames, loops with retry counters, and exception state inside handlers.
import sys
def numbers():
    yield 1
    yield 2
    raise StopIteration if False else ValueError("generator failed")
total = 0
try:
    for n in numbers():
        total += n
except ValueError as e:
    print("ValueError after", total, ":", e)
def handler_state():
    try:
        raise KeyError("outer")
    except KeyError:
        print("in handler:", repr(sys.exception()))
        try:
            raise IndexError("inner")
        except IndexError:
            print("nested handler:", repr(sys.exception()))
        print("back in outer handler:", repr(sys.exception()))
    print("after handlers:", sys.exception())
handler_state()
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 4:
            raise ConnectionError(f"attempt {attempts}")
        print("connected after", attempts, "attempts")
        break
    except ConnectionError as e:
        print("retrying:", e)
errors = {}
for value in ["1", "x", "2.5", None, "7"]:
    try:
        errors[value] = int(value)
    except (ValueError, TypeError) as e:
        errors[value] = type(e).__name__
print(errors)
