// os.posix_spawn and os.posix_spawnp over the C library's posix_spawn(3)
// (glibc clones with CLONE_VM|CLONE_VFORK and execs at once, so no Python
// code and no allocation runs in the child: safe in a multi-threaded
// process, unlike a plain fork). The arguments are validated as CPython
// 3.11 does, with its messages: argv, env, file_actions (POSIX_SPAWN_OPEN,
// _CLOSE, _DUP2 tuples), setpgroup, resetids, setsid, setsigmask,
// setsigdef and scheduler.
//
// Thread safety: no state of its own. Every Python argument is converted
// into C++ strings and the spawn attribute/file-action objects first; the
// spawn itself runs detached and touches no Python object.
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "modules/io_internal.h"
#include "modules/posix_ids.h"
#include "modules/posix_internal.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

enum FileAction : int { kSpawnOpen = 0, kSpawnClose = 1, kSpawnDup2 = 2 };

// A str, bytes or os.PathLike argument as bytes (os.fsencode), with the
// TypeError of CPython's PyUnicode_FSConverter and no NUL allowed.
bool fs_bytes(Value v, std::string* out) {
  if (!is_str(v) && !is_bytes(v)) {
    Ref<> m = getattr_opt(Value(type_of(v)), Value(str_intern("__fspath__")));
    if (!m) {
      if (!err_occurred())
        err_format(g_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(v)));
      return false;
    }
  }
  Ref<> fs = io_fspath(v);
  if (!fs) return false;
  if (is_str(fs.val())) return os_text_bytes(fs.val(), out);
  std::string_view b = bytes_view(fs.val());
  if (b.find('\0') != std::string_view::npos) {
    err_set_str(g_ValueError, "embedded null byte");
    return false;
  }
  out->assign(b);
  return true;
}

