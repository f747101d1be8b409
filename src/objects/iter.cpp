// The sequence iterator and the callable iterator.
#include "objects/iter.h"

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native.h"
#include "objects/tuple.h"
#include "objects/protocol.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_seq_iter_type;
Type g_call_iter_type;

namespace {

void seq_iter_dealloc(Object* o) {
  decref(static_cast<SeqIter*>(o)->seq);
  free_object(o);
}
void seq_iter_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<SeqIter*>(o)->seq, arg); }

Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> seq_iter_next(Value self) {
  auto* it = self.as<SeqIter>();
  Ref<> seq;
  int64_t i;
  {
    // Claim an index under the iterator's lock so two threads never get the
    // same item.
    CriticalSection cs(it);
    if (it->seq.is_null()) return nullptr;
    seq = Ref<>::borrow(it->seq);
    i = it->index++;
  }
  Ref<> idx = int_from_int64(i);
  Ref<> r = getitem(seq.val(), idx.val());
  if (!r && (err_matches(g_IndexError) || err_matches(g_StopIteration))) {
    err_clear();
    CriticalSection cs(it);
    Value old = it->seq;
    it->seq = Value();
    decref(old);
  }
  return r;
}

void call_iter_dealloc(Object* o) {
  auto* it = static_cast<CallIter*>(o);
  decref(it->callable);
  decref(it->sentinel);
  free_object(o);
}
void call_iter_traverse(Object* o, VisitFn visit, void* arg) {
  auto* it = static_cast<CallIter*>(o);
  visit(it->callable, arg);
  visit(it->sentinel, arg);
}

Ref<> call_iter_next(Value self) {
  auto* it = self.as<CallIter>();
  Ref<> f;
  {
    CriticalSection cs(it);
    if (it->callable.is_null()) return nullptr;
    f = Ref<>::borrow(it->callable);
  }
  Ref<> r = call0(f.val());
  if (!r) {
    if (err_matches(g_StopIteration)) err_clear();
    return nullptr;
  }
  int eq = richcompare_bool(r.val(), it->sentinel, kEq);
  if (eq < 0) return nullptr;
  if (eq) {
    CriticalSection cs(it);
    Value old = it->callable;
    it->callable = Value();
    decref(old);
    return nullptr;
  }
  return r;
}

// Pickling, in CPython's forms: (iter, (seq,), index) / (iter, (callable,
// sentinel)), and (iter, ((),)) once exhausted.
Ref<> seq_iter_reduce(Value self, Value*) {
  auto* it = self.as<SeqIter>();
  Ref<> seq;
  int64_t i;
  {
    CriticalSection cs(it);
    seq = Ref<>::borrow(it->seq);
    i = it->index;
  }
  if (!seq) return iter_reduce(Value(empty_tuple().get()), Value());
  Ref<> idx = int_from_int64(i);
  if (!idx) return nullptr;
  return iter_reduce(seq.val(), idx.val());
}

Ref<> seq_iter_setstate(Value self, Value* args) {
  auto* it = self.as<SeqIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  CriticalSection cs(it);
  if (!it->seq.is_null()) it->index = want < 0 ? 0 : want;
  return Ref<>::steal(none());
}

Ref<> call_iter_reduce(Value self, Value*) {
  auto* it = self.as<CallIter>();
  Ref<> f;
  {
    CriticalSection cs(it);
    f = Ref<>::borrow(it->callable);
  }
  Ref<> fn = builtin_iter_function();
  if (!fn) return nullptr;
  Ref<> args = f ? tuple_pack({f.val(), it->sentinel}) : tuple_pack({Value(empty_tuple().get())});
  if (!args) return nullptr;
  return tuple_pack({fn.val(), args.val()});
}

const MethodDef kSeqIterMethods[] = {
    {"__reduce__($self, /)", seq_iter_reduce, "Return state information for pickling."},
    {"__setstate__($self, state, /)", seq_iter_setstate, "Set state information for unpickling."},
    {nullptr}};
const MethodDef kCallIterMethods[] = {
    {"__reduce__($self, /)", call_iter_reduce, "Return state information for pickling."}, {nullptr}};

}  // namespace

Ref<> seq_iter_new(Value seq) {
  auto* it = alloc_object<SeqIter>(&g_seq_iter_type);
  if (!it) return nullptr;
  it->seq = Ref<>::borrow(seq).release();
  return Ref<>::steal(Value(it));
}

Ref<> call_iter_new(Value callable, Value sentinel) {
  auto* it = alloc_object<CallIter>(&g_call_iter_type);
  if (!it) return nullptr;
  it->callable = Ref<>::borrow(callable).release();
  it->sentinel = Ref<>::borrow(sentinel).release();
  return Ref<>::steal(Value(it));
}

void iter_types_init() {
  Type* t = &g_seq_iter_type;
  t->name = "iterator";
  t->basic_size = sizeof(SeqIter);
  t->flags = kTypeHasGc;
  t->tp_dealloc = seq_iter_dealloc;
  t->tp_traverse = seq_iter_traverse;
  t->tp_iter = iter_self;
  t->tp_iternext = seq_iter_next;
  t->methods = kSeqIterMethods;
  type_ready(t);
  t = &g_call_iter_type;
  t->name = "callable_iterator";
  t->basic_size = sizeof(CallIter);
  t->flags = kTypeHasGc;
  t->tp_dealloc = call_iter_dealloc;
  t->tp_traverse = call_iter_traverse;
  t->tp_iter = iter_self;
  t->tp_iternext = call_iter_next;
  t->methods = kCallIterMethods;
  type_ready(t);
}

}  // namespace ftpy
