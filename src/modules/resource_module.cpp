// The resource module: the process's resource usage (getrusage and the
// resource.struct_rusage record) and limits (getrlimit, setrlimit, prlimit),
// with the RLIMIT_*, RLIM_INFINITY and RUSAGE_* constants.
//
// Thread safety: every call is one system call on kernel state; the module
// keeps no state of its own. RUSAGE_THREAD reports the calling thread.
#include "modules/resource_module.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "modules/posix_ids.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/structseq.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

bool resource_arg(Value v, int* out) {
  if (!c_int_arg(v, out)) return false;
  if (*out < 0 || *out >= RLIM_NLIMITS) {
    err_set_str(g_ValueError, "invalid resource specified");
    return false;
  }
  return true;
}

// A limit is read as a C long long and stored as its bit pattern, as
// CPython does: -1 is RLIM_INFINITY, and any other negative value round-trips.
bool limit_arg(Value v, rlim_t* out) {
  Ref<> i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_as_int64(i.val(), &x)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = static_cast<rlim_t>(x);
  return true;
}

bool limits_arg(Value v, struct rlimit* out) {
  Ref<> t = sequence_tuple(v);
  if (!t) return false;
  if (tuple_size(t.val()) != 2) {
    err_set_str(g_ValueError, "expected a tuple of 2 integers");
    return false;
  }
  return limit_arg(tuple_item(t.val(), 0), &out->rlim_cur) && limit_arg(tuple_item(t.val(), 1), &out->rlim_max);
}

Ref<> limits_tuple(const struct rlimit& rl) {
  Ref<> soft = int_from_int64(static_cast<int64_t>(rl.rlim_cur));
  Ref<> hard = int_from_int64(static_cast<int64_t>(rl.rlim_max));
  if (!soft || !hard) return nullptr;
  return tuple_pack({soft.val(), hard.val()});
}

// setrlimit's and prlimit's errors: the two ValueErrors CPython names, an
// OSError otherwise.
std::nullptr_t limit_error(int e) {
  if (e == EINVAL) return err_set_str(g_ValueError, "current limit exceeds maximum limit");
  if (e == EPERM) return err_set_str(g_ValueError, "not allowed to raise maximum limit");
  return err_from_errno(e);
}

Ref<> resource_getrusage(Value, Value* args) {
  int who;
  if (!c_int_arg(args[0], &who)) return nullptr;
  struct rusage ru;
  if (::getrusage(who, &ru) < 0) {
    if (errno == EINVAL) return err_set_str(g_ValueError, "invalid who parameter");
    return err_from_errno(errno);
  }
  return rusage_record(ru);
}

Ref<> resource_getrlimit(Value, Value* args) {
  int res;
  if (!resource_arg(args[0], &res)) return nullptr;
  struct rlimit rl;
  if (::getrlimit(static_cast<__rlimit_resource_t>(res), &rl) < 0) return err_from_errno(errno);
  return limits_tuple(rl);
}

Ref<> resource_setrlimit(Value, Value* args) {
  int res;
  if (!resource_arg(args[0], &res)) return nullptr;
  struct rlimit rl;
  if (!limits_arg(args[1], &rl)) return nullptr;
  if (::setrlimit(static_cast<__rlimit_resource_t>(res), &rl) < 0) return limit_error(errno);
  return new_none();
}

Ref<> resource_prlimit(Value, Value* args) {
  int64_t pid;
  if (!to_int64(args[0], &pid)) return nullptr;
  int res;
  if (!resource_arg(args[1], &res)) return nullptr;
  struct rlimit new_rl, old_rl;
  bool set = !args[2].is_null();
  if (set && !limits_arg(args[2], &new_rl)) return nullptr;
  if (::prlimit(static_cast<pid_t>(pid), static_cast<__rlimit_resource>(res), set ? &new_rl : nullptr, &old_rl) < 0)
    return limit_error(errno);
  return limits_tuple(old_rl);
}

Ref<> resource_getpagesize(Value, Value*) { return int_from_int64(::sysconf(_SC_PAGESIZE)); }

const MethodDef kResourceFunctions[] = {
    {"getrusage(who, /)", resource_getrusage,
     "Resource usage of the process (RUSAGE_SELF), its children or this thread."},
    {"getrlimit(resource, /)", resource_getrlimit, "The (soft, hard) limits of a resource."},
    {"setrlimit(resource, limits, /)", resource_setrlimit, "Set the (soft, hard) limits of a resource."},
    {"prlimit(pid, resource, limits=?, /)", resource_prlimit,
     "Get, and with limits also set, a resource's limits of process pid (0: this process)."},
    {"getpagesize()", resource_getpagesize, "The system's memory page size in bytes."},
    {nullptr}};

}  // namespace

static double seconds(const struct timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec * 1e-6; }

Ref<> rusage_record(const struct rusage& ru) {
  const char* names[] = {"ru_utime",  "ru_stime",   "ru_maxrss", "ru_ixrss",    "ru_idrss",  "ru_isrss",
                         "ru_minflt", "ru_majflt",  "ru_nswap",  "ru_inblock",  "ru_oublock", "ru_msgsnd",
                         "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"};
  const long counts[] = {ru.ru_maxrss, ru.ru_ixrss,   ru.ru_idrss,  ru.ru_isrss,  ru.ru_minflt, ru.ru_majflt,
                         ru.ru_nswap,  ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals,
                         ru.ru_nvcsw,  ru.ru_nivcsw};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(16);
  if (!items) return nullptr;
  for (int i = 0; i < 16; i++) {
    Ref<> v = i == 0 ? float_new(seconds(ru.ru_utime))
              : i == 1 ? float_new(seconds(ru.ru_stime))
                       : int_from_int64(counts[i - 2]);
    if (!v) return nullptr;
    fields.emplace_back(names[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(v));
  }
  return record_new("resource.struct_rusage", fields, items.val());
}

Ref<> resource_module_create() {
  Ref<> m = module_new("resource");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kResourceFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "error", Value(g_OSError)) < 0) return nullptr;
  struct Const {
    const char* name;
    long long value;
  };
  static const Const kConsts[] = {
      {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_FSIZE", RLIMIT_FSIZE},     {"RLIMIT_DATA", RLIMIT_DATA},
      {"RLIMIT_STACK", RLIMIT_STACK},     {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_RSS", RLIMIT_RSS},
      {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_NOFILE", RLIMIT_NOFILE},   {"RLIMIT_OFILE", RLIMIT_OFILE},
      {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_AS", RLIMIT_AS},           {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
      {"RLIMIT_NICE", RLIMIT_NICE},       {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},   {"RLIMIT_RTTIME", RLIMIT_RTTIME},
      {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RUSAGE_SELF", RUSAGE_SELF},       {"RUSAGE_CHILDREN", RUSAGE_CHILDREN}, {"RUSAGE_THREAD", RUSAGE_THREAD},
      {"RLIM_INFINITY", static_cast<long long>(RLIM_INFINITY)},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  struct rusage zero{};
  Ref<> rec = rusage_record(zero);
  if (!rec || dict_set_item_str(d, "struct_rusage", Value(type_of(rec.val()))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
