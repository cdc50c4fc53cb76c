# raise ... from None hides the context in the traceback.
def get(items, i):
    try:
        return items[i]
    except IndexError:
        raise LookupError(f"item {i} missing") from None
print(get([10, 20], 1))
get([10, 20], 5)
