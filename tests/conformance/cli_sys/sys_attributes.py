# sys attributes that real programs use.
import os
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 14), sys.version.startswith("3.14"))
print(sys.implementation.name in ("cpython", "rpy"), sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform)
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)), "sys" in sys.modules, "__main__" in sys.modules)
print("sys" in sys.builtin_module_names, isinstance(sys.modules, dict), sys.modules["sys"] is sys)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.isolated, sys.flags.verbose, sys.flags.utf8_mode)
print(sys.intern("abc") == "abc", sys.getsizeof(1) > 0, sys.getsizeof([1, 2, 3]) > sys.getsizeof([]), isinstance(sys.getsizeof("x"), int))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info.min)
print(sys.int_info.bits_per_digit > 0, sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan if False else "nan-skip")
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.stdout.encoding, sys.stdin.encoding if sys.stdin else None)
print(callable(sys.exit), callable(sys.getrecursionlimit), sys.executable != "", type(sys.argv).__name__)
print(os.path.basename(sys.modules["__main__"].__file__), sys.exc_info(), sys.exception())
