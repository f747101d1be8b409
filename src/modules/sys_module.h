// The sys module, and the standard streams it holds.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> sys_module_create();
// sys.<name> (AttributeError-free: RuntimeError "lost sys.<name>" if missing).
Ref<> sys_get_attr(const char* name);
Ref<> sys_displayhook(Value v);  // the REPL's expression echo
Ref<> sys_input(Value prompt);   // builtins.input
// Call sys.excepthook(type, value, tb) (falls back to printing directly).
void sys_excepthook(Value exc);

}  // namespace ftpy
