"""The constants of importlib.machinery that programs read without an
import system to drive (ftpy's importer is native): the file suffixes the
importer recognises. inspect uses them to map modules to source files."""

__all__ = ['SOURCE_SUFFIXES', 'BYTECODE_SUFFIXES', 'DEBUG_BYTECODE_SUFFIXES',
           'OPTIMIZED_BYTECODE_SUFFIXES', 'EXTENSION_SUFFIXES', 'all_suffixes']

SOURCE_SUFFIXES = ['.py']
# ftpy reads and writes no bytecode files; the suffixes still name them.
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
# Native extension modules (include/ftpy/ftpy.h FTPY_EXT_SUFFIX, then .so).
EXTENSION_SUFFIXES = ['.ftpy-1.so', '.so']


def all_suffixes():
    """Every suffix of a file the importer may load as a module."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
