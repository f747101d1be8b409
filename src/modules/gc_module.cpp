// The gc module: the Python face of the cycle collector (runtime/gc.h).
// Thread safety: settings are atomics inside runtime/gc.cpp; snapshots
// (get_objects, get_referrers, get_referents, freeze) stop the world or hold
// references; gc.callbacks and gc.garbage are ordinary lists.
#include "modules/gc_module.h"

#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/gc.h"
#include "runtime/stop_the_world.h"

namespace ftpy {

namespace {

Ref<> int_tuple3(const int64_t v[3]) {
  Ref<Tuple> t = tuple_new(3);
  if (!t) return nullptr;
  for (int i = 0; i < 3; i++) {
    Ref<> item = int_from_int64(v[i]);
    if (!item) return nullptr;
    tuple_init_item(t.get(), i, std::move(item));
  }
  return t;
}

Ref<> gc_collect_fn(Value, Value* args) {
  int64_t gen = 2;
  if (!args[0].is_null() && !to_index(args[0], &gen)) return nullptr;
  if (gen < 0 || gen > 2) return err_set_str(g_ValueError, "invalid generation");
  return int_from_int64(gc_collect(static_cast<int>(gen), false));
}

Ref<> gc_enable_fn(Value, Value*) {
  gc_set_enabled(true);
  return new_none();
}
Ref<> gc_disable_fn(Value, Value*) {
  gc_set_enabled(false);
  return new_none();
}
Ref<> gc_isenabled_fn(Value, Value*) { return new_bool(gc_is_enabled()); }

Ref<> gc_get_count_fn(Value, Value*) {
  int64_t c[3];
  gc_get_counts(c);
  return int_tuple3(c);
}

Ref<> gc_get_threshold_fn(Value, Value*) {
  int64_t t[3];
  gc_get_thresholds(t);
  return int_tuple3(t);
}

Ref<> gc_set_threshold_fn(Value, Value* args) {
  int64_t t[3];
  int n = 0;
  for (; n < 3 && !args[n].is_null(); n++) {
    // CPython takes C ints here.
    if (!to_int64(args[n], &t[n])) return nullptr;
    if (t[n] > INT32_MAX || t[n] < INT32_MIN)
      return err_set_str(g_OverflowError, "signed integer is greater than maximum");
  }
  gc_set_thresholds(t, n);
  return new_none();
}

Ref<> gc_get_debug_fn(Value, Value*) { return int_from_int64(gc_get_debug()); }
Ref<> gc_set_debug_fn(Value, Value* args) {
  int64_t flags;
  if (!to_int64(args[0], &flags)) return nullptr;
  gc_set_debug(static_cast<int>(flags));
  return new_none();
}

Ref<> gc_get_objects_fn(Value, Value* args) {
  if (!args[0].is_null() && !is_none(args[0])) {
    int64_t gen;
    if (!to_index(args[0], &gen)) return nullptr;
    if (gen >= 3)
      return err_set_str(g_ValueError,
                         "generation parameter must be less than the number of available generations (3)");
    if (gen < 0) return err_set_str(g_ValueError, "generation parameter cannot be negative");
  }
  return gc_get_objects();
}

Ref<> gc_get_stats_fn(Value, Value*) {
  int64_t s[3][3];
  gc_get_stats(s);
  Ref<List> out = list_new(3);
  if (!out) return nullptr;
  static const char* kKeys[3] = {"collections", "collected", "uncollectable"};
  for (int g = 0; g < 3; g++) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    for (int k = 0; k < 3; k++) {
      Ref<> v = int_from_int64(s[g][k]);
      if (!v || dict_set_item_str(d.val(), kKeys[k], v.val()) < 0) return nullptr;
    }
    list_init_item(out.get(), g, std::move(d));
  }
  return out;
}

Ref<> gc_get_referrers_fn(Value, Value* args) { return gc_get_referrers(args[0]); }

void visit_collect(Value v, void* arg) {
  if (v.is_obj()) static_cast<std::vector<Ref<>>*>(arg)->push_back(Ref<>::borrow(v));
}

Ref<> gc_get_referents_fn(Value, Value* args) {
  // The world is stopped so that no container changes under the traversal.
  std::vector<Ref<>> found;
  {
    StopTheWorld stw;
    for (int64_t i = 0; i < tuple_size(args[0]); i++) {
      Value o = tuple_item(args[0], i);
      if (!o.is_obj() || !gc_is_tracked(o.obj())) continue;
      if (TraverseFn tr = o.obj()->ob_type->tp_traverse) tr(o.obj(), visit_collect, &found);
    }
  }
  Ref<List> out = list_new(static_cast<int64_t>(found.size()));
  if (!out) return nullptr;
  for (size_t i = 0; i < found.size(); i++) list_init_item(out.get(), static_cast<int64_t>(i), std::move(found[i]));
  return out;
}

Ref<> gc_is_tracked_fn(Value, Value* args) {
  Value v = args[0];
  if (!v.is_obj() || !gc_is_tracked(v.obj())) return new_bool(false);
  // CPython leaves an exact dict untracked until it holds a key or value that
  // may be part of a cycle, so is_tracked({}) and is_tracked({"a": 1}) are
  // False there; ftpy tracks every dict, so report what CPython would.
  if (is_dict_exact(v)) {
    int64_t pos = 0;
    Ref<> k, x;
    while (dict_next(v, &pos, &k, &x)) {
      if ((k.val().is_obj() && gc_is_tracked(k.val().obj())) || (x.val().is_obj() && gc_is_tracked(x.val().obj())))
        return new_bool(true);
    }
    return new_bool(false);
  }
  return new_bool(true);
}

Ref<> gc_is_finalized_fn(Value, Value* args) {
  Value v = args[0];
  return new_bool(v.is_obj() && (v.obj()->ob_gc_bits & kGcFinalized));
}

Ref<> gc_freeze_fn(Value, Value*) {
  gc_freeze();
  return new_none();
}
Ref<> gc_unfreeze_fn(Value, Value*) {
  gc_unfreeze();
  return new_none();
}
Ref<> gc_get_freeze_count_fn(Value, Value*) { return int_from_int64(gc_get_freeze_count()); }

const MethodDef kGcFunctions[] = {
    {"collect(generation=2)", gc_collect_fn,
     "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an "
     "integer specifying which generation to collect.  A ValueError\nis raised if the generation number is "
     "invalid.\n\nThe number of unreachable objects is returned."},
    {"enable()", gc_enable_fn, "Enable automatic garbage collection."},
    {"disable()", gc_disable_fn, "Disable automatic garbage collection."},
    {"isenabled()", gc_isenabled_fn, "Returns true if automatic garbage collection is enabled."},
    {"get_count()", gc_get_count_fn, "Return a three-tuple of the current collection counts."},
    {"get_threshold()", gc_get_threshold_fn, "Return the current collection thresholds."},
    {"set_threshold(threshold0, threshold1=?, threshold2=?, /)", gc_set_threshold_fn,
     "Set the collection thresholds (the collection frequency).\n\nSetting 'threshold0' to zero disables "
     "collection."},
    {"get_debug()", gc_get_debug_fn, "Get the garbage collection debugging flags."},
    {"set_debug(flags, /)", gc_set_debug_fn, "Set the garbage collection debugging flags."},
    {"get_objects(generation=None)", gc_get_objects_fn,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_stats()", gc_get_stats_fn, "Return a list of dictionaries containing per-generation statistics."},
    {"get_referrers(*objs)", gc_get_referrers_fn, "Return the list of objects that directly refer to any of objs."},
    {"get_referents(*objs)", gc_get_referents_fn, "Return the list of objects that are directly referred to by objs."},
    {"is_tracked(obj, /)", gc_is_tracked_fn,
     "Returns true if the object is tracked by the garbage collector.\n\nSimple atomic objects will return false."},
    {"is_finalized(obj, /)", gc_is_finalized_fn, "Returns true if the object has been already finalized by the GC."},
    {"freeze()", gc_freeze_fn,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze()", gc_unfreeze_fn, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count()", gc_get_freeze_count_fn, "Return the number of objects in the permanent generation."},
    {nullptr}};

}  // namespace

Ref<> gc_module_create() {
  Ref<> m = module_new("gc");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kGcFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<List> callbacks = list_new();
  Ref<List> garbage = list_new();
  if (!callbacks || !garbage) return nullptr;
  if (dict_set_item_str(d, "callbacks", callbacks.val()) < 0 || dict_set_item_str(d, "garbage", garbage.val()) < 0)
    return nullptr;
  gc_set_module_lists(callbacks.val(), garbage.val());
  const struct {
    const char* name;
    int value;
  } kConstants[] = {{"DEBUG_STATS", kGcDebugStats},
                    {"DEBUG_COLLECTABLE", kGcDebugCollectable},
                    {"DEBUG_UNCOLLECTABLE", kGcDebugUncollectable},
                    {"DEBUG_SAVEALL", kGcDebugSaveAll},
                    {"DEBUG_LEAK", kGcDebugLeak}};
  for (const auto& c : kConstants)
    if (dict_set_item_str(d, c.name, Value::small(c.value)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
