def check(x):
    assert x
    assert x, "message"
    assert x > 0, f"bad {x}"
    assert (x, "tuple")
    return x

assert True
assert isinstance(check, object), check
