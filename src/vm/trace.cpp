// Profile and trace hooks: installing them, the Python-level trampolines of
// sys.setprofile / sys.settrace, and the events the tracing loop fires
// (vm/trace.h has the design).
#include "vm/trace.h"

#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/frame.h"
#include "vm/traceback.h"

namespace ftpy {

namespace {

void update_breaker(ThreadState* ts) {
  if (ts->profile_fn || ts->trace_fn) {
    ts->eval_entry_limit = UINTPTR_MAX;
    ts->eval_breaker.fetch_or(kBreakTrace, std::memory_order_relaxed);
  } else {
    ts->eval_entry_limit = ts->c_stack_limit;
    ts->eval_breaker.fetch_and(~kBreakTrace, std::memory_order_relaxed);
  }
}

Value event_name(int what) {
  static Str* names[8];
  static const char* const kNames[8] = {"call",     "exception",   "line",     "return",
                                        "c_call",   "c_exception", "c_return", "opcode"};
  // Interned strings are immortal; two threads racing here store the same one.
  Str* s = __atomic_load_n(&names[what], __ATOMIC_ACQUIRE);
  if (!s) {
    s = str_intern(kNames[what]);
    __atomic_store_n(&names[what], s, __ATOMIC_RELEASE);
  }
  return Value(s);
}

// Call the profile hook (if still installed) for one event. Runs with
// ts->tracing raised so the hook's own code fires nothing; the hook object
// is held across the call (the hook may replace itself).
int fire_profile(ThreadState* ts, Frame* f, int what, Value arg) {
  if (!ts->profile_fn || ts->tracing) return 0;
  TraceFn fn = ts->profile_fn;
  Ref<> obj = ts->profile_obj;
  ts->tracing++;
  int r = fn(ts, obj.val(), f, what, arg);
  ts->tracing--;
  return r;
}

int fire_trace(ThreadState* ts, Frame* f, int what, Value arg) {
  if (!ts->trace_fn || ts->tracing) return 0;
  TraceFn fn = ts->trace_fn;
  Ref<> obj = ts->trace_obj;
  ts->tracing++;
  int r = fn(ts, obj.val(), f, what, arg);
  ts->tracing--;
  return r;
}

// An event whose hook must not disturb the pending exception (c_exception,
// 'return' while unwinding): a hook that raises replaces it.
void fire_profile_protected(ThreadState* ts, Frame* f, int what, Value arg) {
  Ref<> exc = err_fetch();
  if (fire_profile(ts, f, what, arg) < 0) return;
  err_restore(std::move(exc));
}

// What CPython 3.11 reports for a call from Python code to `callable` with
// positional args: the built-in function itself, or for a method descriptor
// called with its receiver first, the bound built-in method. Null when the
// call fires no c_* events (a type, a slot wrapper, any other callable).
Ref<> c_event_function(Value callable, Value first) {
  Type* t = type_of(callable);
  if (t == &g_native_function_type) return Ref<>::borrow(callable);
  if (t == &g_method_descr_type && !first.is_null()) {
    Ref<> bound = t->tp_descr_get(callable, first, Value(type_of(first)));
    if (!bound) err_clear();
    return bound;
  }
  return nullptr;
}

template <typename CallFn>
Ref<> c_traced(ThreadState* ts, Value fn, CallFn&& do_call) {
  Frame* f = ts->frame;
  if (fire_profile(ts, f, kTraceCCall, fn) < 0) return nullptr;
  Ref<> r = do_call();
  if (!ts->profile_fn) return r;
  if (!r) {
    fire_profile_protected(ts, f, kTraceCException, fn);
    return r;
  }
  if (fire_profile(ts, f, kTraceCReturn, fn) < 0) return nullptr;
  return r;
}

}  // namespace

void trace_set_profile(ThreadState* ts, TraceFn fn, Value obj) {
  Ref<> old = std::move(ts->profile_obj);  // released after the switch
  ts->profile_fn = fn;
  ts->profile_obj = fn ? Ref<>::borrow(obj) : Ref<>();
  update_breaker(ts);
}

void trace_set_trace(ThreadState* ts, TraceFn fn, Value obj) {
  Ref<> old = std::move(ts->trace_obj);
  ts->trace_fn = fn;
  ts->trace_obj = fn ? Ref<>::borrow(obj) : Ref<>();
  update_breaker(ts);
}

int trace_python_profile(ThreadState* ts, Value obj, Frame* f, int what, Value arg) {
  Ref<> fo = frame_object_for(f);
  if (!fo) return -1;
  Value args[3] = {fo.val(), event_name(what), arg.is_null() ? none() : arg};
  Ref<> r = call(obj, args, 3);
  if (!r) {
    // CPython's rule: a profile function that raises is removed.
    trace_set_profile(ts, nullptr, Value());
    return -1;
  }
  return 0;
}

// CPython's trace trampoline: 'call' goes to the global trace function,
// whose result (unless None) becomes the frame's local trace function
// (f_trace); every other event goes to f_trace, if any, and a non-None
// result replaces it. A trace function that raises is removed, f_trace too.
int trace_python_trace(ThreadState* ts, Value obj, Frame* f, int what, Value arg) {
  FrameObject* existing = f->frame_obj;
  if (what != kTraceCall && (!existing || existing->trace.is_null())) return 0;
  Ref<> fo = frame_object_for(f);
  if (!fo) return -1;
  auto* fop = fo.val().as<FrameObject>();
  Ref<> callback = what == kTraceCall ? Ref<>::borrow(obj) : Ref<>::borrow(fop->trace);
  Value args[3] = {fo.val(), event_name(what), arg.is_null() ? none() : arg};
  Ref<> r = call(callback.val(), args, 3);
  if (!r) {
    trace_set_trace(ts, nullptr, Value());
    Value old = fop->trace;
    fop->trace = Value();
    decref(old);
    return -1;
  }
  if (!is_none(r.val())) {
    Value old = fop->trace;
    fop->trace = r.release();
    decref(old);
  }
  return 0;
}

int trace_call_event(ThreadState* ts, Frame* f) {
  if (fire_trace(ts, f, kTraceCall, Value()) < 0) return -1;
  return fire_profile(ts, f, kTraceCall, Value());
}

int trace_return_event(ThreadState* ts, Frame* f, Value retval) {
  if (retval.is_null()) {
    // Unwinding: the pending exception stays unless a hook raises.
    Ref<> exc = err_fetch();
    if (fire_trace(ts, f, kTraceReturn, Value()) < 0) return -1;
    if (fire_profile(ts, f, kTraceReturn, Value()) < 0) return -1;
    err_restore(std::move(exc));
    return 0;
  }
  if (fire_trace(ts, f, kTraceReturn, retval) < 0) return -1;
  return fire_profile(ts, f, kTraceReturn, retval);
}

// 'exception' with (type, value, traceback), as the frame's error path sees
// it; a trace function that raises replaces the exception.
int trace_exception_event(ThreadState* ts, Frame* f) {
  if (!ts->trace_fn || ts->tracing) return 0;
  FrameObject* fo = f->frame_obj;
  if (!fo || fo->trace.is_null()) return 0;
  Ref<> exc = err_fetch();
  if (!exc) return 0;
  Value tb = exception_traceback(exc.val());
  Ref<Tuple> arg = tuple_pack({Value(type_of(exc.val())), exc.val(), tb.is_null() ? none() : tb});
  if (!arg) return -1;
  if (fire_trace(ts, f, kTraceException, arg.val()) < 0) return -1;
  err_restore(std::move(exc));
  return 0;
}

namespace {
// The index of the code's first RESUME: instructions up to it (cell set-up,
// RETURN_GENERATOR, the RESUME) report no line events, as in CPython 3.11.
int32_t first_traceable(Code* co) {
  for (uint32_t i = 0; i < co->ncode; i += 1 + op_cache(instr_op(co->code[i])))
    if (instr_op(co->code[i]) == OP_RESUME) return static_cast<int32_t>(i);
  return -1;
}
}  // namespace

// Line and opcode events (CPython 3.11's maybe_call_line_trace): a line
// event when the instruction starts a different line than the previous one
// ran in this frame, or jumps backwards (a loop's next iteration on one
// line), except the backward jump of `yield from`'s SEND.
int trace_instruction(ThreadState* ts, Frame* f, int32_t cur, int32_t prev) {
  FrameObject* fo = f->frame_obj;
  if (!fo || fo->trace.is_null()) return 0;
  Code* co = f->code;
  int32_t first = first_traceable(co);
  if (cur <= first) return 0;
  int line = (*co->positions)[static_cast<size_t>(cur)].line;
  // ftpy's compiler gives jumps and exception-handler bookkeeping the line
  // of their statement where CPython 3.11 marks them artificial (the jump
  // back to a loop's head, an if's jump over its else, the handler's entry
  // and exit): they start no line.
  // A jump back to just after a `while True:` line's marker (a NOP with
  // argument 1, compiler_stmt.cpp) runs that line first, as CPython's
  // per-iteration NOP would: report it with lasti at the marker.
  if (instr_op(co->code[cur]) == OP_JUMP_BACKWARD && !fo->no_trace_lines) {
    uint32_t target = co->code[cur] >> 8;
    if (target > 0 && target <= co->ncode && co->code[target - 1] == (OP_NOP | (1u << 8))) {
      f->lasti = static_cast<int32_t>(target - 1);
      if (fire_trace(ts, f, kTraceLine, Value()) < 0) return -1;
      f->lasti = cur;
      fo = f->frame_obj;
      if (!fo || fo->trace.is_null()) return 0;
    }
  }
  // The same holds for the re-raises and for a cleanup handler's entry
  // (an exception-table target that is not an except clause's
  // PUSH_EXC_INFO: the COPY/POP_EXCEPT/RERAISE cleanup, a generator's
  // StopIteration wrapper).
  uint8_t op = instr_op(co->code[cur]);
  switch (op) {
    case OP_JUMP_FORWARD:
    case OP_JUMP_BACKWARD:
    case OP_PUSH_EXC_INFO:
    case OP_RERAISE:
    case OP_POP_EXCEPT: line = -1; break;
    default: break;
  }
  if (line >= 0 && co->exception_table) {
    for (const ExceptionTableEntry& e : *co->exception_table) {
      if (e.target == static_cast<uint32_t>(cur)) {
        line = -1;
        break;
      }
    }
  }
  if (line >= 0 && !fo->no_trace_lines) {
    int lastline = prev > first ? code_line_for(co, static_cast<uint32_t>(prev)) : -1;
    bool backward = prev >= 0 && cur < prev && instr_op(co->code[prev]) != OP_SEND;
    if (line != lastline || backward) {
      if (fire_trace(ts, f, kTraceLine, Value()) < 0) return -1;
      fo = f->frame_obj;
      if (!fo) return 0;
    }
  }
  if (fo->trace_opcodes && !fo->trace.is_null()) return fire_trace(ts, f, kTraceOpcode, Value());
  return 0;
}

Ref<> trace_native_call(ThreadState* ts, Value callable, const Value* args, size_t nargs, Value kwnames) {
  if (!ts->profile_fn || ts->tracing) return call(callable, args, nargs, kwnames);
  Ref<> fn = c_event_function(callable, nargs > 0 ? args[0] : Value());
  if (!fn) return call(callable, args, nargs, kwnames);
  return c_traced(ts, fn.val(), [&] { return call(callable, args, nargs, kwnames); });
}

Ref<> trace_native_call_tuple(ThreadState* ts, Value callable, Value args, Value kwargs) {
  if (!ts->profile_fn || ts->tracing) return call_tuple_dict(callable, args, kwargs);
  Ref<> fn = c_event_function(callable, tuple_size(args) > 0 ? tuple_item(args, 0) : Value());
  if (!fn) return call_tuple_dict(callable, args, kwargs);
  return c_traced(ts, fn.val(), [&] { return call_tuple_dict(callable, args, kwargs); });
}

}  // namespace ftpy