bool spawn_argv(Value argv, const char* func, std::vector<std::string>* out) {
  if (!is_tuple(argv) && !is_list(argv)) {
    err_format(g_TypeError, "%s: argv must be a tuple or list", func);
    return false;
  }
  Ref<> t = sequence_tuple(argv);
  if (!t) return false;
  int64_t n = tuple_size(t.val());
  if (n < 1) {
    err_format(g_ValueError, "%s: argv must not be empty", func);
    return false;
  }
  for (int64_t i = 0; i < n; i++) {
    std::string s;
    if (!fs_bytes(tuple_item(t.val(), i), &s)) return false;
    if (i == 0 && s.empty()) {
      err_format(g_ValueError, "%s: argv first element cannot be empty", func);
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

bool spawn_env(Value env, const char* func, std::vector<std::string>* out) {
  // PyMapping_Check (a __getitem__), then env.keys(): a list passes the
  // first and fails the second with AttributeError, as in CPython.
  Ref<> getitem_m = getattr_opt(Value(type_of(env)), Value(str_intern("__getitem__")));
  if (!getitem_m) {
    if (!err_occurred()) err_format(g_TypeError, "%s: environment must be a mapping object", func);
    return false;
  }
  Ref<> klist = call_method(env, "keys", nullptr, 0);
  Ref<> kt = klist ? sequence_tuple(klist.val()) : Ref<>();
  if (!kt) return false;
  for (int64_t i = 0; i < tuple_size(kt.val()); i++) {
    Value k = tuple_item(kt.val(), i);
    Ref<> v = getitem(env, k);
    if (!v) return false;
    std::string ks, vs;
    if (!fs_bytes(k, &ks)) return false;
    if (ks.empty() || ks.find('=') != std::string::npos) {
      err_set_str(g_ValueError, "illegal environment variable name");
      return false;
    }
    if (!fs_bytes(v.val(), &vs)) return false;
    out->push_back(ks + "=" + vs);
  }
  return true;
}

std::vector<char*> c_vector(std::vector<std::string>& v) {
  std::vector<char*> r;
  for (std::string& s : v) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

// The file_actions sequence, added to `fa`; the open paths stay in `paths`
// (glibc copies them, but older C libraries keep the pointer).
bool spawn_file_actions(Value seq, posix_spawn_file_actions_t* fa, std::vector<std::string>* paths) {
  Ref<> items = sequence_tuple(seq);
  if (!items) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_set_str(g_TypeError, "file_actions must be a sequence or None");
    }
    return false;
  }
  paths->reserve(static_cast<size_t>(tuple_size(items.val())));
  for (int64_t i = 0; i < tuple_size(items.val()); i++) {
    Value a = tuple_item(items.val(), i);
    if (!is_tuple(a) || tuple_size(a) == 0) {
      err_set_str(g_TypeError, "Each file_actions element must be a non-empty tuple");
      return false;
    }
    int tag;
    if (!c_int_arg(tuple_item(a, 0), &tag)) return false;
    int64_t n = tuple_size(a);
    int rc = 0;
    switch (tag) {
      case kSpawnOpen: {
        if (n != 5) {
          err_set_str(g_TypeError, "A open file_action tuple must have 5 elements");
          return false;
        }
        int fd, flags, mode;
        std::string path;
        if (!c_int_arg(tuple_item(a, 1), &fd) || !fs_bytes(tuple_item(a, 2), &path) ||
            !c_int_arg(tuple_item(a, 3), &flags) || !c_int_arg(tuple_item(a, 4), &mode))
          return false;
        paths->push_back(std::move(path));
        rc = posix_spawn_file_actions_addopen(fa, fd, paths->back().c_str(), flags, static_cast<mode_t>(mode));
        break;
      }
      case kSpawnClose: {
        if (n != 2) {
          err_set_str(g_TypeError, "A close file_action tuple must have 2 elements");
          return false;
        }
        int fd;
        if (!c_int_arg(tuple_item(a, 1), &fd)) return false;
        rc = posix_spawn_file_actions_addclose(fa, fd);
        break;
      }
      case kSpawnDup2: {
        if (n != 3) {
          err_set_str(g_TypeError, "A dup2 file_action tuple must have 3 elements");
          return false;
        }
        int fd1, fd2;
        if (!c_int_arg(tuple_item(a, 1), &fd1) || !c_int_arg(tuple_item(a, 2), &fd2)) return false;
        rc = posix_spawn_file_actions_adddup2(fa, fd1, fd2);
        break;
      }
      default:
        err_set_str(g_TypeError, "Unknown file_actions identifier");
        return false;
    }
    if (rc) {
      err_from_errno(rc);
      return false;
    }
  }
  return true;
}

bool signal_set(Value v, sigset_t* set) {
  Ref<> items = sequence_tuple(v);
  if (!items) return false;
  sigemptyset(set);
  for (int64_t i = 0; i < tuple_size(items.val()); i++) {
    int sig;
    if (!c_int_arg(tuple_item(items.val(), i), &sig)) return false;
    if (sig < 1 || sig >= NSIG) {
      err_format(g_ValueError, "signal number %d out of range [1; %d]", sig, NSIG - 1);
      return false;
    }
    sigaddset(set, sig);
  }
  return true;
}

// RAII owners of the C library's spawn objects.
struct SpawnAttr {
  posix_spawnattr_t a;
  SpawnAttr() { posix_spawnattr_init(&a); }
  ~SpawnAttr() { posix_spawnattr_destroy(&a); }
};
struct SpawnFileActions {
  posix_spawn_file_actions_t fa;
  SpawnFileActions() { posix_spawn_file_actions_init(&fa); }
  ~SpawnFileActions() { posix_spawn_file_actions_destroy(&fa); }
};

bool spawn_attributes(Value* args, posix_spawnattr_t* attr) {
  short flags = 0;
  Value setpgroup = args[4], resetids = args[5], setsid = args[6], setsigmask = args[7], setsigdef = args[8],
        scheduler = args[9];
  if (!is_none(setpgroup)) {
    int pg;
    if (!c_int_arg(setpgroup, &pg)) return false;
    posix_spawnattr_setpgroup(attr, pg);
    flags |= POSIX_SPAWN_SETPGROUP;
  }
  int reset, sid;
  if (!c_int_arg(resetids, &reset)) return false;
  if (reset) flags |= POSIX_SPAWN_RESETIDS;
  if (!c_int_arg(setsid, &sid)) return false;
  if (sid) flags |= POSIX_SPAWN_SETSID;
  sigset_t set;
  if (!is_tuple(setsigmask) || tuple_size(setsigmask) > 0) {
    if (!signal_set(setsigmask, &set)) return false;
    posix_spawnattr_setsigmask(attr, &set);
    flags |= POSIX_SPAWN_SETSIGMASK;
  }
  if (!is_tuple(setsigdef) || tuple_size(setsigdef) > 0) {
    if (!signal_set(setsigdef, &set)) return false;
    posix_spawnattr_setsigdefault(attr, &set);
    flags |= POSIX_SPAWN_SETSIGDEF;
  }
  if (!is_none(scheduler)) {
    if (!is_tuple(scheduler) || tuple_size(scheduler) != 2) {
      if (!is_tuple(scheduler))
        err_set_str(g_SystemError, "new style getargs format but argument is not a tuple");
      else
        err_format(g_TypeError, "posix_spawn() argument 'scheduler' must be a tuple of 2 items");
      return false;
    }
    Value policy = tuple_item(scheduler, 0);
    struct sched_param sp{};
    if (!sched_param_arg(tuple_item(scheduler, 1), &sp)) return false;
    if (!is_none(policy)) {
      int pol;
      if (!c_int_arg(policy, &pol)) return false;
      posix_spawnattr_setschedpolicy(attr, pol);
      flags |= POSIX_SPAWN_SETSCHEDULER;
    }
    posix_spawnattr_setschedparam(attr, &sp);
    flags |= POSIX_SPAWN_SETSCHEDPARAM;
  }
  int rc = posix_spawnattr_setflags(attr, flags);
  if (rc) {
    err_from_errno(rc);
    return false;
  }
  return true;
}

Ref<> spawn_common(Value* args, bool search_path) {
  const char* func = search_path ? "posix_spawnp" : "posix_spawn";
  Path p;
  if (!path_arg(args[0], &p, func)) return nullptr;
  std::vector<std::string> argv, envv, paths;
  if (!spawn_argv(args[1], func, &argv) || !spawn_env(args[2], func, &envv)) return nullptr;
  SpawnFileActions fa;
  bool have_fa = false;
  if (!is_none(args[3])) {
    if (!spawn_file_actions(args[3], &fa.fa, &paths)) return nullptr;
    have_fa = true;
  }
  SpawnAttr attr;
  if (!spawn_attributes(args, &attr.a)) return nullptr;
  std::vector<char*> cargv = c_vector(argv), cenv = c_vector(envv);
  pid_t pid = 0;
  int rc;
  {
    DetachedScope detached;  // waits for the child's exec (vfork semantics)
    rc = search_path ? ::posix_spawnp(&pid, p.bytes.c_str(), have_fa ? &fa.fa : nullptr, &attr.a, cargv.data(),
                                      cenv.data())
                     : ::posix_spawn(&pid, p.bytes.c_str(), have_fa ? &fa.fa : nullptr, &attr.a, cargv.data(),
                                     cenv.data());
  }
  if (rc) return path_error(rc, args[0]);
  return int_from_int64(pid);
}

Ref<> posix_posix_spawn(Value, Value* args) { return spawn_common(args, false); }
Ref<> posix_posix_spawnp(Value, Value* args) { return spawn_common(args, true); }

const MethodDef kSpawnFunctions[] = {
    {"posix_spawn(path, argv, env, /, *, file_actions=(), setpgroup=None, resetids=False, setsid=False, "
     "setsigmask=(), setsigdef=(), scheduler=None)",
     posix_posix_spawn, "Execute the program specified by path in a new process."},
    {"posix_spawnp(path, argv, env, /, *, file_actions=(), setpgroup=None, resetids=False, setsid=False, "
     "setsigmask=(), setsigdef=(), scheduler=None)",
     posix_posix_spawnp, "Execute the program specified by path in a new process."},
    {nullptr}};

}  // namespace

int posix_spawn_add(Value module, Value d) {
  if (native_add_functions(module, kSpawnFunctions) < 0) return -1;
  for (auto [name, value] : {std::pair{"POSIX_SPAWN_OPEN", kSpawnOpen}, std::pair{"POSIX_SPAWN_CLOSE", kSpawnClose},
                             std::pair{"POSIX_SPAWN_DUP2", kSpawnDup2}}) {
    Ref<> v = int_from_int64(value);
    if (!v || dict_set_item_str(d, name, v.val()) < 0) return -1;
  }
  return 0;
}

}  // namespace ftpy
