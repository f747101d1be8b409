// The termios module: terminal attributes as a 7-item list ([iflag, oflag,
// cflag, lflag, ispeed, ospeed, cc]), tcsetattr/tcsendbreak/tcdrain/
// tcflush/tcflow, tcgetwinsize/tcsetwinsize, termios.error, and the
// constants of <termios.h>.
//
// Thread safety: no state of its own (termios.error is made once under
// std::call_once); each call is a system call on a descriptor, and
// tcdrain, which waits for output to drain, runs detached.
#include "modules/termios_module.h"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>

#include "modules/io_internal.h"
#include "modules/posix_ids.h"
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
#include "objects/type.h"

namespace ftpy {

namespace {

Type* g_termios_error = nullptr;  // termios.error (an Exception subclass)
std::once_flag g_init_once;

// termios.error(errno, strerror), as CPython raises it.
std::nullptr_t termios_error(int e) {
  Ref<> n = int_from_int64(e);
  Ref<> msg = str_from_utf8(std::strerror(e));
  if (!n || !msg) return nullptr;
  Value args[2] = {n.val(), msg.val()};
  Ref<> exc = call(Value(g_termios_error), args, 2);
  if (!exc) return nullptr;
  return err_set_instance(exc.val());
}

Ref<> termios_tcgetattr(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  struct termios t;
  if (::tcgetattr(fd, &t) < 0) return termios_error(errno);
  Ref<List> cc = list_new();
  if (!cc) return nullptr;
  // Outside canonical mode VMIN and VTIME are counts, so CPython gives them as ints.
  bool counts = !(t.c_lflag & ICANON);
  for (int i = 0; i < NCCS; i++) {
    Ref<> v = counts && (i == VMIN || i == VTIME)
                  ? int_from_int64(t.c_cc[i])
                  : bytes_from(std::string_view(reinterpret_cast<const char*>(&t.c_cc[i]), 1));
    if (!v || list_append(cc.val(), v.val()) < 0) return nullptr;
  }
  const int64_t fields[] = {t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, ::cfgetispeed(&t), ::cfgetospeed(&t)};
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (int64_t f : fields) {
    Ref<> v = int_from_int64(f);
    if (!v || list_append(out.val(), v.val()) < 0) return nullptr;
  }
  if (list_append(out.val(), cc.val()) < 0) return nullptr;
  return out;
}

Ref<> termios_tcsetattr(Value, Value* args) {
  int fd, when;
  if (!fd_from_object(args[0], &fd) || !c_int_arg(args[1], &when)) return nullptr;
  Value attrs = args[2];
  if (!is_list(attrs) || list_size(attrs) != 7)
    return err_set_str(g_TypeError, "tcsetattr, arg 3: must be 7 element list");
  // Start from the current attributes: fields this interface does not carry stay as they are.
  struct termios t;
  if (::tcgetattr(fd, &t) < 0) return termios_error(errno);
  Ref<> items = sequence_tuple(attrs);
  if (!items) return nullptr;
  int64_t f[6];
  for (int i = 0; i < 6; i++)
    if (!to_int64(tuple_item(items.val(), i), &f[i])) return nullptr;
  Value cc = tuple_item(items.val(), 6);
  if (!is_list(cc) || list_size(cc) != NCCS)
    return err_format(g_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
  Ref<> ccs = sequence_tuple(cc);
  if (!ccs) return nullptr;
  t.c_iflag = static_cast<tcflag_t>(f[0]);
  t.c_oflag = static_cast<tcflag_t>(f[1]);
  t.c_cflag = static_cast<tcflag_t>(f[2]);
  t.c_lflag = static_cast<tcflag_t>(f[3]);
  for (int i = 0; i < NCCS; i++) {
    Value c = tuple_item(ccs.val(), i);
    if (is_bytes(c) && bytes_view(c).size() == 1) {
      t.c_cc[i] = static_cast<cc_t>(bytes_view(c)[0]);
    } else if (is_int(c)) {
      int64_t x;
      if (!to_int64(c, &x)) return nullptr;
      t.c_cc[i] = static_cast<cc_t>(x);
    } else {
      return err_set_str(g_TypeError, "tcsetattr: elements of attributes must be characters or integers");
    }
  }
  if (::cfsetispeed(&t, static_cast<speed_t>(f[4])) < 0 || ::cfsetospeed(&t, static_cast<speed_t>(f[5])) < 0)
    return termios_error(errno);
  if (::tcsetattr(fd, when, &t) < 0) return termios_error(errno);
  return new_none();
}

Ref<> termios_tcsendbreak(Value, Value* args) {
  int fd, duration;
  if (!fd_from_object(args[0], &fd) || !c_int_arg(args[1], &duration)) return nullptr;
  if (::tcsendbreak(fd, duration) < 0) return termios_error(errno);
  return new_none();
}

Ref<> termios_tcdrain(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  int r;
  {
    BlockingRegion br;  // waits until the output has been sent
    r = ::tcdrain(fd);
  }
  if (r < 0) return termios_error(errno);
  return new_none();
}

Ref<> termios_tcflush(Value, Value* args) {
  int fd, queue;
  if (!fd_from_object(args[0], &fd) || !c_int_arg(args[1], &queue)) return nullptr;
  if (::tcflush(fd, queue) < 0) return termios_error(errno);
  return new_none();
}

Ref<> termios_tcflow(Value, Value* args) {
  int fd, action;
  if (!fd_from_object(args[0], &fd) || !c_int_arg(args[1], &action)) return nullptr;
  if (::tcflow(fd, action) < 0) return termios_error(errno);
  return new_none();
}

Ref<> termios_tcgetwinsize(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return termios_error(errno);
  Ref<> rows = int_from_int64(w.ws_row), cols = int_from_int64(w.ws_col);
  if (!rows || !cols) return nullptr;
  return tuple_pack({rows.val(), cols.val()});
}

Ref<> termios_tcsetwinsize(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  Ref<> seq = sequence_tuple(args[1]);
  if (!seq || tuple_size(seq.val()) != 2) {
    err_clear();
    return err_set_str(g_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
  }
  int64_t rows, cols;
  if (!to_int64(tuple_item(seq.val(), 0), &rows) || !to_int64(tuple_item(seq.val(), 1), &cols)) return nullptr;
  struct winsize w;
  // Keep the pixel sizes: read the current size first.
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return termios_error(errno);
  if (rows < 0 || rows > USHRT_MAX || cols < 0 || cols > USHRT_MAX)
    return err_set_str(g_OverflowError, "winsize value(s) out of range.");
  w.ws_row = static_cast<unsigned short>(rows);
  w.ws_col = static_cast<unsigned short>(cols);
  if (::ioctl(fd, TIOCSWINSZ, &w) < 0) return termios_error(errno);
  return new_none();
}

const MethodDef kTermiosFunctions[] = {
    {"tcgetattr(fd, /)", termios_tcgetattr,
     "The tty attributes of fd: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]."},
    {"tcsetattr(fd, when, attributes, /)", termios_tcsetattr,
     "Set the tty attributes of fd from a list as tcgetattr returns it (when: TCSANOW, TCSADRAIN, TCSAFLUSH)."},
    {"tcsendbreak(fd, duration, /)", termios_tcsendbreak, "Send a break on fd."},
    {"tcdrain(fd, /)", termios_tcdrain, "Wait until all output written to fd has been transmitted."},
    {"tcflush(fd, queue, /)", termios_tcflush, "Discard queued data on fd (TCIFLUSH, TCOFLUSH, TCIOFLUSH)."},
    {"tcflow(fd, action, /)", termios_tcflow, "Suspend or resume input or output on fd (TCOOFF, TCOON, TCIOFF, TCION)."},
    {"tcgetwinsize(fd, /)", termios_tcgetwinsize, "The tty window size of fd as (rows, columns)."},
    {"tcsetwinsize(fd, winsize, /)", termios_tcsetwinsize, "Set the tty window size of fd from (rows, columns)."},
    {nullptr}};

void termios_init_once() {
  Ref<Str> n = str_from_ascii("error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("termios");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (cls) g_termios_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

}  // namespace

Ref<> termios_module_create() {
  std::call_once(g_init_once, termios_init_once);
  if (!g_termios_error) return err_set_str(g_SystemError, "termios: cannot create termios.error");
  Ref<> m = module_new("termios");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kTermiosFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "error", Value(g_termios_error)) < 0) return nullptr;
  struct Const {
    const char* name;
    long long value;
  };
  static const Const kConsts[] = {
#define FTPY_TERMIOS_CONST(n) {#n, static_cast<long long>(n)},
#include "modules/termios_names.inc"
#undef FTPY_TERMIOS_CONST
#if defined(VSWTC) && !defined(VSWTCH)
      {"VSWTCH", VSWTC},  // Linux's name for the System V switch character
#endif
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
