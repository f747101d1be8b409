// Traceback and frame objects, and printing exceptions in CPython's format.
//
// A FrameObject is the Python-visible face of a frame: while the frame runs it
// points at the live Frame; when the frame finishes it keeps what it needs
// (code, globals, line, a snapshot of locals) so tracebacks and
// sys._getframe() results stay valid afterwards.
//
// Thread safety: traceback objects are immutable after creation (tb_next is set
// once by the unwinder that owns the exception). A FrameObject's live pointer
// is only dereferenced by the thread running that frame.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"
#include "vm/frame.h"

namespace ftpy {

struct FrameObject : Object {
  Frame* live;       // the running frame, or null once it finished
  Value code;        // owned Code
  Value globals;     // owned
  Value builtins;    // owned
  Value locals;      // owned snapshot / mapping, or null
  Value back;        // owned FrameObject of the caller (filled lazily), or null
  int32_t lasti;     // last instruction once finished
  int32_t lineno_override;  // f_lineno for finished frames (-1 = compute)
  // The local trace function (f_trace, vm/trace.h) and its switches
  // (f_trace_lines, f_trace_opcodes; stored inverted/zeroed so a new frame
  // object's zeroed fields mean CPython's defaults). Only the thread
  // running the frame uses them while it runs.
  Value trace;       // owned, or null
  uint8_t no_trace_lines;
  uint8_t trace_opcodes;
};
extern Type g_frame_type;

struct Traceback : Object {
  Value next;    // owned Traceback or null
  Value frame;   // owned FrameObject
  int32_t lasti;
  int32_t lineno;
};
extern Type g_traceback_type;

inline bool is_traceback(Value v) { return v.is_obj() && v.obj()->ob_type == &g_traceback_type; }

// The FrameObject for a live frame (created on first request).
Ref<> frame_object_for(Frame* f);
// Called when a frame finishes: detach its FrameObject, keeping a snapshot.
void frame_object_detach(Frame* f);
int frame_object_lineno(FrameObject* fo);

// Add a traceback entry for frame `f` (at its current instruction) to `exc`.
void traceback_add(Value exc, Frame* f);
// Leave frames running `code` out of tracebacks from now on
// (sys._ftpy_hide_frames: library functions CPython has in C).
void traceback_hide_code(Value code);

// Print `exc` with its chain and traceback to stderr in CPython's format.
void print_exception_to_stderr(Value exc);
// Format as print_exception_to_stderr would, into a string.
std::string format_exception(Value exc);
// As sys.__unraisablehook__ writes it: traceback and "Type: str" only.
std::string format_unraisable(Value exc);

void traceback_types_init();

}  // namespace ftpy
