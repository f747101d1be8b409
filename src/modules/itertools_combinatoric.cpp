// itertools: product, permutations, combinations, combinations_with_replacement.
//
// All four share one object layout: the input pool(s) copied into a tuple when
// the iterator is created, an array of indices into the pool, and flags. Each
// next() advances the indices to the following arrangement in lexicographic
// order and builds a fresh result tuple. Thread safety: next() runs under the
// iterator's critical section (itertools_internal.h); no Python code runs while
// it is held except the reading of indices, so no arrangement is yielded twice.
#include <cstring>

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
  if (c->stopped) return nullptr;
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

}  // namespace

void itertools_combinatoric_init() {
  itertools_type_setup(&g_product_type, "itertools.product", sizeof(Combinatoric), combo_dealloc, combo_traverse,
                       product_new, product_next);
  itertools_type_setup(&g_combinations_type, "itertools.combinations", sizeof(Combinatoric), combo_dealloc,
                       combo_traverse, combinations_new, combinations_next);
  itertools_type_setup(&g_cwr_type, "itertools.combinations_with_replacement", sizeof(Combinatoric),
                       combo_dealloc, combo_traverse, cwr_new, cwr_next);
  itertools_type_setup(&g_permutations_type, "itertools.permutations", sizeof(Combinatoric), combo_dealloc,
                       combo_traverse, permutations_new, permutations_next);
}

}  // namespace ftpy
