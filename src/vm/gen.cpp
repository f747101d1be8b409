// Generators, coroutines and (minimal) async generators.
#include "vm/gen.h"

#include <cstring>
#include <string>

#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/heap.h"
#include "vm/call.h"
#include "vm/function.h"
#include "vm/warn.h"
#include "vm/traceback.h"

namespace ftpy {

Type g_generator_type;
Type g_coroutine_type;
Type g_async_generator_type;

namespace {

// The sub-iterator a suspended generator is delegating to (`yield from` or
// await), or null. The compiler emits RESUME with a >= 2 right after the
// YIELD_VALUE of such a loop, and the receiver is then on top of the stack.
Value yield_from_target(Generator* g) {
  if (g->state != kGenSuspended || !g->frame) return Value();
  Frame* f = g->frame;
  uint32_t u = *f->ip;
  if ((u & 0xFF) != OP_RESUME || (u >> 8) < 2) return Value();
  if (f->sp <= f->stack_base()) return Value();
  return f->sp[-1];
}

Ref<> call_method_opt(Value obj, const char* name) {
  Ref<> m = getattr_opt(obj, Value(str_intern(name)));
  if (!m) return err_occurred() ? nullptr : new_none();
  return call0(m.val());
}

const char* kind_name(Generator* g) {
  return g->kind == kKindCoroutine ? "coroutine" : g->kind == kKindAsyncGenerator ? "async generator" : "generator";
}

// Run `finalize` on a dying generator revived for it: the unraisable hook (or
// a finally block) may keep a reference. The last reference often goes while
// an exception unwinds the frame that iterated it (a `for` over the generator
// raising): that exception stays pending across the call. True if the
// generator was resurrected (it must not be freed).
template <typename F>
bool finalize_revived(Object* o, F finalize) {
  Ref<> pending = err_fetch();
  rc::revive_for_finalizer(o);
  {
    Ref<> r = finalize();
    if (!r) err_write_unraisable(nullptr, Value(o));
  }
  if (pending) err_restore(std::move(pending));
  return rc::end_finalizer(o);
}

// "coroutine 'NAME' was never awaited", with the coroutine as the source.
Ref<> warn_never_awaited(Generator* g) {
  std::string text = "coroutine '";
  if (is_str(g->qualname)) text += str_view(g->qualname);
  text += "' was never awaited";
  return warn_from_runtime(g_RuntimeWarning, text, Value(static_cast<Object*>(g)));
}

void gen_dealloc(Object* o) {
  auto* g = static_cast<Generator*>(o);
  if (g->frame && g->state == kGenSuspended && g->kind == kKindAsyncGenerator && !g->finalizer.is_null()) {
    // An unfinished async generator goes to the finalizer hook that was set
    // when it was first iterated (sys.set_asyncgen_hooks): asyncio schedules
    // its aclose() on the loop. The hook runs once: it is dropped first.
    if (finalize_revived(o, [&] {
          Ref<> hook = Ref<>::steal(g->finalizer);
          g->finalizer = Value();
          Value self = Value(o);
          return call(hook.val(), &self, 1);
        }))
      return;
  }
  // A coroutine that never started was called but never awaited: a common
  // mistake that would otherwise pass silently. CPython reports it as a
  // RuntimeWarning at the line running when the coroutine dies, with the
  // coroutine as the warning's source.
  // Warned once: it counts as closed from then on, so a coroutine that the
  // warning's traceback keeps alive (-W error) is not warned about again
  // when it dies for good.
  if (g->frame && g->state == kGenCreated && g->kind == kKindCoroutine &&
      finalize_revived(o, [&] {
        g->state = kGenFinished;
        return warn_never_awaited(g);
      }))
    return;
  // Closing a suspended generator or coroutine runs its finally blocks
  // (PEP 342). Resurrected: closed now, so its next death frees it.
  if (g->frame && g->state == kGenSuspended && g->kind != kKindAsyncGenerator &&
      finalize_revived(o, [&] { return gen_close(Value(o)); }))
    return;
  weakref_clear_all(o);
  if (g->frame) {
    frame_clear(g->frame);
    heap_free(g->frame);
    g->frame = nullptr;
  }
  decref(g->name);
  decref(g->qualname);
  decref(g->code);
  decref(g->finalizer);
  decref(g->exc_state);
  free_object(o);
}

void gen_traverse(Object* o, VisitFn visit, void* arg) {
  auto* g = static_cast<Generator*>(o);
  visit(g->exc_state, arg);
  visit(g->finalizer, arg);
  if (!g->frame) return;
  Frame* f = g->frame;
  for (int32_t i = 0; i < f->code->nlocalsplus(); i++) visit(f->localsplus[i], arg);
  for (Value* p = f->stack_base(); p < f->sp; p++) visit(*p, arg);
}

void finish(Generator* g) {
  g->state = kGenFinished;
  if (g->frame) {
    frame_clear(g->frame);
    heap_free(g->frame);
    g->frame = nullptr;
  }
}

}  // namespace

Ref<> gen_new_from_frame(Frame* f, Function* func) {
  Code* co = f->code;
  Type* t = (co->flags & kCoCoroutine) ? &g_coroutine_type
            : (co->flags & kCoAsyncGenerator) ? &g_async_generator_type
                                              : &g_generator_type;
  auto* g = alloc_object<Generator>(t);
  if (!g) return nullptr;
  Ref<> r = Ref<>::steal(Value(g));
  size_t bytes = sizeof(Frame) + sizeof(Value) * static_cast<size_t>(co->framesize());
  auto* nf = static_cast<Frame*>(heap_alloc(bytes));
  if (!nf) return nullptr;
  std::memcpy(nf, f, sizeof(Frame) + sizeof(Value) * co->nlocalsplus());
  // The copy borrows its code from the function it takes over; the thread
  // frame, left without one, now owns a reference (frame.h) that its pop
  // releases.
  incref(Value(co));
  // The thread frame's references now belong to the generator's frame.
  std::memset(f->localsplus, 0, sizeof(Value) * co->nlocalsplus());
  f->func = Value();
  f->locals = Value();
  f->globals = Value();
  f->frame_obj = nullptr;
  nf->owner = kOwnedByGenerator;
  nf->sp = nf->stack_base();
  nf->ip = co->code;
  nf->previous = nullptr;
  nf->lasti = -1;
  g->frame = nf;
  g->kind = t == &g_coroutine_type ? kKindCoroutine : t == &g_async_generator_type ? kKindAsyncGenerator : kKindGenerator;
  g->state = kGenCreated;
  g->name = Ref<>::borrow(func->name).release();
  g->qualname = Ref<>::borrow(func->qualname).release();
  g->code = Ref<>::borrow(Value(co)).release();
  return r;
}

Ref<> gen_send_ex(Value gv, Value value, bool exc, bool* returned) {
  auto* g = gv.as<Generator>();
  *returned = false;
  uint8_t expected = 0;
  if (!g->running.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
    return err_format(g_ValueError, "%s already executing", kind_name(g));
  }
  struct Release {
    Generator* g;
    ~Release() { g->running.store(0, std::memory_order_release); }
  } release{g};
  if (g->state == kGenFinished || !g->frame) {
    if (exc) return nullptr;  // throw into a finished generator re-raises as is
    if (g->kind == kKindCoroutine) return err_set_str(g_RuntimeError, "cannot reuse already awaited coroutine");
    if (g->kind == kKindAsyncGenerator) return err_set_object(g_StopAsyncIteration, Value());
    return err_set_object(g_StopIteration, Value());
  }
  Frame* f = g->frame;
  if (g->state == kGenCreated && !exc && !value.is_null() && !is_none(value)) {
    return err_format(g_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
  }
  if (g->state == kGenSuspended) {
    // Resuming after YIELD_VALUE always fills the value slot (the sent value,
    // or None when an exception is thrown in: handler depths count that slot).
    Value v = (exc || value.is_null()) ? none() : value;
    incref(v);
    *f->sp++ = v;
  }
  ThreadState* ts = tstate();
  g->state = kGenRunning;
  // The generator's own handled exception (kept across its suspensions)
  // becomes the thread's; the resumer's is linked behind it, so that
  // sys.exception() and implicit chaining still see it while the body handles
  // nothing itself.
  Ref<> caller_handled = std::move(ts->handled);
  ThreadState::HandledLink link{&caller_handled, ts->handled_outer};
  ts->handled_outer = &link;
  ts->handled = Ref<>::steal(g->exc_state);
  g->exc_state = Value();
  Ref<> r = eval_frame(ts, f, exc);
  uint8_t how = f->pad;  // 1 yielded, 0 returned, 2 raised
  if (r && how == 1) g->exc_state = ts->handled.release();
  ts->handled = std::move(caller_handled);
  ts->handled_outer = link.prev;
  if (r && how == 1) {
    g->state = kGenSuspended;
    return r;
  }
  finish(g);
  if (!r) {
    // StopIteration escaping the body was already turned into RuntimeError by
    // the compiler-emitted handler.
    return nullptr;
  }
  *returned = true;
  return r;
}

namespace {

// next(gen) / gen.send(v): a return becomes StopIteration(value).
Ref<> send_or_stop(Value gv, Value value, bool exc) {
  bool returned;
  Ref<> r = gen_send_ex(gv, value, exc, &returned);
  if (!r) return nullptr;
  if (returned) {
    auto* g = gv.as<Generator>();
    if (g->kind == kKindAsyncGenerator) return err_set_object(g_StopAsyncIteration, Value());
    if (is_none(r.val())) return err_set_object(g_StopIteration, Value());
    Ref<Tuple> args = tuple_pack({r.val()});
    Ref<> e = call(Value(g_StopIteration), args->items, 1);
    if (!e) return nullptr;
    err_restore(std::move(e));
    return nullptr;
  }
  return r;
}

Ref<> gen_iternext(Value self) {
  auto* g = self.as<Generator>();
  if (g->state == kGenFinished) return nullptr;
  bool returned;
  Ref<> r = gen_send_ex(self, none(), false, &returned);
  if (!r) return nullptr;
  if (returned) {
    if (is_none(r.val())) return nullptr;  // plain exhaustion: no exception needed
    Ref<Tuple> args = tuple_pack({r.val()});
    Ref<> e = call(Value(g_StopIteration), args->items, 1);
    if (e) err_restore(std::move(e));
    return nullptr;
  }
  return r;
}

Ref<> gen_send(Value self, Value* a) { return send_or_stop(self, a[0], false); }

// The exception that throw(typ[, val[, tb]]) raises: an instance, or a class
// called with val (None: no arguments; a tuple: the arguments); tb, if any,
// becomes its traceback.
Ref<> exception_to_throw(Value typ, Value val, Value tb) {
  Ref<> exc;
  if (is_exception_class(typ)) {
    if (val.is_null() || is_none(val)) {
      exc = call0(typ);
    } else if (is_exception_instance(val) && is_subtype(type_of(val), typ.as<Type>())) {
      exc = Ref<>::borrow(val);
    } else {
      exc = is_tuple(val) ? call(typ, val.as<Tuple>()->items, static_cast<size_t>(tuple_size(val))) : call1(typ, val);
    }
    if (!exc) return nullptr;
  } else if (is_exception_instance(typ)) {
    if (!val.is_null() && !is_none(val))
      return err_set_str(g_TypeError, "instance exception may not have a separate value");
    exc = Ref<>::borrow(typ);
  } else {
    return err_format(g_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                      type_name(type_of(typ)));
  }
  if (!tb.is_null() && !is_none(tb)) {
    if (!is_traceback(tb)) return err_set_str(g_TypeError, "throw() third argument must be a traceback object");
    exception_set_traceback(exc.val(), tb);
  }
  return exc;
}

Ref<> gen_throw(Value self, Value* a) {
  Ref<> exc = exception_to_throw(a[0], a[1], a[2]);
  if (!exc) return nullptr;
  auto* g = self.as<Generator>();
  // Suspended inside `yield from`/await: throw into the delegate first. If it
  // yields, so do we; if it raises (StopIteration included), that exception
  // is thrown into our frame, where the SEND loop's CLEANUP_THROW handler
  // turns StopIteration into the result of the yield from.
  Value yf = yield_from_target(g);
  if (!yf.is_null()) {
    Ref<> sub = Ref<>::borrow(yf);
    Ref<> r;
    if (is_subtype(type_of(exc.val()), g_GeneratorExit)) {
      Ref<> cr = (is_generator(sub.val()) || is_coroutine(sub.val())) ? gen_close(sub.val())
                                                                    : call_method_opt(sub.val(), "close");
      if (!cr) return send_or_stop(self, Value(), true);
      err_restore(std::move(exc));
      return send_or_stop(self, Value(), true);
    }
    if (is_generator(sub.val()) || is_coroutine(sub.val())) {
      r = gen_throw(sub.val(), a);
    } else {
      Ref<> m = getattr_opt(sub.val(), Value(ids::throw_));
      if (!m) {
        if (err_occurred()) return send_or_stop(self, Value(), true);
        err_restore(std::move(exc));
        return send_or_stop(self, Value(), true);
      }
      Value args[3] = {exc.val(), none(), none()};
      r = call(m.val(), args, 1);
    }
    if (r) return r;
    return send_or_stop(self, Value(), true);
  }
  if (g->state == kGenCreated) {
    // Throwing into a just-created generator finishes it without running.
    finish(g);
    err_restore(std::move(exc));
    return nullptr;
  }
  err_restore(std::move(exc));
  return send_or_stop(self, Value(), true);
}

}  // namespace

Ref<> gen_close(Value self) {
  auto* g = self.as<Generator>();
  if (g->state == kGenCreated) {
    finish(g);
    return new_none();
  }
  if (g->state == kGenFinished) return new_none();
  Value yf = yield_from_target(g);
  Ref<> exc;
  if (!yf.is_null()) {
    Ref<> sub = Ref<>::borrow(yf);
    Ref<> cr = (is_generator(sub.val()) || is_coroutine(sub.val())) ? gen_close(sub.val()) : call_method_opt(sub.val(), "close");
    if (!cr) exc = err_fetch();
  }
  if (!exc) exc = call0(Value(g_GeneratorExit));
  if (!exc) return nullptr;
  err_restore(std::move(exc));
  bool returned;
  Ref<> r = gen_send_ex(self, Value(), true, &returned);
  if (r && !returned) {
    return err_format(g_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
  }
  if (r) return new_none();  // returned normally
  if (err_matches(g_GeneratorExit) || err_matches(g_StopIteration)) {
    err_clear();
    return new_none();
  }
  return nullptr;
}

namespace {

Ref<> gen_close_method(Value self, Value*) { return gen_close(self); }
Ref<> gen_iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> gen_repr(Value self) {
  auto* g = self.as<Generator>();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  const char* what = g->kind == kKindCoroutine ? "coroutine" : g->kind == kKindAsyncGenerator ? "async_generator" : "generator";
  return str_from_utf8(std::string("<") + what + " object " + str_utf8(g->qualname) + " at " + addr + ">");
}

Ref<> gen_get_name(Value self) { return Ref<>::borrow(self.as<Generator>()->name); }
int gen_set_name(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    err_set_str(g_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  auto* g = self.as<Generator>();
  Value old = g->name;
  g->name = Ref<>::borrow(v).release();
  decref(old);
  return 0;
}
Ref<> gen_get_qualname(Value self) { return Ref<>::borrow(self.as<Generator>()->qualname); }
int gen_set_qualname(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    err_set_str(g_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  auto* g = self.as<Generator>();
  Value old = g->qualname;
  g->qualname = Ref<>::borrow(v).release();
  decref(old);
  return 0;
}
Ref<> gen_get_running(Value self) { return new_bool(self.as<Generator>()->state == kGenRunning); }
Ref<> gen_get_suspended(Value self) { return new_bool(self.as<Generator>()->state == kGenSuspended); }
Ref<> gen_get_code(Value self) { return Ref<>::borrow(self.as<Generator>()->code); }
Ref<> gen_get_frame(Value self) {
  auto* g = self.as<Generator>();
  if (!g->frame || g->state == kGenFinished) return new_none();
  return frame_object_for(g->frame);
}
Ref<> gen_get_yieldfrom(Value self) {
  Value yf = yield_from_target(self.as<Generator>());
  return yf.is_null() ? new_none() : Ref<>::borrow(yf);
}

const GetSetDef kGenGetSets[] = {{"__name__", gen_get_name, gen_set_name},
                                 {"__qualname__", gen_get_qualname, gen_set_qualname},
                                 {"gi_running", gen_get_running, nullptr},
                                 {"gi_suspended", gen_get_suspended, nullptr},
                                 {"gi_code", gen_get_code, nullptr},
                                 {"gi_frame", gen_get_frame, nullptr},
                                 {"gi_yieldfrom", gen_get_yieldfrom, nullptr},
                                 {nullptr}};
const GetSetDef kCoroGetSets[] = {{"__name__", gen_get_name, gen_set_name},
                                  {"__qualname__", gen_get_qualname, gen_set_qualname},
                                  {"cr_running", gen_get_running, nullptr},
                                  {"cr_suspended", gen_get_suspended, nullptr},
                                  {"cr_code", gen_get_code, nullptr},
                                  {"cr_frame", gen_get_frame, nullptr},
                                  {"cr_await", gen_get_yieldfrom, nullptr},
                                  {nullptr}};
const GetSetDef kAsyncGenGetSets[] = {{"__name__", gen_get_name, gen_set_name},
                                      {"__qualname__", gen_get_qualname, gen_set_qualname},
                                      {"ag_running", gen_get_running, nullptr},
                                      {"ag_code", gen_get_code, nullptr},
                                      {"ag_frame", gen_get_frame, nullptr},
                                      {"ag_await", gen_get_yieldfrom, nullptr},
                                      {nullptr}};

const MethodDef kGenMethods[] = {
    {"send($self, value, /)", gen_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw($self, typ, val=None, tb=None, /)", gen_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close($self, /)", gen_close_method, "close() -> raise GeneratorExit inside generator."},
    {nullptr}};

// --- coroutines: __await__ returns a wrapper iterator -----------------------------

struct CoroWrapper : Object {
  Value coro;
};
Type g_coro_wrapper_type;

void coro_wrapper_dealloc(Object* o) {
  decref(static_cast<CoroWrapper*>(o)->coro);
  free_object(o);
}
Ref<> coro_wrapper_next(Value self) {
  Value c = self.as<CoroWrapper>()->coro;
  return send_or_stop(c, none(), false);
}
Ref<> coro_wrapper_send(Value self, Value* a) { return send_or_stop(self.as<CoroWrapper>()->coro, a[0], false); }
Ref<> coro_wrapper_throw(Value self, Value* a) { return gen_throw(self.as<CoroWrapper>()->coro, a); }
Ref<> coro_wrapper_close(Value self, Value*) { return gen_close(self.as<CoroWrapper>()->coro); }
const MethodDef kCoroWrapperMethods[] = {
    {"send($self, value, /)", coro_wrapper_send, nullptr},
    {"throw($self, typ, val=None, tb=None, /)", coro_wrapper_throw, nullptr},
    {"close($self, /)", coro_wrapper_close, nullptr},
    {nullptr}};

Ref<> coro_await(Value self, Value*) {
  auto* w = alloc_object<CoroWrapper>(&g_coro_wrapper_type);
  if (!w) return nullptr;
  w->coro = Ref<>::borrow(self).release();
  return Ref<>::steal(Value(w));
}

const MethodDef kCoroMethods[] = {
    {"send($self, value, /)", gen_send, nullptr},
    {"throw($self, typ, val=None, tb=None, /)", gen_throw, nullptr},
    {"close($self, /)", gen_close_method, nullptr},
    {"__await__($self, /)", coro_await, "Return an iterator to be used in await expression."},
    {nullptr}};

// --- async generators ---------------------------------------------------------------
// An async generator yields values wrapped by kIntrinsicAsyncGenWrap; __anext__
// and asend() return an awaitable (asend object) that drives the generator:
// when the generator yields a wrapped value the awaitable finishes with
// StopIteration(value); a bare yield (from an inner await) passes through.

struct AsyncGenWrapped : Object {
  Value value;
};
Type g_async_gen_wrapped_type;

void agw_dealloc(Object* o) {
  decref(static_cast<AsyncGenWrapped*>(o)->value);
  free_object(o);
}

struct AsyncGenASend : Object {
  Value gen;
  Value sendval;  // null after the first step
  uint8_t state;  // 0 init, 1 iter, 2 closed
  uint8_t is_throw;
  Value throw_args;  // tuple for athrow, or null (aclose)
};
Type g_async_gen_asend_type;

void asend_dealloc(Object* o) {
  auto* a = static_cast<AsyncGenASend*>(o);
  decref(a->gen);
  decref(a->sendval);
  decref(a->throw_args);
  free_object(o);
}

Ref<> unwrap_async_result(AsyncGenASend* as, Ref<> r, bool returned) {
  if (!r) {
    as->state = 2;
    if (err_matches(g_StopIteration) || err_matches(g_GeneratorExit)) {
      if (as->is_throw && !as->throw_args) {  // aclose(): finished cleanly
        err_clear();
        return err_set_object(g_StopIteration, Value());
      }
      err_clear();
      return err_set_object(g_StopAsyncIteration, Value());
    }
    return nullptr;
  }
  if (returned) {
    as->state = 2;
    if (as->is_throw && !as->throw_args) return err_set_object(g_StopIteration, Value());
    return err_set_object(g_StopAsyncIteration, Value());
  }
  if (type_of(r.val()) == &g_async_gen_wrapped_type) {
    as->state = 2;
    if (as->is_throw && !as->throw_args) return err_set_str(g_RuntimeError, "async generator ignored GeneratorExit");
    Value v = r.val().as<AsyncGenWrapped>()->value;
    Ref<Tuple> args = tuple_pack({v});
    Ref<> e = call(Value(g_StopIteration), args->items, 1);
    if (e) err_restore(std::move(e));
    return nullptr;
  }
  return r;  // an inner await's yield passes through to the event loop
}

const char* reuse_message(AsyncGenASend* as) {
  return as->is_throw ? "cannot reuse already awaited aclose()/athrow()"
                      : "cannot reuse already awaited __anext__()/asend()";
}

Ref<> asend_step(Value self, Value v, bool throwing) {
  auto* as = self.as<AsyncGenASend>();
  if (as->state == 2) return err_set_str(g_RuntimeError, reuse_message(as));
  bool returned = false;
  Ref<> r;
  if (as->state == 0) {
    as->state = 1;
    if (as->is_throw) {
      Ref<> exc;
      if (as->throw_args.is_null()) exc = call0(Value(g_GeneratorExit));
      else exc = exception_to_throw(tuple_item(as->throw_args, 0), tuple_item(as->throw_args, 1),
                                    tuple_item(as->throw_args, 2));
      if (!exc) return nullptr;
      err_restore(std::move(exc));
      auto* g = as->gen.as<Generator>();
      if (g->state == kGenCreated || g->state == kGenFinished) {
        finish(g);
        as->state = 2;
        if (!as->throw_args) {
          err_clear();
          return err_set_object(g_StopIteration, Value());
        }
        return nullptr;
      }
      r = gen_send_ex(as->gen, Value(), true, &returned);
    } else {
      Value sv = as->sendval.is_null() ? none() : as->sendval;
      r = gen_send_ex(as->gen, sv, false, &returned);
    }
  } else if (throwing) {
    r = gen_send_ex(as->gen, Value(), true, &returned);
  } else {
    r = gen_send_ex(as->gen, v, false, &returned);
  }
  return unwrap_async_result(as, std::move(r), returned);
}

Ref<> asend_next(Value self) { return asend_step(self, none(), false); }
Ref<> asend_send(Value self, Value* a) { return asend_step(self, a[0], false); }
// As CPython: the exception goes straight into the generator, whether or
// not this awaitable has been started.
Ref<> asend_throw(Value self, Value* a) {
  auto* as = self.as<AsyncGenASend>();
  if (as->state == 2) return err_set_str(g_RuntimeError, reuse_message(as));
  Ref<> r = gen_throw(as->gen, a);
  return unwrap_async_result(as, std::move(r), false);
}
Ref<> asend_close(Value self, Value*) {
  self.as<AsyncGenASend>()->state = 2;
  return new_none();
}
Ref<> asend_await(Value self, Value*) { return Ref<>::borrow(self); }
const MethodDef kAsendMethods[] = {{"send($self, value, /)", asend_send, nullptr},
                                   {"throw($self, typ, val=None, tb=None, /)", asend_throw, nullptr},
                                   {"close($self, /)", asend_close, nullptr},
                                   {"__await__($self, /)", asend_await, nullptr},
                                   {nullptr}};

Ref<> make_asend(Value gen, Value sendval, bool is_throw, Value throw_args) {
  auto* a = alloc_object<AsyncGenASend>(&g_async_gen_asend_type);
  if (!a) return nullptr;
  a->gen = Ref<>::borrow(gen).release();
  a->sendval = Ref<>::borrow(sendval).release();
  a->is_throw = is_throw;
  a->throw_args = Ref<>::borrow(throw_args).release();
  return Ref<>::steal(Value(a));
}

// The first __anext__/asend/athrow/aclose takes this thread's async generator
// hooks (sys.set_asyncgen_hooks): keep the finalizer for the generator's
// death and call firstiter(gen) now. -1 with the hook's error pending.
int agen_init_hooks(Value self) {
  auto* g = self.as<Generator>();
  if (g->hooks_inited) return 0;
  g->hooks_inited = true;
  ThreadState* ts = tstate();
  if (ts->asyncgen_finalizer) g->finalizer = Ref<>::borrow(ts->asyncgen_finalizer.val()).release();
  if (!ts->asyncgen_firstiter) return 0;
  Ref<> hook = Ref<>::borrow(ts->asyncgen_firstiter.val());
  Ref<> r = call(hook.val(), &self, 1);
  return r ? 0 : -1;
}

Ref<> agen_anext(Value self, Value*) {
  if (agen_init_hooks(self) < 0) return nullptr;
  return make_asend(self, Value(), false, Value());
}
Ref<> agen_asend(Value self, Value* a) {
  if (agen_init_hooks(self) < 0) return nullptr;
  return make_asend(self, a[0], false, Value());
}
Ref<> agen_athrow(Value self, Value* a) {
  if (agen_init_hooks(self) < 0) return nullptr;
  // (typ, val, tb), checked as throw() checks them when first awaited.
  Ref<Tuple> args = tuple_pack({a[0], a[1].is_null() ? none() : a[1], a[2].is_null() ? none() : a[2]});
  if (!args) return nullptr;
  return make_asend(self, Value(), true, args.val());
}
Ref<> agen_aclose(Value self, Value*) {
  if (agen_init_hooks(self) < 0) return nullptr;
  return make_asend(self, Value(), true, Value());
}
Ref<> agen_aiter(Value self, Value*) { return Ref<>::borrow(self); }
const MethodDef kAsyncGenMethods[] = {{"__anext__($self, /)", agen_anext, nullptr},
                                      {"__aiter__($self, /)", agen_aiter, nullptr},
                                      {"asend($self, value, /)", agen_asend, nullptr},
                                      {"athrow($self, typ, val=None, tb=None, /)", agen_athrow, nullptr},
                                      {"aclose($self, /)", agen_aclose, nullptr},
                                      {nullptr}};

void ready(Type* t, const char* name, size_t size, DeallocFn dealloc) {
  t->name = name;
  t->basic_size = static_cast<uint32_t>(size);
  t->tp_dealloc = dealloc;
}

}  // namespace

Ref<> async_gen_wrap_value(Value v) {
  auto* w = alloc_object<AsyncGenWrapped>(&g_async_gen_wrapped_type);
  if (!w) return nullptr;
  w->value = Ref<>::borrow(v).release();
  return Ref<>::steal(Value(w));
}

Ref<> get_awaitable(Value v, int where) {
  if (is_coroutine(v)) {
    return Ref<>::borrow(v);
  }
  if (is_generator(v) && (v.as<Generator>()->code.as<Code>()->flags & kCoIterableCoroutine)) return Ref<>::borrow(v);
  Value m = type_lookup(type_of(v), Value(ids::__await__));
  if (!m) {
    if (where == 1)
      return err_format(g_TypeError, "'async with' received an object from __aenter__ that does not implement __await__: %s",
                        type_name(type_of(v)));
    if (where == 2)
      return err_format(g_TypeError, "'async with' received an object from __aexit__ that does not implement __await__: %s",
                        type_name(type_of(v)));
    return err_format(g_TypeError, "object %s can't be used in 'await' expression", type_name(type_of(v)));
  }
  Ref<> it = call1(m, v);
  if (!it) return nullptr;
  if (is_coroutine(it.val()))
    return err_set_str(g_TypeError, "__await__() returned a coroutine");
  if (!type_of(it.val())->tp_iternext)
    return err_format(g_TypeError, "__await__() returned non-iterator of type '%s'", type_name(type_of(it.val())));
  return it;
}

void gen_types_init() {
  Type* t = &g_generator_type;
  ready(t, "generator", sizeof(Generator), gen_dealloc);
  t->flags = kTypeHasGc;
  t->weaklist_offset = offsetof(Generator, weakreflist);
  t->tp_traverse = gen_traverse;
  t->tp_iter = gen_iter_self;
  t->tp_iternext = gen_iternext;
  t->tp_repr = gen_repr;
  t->methods = kGenMethods;
  t->getsets = kGenGetSets;
  type_ready(t);

  t = &g_coroutine_type;
  ready(t, "coroutine", sizeof(Generator), gen_dealloc);
  t->flags = kTypeHasGc;
  t->weaklist_offset = offsetof(Generator, weakreflist);
  t->tp_traverse = gen_traverse;
  t->tp_repr = gen_repr;
  t->methods = kCoroMethods;
  t->getsets = kCoroGetSets;
  type_ready(t);

  t = &g_coro_wrapper_type;
  ready(t, "coroutine_wrapper", sizeof(CoroWrapper), coro_wrapper_dealloc);
  t->tp_iter = gen_iter_self;
  t->tp_iternext = coro_wrapper_next;
  t->methods = kCoroWrapperMethods;
  type_ready(t);

  t = &g_async_generator_type;
  ready(t, "async_generator", sizeof(Generator), gen_dealloc);
  t->flags = kTypeHasGc;
  t->weaklist_offset = offsetof(Generator, weakreflist);  // asyncio keeps a WeakSet of them
  t->tp_traverse = gen_traverse;
  t->tp_repr = gen_repr;
  t->methods = kAsyncGenMethods;
  t->getsets = kAsyncGenGetSets;
  type_ready(t);

  t = &g_async_gen_wrapped_type;
  ready(t, "async_generator_wrapped_value", sizeof(AsyncGenWrapped), agw_dealloc);
  type_ready(t);

  t = &g_async_gen_asend_type;
  ready(t, "async_generator_asend", sizeof(AsyncGenASend), asend_dealloc);
  t->tp_iter = gen_iter_self;
  t->tp_iternext = asend_next;
  t->methods = kAsendMethods;
  type_ready(t);
}

}  // namespace ftpy
