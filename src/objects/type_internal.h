// Internals shared by type.cpp (type/object), type_new.cpp (class creation,
// heap instances) and type_slots.cpp (the dunder <-> slot table). Not for use
// outside the type machinery.
#pragma once

#include <string>

#include "objects/native.h"
#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Str;

// type.cpp
void type_core_init();   // headers/slots of `type` and `object` (before anything else)
void type_core_ready();  // type_ready for both, once str/dict/tuple exist
int object_init(Value self, const Value* args, size_t nargs, Value kwnames);
InitFn object_init_slot();
NewFn object_new_slot();

void type_ready_heap(Type* t);       // heap types: inherit from the solid base
int install_dict_descriptor(Type* t);  // __dict__/__weakref__ getsets for heap types
int install_weakref_descriptor(Type* t);  // __weakref__ alone (a __slots__ entry)

// type_new.cpp
void subtype_dealloc(Object* o);
// Special-method call: `name` looked up on type(self), never on self (so a
// class's own __format__ is not found when formatting the class), then
// called with self prepended; AttributeError when the type lacks it.
Ref<> call_special(Value self, Str* name, const Value* args, size_t nargs);
Ref<> type_module_name(Type* t);         // __module__ as a str (or None)
std::string type_qualname_utf8(Type* t);
Value type_heap_name(Type* t);           // borrowed __name__ of a heap type
void type_set_heap_name(Type* t, Value name);
Ref<> type_compute_mro_list(Type* t);    // default mro(): C3 linearisation as a list
Ref<> type_subclasses_list(Type* t);
void type_modified_subclasses(Type* t);
Ref<> type_dir_list(Type* t);
Ref<> object_dir_list(Value obj);
Ref<> object_reduce_ex_impl(Value self, Value protocol);
Ref<> object_getstate_impl(Value self);
Ref<> object_reduce_impl(Value self);
int object_assign_class(Value self, Value cls);
int type_set_bases(Value self, Value v);  // type.__bases__ setter
std::nullptr_t object_abstract_error(Type* t);
Ref<> object_alloc_instance(Type* t);    // zeroed instance of t (with __dict__ slot if any)
void type_heap_dealloc(Object* o);
Ref<> mappingproxy_new(Value mapping);

// type_slots.cpp
void slots_add_wrappers(Type* t);              // static types: slots -> dunder wrappers
void slots_update_for_name(Type* t, Str* name);  // heap types: a dunder changed
bool slots_name_has_slot(Str* name);              // name is a dunder with a slot
void slots_fill_from_dict(Type* t);            // heap types: all dunders -> slots

// descriptors.cpp
Ref<> super_new_for(Type* type, Value obj);  // super(type, obj)

// weakref.cpp
Ref<> weakref_first_for(Value obj);  // the first weak reference to obj, or None

// native.cpp
Ref<> staticmethod_new(Value callable);
Ref<> classmethod_new(Value callable);
Ref<> classmethod_descr_new(const MethodDef* def, Type* owner);
Ref<> getset_descr_new(const GetSetDef* def, Type* owner);
Ref<> member_descr_new(const MemberDef* def, Type* owner);

}  // namespace ftpy
