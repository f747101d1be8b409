// Calling Python functions: binding arguments to parameters with `def`
// semantics and CPython's error messages, and creating the callee frame.
#pragma once

#include <string>

#include "runtime/ref.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/function.h"

namespace ftpy {

// Returned by frame_for_call for generator/coroutine functions: the new
// generator object is in ts->pending_generator instead of a frame.
inline Frame* const kGeneratorCreated = reinterpret_cast<Frame*>(uintptr_t{1});

// Push a frame for `fn` and bind the arguments into it. The argument Values
// (args[0..nargs + len(kwnames)) ) are owned references that this function
// takes over (released on error too). Returns null on error.
Frame* frame_for_call(ThreadState* ts, Function* fn, Value* args, size_t nargs, Value kwnames);

// "f()" / "A.f()" for error messages about calling `callable`.
std::string callable_display_name(Value callable);

// The interpreter loop (eval.cpp), in its plain (false) and tracing (true)
// forms; `mode` 0 runs `f`, 1 resumes it by raising the pending exception at
// its current instruction (eval.cpp's EvalMode has the rest).
template <bool kTracing>
Ref<> eval_loop(ThreadState* ts, Frame* f, int mode);
extern template Ref<> eval_loop<false>(ThreadState* ts, Frame* f, int mode);
// Inline, so each caller calls the plain loop itself: a wrapper function
// cost three instructions per generator resumption.
inline Ref<> eval_frame(ThreadState* ts, Frame* f, bool throwflag) { return eval_loop<false>(ts, f, throwflag); }

}  // namespace ftpy
