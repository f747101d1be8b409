// Interned identifiers the runtime uses (STYLE.md "one table per concept"):
// each row becomes `ids::NAME`, an immortal interned Str*, created once at
// start-up by ids_init(). Compare names by pointer after interning.
#pragma once

#include "objects/str.h"

namespace ftpy {

#define FTPY_IDS(X)                                                                    \
  X(__abs__) X(__add__) X(__aenter__) X(__aexit__) X(__aiter__) X(__all__) X(__and__)  \
  X(__anext__) X(__annotations__) X(__await__) X(__bool__) X(__build_class__)          \
  X(__builtins__) X(__call__) X(__cause__) X(__ceil__) X(__class__) X(__class_getitem__) \
  X(__classcell__) X(__contains__) X(__context__) X(__copy__)           \
  X(__deepcopy__) X(__del__) X(__delattr__) X(__delete__) X(__delitem__) X(__dict__)   \
  X(__dir__) X(__divmod__) X(__doc__) X(__enter__) X(__eq__) X(__exit__) X(__file__)   \
  X(__float__) X(__floor__) X(__floordiv__) X(__format__) X(__ge__) X(__get__)        \
  X(__getattr__) X(__getattribute__) X(__getitem__) X(__gt__) X(__hash__) X(__iadd__)  \
  X(__import__) X(__index__) X(__init__) X(__init_subclass__) X(__instancecheck__)     \
  X(__int__) X(__invert__) X(__iter__) X(__le__) X(__len__) X(__length_hint__)         \
  X(__loader__) X(__lt__) X(__main__) X(__match_args__) X(__missing__) X(__mod__)      \
  X(__module__) X(__mro_entries__) X(__mul__) X(__name__) X(__ne__) X(__neg__)         \
  X(__new__) X(__next__) X(__notes__) X(__or__) X(__package__) X(__path__) X(__pos__)  \
  X(__pow__) X(__prepare__) X(__qualname__) X(__repr__) X(__reversed__) X(__round__)   \
  X(__set__) X(__set_name__) X(__setattr__) X(__setitem__) X(__slots__) X(__spec__)    \
  X(__str__) X(__sub__) X(__subclasscheck__) X(__subclasshook__) X(__traceback__)      \
  X(__truediv__) X(__trunc__) X(__weakref__) X(__abstractmethods__) X(__orig_bases__)  \
  X(__type_params__) X(__firstlineno__) X(__static_attributes__)                       \
  X(_fields) X(args) X(append) X(close) X(decode) X(encode) X(end) X(extend) X(fileno) \
  X(flush) X(get) X(items) X(keys) X(metaclass) X(mro) X(name) X(read) X(readline)     \
  X(send) X(sep) X(update) X(values) X(write) X(builtins) X(sys) X(stdout)    \
  X(stderr) X(stdin) X(excepthook) X(modules) X(path) X(msg) X(filename) X(lineno)     \
  X(offset) X(text) X(end_lineno) X(end_offset) X(print_file_and_line) X(code) X(value) \
  X(obj) X(__future__) X(__debug__) X(self) X(cls) X(__locals__) X(__defaults__)       \
  X(__kwdefaults__) X(__code__) X(__closure__) X(__globals__) X(__wrapped__)

// Names that collide with C++ keywords or reserved identifiers: X(cname, "text").
#define FTPY_IDS_NAMED(X) X(throw_, "throw") X(dunder_complex, "__complex__") X(dunder_func, "__func__")

namespace ids {
#define FTPY_DECLARE_ID(name) extern Str* name;
FTPY_IDS(FTPY_DECLARE_ID)
#undef FTPY_DECLARE_ID
#define FTPY_DECLARE_NAMED_ID(name, text) extern Str* name;
FTPY_IDS_NAMED(FTPY_DECLARE_NAMED_ID)
#undef FTPY_DECLARE_NAMED_ID
}  // namespace ids

void ids_init();

}  // namespace ftpy
