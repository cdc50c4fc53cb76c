# *args and **kwargs in definitions and calls.
def show(*args, **kwargs):
    return f"args={args} kwargs={dict(sorted(kwargs.items()))}"
print(show(), show(1, 2), show(a=1), show(1, *[2, 3], *(4,), x=1, **{"y": 2}, **{"z": 3}))
def add(a, b, c):
    return a + b + c
nums = [1, 2, 3]
print(add(*nums), add(*"abc"), add(1, *[2, 3]), add(**{"a": 1, "b": 2, "c": 3}), add(1, **{"c": 3, "b": 2}))
def wrapper(*args, **kwargs):
    return add(*args, **kwargs)
print(wrapper(1, 2, c=3))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3), first_rest(*range(5)))
try:
    add(1, 2, **{"c": 3, "a": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    add(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    add(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
gen_args = (i for i in range(3))
print(add(*gen_args), show(*{"k": 1}), show(*{"k": 1}.items()))
