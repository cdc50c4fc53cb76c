# Set to 'True' if the tests are run against the pathlib-abc PyPI package.
is_pypi = False
