// Python functions, bound methods and cells.
//
// A function that many threads call switches to per-thread reference counts
// by itself (runtime/object.h), so calls from many threads cause no count
// traffic on it.
//
// Thread safety: a function's code, globals and closure never change after
// creation (`__code__` assignment swaps the pointer atomically); defaults,
// kwdefaults, annotations, name, qualname, doc and dict are replaced by
// atomic exchange of an owned Value, readers take a reference first.
#pragma once

#include <atomic>

#include "compile/code.h"
#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Function : Object {
  Value code;        // Code (owned)
  Value globals;     // Dict (owned)
  Value builtins;    // Dict (owned)
  Value name;        // str
  Value qualname;    // str
  Value defaults;    // tuple or null
  Value kwdefaults;  // dict or null
  Value closure;     // tuple of cells or null
  Value doc;         // any or null
  Value dict;        // __dict__ or null
  Value module;      // __module__ value or null
  Value annotations; // dict or null
  Value type_params; // tuple or null
  Value weakreflist;
  // The codes `__code__` held before (a list, or null): frames running the
  // function borrow its code (vm/frame.h), so a replaced code lives as long
  // as the function. Guarded by the function's critical section.
  Value former_codes;
  uint32_t version;  // for call specialisation; bumped when __code__/__defaults__ change
};
extern Type g_function_type;

// The function's current code. `__code__` assignment exchanges the field
// atomically and keeps the old code in former_codes, so a caller loads it
// atomically and the frame it pushes borrows it (frame.h).
inline Code* function_code(Function* fn) {
  return std::atomic_ref<Value>(fn->code).load(std::memory_order_acquire).as<Code>();
}

struct Method : Object {
  Value func;  // owned
  Value self;  // owned
  Value weakreflist;
};
extern Type g_method_type;

struct Cell : Object {
  Value ref;  // owned or null (empty)
};
extern Type g_cell_type;

inline bool is_python_function(Value v) { return v.is_obj() && v.obj()->ob_type == &g_function_type; }
inline bool is_method(Value v) { return v.is_obj() && v.obj()->ob_type == &g_method_type; }
inline bool is_cell(Value v) { return v.is_obj() && v.obj()->ob_type == &g_cell_type; }

Ref<> function_new(Value code, Value globals, Value qualname);
Ref<> method_new(Value func, Value self);
Ref<> cell_new(Value contents);  // contents may be null
Value cell_get(Value cell);        // borrowed, may be null
void cell_set(Value cell, Value v);  // v may be null

void function_types_init();

}  // namespace ftpy
