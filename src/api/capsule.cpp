// PyCapsule (capsule.h).
#include "api/capsule.h"

#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "objects/errors.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

struct Capsule : Object {
  void* pointer;
  const char* name;  // static string owned by the creator, or null
  CapsuleDestructor destructor;
};
Type g_capsule_type;

void capsule_dealloc(Object* o) {
  auto* c = static_cast<Capsule*>(o);
  if (c->destructor) c->destructor(c->pointer);
  free_object(o);
}

Ref<> capsule_repr(Value v) {
  auto* c = v.as<Capsule>();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(c));
  std::string name = c->name ? "\"" + std::string(c->name) + "\"" : "NULL";
  return str_from_utf8("<capsule object " + name + " at " + buf + ">");
}

void capsule_type_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    Type* t = &g_capsule_type;
    t->name = "PyCapsule";
    t->basic_size = sizeof(Capsule);
    t->tp_dealloc = capsule_dealloc;
    t->tp_repr = capsule_repr;
    t->doc = "Capsule objects let native modules pass native pointers through Python code.";
    type_ready(t);
  });
}

bool same_name(const char* a, const char* b) {
  if (!a || !b) return a == b;
  return std::strcmp(a, b) == 0;
}

}  // namespace

Ref<> capsule_new(void* pointer, const char* name, CapsuleDestructor destructor) {
  if (!pointer) return err_set_str(g_ValueError, "PyCapsule_New called with null pointer");
  capsule_type_ready();
  Capsule* c = alloc_object<Capsule>(&g_capsule_type);
  if (!c) return nullptr;
  c->pointer = pointer;
  c->name = name;
  c->destructor = destructor;
  return Ref<>::steal(Value(c));
}

void* capsule_pointer(Value capsule, const char* name) {
  if (!capsule.is_obj() || type_of(capsule) != &g_capsule_type) {
    err_format(g_TypeError, "expected a PyCapsule, not %s", type_name(type_of(capsule)));
    return nullptr;
  }
  auto* c = capsule.as<Capsule>();
  if (!same_name(c->name, name)) {
    err_set_str(g_ValueError, "PyCapsule_GetPointer called with incorrect name");
    return nullptr;
  }
  return c->pointer;
}

}  // namespace ftpy
