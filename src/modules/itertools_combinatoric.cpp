// itertools: product, permutations, combinations, combinations_with_replacement.
//
// All four share one object layout: the input pool(s) copied into a tuple when
// the iterator is created, an array of indices into the pool, and flags. Each
// next() advances the indices to the following arrangement in lexicographic
// order and builds a fresh result tuple. Thread safety: next() runs under the
// iterator's critical section (itertools_internal.h); no Python code runs while
// it is held except the reading of indices, so no arrangement is yielded twice.
#include <cstring>
#include <vector>

#include "modules/itertools_internal.h"
#include "modules/module_args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_product_type, g_permutations_type, g_combinations_type, g_cwr_type;

namespace {

struct Combinatoric : Object {
  Value pool;        // owned tuple (product: a tuple of pool tuples)
  int64_t* indices;  // heap array, length n (permutations, product) or r
  int64_t* cycles;   // permutations only, length r
  int64_t n;         // pool size (product: number of pools)
  int64_t r;         // result length
  bool first;        // nothing yielded yet
  bool stopped;
};

void combo_dealloc(Object* o) {
  auto* c = static_cast<Combinatoric*>(o);
  clear_field(c->pool);
  if (c->indices) heap_free(c->indices);
  if (c->cycles) heap_free(c->cycles);
  free_object(o);
}

void combo_traverse(Object* o, VisitFn visit, void* arg) {
  auto* c = static_cast<Combinatoric*>(o);
  if (c->pool) visit(c->pool, arg);
}

Combinatoric* combo_alloc(Type* type, Ref<> pool, int64_t n_indices, int64_t n_cycles) {
  auto* c = alloc_object<Combinatoric>(type, type->basic_size);
  if (!c) return nullptr;
  c->pool = pool.release();
  c->first = true;
  size_t ni = static_cast<size_t>(n_indices > 0 ? n_indices : 1);
  c->indices = static_cast<int64_t*>(heap_alloc(ni * sizeof(int64_t)));
  if (n_cycles >= 0) c->cycles = static_cast<int64_t*>(heap_alloc(static_cast<size_t>(n_cycles + 1) * sizeof(int64_t)));
  if (!c->indices || (n_cycles >= 0 && !c->cycles)) {
    { Ref<> drop = Ref<>::steal(Value(c)); }  // frees
    err_no_memory();
    return nullptr;
  }
  return c;
}

// The result tuple (pool[indices[0]], ..., pool[indices[r-1]]).
Ref<> combo_result(Combinatoric* c) {
  Ref<Tuple> t = tuple_new(c->r);
  if (!t) return nullptr;
  Tuple* pool = c->pool.as<Tuple>();
  for (int64_t i = 0; i < c->r; i++) {
    Value v = pool->items[c->indices[i]];
    incref(v);
    t->items[i] = v;
  }
  return t;
}

bool read_r(Value v, int64_t* out) {
  if (!to_index(v, out)) return false;
  if (*out < 0) {
    err_set_str(g_ValueError, "r must be non-negative");
    return false;
  }
  return true;
}

// --- product -----------------------------------------------------------------------------------

Ref<> product_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  int64_t repeat = 1;
  if (!kwnames.is_null()) {
    for (int64_t k = 0; k < tuple_size(kwnames); k++) {
      Value name = tuple_item(kwnames, k);
      if (str_view(name) != "repeat")
        return err_format(g_TypeError, "'%s' is an invalid keyword argument for product()",
                          std::string(str_view(name)).c_str());
      if (!to_index(args[nargs + k], &repeat)) return nullptr;
      if (repeat < 0) return err_set_str(g_ValueError, "repeat argument cannot be negative");
    }
  }
  int64_t npools = static_cast<int64_t>(nargs) * repeat;
  if (repeat && npools / repeat != static_cast<int64_t>(nargs)) return err_no_memory();
  Ref<Tuple> pools = tuple_new(npools);
  if (!pools) return nullptr;
  for (size_t i = 0; i < nargs; i++) {
    Ref<> p = sequence_tuple(args[i]);
    if (!p) {
      for (int64_t j = 0; j < npools; j++)
        if (!pools->items[j]) pools->items[j] = none();
      return nullptr;
    }
    for (int64_t k = 0; k < repeat; k++) {
      incref(p.val());
      pools->items[k * static_cast<int64_t>(nargs) + static_cast<int64_t>(i)] = p.val();
    }
  }
  auto* c = combo_alloc(type, std::move(pools), npools, -1);
  if (!c) return nullptr;
  c->n = c->r = npools;
  for (int64_t i = 0; i < npools; i++) {
    c->indices[i] = 0;
    if (tuple_size(tuple_item(c->pool, i)) == 0) c->stopped = true;
  }
  return Ref<>::steal(Value(c));
}

