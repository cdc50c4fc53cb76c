# "During handling of the above exception, another exception occurred".
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError(f"no setting {key!r}")
settings = {"debug": True}
print(lookup(settings, "debug"))
lookup(settings, "verbose")
