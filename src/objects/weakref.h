// Weak references (the `_weakref` module): weakref.ref, weakref.proxy and the
// per-object list of weak references that dealloc clears.
//
// An object supports weak references when its type has a weaklist slot
// (weaklist_offset != 0): heap classes get one unless __slots__ says
// otherwise; functions, types, sets and generators have one too. The slot
// holds the head of a doubly linked list of WeakRef objects.
//
// Thread safety: all list manipulation and the referent test happen under one
// global weakref mutex (short critical sections, never held while running
// Python code). A referent and its weakrefs are reachable from each other
// without references, so both are marked at creation and a strong reference
// taken through those pointers (a dereference; ref(o) reusing a weakref;
// __weakref__) is a CAS that fails once the object's deallocation began
// (rc::try_incref in runtime/object.h), under that mutex, which the dying
// object's deallocator takes to unlink before freeing. A referent being freed
// by another thread is never resurrected. The list head is stored with release
// under the mutex, so a dying referent whose list is empty (the common case)
// skips the mutex: every thread frees instances, functions and generators,
// and one lock taken per deallocation made their loops contend.
#pragma once

#include <vector>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct WeakRef : Object {
  Value referent;   // borrowed; null once the referent died
  Value callback;   // owned or null
  int64_t hash;     // cached hash of the referent (-1 until computed; read and written atomically)
  WeakRef* prev;    // links in the referent's list (guarded by the weakref mutex)
  WeakRef* next;
};
extern Type g_weakref_type;
extern Type g_weakproxy_type;
extern Type g_weakcallableproxy_type;

// Called by deallocators of weak-referenceable objects before freeing:
// unlinks every weak reference and runs their callbacks.
void weakref_clear_all(Object* o);
// The same without running the callbacks: unlinks every weak reference to
// `o` and appends those with a callback (for which `wants_callback`, if given,
// holds) to `with_callbacks`. The cycle collector calls it with the world
// stopped, so no thread can reach an unreachable object through a weakref.
void weakref_detach_for_gc(Object* o, bool (*wants_callback)(Object* w), std::vector<Ref<>>* with_callbacks);
// A strong reference to the referent, or None if it is gone.
Ref<> weakref_get(Value ref);
// The newest live weak reference to `o` (its __weakref__), or None.
Ref<> weakref_first(Object* o);
Ref<> weakref_module_create();
void weakref_types_init();

}  // namespace ftpy
