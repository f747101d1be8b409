pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (FileNotFoundError, OSError), (PermissionError, OSError), (TimeoutError, OSError), (ConnectionResetError, ConnectionError),
         (UnicodeDecodeError, ValueError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError),
         (UnboundLocalError, NameError), (IndentationError, SyntaxError), (TabError, IndentationError), (StopAsyncIteration, Exception),
         (GeneratorExit, Exception), (KeyboardInterrupt, Exception), (SystemExit, BaseException), (BrokenPipeError, ConnectionError),
         (DeprecationWarning, Warning), (UserWarning, Exception), (BlockingIOError, OSError), (AssertionError, Exception), (ExceptionGroup, BaseExceptionGroup)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print([c.__name__ for c in FileNotFoundError.__mro__])
print(sorted(c.__name__ for c in ArithmeticError.__subclasses__()))
