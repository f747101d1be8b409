// The syslog module: openlog, syslog, closelog, setlogmask, LOG_MASK,
// LOG_UPTO and the priority, facility and option constants, over the C
// library's syslog(3).
//
// Thread safety: the C library keeps a pointer to openlog's ident, so the
// module owns that string; openlog/closelog replace it and syslog's
// implicit openlog read it under g_syslog_mu, which syslog() also holds
// while it calls the C function (a concurrent closelog must not free the
// ident that call is using). The mutex is taken detached.
#include "modules/syslog_module.h"

#include <syslog.h>

#include <mutex>
#include <string>

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
#include "runtime/interp.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

std::mutex g_syslog_mu;
std::string g_ident;      // what the C library's ident pointer points into; under g_syslog_mu
bool g_opened = false;    // under g_syslog_mu

// Take g_syslog_mu without stalling a stop-the-world while another thread holds it.
std::unique_lock<std::mutex> lock_syslog() {
  std::unique_lock<std::mutex> lk(g_syslog_mu, std::try_to_lock);
  if (!lk.owns_lock()) {
    DetachedScope detached;
    lk.lock();
  }
  return lk;
}

bool c_int(Value v, int* out) {
  int64_t x;
  if (!to_int64(v, &x)) return false;
  if (x < INT32_MIN || x > INT32_MAX) {
    err_set_str(g_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// A str as UTF-8. CPython 3.11 does not check for NUL: the C call sees the
// text up to the first one, and so does this.
bool text_arg(Value v, std::string* out) {
  std::string_view s = str_view(v);
  out->assign(s.substr(0, s.find('\0')));
  return true;
}

// The default ident: the base name of sys.argv[0], as CPython's syslog uses.
std::string default_ident() {
  Ref<> argv = getattr_opt(Value(g_interp.sys_mod), Value(str_intern("argv")));
  if (!argv || !is_list(argv.val()) || list_size(argv.val()) < 1) {
    err_clear();
    return "";
  }
  Ref<> a0 = list_get(argv.val(), 0);
  if (!a0 || !is_str(a0.val())) {
    err_clear();
    return "";
  }
  std::string s(str_view(a0.val()));
  size_t slash = s.rfind('/');
  if (slash != std::string::npos) s = s.substr(slash + 1);
  if (s.find('\0') != std::string::npos) return "";
  return s;
}

void open_locked(std::string ident, int option, int facility) {
  g_ident = std::move(ident);
  ::openlog(g_ident.empty() ? nullptr : g_ident.c_str(), option, facility);
  g_opened = true;
}

Ref<> syslog_openlog(Value, Value* args) {
  std::string ident;
  bool have_ident = !args[0].is_null() && !is_none(args[0]);
  if (have_ident) {
    if (!is_str(args[0]))
      return err_format(g_TypeError, "openlog() argument 1 must be str, not %s", type_name(type_of(args[0])));
    if (!text_arg(args[0], &ident)) return nullptr;
  } else {
    ident = default_ident();
  }
  int option, facility;
  if (!c_int(args[1], &option) || !c_int(args[2], &facility)) return nullptr;
  auto lk = lock_syslog();
  open_locked(std::move(ident), option, facility);
  return new_none();
}

Ref<> syslog_syslog(Value, Value* args) {
  Value rest = args[0];  // *args
  if (dict_size(args[1]) > 0) return err_set_str(g_TypeError, "syslog() takes no keyword arguments");
  int64_t n = tuple_size(rest);
  int priority = LOG_INFO;
  Value msg;
  if (n == 1 && is_str(tuple_item(rest, 0))) {
    msg = tuple_item(rest, 0);
  } else if (n == 2 && is_int(tuple_item(rest, 0)) && is_str(tuple_item(rest, 1))) {
    if (!c_int(tuple_item(rest, 0), &priority)) return nullptr;
    msg = tuple_item(rest, 1);
  } else {
    return err_set_str(g_TypeError, "[priority,] message string");
  }
  std::string text;
  if (!text_arg(msg, &text)) return nullptr;
  std::string ident;
  bool need_open;
  {
    auto lk = lock_syslog();
    need_open = !g_opened;
  }
  if (need_open) ident = default_ident();
  auto lk = lock_syslog();
  if (!g_opened) open_locked(std::move(ident), 0, LOG_USER);
  ::syslog(priority, "%s", text.c_str());
  return new_none();
}

Ref<> syslog_closelog(Value, Value*) {
  auto lk = lock_syslog();
  if (g_opened) {
    ::closelog();
    g_ident.clear();
    g_opened = false;
  }
  return new_none();
}

Ref<> syslog_setlogmask(Value, Value* args) {
  int mask;
  if (!c_int(args[0], &mask)) return nullptr;
  return int_from_int64(::setlogmask(mask));
}

Ref<> syslog_log_mask(Value, Value* args) {
  int p;
  if (!c_int(args[0], &p)) return nullptr;
  return int_from_int64(LOG_MASK(p));
}

Ref<> syslog_log_upto(Value, Value* args) {
  int p;
  if (!c_int(args[0], &p)) return nullptr;
  return int_from_int64(LOG_UPTO(p));
}

const MethodDef kSyslogFunctions[] = {
    {"openlog(ident=None, logoption=0, facility=8)", syslog_openlog,
     "Set logging options for the messages that follow (ident defaults to the program's name)."},
    {"syslog(*args, **kwargs)", syslog_syslog, "syslog([priority,] message): send message to the system logger."},
    {"closelog()", syslog_closelog, "Reset the syslog module's values and close the connection to the logger."},
    {"setlogmask(maskpri, /)", syslog_setlogmask, "Set the priority mask; return the previous one (0: only read it)."},
    {"LOG_MASK(pri, /)", syslog_log_mask, "The mask for one priority."},
    {"LOG_UPTO(pri, /)", syslog_log_upto, "The mask for all priorities up to and including pri."},
    {nullptr}};

}  // namespace

Ref<> syslog_module_create() {
  Ref<> m = module_new("syslog");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSyslogFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct Const {
    const char* name;
    int value;
  };
  static const Const kConsts[] = {
      {"LOG_EMERG", LOG_EMERG},     {"LOG_ALERT", LOG_ALERT},       {"LOG_CRIT", LOG_CRIT},
      {"LOG_ERR", LOG_ERR},         {"LOG_WARNING", LOG_WARNING},   {"LOG_NOTICE", LOG_NOTICE},
      {"LOG_INFO", LOG_INFO},       {"LOG_DEBUG", LOG_DEBUG},       {"LOG_PID", LOG_PID},
      {"LOG_CONS", LOG_CONS},       {"LOG_ODELAY", LOG_ODELAY},     {"LOG_NDELAY", LOG_NDELAY},
      {"LOG_NOWAIT", LOG_NOWAIT},   {"LOG_PERROR", LOG_PERROR},     {"LOG_KERN", LOG_KERN},
      {"LOG_USER", LOG_USER},       {"LOG_MAIL", LOG_MAIL},         {"LOG_DAEMON", LOG_DAEMON},
      {"LOG_AUTH", LOG_AUTH},       {"LOG_LPR", LOG_LPR},           {"LOG_LOCAL0", LOG_LOCAL0},
      {"LOG_LOCAL1", LOG_LOCAL1},   {"LOG_LOCAL2", LOG_LOCAL2},     {"LOG_LOCAL3", LOG_LOCAL3},
      {"LOG_LOCAL4", LOG_LOCAL4},   {"LOG_LOCAL5", LOG_LOCAL5},     {"LOG_LOCAL6", LOG_LOCAL6},
      {"LOG_LOCAL7", LOG_LOCAL7},   {"LOG_SYSLOG", LOG_SYSLOG},     {"LOG_CRON", LOG_CRON},
      {"LOG_UUCP", LOG_UUCP},       {"LOG_NEWS", LOG_NEWS},         {"LOG_AUTHPRIV", LOG_AUTHPRIV},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
