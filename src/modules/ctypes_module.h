// The _ctypes module: foreign functions over libffi, so the host's ctypes
// package runs on ftpy.
//
// It is built in two layers. The native layer (ctypes_module.cpp: memory,
// dlopen/dlsym, the thread's ctypes errno; ctypes_ffi.cpp: libffi calls and
// closures) deals only in raw addresses, byte strings and type codes. The
// class layer (the CData types and their metaclasses: PyCSimpleType,
// PyCStructType, UnionType, PyCPointerType, PyCArrayType, PyCFuncPtrType) is
// Python source compiled into the module at import, one file per concept:
// ctypes_simple.cpp, ctypes_struct.cpp, ctypes_pointer.cpp (pointers and
// arrays), ctypes_funcptr.cpp (function pointers and callbacks).
//
// Thread safety, as a whole: a ctypes object is raw memory, and as in CPython
// no atomicity is promised for reads and writes through it (the native layer
// copies bytes with memcpy and never touches interpreter state while doing
// so). The interpreter's own state is safe: a type's layout (_fields_ ->
// size, alignment, field descriptors) is computed once while the class is
// created and is immutable afterwards (setting _fields_ twice raises
// AttributeError "_fields_ is final", under a module lock); caches such as
// _pointer_type_cache and the array type cache are ordinary dicts (each
// operation atomic), and a type made twice by racing threads is harmless
// because only the first one stored is returned.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> ctypes_module_create();

// For the module's files: the Python sources of the class layer.
extern const char kCtypesSimplePy[];
extern const char kCtypesStructPy[];
extern const char kCtypesPointerPy[];
extern const char kCtypesFuncPtrPy[];

// ctypes_ffi.cpp: adds _call, _closure and the closure type to the module dict.
int ctypes_ffi_add(Value module);

// The calling thread's ctypes errno (get_errno/set_errno, swapped with the C
// errno around calls made with use_errno=True).
int& ctypes_thread_errno();

}  // namespace ftpy
