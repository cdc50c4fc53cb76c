# The builtin exception hierarchy: bases and MRO of the common classes.
names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError",
         "LookupError", "IndexError", "KeyError", "ValueError", "UnicodeError", "UnicodeDecodeError",
         "UnicodeEncodeError", "TypeError", "AttributeError", "NameError", "UnboundLocalError", "RuntimeError",
         "RecursionError", "NotImplementedError", "StopIteration", "StopAsyncIteration", "GeneratorExit",
         "KeyboardInterrupt", "SystemExit", "OSError", "FileNotFoundError", "FileExistsError", "PermissionError",
         "IsADirectoryError", "NotADirectoryError", "TimeoutError", "ConnectionError", "BrokenPipeError",
         "ImportError", "ModuleNotFoundError", "AssertionError", "EOFError", "MemoryError", "BufferError",
         "SyntaxError", "IndentationError", "TabError", "SystemError", "ReferenceError", "EnvironmentError",
         "IOError", "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning", "SyntaxWarning",
         "BaseExceptionGroup", "ExceptionGroup", "PythonFinalizationError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__name__, [c.__name__ for c in cls.__mro__])
print(IOError is OSError, EnvironmentError is OSError, issubclass(KeyboardInterrupt, Exception))