Ref<> product_next(Value self) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  if (c->stopped) {
    c->first = false;  // for __reduce__
    return nullptr;
  }
  if (c->first) {
    c->first = false;
  } else {
    int64_t i = c->n - 1;
    for (; i >= 0; i--) {
      if (++c->indices[i] < tuple_size(tuple_item(c->pool, i))) break;
      c->indices[i] = 0;
    }
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
  }
  Ref<Tuple> t = tuple_new(c->n);
  if (!t) return nullptr;
  for (int64_t i = 0; i < c->n; i++) {
    Value v = tuple_item(tuple_item(c->pool, i), c->indices[i]);
    incref(v);
    t->items[i] = v;
  }
  return t;
}

// --- combinations ------------------------------------------------------------------------------

Ref<> combinations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("combinations(iterable, r)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> pool = sequence_tuple(a[0]);
  if (!pool) return nullptr;
  int64_t r;
  if (!read_r(a[1], &r)) return nullptr;
  int64_t n = tuple_size(pool.val());
  auto* c = combo_alloc(type, std::move(pool), r, -1);
  if (!c) return nullptr;
  c->n = n;
  c->r = r;
  c->stopped = r > n;
  for (int64_t i = 0; i < r; i++) c->indices[i] = i;
  return Ref<>::steal(Value(c));
}

Ref<> combinations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  if (c->stopped) return nullptr;
  if (c->first) {
    c->first = false;
  } else {
    int64_t n = c->n, r = c->r;
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) i--;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    c->indices[i]++;
    for (int64_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  }
  return combo_result(c);
}

// --- combinations_with_replacement -------------------------------------------------------------

Ref<> cwr_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("combinations_with_replacement(iterable, r)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> pool = sequence_tuple(a[0]);
  if (!pool) return nullptr;
  int64_t r;
  if (!read_r(a[1], &r)) return nullptr;
  int64_t n = tuple_size(pool.val());
  auto* c = combo_alloc(type, std::move(pool), r, -1);
  if (!c) return nullptr;
  c->n = n;
  c->r = r;
  c->stopped = n == 0 && r > 0;
  for (int64_t i = 0; i < r; i++) c->indices[i] = 0;
  return Ref<>::steal(Value(c));
}

Ref<> cwr_next(Value self) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  if (c->stopped) return nullptr;
  if (c->first) {
    c->first = false;
  } else {
    int64_t i = c->r - 1;
    while (i >= 0 && c->indices[i] == c->n - 1) i--;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    int64_t v = c->indices[i] + 1;
    for (int64_t j = i; j < c->r; j++) c->indices[j] = v;
  }
  return combo_result(c);
}

// --- permutations ------------------------------------------------------------------------------

Ref<> permutations_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("permutations(iterable, r=None)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> pool = sequence_tuple(a[0]);
  if (!pool) return nullptr;
  int64_t n = tuple_size(pool.val());
  int64_t r = n;
  if (!is_none(a[1])) {
    if (!is_int(a[1])) return err_set_str(g_TypeError, "Expected int as r");
    if (!read_r(a[1], &r)) return nullptr;
  }
  auto* c = combo_alloc(type, std::move(pool), n, r);
  if (!c) return nullptr;
  c->n = n;
  c->r = r;
  c->stopped = r > n;
  for (int64_t i = 0; i < n; i++) c->indices[i] = i;
  for (int64_t i = 0; i < r && i < n; i++) c->cycles[i] = n - i;
  return Ref<>::steal(Value(c));
}

