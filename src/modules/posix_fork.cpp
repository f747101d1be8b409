// os.fork, os.forkpty and os.register_at_fork.
//
// The runtime's side of fork() (stopping the world, rebuilding its locks in
// the child, dropping the threads that did not survive) is runtime/fork.h.
// This file runs the Python-level hooks around it, in CPython's order:
// `before` hooks newest first, then the fork, then `after_in_parent` or
// `after_in_child` hooks oldest first. A hook that raises is reported as
// unraisable and the others still run. threading registers its
// after-in-child hook here (lib/threading.py), as in CPython.
//
// Thread safety: the hook lists are ordinary list objects (each append is
// atomic under the list's own lock) created with the module; each run
// iterates over a copy, so a hook may register more hooks.
#include <pty.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "modules/posix_internal.h"
#include "modules/thread_module.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/fork.h"

namespace ftpy {

namespace {

enum HookKind { kBefore, kAfterInChild, kAfterInParent, kHookKinds };
const char* const kHookNames[kHookKinds] = {"before", "after_in_child", "after_in_parent"};
Object* g_hooks[kHookKinds];  // owned lists, set once by posix_fork_add

void run_hooks(HookKind kind) {
  Object* list = g_hooks[kind];
  if (!list) return;
  int64_t n = list_size(Value(list));
  std::vector<Ref<>> copy;
  for (int64_t i = 0; i < n; i++) {
    Ref<> f = list_get(Value(list), i);
    if (!f) {
      err_clear();
      break;
    }
    copy.push_back(std::move(f));
  }
  if (kind == kBefore) std::reverse(copy.begin(), copy.end());
  for (const Ref<>& f : copy) {
    Ref<> r = call0(f.val());
    if (!r) err_write_unraisable(nullptr, f.val());
  }
}

Ref<> posix_register_at_fork(Value, Value* args) {
  bool any = false;
  for (int k = 0; k < kHookKinds; k++) {
    if (args[k].is_null()) continue;
    any = true;
    if (!callable(args[k]))
      return err_format(g_TypeError, "'%s' must be callable, not %s", kHookNames[k],
                        type_tp_name(type_of(args[k])));
  }
  if (!any) return err_set_str(g_TypeError, "At least one argument is required.");
  for (int k = 0; k < kHookKinds; k++)
    if (!args[k].is_null() && list_append(Value(g_hooks[k]), args[k]) < 0) return nullptr;
  return new_none();
}

// Forks with `do_fork` (fork or forkpty) between the runtime's and the
// hooks' before and after steps. Returns the child's pid (0 in the child) or
// -1 with errno set.
template <typename F>
pid_t fork_with_hooks(F&& do_fork) {
  run_hooks(kBefore);
  runtime_fork_prepare();
  pid_t pid = do_fork();
  int saved = errno;
  if (pid == 0) {
    runtime_fork_child();
    thread_module_after_fork_child();
    run_hooks(kAfterInChild);
  } else {
    runtime_fork_parent();
    run_hooks(kAfterInParent);
  }
  errno = saved;
  return pid;
}

Ref<> posix_fork(Value, Value*) {
  pid_t pid = fork_with_hooks([] { return ::fork(); });
  if (pid < 0) return path_error(errno);
  return int_from_int64(pid);
}

Ref<> posix_forkpty(Value, Value*) {
  int master = -1;
  pid_t pid = fork_with_hooks([&] { return ::forkpty(&master, nullptr, nullptr, nullptr); });
  if (pid < 0) return path_error(errno);
  Ref<> p = int_from_int64(pid), fd = int_from_int64(master);
  if (!p || !fd) return nullptr;
  return tuple_pack({p.val(), fd.val()});
}

const MethodDef kForkFunctions[] = {
    {"fork()", posix_fork,
     "Fork a child process.\n\nReturn 0 to child process and PID of child to parent process."},
    {"forkpty()", posix_forkpty,
     "Fork a new process with a new pseudo-terminal as controlling tty.\n\n"
     "Returns a tuple of (pid, master_fd)."},
    {"register_at_fork(*, before=?, after_in_child=?, after_in_parent=?)", posix_register_at_fork,
     "Register callables to be called when forking a new process."},
    {nullptr}};

}  // namespace

int posix_fork_add(Value module) {
  for (Object*& h : g_hooks) {
    if (h) continue;
    Ref<List> l = list_new();
    if (!l) return -1;
    h = l.release().obj();
  }
  return native_add_functions(module, kForkFunctions);
}

}  // namespace ftpy
