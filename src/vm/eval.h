// The interpreter loop's entry points.
#pragma once

#include <string_view>

#include "compile/code.h"
#include "runtime/ref.h"
#include "vm/function.h"

namespace ftpy {

// Call a Python function (vectorcall convention).
Ref<> vm_call_function(Function* f, const Value* args, size_t nargs, Value kwnames);
// Run a module-level or class-body code object with the given namespaces
// (`locals` may be null: then globals are the locals).
Ref<> vm_exec_code(Code* code, Value globals, Value locals);
// The builtins dict of the current frame, or the interpreter's.
Value current_builtins_dict();

}  // namespace ftpy

namespace ftpy {
// Run a class body (`fn` from the class statement) with `ns` as its locals;
// returns the body's return value (the __class__ cell, or None).
Ref<> vm_exec_class_body(Function* fn, Value ns);
// locals() of the innermost frame: its locals mapping, or a new dict of its
// fast locals.
Ref<> current_locals_mapping();
}  // namespace ftpy