Ref<> permutations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  if (c->stopped) return nullptr;
  if (c->first) {
    c->first = false;
    return combo_result(c);
  }
  int64_t n = c->n, r = c->r;
  int64_t* idx = c->indices;
  for (int64_t i = r - 1; i >= 0; i--) {
    if (--c->cycles[i] == 0) {
      // Rotate indices[i:] left by one.
      int64_t first = idx[i];
      std::memmove(idx + i, idx + i + 1, static_cast<size_t>(n - i - 1) * sizeof(int64_t));
      idx[n - 1] = first;
      c->cycles[i] = n - i;
    } else {
      int64_t j = c->cycles[i];
      int64_t tmp = idx[i];
      idx[i] = idx[n - j];
      idx[n - j] = tmp;
      return combo_result(c);
    }
  }
  c->stopped = true;
  return nullptr;
}

// --- pickling (CPython 3.11's forms) ----------------------------------------------------------
// Before the first result: (type, args); once stopped: (type, ((), r))
// (product: (type, ((),))); otherwise (type, args, state), the state being the
// indices (and permutations' cycles), which __setstate__ clamps as CPython
// does. All under the iterator's critical section.

const char kReduceDoc[] = "Return state information for pickling.";
const char kSetStateDoc[] = "Set state information for unpickling.";

Ref<> int_tuple(const int64_t* v, int64_t n) {
  Ref<Tuple> t = tuple_new(n);
  if (!t) return nullptr;
  for (int64_t i = 0; i < n; i++) {
    Ref<> x = int_from_int64(v[i]);
    if (!x) return nullptr;
    tuple_init_item(t.get(), i, std::move(x));
  }
  return t;
}

bool state_ints(Value state, int64_t n, std::vector<int64_t>* out) {
  if (!is_tuple(state) || tuple_size(state) != n) {
    err_set_str(g_ValueError, "invalid arguments");
    return false;
  }
  out->resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++)
    if (!to_int64(tuple_item(state, i), &(*out)[static_cast<size_t>(i)])) return false;
  return true;
}

Ref<> product_reduce(Value self, Value*) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  Value type(type_of(self));
  // An empty pool stops a product at creation here, at the first next() in
  // CPython, which reduces a fresh one to its pools: so `first` goes first.
  if (c->first) return tuple_pack({type, c->pool});
  if (c->stopped) {  // (type, ((),)): the product of one empty pool
    Ref<> args = tuple_pack({Value(empty_tuple().get())});
    if (!args) return nullptr;
    return tuple_pack({type, args.val()});
  }
  Ref<> idx = int_tuple(c->indices, c->n);
  if (!idx) return nullptr;
  return tuple_pack({type, c->pool, idx.val()});
}

Ref<> product_setstate(Value self, Value* args) {
  auto* c = self.as<Combinatoric>();
  std::vector<int64_t> v;
  CriticalSection cs(c);
  if (!state_ints(args[0], c->n, &v)) return nullptr;
  for (int64_t i = 0; i < c->n; i++) {
    int64_t size = tuple_size(tuple_item(c->pool, i));
    if (size == 0) {
      c->stopped = true;
      return Ref<>::steal(none());
    }
    int64_t x = v[static_cast<size_t>(i)];
    c->indices[i] = x < 0 ? 0 : x > size - 1 ? size - 1 : x;
  }
  c->first = false;
  return Ref<>::steal(none());
}

// combinations, combinations_with_replacement and permutations.
Ref<> combo_reduce(Value self, Value*) {
  auto* c = self.as<Combinatoric>();
  CriticalSection cs(c);
  Value type(type_of(self));
  Ref<> r = int_from_int64(c->r);
  if (!r) return nullptr;
  Ref<> args = c->first ? tuple_pack({c->pool, r.val()})
               : c->stopped ? tuple_pack({Value(empty_tuple().get()), r.val()})
                            : tuple_pack({c->pool, r.val()});
  if (!args) return nullptr;
  if (c->first || c->stopped) return tuple_pack({type, args.val()});
  Ref<> state;
  if (c->cycles) {
    Ref<> idx = int_tuple(c->indices, c->n);
    Ref<> cyc = idx ? int_tuple(c->cycles, c->r) : Ref<>();
    if (!cyc) return nullptr;
    state = tuple_pack({idx.val(), cyc.val()});
  } else {
    state = int_tuple(c->indices, c->r);
  }
  if (!state) return nullptr;
  return tuple_pack({type, args.val(), state.val()});
}

