// PyCapsule: an object that owns a native pointer for a native module or an
// embedding program (include/ftpy/ftpy.h, ftpy_capsule).
//
// Thread safety: every field is written once, before the capsule is
// published, and only read afterwards; the pointed-to native state is the
// owner's to guard (with ftpy_critical_section_begin on the capsule).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

using CapsuleDestructor = void (*)(void*);

Ref<> capsule_new(void* pointer, const char* name, CapsuleDestructor destructor);
// The pointer, or nullptr with TypeError (not a capsule) or ValueError (wrong
// name) pending.
void* capsule_pointer(Value capsule, const char* name);

}  // namespace ftpy
