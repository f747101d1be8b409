// Profile and trace hooks (sys.setprofile, sys.settrace, _lsprof).
//
// Design: the interpreter loop is compiled twice from one source
// (eval.cpp's eval_loop<kTracing>). The plain variant has no event code at
// all, so a program without hooks pays nothing per instruction. Installing a
// hook sets kBreakTrace in the thread's own eval_breaker; the plain loop sees
// it at its next safepoint (calls, backward jumps, returns of native calls)
// or at entry, and moves the running frame into the tracing variant, which
// dispatches every specialised instruction to its generic form (the events
// live there only: c_call around native calls, 'call' at RESUME, 'return',
// line changes) and checks for line changes before each instruction. Removing
// the last hook moves the frame back the same way. Code objects are never
// rewritten for tracing, so a thread that runs the same code untraced sees
// nothing of another thread's hooks.
//
// Thread safety: the hooks live in ThreadState (profile_fn/obj,
// trace_fn/obj) and are read and written by the owning thread only;
// threading.setprofile/settrace reach other threads through threading.py,
// which installs the hook in each new thread as it starts.
#pragma once

#include "runtime/ref.h"
#include "runtime/thread_state.h"

namespace ftpy {

struct Frame;

// CPython's PyTrace_* numbering.
enum TraceEvent : int {
  kTraceCall = 0,
  kTraceException = 1,
  kTraceLine = 2,
  kTraceReturn = 3,
  kTraceCCall = 4,
  kTraceCException = 5,
  kTraceCReturn = 6,
  kTraceOpcode = 7,
};

// Should this thread's frames run in the tracing loop now?
inline bool trace_wanted(ThreadState* ts) {
  return ts->tracing == 0 && (ts->profile_fn != nullptr || ts->trace_fn != nullptr);
}

// Install (fn non-null) or remove this thread's hooks.
void trace_set_profile(ThreadState* ts, TraceFn fn, Value obj);
void trace_set_trace(ThreadState* ts, TraceFn fn, Value obj);

// The trampolines sys.setprofile/settrace install for a Python callable.
int trace_python_profile(ThreadState* ts, Value obj, Frame* f, int what, Value arg);
int trace_python_trace(ThreadState* ts, Value obj, Frame* f, int what, Value arg);

// Events fired by the tracing loop (f's lasti and sp saved). -1 with an
// exception pending when a hook raised.
int trace_call_event(ThreadState* ts, Frame* f);
int trace_return_event(ThreadState* ts, Frame* f, Value retval);  // retval null: unwinding
int trace_exception_event(ThreadState* ts, Frame* f);
// Line and opcode events before the instruction at index `instr` (the
// tracing loop calls this only when a trace hook is set).
int trace_instruction(ThreadState* ts, Frame* f, int32_t instr, int32_t prev);

// A call from the tracing loop to a callable that is not a Python function:
// c_call / c_return / c_exception around it when the callee is a built-in
// function or method descriptor (CPython 3.11's rule).
Ref<> trace_native_call(ThreadState* ts, Value callable, const Value* args, size_t nargs, Value kwnames);
Ref<> trace_native_call_tuple(ThreadState* ts, Value callable, Value args, Value kwargs);

}  // namespace ftpy