Ref<> combinations_setstate(Value self, Value* args) {
  auto* c = self.as<Combinatoric>();
  std::vector<int64_t> v;
  CriticalSection cs(c);
  if (!state_ints(args[0], c->r, &v)) return nullptr;
  for (int64_t i = 0; i < c->r; i++) {
    int64_t x = v[static_cast<size_t>(i)], hi = i + c->n - c->r;
    c->indices[i] = x > hi ? hi : x < 0 ? 0 : x;
  }
  c->first = false;
  return Ref<>::steal(none());
}

Ref<> cwr_setstate(Value self, Value* args) {
  auto* c = self.as<Combinatoric>();
  std::vector<int64_t> v;
  CriticalSection cs(c);
  if (!state_ints(args[0], c->r, &v)) return nullptr;
  for (int64_t i = 0; i < c->r; i++) {
    int64_t x = v[static_cast<size_t>(i)];
    c->indices[i] = x > c->n - 1 ? c->n - 1 : x < 0 ? 0 : x;
  }
  c->first = false;
  return Ref<>::steal(none());
}

Ref<> permutations_setstate(Value self, Value* args) {
  auto* c = self.as<Combinatoric>();
  Value state = args[0];
  if (!is_tuple(state) || tuple_size(state) != 2 || !is_tuple(tuple_item(state, 0)) ||
      !is_tuple(tuple_item(state, 1)))
    return err_set_str(g_TypeError, "invalid permutations state");
  std::vector<int64_t> idx, cyc;
  CriticalSection cs(c);
  if (!state_ints(tuple_item(state, 0), c->n, &idx) || !state_ints(tuple_item(state, 1), c->r, &cyc))
    return nullptr;
  for (int64_t i = 0; i < c->n; i++) {
    int64_t x = idx[static_cast<size_t>(i)];
    c->indices[i] = x < 0 ? 0 : x > c->n - 1 ? c->n - 1 : x;
  }
  for (int64_t i = 0; i < c->r; i++) {
    int64_t x = cyc[static_cast<size_t>(i)];
    c->cycles[i] = x < 1 ? 1 : x > c->n - i ? c->n - i : x;
  }
  c->first = false;
  return Ref<>::steal(none());
}

const MethodDef kProductMethods[] = {{"__reduce__($self, /)", product_reduce, kReduceDoc},
                                     {"__setstate__($self, state, /)", product_setstate, kSetStateDoc},
                                     {nullptr}};
const MethodDef kCombinationsMethods[] = {{"__reduce__($self, /)", combo_reduce, kReduceDoc},
                                          {"__setstate__($self, state, /)", combinations_setstate, kSetStateDoc},
                                          {nullptr}};
const MethodDef kCwrMethods[] = {{"__reduce__($self, /)", combo_reduce, kReduceDoc},
                                 {"__setstate__($self, state, /)", cwr_setstate, kSetStateDoc},
                                 {nullptr}};
const MethodDef kPermutationsMethods[] = {{"__reduce__($self, /)", combo_reduce, kReduceDoc},
                                          {"__setstate__($self, state, /)", permutations_setstate, kSetStateDoc},
                                          {nullptr}};

}  // namespace

void itertools_combinatoric_init() {
  itertools_type_setup(&g_product_type, "itertools.product", sizeof(Combinatoric), combo_dealloc, combo_traverse,
                       product_new, product_next, kProductMethods);
  itertools_type_setup(&g_combinations_type, "itertools.combinations", sizeof(Combinatoric), combo_dealloc,
                       combo_traverse, combinations_new, combinations_next, kCombinationsMethods);
  itertools_type_setup(&g_cwr_type, "itertools.combinations_with_replacement", sizeof(Combinatoric),
                       combo_dealloc, combo_traverse, cwr_new, cwr_next, kCwrMethods);
  itertools_type_setup(&g_permutations_type, "itertools.permutations", sizeof(Combinatoric), combo_dealloc,
                       combo_traverse, permutations_new, permutations_next, kPermutationsMethods);
}

}  // namespace ftpy
