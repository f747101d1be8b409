// _curses.window: a WINDOW* (stdscr, newwin, newpad, subwin, derwin) and
// its drawing, attribute, cursor and input methods.
//
// Thread safety: see curses_internal.h. A window object's WINDOW* is only
// touched under the module mutex; `parent` is immutable after
// construction; `encoding` is read and replaced under the module mutex.
// Methods that take "[y, x,]" groups follow CPython's argument clinic
// groups (by the number of positional arguments).
#include <poll.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "modules/curses_internal.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

Type g_window_type;

WINDOW* W(Value self) { return self.as<CursesWindow>()->win; }

void window_dealloc(Object* o) {
  auto* w = static_cast<CursesWindow*>(o);
  if (w->win) {
    CursesLock lock;
    if (w->win != stdscr) delwin(w->win);
  }
  if (!w->parent.is_null()) decref(w->parent);
  delete w->encoding;
  free_object(o);
}

Ref<> no_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

// The positional arguments of a "*args" method.
struct Args {
  Value tup;
  int64_t n;
  Value operator[](int64_t i) const { return tuple_item(tup, i); }
};
Args args_of(Value* a) { return Args{a[0], tuple_size(a[0])}; }

std::nullptr_t count_error(const char* name, int lo, int hi) {
  return err_format(g_TypeError, "_curses.window.%s requires %d to %d arguments", name, lo, hi);
}

bool yx_args(const Args& a, int at, int* y, int* x) {
  return curses_int_arg(a[at], y) && curses_int_arg(a[at + 1], x);
}

// The window's attributes, restored at scope end when `use` (the optional
// attr argument of addstr, addnstr, insstr, insnstr).
class AttrScope {
 public:
  AttrScope(WINDOW* w, bool use, attr_t attr) : w_(w), use_(use) {
    if (use_) {
      old_ = getattrs(w_);
      wattrset(w_, static_cast<int>(attr));
    }
  }
  ~AttrScope() {
    if (use_) wattrset(w_, static_cast<int>(old_));
  }

 private:
  WINDOW* w_;
  bool use_;
  attr_t old_ = 0;
};

// --- output ------------------------------------------------------------------------

Ref<> win_addch(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n < 1 || args.n > 4) return count_error("addch", 1, 4);
  bool use_xy = args.n >= 3;
  int y = 0, x = 0, base = use_xy ? 2 : 0;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  long attr = A_NORMAL;
  if (args.n == 2 || args.n == 4) {
    if (!curses_long_arg(args[base + 1], &attr)) return nullptr;
  }
  chtype ch;
  wchar_t wch;
  bool wide;
  if (!curses_wchar_or_chtype(args[base], &ch, &wch, &wide)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  int rtn;
  if (wide) {
    cchar_t cc;
    wchar_t ws[2] = {wch, 0};
    setcchar(&cc, ws, static_cast<attr_t>(attr), static_cast<short>(PAIR_NUMBER(static_cast<int>(attr))), nullptr);
    rtn = use_xy ? mvwadd_wch(w, y, x, &cc) : wadd_wch(w, &cc);
  } else {
    rtn = use_xy ? mvwaddch(w, y, x, ch | static_cast<attr_t>(attr)) : waddch(w, ch | static_cast<attr_t>(attr));
  }
  return curses_check_err(rtn, wide ? "add_wch" : "addch");
}

// addstr / addnstr / insstr / insnstr.
Ref<> put_text(Value self, Value* a, const char* name, bool insert, bool with_n) {
  Args args = args_of(a);
  int lo = with_n ? 2 : 1;
  if (args.n < lo || args.n > lo + 3) return count_error(name, lo, lo + 3);
  bool use_xy = args.n >= lo + 2;
  int y = 0, x = 0, base = use_xy ? 2 : 0;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  int n = -1;
  if (with_n && !curses_int_arg(args[base + 1], &n)) return nullptr;
  bool use_attr = args.n == lo + 1 || args.n == lo + 3;
  long attr = A_NORMAL;
  if (use_attr && !curses_long_arg(args[args.n - 1], &attr)) return nullptr;
  std::wstring ws;
  std::string s;
  bool is_wide;
  if (!curses_text_arg(args[base], &ws, &s, &is_wide)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  AttrScope attrs(w, use_attr, static_cast<attr_t>(attr));
  int rtn = OK;
  if (use_xy) rtn = wmove(w, y, x);
  std::string fname;
  if (rtn != ERR) {
    if (is_wide) {
      rtn = insert ? wins_nwstr(w, ws.c_str(), n) : waddnwstr(w, ws.c_str(), n);
    } else {
      rtn = insert ? winsnstr(w, s.c_str(), n) : waddnstr(w, s.c_str(), n);
    }
  }
  std::string f = name;
  if (is_wide) f.insert(f.find("str"), "w");  // addwstr, insnwstr, ...
  return curses_check_err(rtn, f.c_str());
}

Ref<> win_addstr(Value self, Value* a) { return put_text(self, a, "addstr", false, false); }
Ref<> win_addnstr(Value self, Value* a) { return put_text(self, a, "addnstr", false, true); }
Ref<> win_insstr(Value self, Value* a) { return put_text(self, a, "insstr", true, false); }
Ref<> win_insnstr(Value self, Value* a) { return put_text(self, a, "insnstr", true, true); }

Ref<> win_insch(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n < 1 || args.n > 4) return count_error("insch", 1, 4);
  bool use_xy = args.n >= 3;
  int y = 0, x = 0, base = use_xy ? 2 : 0;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  long attr = A_NORMAL;
  if ((args.n == 2 || args.n == 4) && !curses_long_arg(args[base + 1], &attr)) return nullptr;
  chtype ch;
  if (!curses_chtype_arg(args[base], &ch)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  int rtn = use_xy ? mvwinsch(w, y, x, ch | static_cast<attr_t>(attr)) : winsch(w, ch | static_cast<attr_t>(attr));
  return curses_check_err(rtn, "insch");
}

Ref<> win_echochar(Value self, Value* a) {
  chtype ch;
  long attr = A_NORMAL;
  if (!curses_chtype_arg(a[0], &ch)) return nullptr;
  if (!a[1].is_null() && !curses_long_arg(a[1], &attr)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  int rtn = is_pad(w) ? pechochar(w, ch | static_cast<attr_t>(attr)) : wechochar(w, ch | static_cast<attr_t>(attr));
  return curses_check_err(rtn, "echochar");
}

// hline / vline([y, x,] ch, n[, attr])
Ref<> line_op(Value self, Value* a, bool horizontal) {
  const char* name = horizontal ? "hline" : "vline";
  Args args = args_of(a);
  if (args.n < 2 || args.n > 5) return count_error(name, 2, 5);
  bool use_xy = args.n >= 4;
  int y = 0, x = 0, base = use_xy ? 2 : 0;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  chtype ch;
  int n;
  long attr = A_NORMAL;
  if (!curses_chtype_arg(args[base], &ch) || !curses_int_arg(args[base + 1], &n)) return nullptr;
  if ((args.n == 3 || args.n == 5) && !curses_long_arg(args[args.n - 1], &attr)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  if (use_xy && wmove(w, y, x) == ERR) return curses_check_err(ERR, "wmove");
  int rtn = horizontal ? whline(w, ch | static_cast<attr_t>(attr), n) : wvline(w, ch | static_cast<attr_t>(attr), n);
  return curses_check_err(rtn, name);
}
Ref<> win_hline(Value self, Value* a) { return line_op(self, a, true); }
Ref<> win_vline(Value self, Value* a) { return line_op(self, a, false); }

Ref<> win_border(Value self, Value* a) {
  chtype c[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 8; i++)
    if (!a[i].is_null() && !curses_chtype_arg(a[i], &c[i])) return nullptr;
  CursesLock lock;
  wborder(W(self), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  return new_none();
}

Ref<> win_box(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n != 0 && args.n != 2) return count_error("box", 0, 2);
  chtype v = 0, h = 0;
  if (args.n == 2 && (!curses_chtype_arg(args[0], &v) || !curses_chtype_arg(args[1], &h))) return nullptr;
  CursesLock lock;
  box(W(self), v, h);
  return new_none();
}

Ref<> win_bkgd(Value self, Value* a) {
  chtype ch;
  long attr = A_NORMAL;
  if (!curses_chtype_arg(a[0], &ch)) return nullptr;
  if (!a[1].is_null() && !curses_long_arg(a[1], &attr)) return nullptr;
  CursesLock lock;
  return curses_check_err(wbkgd(W(self), ch | static_cast<attr_t>(attr)), "bkgd");
}

Ref<> win_bkgdset(Value self, Value* a) {
  chtype ch;
  long attr = A_NORMAL;
  if (!curses_chtype_arg(a[0], &ch)) return nullptr;
  if (!a[1].is_null() && !curses_long_arg(a[1], &attr)) return nullptr;
  CursesLock lock;
  wbkgdset(W(self), ch | static_cast<attr_t>(attr));
  return new_none();
}

Ref<> win_getbkgd(Value self, Value*) {
  chtype c;
  {
    CursesLock lock;
    c = getbkgd(W(self));
  }
  return int_from_int64(static_cast<int64_t>(c));
}

Ref<> attr_op(Value self, Value v, int which) {
  static const char* kNames[] = {"attron", "attroff", "attrset"};
  long attr;
  if (!curses_long_arg(v, &attr)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  int a = static_cast<int>(attr);
  int rtn = which == 0 ? wattron(w, a) : which == 1 ? wattroff(w, a) : wattrset(w, a);
  return curses_check_err(rtn, kNames[which]);
}
Ref<> win_attron(Value self, Value* a) { return attr_op(self, a[0], 0); }
Ref<> win_attroff(Value self, Value* a) { return attr_op(self, a[0], 1); }
Ref<> win_attrset(Value self, Value* a) { return attr_op(self, a[0], 2); }

Ref<> win_chgat(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n < 1 || args.n > 4) return count_error("chgat", 1, 4);
  int y = 0, x = 0, n = -1;
  bool use_xy = args.n >= 3;
  long attr;
  if (!curses_long_arg(args[args.n - 1], &attr)) return nullptr;
  if (args.n == 2 || args.n == 4) {
    if (!curses_int_arg(args[args.n - 2], &n)) return nullptr;
  }
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  short color = static_cast<short>(PAIR_NUMBER(static_cast<int>(attr)));
  attr_t at = static_cast<attr_t>(attr) & ~A_COLOR;
  int rtn;
  if (use_xy) {
    rtn = mvwchgat(w, y, x, n, at, color, nullptr);
    touchline(w, y, 1);
  } else {
    int cy = getcury(w);
    rtn = wchgat(w, n, at, color, nullptr);
    touchline(w, cy, 1);
  }
  return curses_check_err(rtn, "chgat");
}

// --- simple window calls -------------------------------------------------------------

template <int (*F)(WINDOW*)>
Ref<> err_call(Value self, const char* name) {
  CursesLock lock;
  return curses_check_err(F(W(self)), name);
}

Ref<> win_clear(Value self, Value*) { return err_call<wclear>(self, "wclear"); }
Ref<> win_erase(Value self, Value*) { return err_call<werase>(self, "werase"); }
Ref<> win_clrtoeol(Value self, Value*) { return err_call<wclrtoeol>(self, "wclrtoeol"); }
Ref<> win_clrtobot(Value self, Value*) { return err_call<wclrtobot>(self, "wclrtobot"); }
Ref<> win_deleteln(Value self, Value*) { return err_call<wdeleteln>(self, "wdeleteln"); }
Ref<> win_insertln(Value self, Value*) { return err_call<winsertln>(self, "winsertln"); }
Ref<> win_standout(Value self, Value*) { return err_call<wstandout>(self, "wstandout"); }
Ref<> win_standend(Value self, Value*) { return err_call<wstandend>(self, "wstandend"); }
Ref<> win_touchwin(Value self, Value*) { return err_call<touchwin>(self, "touchwin"); }
Ref<> win_untouchwin(Value self, Value*) { return err_call<untouchwin>(self, "untouchwin"); }
Ref<> win_redrawwin(Value self, Value*) { return err_call<redrawwin>(self, "redrawwin"); }

Ref<> void_call(Value self, void (*f)(WINDOW*)) {
  CursesLock lock;
  f(W(self));
  return new_none();
}
Ref<> win_syncup(Value self, Value*) { return void_call(self, wsyncup); }
Ref<> win_syncdown(Value self, Value*) { return void_call(self, wsyncdown); }
Ref<> win_cursyncup(Value self, Value*) { return void_call(self, wcursyncup); }

Ref<> win_insdelln(Value self, Value* a) {
  int n;
  if (!curses_int_arg(a[0], &n)) return nullptr;
  CursesLock lock;
  return curses_check_err(winsdelln(W(self), n), "winsdelln");
}

Ref<> win_delch(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n != 0 && args.n != 2) return count_error("delch", 0, 2);
  int y = 0, x = 0;
  if (args.n == 2 && !yx_args(args, 0, &y, &x)) return nullptr;
  CursesLock lock;
  return curses_check_err(args.n == 2 ? mvwdelch(W(self), y, x) : wdelch(W(self)), args.n == 2 ? "mvwdelch" : "wdelch");
}

Ref<> win_move(Value self, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  CursesLock lock;
  return curses_check_err(wmove(W(self), y, x), "wmove");
}

Ref<> win_mvwin(Value self, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  CursesLock lock;
  return curses_check_err(mvwin(W(self), y, x), "mvwin");
}

Ref<> win_mvderwin(Value self, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  CursesLock lock;
  return curses_check_err(mvderwin(W(self), y, x), "mvderwin");
}

Ref<> win_resize(Value self, Value* a) {
  int l, c;
  if (!curses_int_arg(a[0], &l) || !curses_int_arg(a[1], &c)) return nullptr;
  CursesLock lock;
  return curses_check_err(wresize(W(self), l, c), "resize");
}

Ref<> win_scroll(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n > 1) return count_error("scroll", 0, 1);
  int n = 1;
  if (args.n == 1 && !curses_int_arg(args[0], &n)) return nullptr;
  CursesLock lock;
  return curses_check_err(wscrl(W(self), n), "scroll");
}

Ref<> win_setscrreg(Value self, Value* a) {
  int t, b;
  if (!curses_int_arg(a[0], &t) || !curses_int_arg(a[1], &b)) return nullptr;
  CursesLock lock;
  return curses_check_err(wsetscrreg(W(self), t, b), "wsetscrreg");
}

Ref<> win_touchline(Value self, Value* a) {
  int start, count;
  if (!curses_int_arg(a[0], &start) || !curses_int_arg(a[1], &count)) return nullptr;
  int changed = 1;
  if (!a[2].is_null()) {
    changed = truthy(a[2]);
    if (changed < 0) return nullptr;
  }
  CursesLock lock;
  return curses_check_err(wtouchln(W(self), start, count, changed), "touchline");
}

Ref<> win_redrawln(Value self, Value* a) {
  int beg, num;
  if (!curses_int_arg(a[0], &beg) || !curses_int_arg(a[1], &num)) return nullptr;
  CursesLock lock;
  return curses_check_err(wredrawln(W(self), beg, num), "redrawln");
}

Ref<> win_is_wintouched(Value self, Value*) {
  bool r;
  {
    CursesLock lock;
    r = is_wintouched(W(self));
  }
  return new_bool(r);
}

Ref<> win_is_linetouched(Value self, Value* a) {
  int line;
  if (!curses_int_arg(a[0], &line)) return nullptr;
  bool r, inside;
  {
    CursesLock lock;
    inside = line >= 0 && line < getmaxy(W(self));
    r = inside && is_linetouched(W(self), line);
  }
  // (CPython's type for this one.)
  if (!inside) return err_set_str(g_TypeError, "is_linetouched: line number outside of boundaries");
  return new_bool(r);
}

Ref<> win_enclose(Value self, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  bool r;
  {
    CursesLock lock;
    r = wenclose(W(self), y, x);
  }
  return new_bool(r);
}

// keypad(flag), nodelay(flag), ...: a window flag.
template <int (*F)(WINDOW*, bool)>
Ref<> flag_call(Value self, Value v, const char* name) {
  int t = truthy(v);
  if (t < 0) return nullptr;
  CursesLock lock;
  return curses_check_err(F(W(self), t != 0), name);
}
Ref<> win_keypad(Value self, Value* a) { return flag_call<keypad>(self, a[0], "keypad"); }
Ref<> win_nodelay(Value self, Value* a) { return flag_call<nodelay>(self, a[0], "nodelay"); }
Ref<> win_scrollok(Value self, Value* a) { return flag_call<scrollok>(self, a[0], "scrollok"); }
Ref<> win_idlok(Value self, Value* a) { return flag_call<idlok>(self, a[0], "idlok"); }
Ref<> win_leaveok(Value self, Value* a) { return flag_call<leaveok>(self, a[0], "leaveok"); }
Ref<> win_clearok(Value self, Value* a) { return flag_call<clearok>(self, a[0], "clearok"); }
Ref<> win_notimeout(Value self, Value* a) { return flag_call<notimeout>(self, a[0], "notimeout"); }
Ref<> win_syncok(Value self, Value* a) { return flag_call<syncok>(self, a[0], "syncok"); }

Ref<> void_flag(Value self, Value v, void (*f)(WINDOW*, bool)) {
  int t = truthy(v);
  if (t < 0) return nullptr;
  CursesLock lock;
  f(W(self), t != 0);
  return new_none();
}
Ref<> win_immedok(Value self, Value* a) { return void_flag(self, a[0], immedok); }
Ref<> win_idcok(Value self, Value* a) { return void_flag(self, a[0], idcok); }

Ref<> win_timeout(Value self, Value* a) {
  int d;
  if (!curses_int_arg(a[0], &d)) return nullptr;
  CursesLock lock;
  wtimeout(W(self), d);
  return new_none();
}

Ref<> yx_pair(int y, int x) {
  Ref<> a = int_from_int64(y), b = int_from_int64(x);
  if (!a || !b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> win_getyx(Value self, Value*) {
  int y, x;
  {
    CursesLock lock;
    y = getcury(W(self));
    x = getcurx(W(self));
  }
  return yx_pair(y, x);
}
Ref<> win_getbegyx(Value self, Value*) {
  int y, x;
  {
    CursesLock lock;
    y = getbegy(W(self));
    x = getbegx(W(self));
  }
  return yx_pair(y, x);
}
Ref<> win_getmaxyx(Value self, Value*) {
  int y, x;
  {
    CursesLock lock;
    y = getmaxy(W(self));
    x = getmaxx(W(self));
  }
  return yx_pair(y, x);
}
Ref<> win_getparyx(Value self, Value*) {
  int y, x;
  {
    CursesLock lock;
    y = getpary(W(self));
    x = getparx(W(self));
  }
  return yx_pair(y, x);
}

// --- refresh -----------------------------------------------------------------------

Ref<> refresh_op(Value self, Value* a, bool out) {
  const char* name = out ? "noutrefresh" : "refresh";
  Args args = args_of(a);
  if (args.n != 0 && args.n != 6) return count_error(name, 0, 6);
  int p[6] = {0, 0, 0, 0, 0, 0};
  for (int i = 0; i < args.n; i++)
    if (!curses_int_arg(args[i], &p[i])) return nullptr;
  CursesLock lock;
  WINDOW* w = W(self);
  if (is_pad(w)) {
    if (args.n != 6)
      return err_set_str(g_curses_error, out ? "noutrefresh() called for a pad requires 6 arguments"
                                             : "refresh() for a pad requires 6 arguments");
    int rtn;
    {
      DetachedScope d;  // writes to the terminal
      rtn = out ? pnoutrefresh(w, p[0], p[1], p[2], p[3], p[4], p[5]) : prefresh(w, p[0], p[1], p[2], p[3], p[4], p[5]);
    }
    return curses_check_err(rtn, out ? "pnoutrefresh" : "prefresh");
  }
  if (args.n) return err_set_str(g_TypeError, "refresh() takes no arguments (6 given)");
  int rtn;
  {
    DetachedScope d;
    rtn = out ? wnoutrefresh(w) : wrefresh(w);
  }
  return curses_check_err(rtn, out ? "wnoutrefresh" : "wrefresh");
}
Ref<> win_refresh(Value self, Value* a) { return refresh_op(self, a, false); }
Ref<> win_noutrefresh(Value self, Value* a) { return refresh_op(self, a, true); }

// --- sub-windows ---------------------------------------------------------------------

Ref<> sub_op(Value self, Value* a, int kind) {  // 0 subwin, 1 derwin, 2 subpad
  static const char* kNames[] = {"subwin", "derwin", "subpad"};
  Args args = args_of(a);
  if (args.n != 2 && args.n != 4) return count_error(kNames[kind], 2, 4);
  int v[4] = {0, 0, 0, 0};
  int off = args.n == 2 ? 2 : 0;
  for (int i = 0; i < args.n; i++)
    if (!curses_int_arg(args[i], &v[i + off])) return nullptr;
  std::string enc;
  WINDOW* w;
  {
    CursesLock lock;
    WINDOW* p = W(self);
    enc = *self.as<CursesWindow>()->encoding;
    if (kind == 1) w = derwin(p, v[0], v[1], v[2], v[3]);
    else if (kind == 2 || is_pad(p)) w = subpad(p, v[0], v[1], v[2], v[3]);
    else w = subwin(p, v[0], v[1], v[2], v[3]);
  }
  if (!w) return err_set_str(g_curses_error, "curses function returned NULL");
  return curses_window_new(w, self, enc);
}
Ref<> win_subwin(Value self, Value* a) { return sub_op(self, a, 0); }
Ref<> win_derwin(Value self, Value* a) { return sub_op(self, a, 1); }
Ref<> win_subpad(Value self, Value* a) { return sub_op(self, a, 2); }

Ref<> overlay_op(Value self, Value* a, bool overwrite_) {
  WINDOW* dst = curses_window_ptr(a[0]);
  if (!dst)
    return err_format(g_TypeError, "%s() argument 1 must be _curses.window, not %s", overwrite_ ? "overwrite" : "overlay",
                      type_name(type_of(a[0])));
  CursesLock lock;
  int rtn = overwrite_ ? overwrite(W(self), dst) : overlay(W(self), dst);
  return curses_check_err(rtn, overwrite_ ? "overwrite" : "overlay");
}
Ref<> win_overlay(Value self, Value* a) { return overlay_op(self, a, false); }
Ref<> win_overwrite(Value self, Value* a) { return overlay_op(self, a, true); }

// --- input ---------------------------------------------------------------------------

double now_ms() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + ts.tv_nsec * 1e-6;
}

// One key from `w` as wgetch / wget_wch return it, waiting as the window's
// delay mode says without holding the module mutex (see curses_internal.h).
// Returns false with an exception pending (a signal handler raised).
bool read_key(Value self, bool wide, int* rtn, wint_t* wch) {
  ThreadState* ts = tstate();
  int delay;
  {
    CursesLock lock;
    delay = wgetdelay(W(self));
  }
  double deadline = delay > 0 ? now_ms() + delay : 0;
  for (;;) {
    {
      CursesLock lock;
      WINDOW* w = W(self);
      int saved = wgetdelay(w);
      if (delay != 0) wtimeout(w, 0);
      {
        DetachedScope d;  // wgetch refreshes the window first
        *rtn = wide ? wget_wch(w, wch) : wgetch(w);
      }
      if (delay != 0) wtimeout(w, saved);
    }
    if (*rtn != ERR || delay == 0) return true;
    double slice = 50;
    if (delay > 0) {
      double left = deadline - now_ms();
      if (left <= 0) return true;
      if (left < slice) slice = left;
    }
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};
    {
      DetachedScope d;
      ::poll(&p, 1, static_cast<int>(slice) + 1);
    }
    if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return false;
  }
}

bool input_yx(const Args& args, const char* name, Value self) {
  if (args.n != 0 && args.n != 2) {
    count_error(name, 0, 2);
    return false;
  }
  if (args.n == 2) {
    int y, x;
    if (!yx_args(args, 0, &y, &x)) return false;
    CursesLock lock;
    if (wmove(W(self), y, x) == ERR) {
      curses_check_err(ERR, "wmove");
      return false;
    }
  }
  return true;
}

Ref<> win_getch(Value self, Value* a) {
  if (!input_yx(args_of(a), "getch", self)) return nullptr;
  int rtn;
  wint_t wch;
  if (!read_key(self, false, &rtn, &wch)) return nullptr;
  return int_from_int64(rtn);
}

Ref<> win_getkey(Value self, Value* a) {
  if (!input_yx(args_of(a), "getkey", self)) return nullptr;
  int rtn;
  wint_t wch;
  if (!read_key(self, false, &rtn, &wch)) return nullptr;
  if (rtn == ERR) {
    if (err_occurred()) return nullptr;
    return err_set_str(g_curses_error, "no input");
  }
  if (rtn <= 255) {
    uint32_t c = static_cast<uint32_t>(rtn);
    return str_from_ucs4(&c, 1);
  }
  const char* k;
  {
    CursesLock lock;
    k = keyname(rtn);
  }
  return str_from_utf8(k ? k : "");
}

Ref<> win_get_wch(Value self, Value* a) {
  if (!input_yx(args_of(a), "get_wch", self)) return nullptr;
  int rtn;
  wint_t wch = 0;
  if (!read_key(self, true, &rtn, &wch)) return nullptr;
  if (rtn == ERR) return err_set_str(g_curses_error, "no input");
  if (rtn == KEY_CODE_YES) return int_from_int64(static_cast<int64_t>(wch));
  uint32_t c = static_cast<uint32_t>(wch);
  return str_from_ucs4(&c, 1);
}

Ref<> win_getstr(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n > 3) return count_error("getstr", 0, 3);
  int y = 0, x = 0, n = 1023;
  bool use_xy = args.n >= 2;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  if ((args.n == 1 || args.n == 3) && !curses_int_arg(args[args.n - 1], &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "'n' must be nonnegative");
  std::vector<char> buf(static_cast<size_t>(n) + 1, '\0');
  int rtn;
  {
    CursesLock lock;
    DetachedScope d;  // a whole line from the terminal
    rtn = use_xy ? mvwgetnstr(W(self), y, x, buf.data(), n) : wgetnstr(W(self), buf.data(), n);
  }
  if (rtn == ERR) buf[0] = '\0';
  return bytes_from(buf.data(), std::strlen(buf.data()));
}

Ref<> win_inch(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n != 0 && args.n != 2) return count_error("inch", 0, 2);
  int y = 0, x = 0;
  if (args.n == 2 && !yx_args(args, 0, &y, &x)) return nullptr;
  chtype c;
  {
    CursesLock lock;
    c = args.n == 2 ? mvwinch(W(self), y, x) : winch(W(self));
  }
  return int_from_int64(static_cast<int64_t>(c));
}

Ref<> win_instr(Value self, Value* a) {
  Args args = args_of(a);
  if (args.n > 3) return count_error("instr", 0, 3);
  int y = 0, x = 0, n = 1023;
  bool use_xy = args.n >= 2;
  if (use_xy && !yx_args(args, 0, &y, &x)) return nullptr;
  if ((args.n == 1 || args.n == 3) && !curses_int_arg(args[args.n - 1], &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "'n' must be nonnegative");
  std::vector<char> buf(static_cast<size_t>(n) + 1, '\0');
  int rtn;
  {
    CursesLock lock;
    rtn = use_xy ? mvwinnstr(W(self), y, x, buf.data(), n) : winnstr(W(self), buf.data(), n);
  }
  if (rtn == ERR) buf[0] = '\0';
  return bytes_from(buf.data(), std::strlen(buf.data()));
}

Ref<> win_get_encoding(Value self) {
  std::string e;
  {
    CursesLock lock;
    e = *self.as<CursesWindow>()->encoding;
  }
  return str_from_utf8(e);
}

int win_set_encoding(Value self, Value v) {
  if (v.is_null()) {
    err_set_str(g_TypeError, "can't delete encoding attribute");
    return -1;
  }
  if (!is_str(v)) {
    err_set_str(g_TypeError, "setting encoding to a non-string");
    return -1;
  }
  std::string e(str_view(v));
  CursesLock lock;
  *self.as<CursesWindow>()->encoding = e;
  return 0;
}

const GetSetDef kWindowGetSets[] = {
    {"encoding", win_get_encoding, win_set_encoding, "the typecode character used to create the array"},
    {nullptr}};

const MethodDef kWindowMethods[] = {
    {"addch($self, *args)", win_addch, "Paint the character."},
    {"addstr($self, *args)", win_addstr, "Paint the string."},
    {"addnstr($self, *args)", win_addnstr, "Paint at most n characters of the string."},
    {"insstr($self, *args)", win_insstr, "Insert the string before the current or specified position."},
    {"insnstr($self, *args)", win_insnstr, "Insert at most n characters of the string."},
    {"insch($self, *args)", win_insch, "Insert a character before the current or specified position."},
    {"echochar($self, ch, attr=?, /)", win_echochar, "Add character ch with attribute attr, and refresh."},
    {"hline($self, *args)", win_hline, "Display a horizontal line."},
    {"vline($self, *args)", win_vline, "Display a vertical line."},
    {"border($self, ls=?, rs=?, ts=?, bs=?, tl=?, tr=?, bl=?, br=?, /)", win_border, "Draw a border around the edges of the window."},
    {"box($self, *args)", win_box, "Draw a border around the edges of the window."},
    {"bkgd($self, ch, attr=?, /)", win_bkgd, "Set the background property of the window."},
    {"bkgdset($self, ch, attr=?, /)", win_bkgdset, "Set the window's background."},
    {"getbkgd($self)", win_getbkgd, "Return the window's current background character/attribute pair."},
    {"attron($self, attr, /)", win_attron, "Add attribute attr from the \"background\" set."},
    {"attroff($self, attr, /)", win_attroff, "Remove attribute attr from the \"background\" set."},
    {"attrset($self, attr, /)", win_attrset, "Set the \"background\" set of attributes."},
    {"chgat($self, *args)", win_chgat, "Set the attributes of characters."},
    {"clear($self)", win_clear, "Like erase(), but also cause the whole window to be repainted."},
    {"erase($self)", win_erase, "Clear the window."},
    {"clrtoeol($self)", win_clrtoeol, "Erase from cursor to the end of the line."},
    {"clrtobot($self)", win_clrtobot, "Erase from cursor to the end of the window."},
    {"deleteln($self)", win_deleteln, "Delete the line under the cursor."},
    {"insertln($self)", win_insertln, "Insert a blank line under the cursor."},
    {"insdelln($self, nlines, /)", win_insdelln, "Insert or delete nlines lines."},
    {"delch($self, *args)", win_delch, "Delete any character at (y, x)."},
    {"standout($self)", win_standout, "Turn on attribute A_STANDOUT."},
    {"standend($self)", win_standend, "Turn off the standout attribute."},
    {"touchwin($self)", win_touchwin, "Pretend the whole window has been changed."},
    {"untouchwin($self)", win_untouchwin, "Mark all lines in the window as unchanged."},
    {"touchline($self, start, count, changed=?, /)", win_touchline, "Pretend count lines have been changed."},
    {"redrawwin($self)", win_redrawwin, "Touch the entire window."},
    {"redrawln($self, beg, num, /)", win_redrawln, "Mark the specified lines corrupted."},
    {"is_wintouched($self)", win_is_wintouched, "Return True if the window changed since the last refresh."},
    {"is_linetouched($self, line, /)", win_is_linetouched, "Return True if the line changed since the last refresh."},
    {"syncup($self)", win_syncup, "Touch the ancestors of changed locations."},
    {"syncdown($self)", win_syncdown, "Touch locations changed in the ancestors."},
    {"cursyncup($self)", win_cursyncup, "Update the ancestors' cursor positions."},
    {"enclose($self, y, x, /)", win_enclose, "Return True if the screen-relative coordinates are enclosed by the window."},
    {"move($self, new_y, new_x, /)", win_move, "Move cursor to (new_y, new_x)."},
    {"mvwin($self, new_y, new_x, /)", win_mvwin, "Move the window."},
    {"mvderwin($self, y, x, /)", win_mvderwin, "Move the window inside its parent window."},
    {"resize($self, nlines, ncols, /)", win_resize, "Resize the window."},
    {"scroll($self, *args)", win_scroll, "Scroll the screen or scrolling region."},
    {"setscrreg($self, top, bottom, /)", win_setscrreg, "Define a software scrolling region."},
    {"keypad($self, flag, /)", win_keypad, "Interpret escape sequences of special keys."},
    {"nodelay($self, flag, /)", win_nodelay, "Make getch() non-blocking."},
    {"scrollok($self, flag, /)", win_scrollok, "Control scrolling at the bottom."},
    {"idlok($self, flag, /)", win_idlok, "Use the hardware insert/delete line feature."},
    {"leaveok($self, flag, /)", win_leaveok, "Leave the cursor where the update leaves it."},
    {"clearok($self, flag, /)", win_clearok, "Clear the window at the next refresh."},
    {"notimeout($self, flag, /)", win_notimeout, "Do not time out escape sequences."},
    {"syncok($self, flag, /)", win_syncok, "Call syncup() on every change."},
    {"immedok($self, flag, /)", win_immedok, "Refresh on every change."},
    {"idcok($self, flag, /)", win_idcok, "Use the hardware insert/delete character feature."},
    {"timeout($self, delay, /)", win_timeout, "Set blocking or non-blocking read behaviour."},
    {"getyx($self)", win_getyx, "Return the cursor position."},
    {"getbegyx($self)", win_getbegyx, "Return the upper-left corner."},
    {"getmaxyx($self)", win_getmaxyx, "Return the height and width."},
    {"getparyx($self)", win_getparyx, "Return the position relative to the parent window."},
    {"refresh($self, *args)", win_refresh, "Update the display immediately."},
    {"noutrefresh($self, *args)", win_noutrefresh, "Mark for refresh but wait."},
    {"subwin($self, *args)", win_subwin, "Create a sub-window (screen-relative coordinates)."},
    {"derwin($self, *args)", win_derwin, "Create a sub-window (window-relative coordinates)."},
    {"subpad($self, *args)", win_subpad, "Create a sub-pad."},
    {"overlay($self, destwin, /)", win_overlay, "Overlay the window on top of destwin."},
    {"overwrite($self, destwin, /)", win_overwrite, "Overwrite the window on top of destwin."},
    {"getch($self, *args)", win_getch, "Get a character code from terminal keyboard."},
    {"getkey($self, *args)", win_getkey, "Get a character (string) from terminal keyboard."},
    {"get_wch($self, *args)", win_get_wch, "Get a wide character from terminal keyboard."},
    {"getstr($self, *args)", win_getstr, "Read a string from the user."},
    {"inch($self, *args)", win_inch, "Return the character at the given position in the window."},
    {"instr($self, *args)", win_instr, "Return a string of characters from the window."},
    {nullptr}};

}  // namespace

Type* curses_window_type() { return &g_window_type; }

void curses_window_type_init() {
  Type* t = &g_window_type;
  t->name = "_curses.window";
  t->basic_size = sizeof(CursesWindow);
  t->tp_new = no_new;
  t->tp_dealloc = window_dealloc;
  t->methods = kWindowMethods;
  t->getsets = kWindowGetSets;
  type_ready(t);
}

Ref<> curses_window_new(WINDOW* w, Value parent, const std::string& encoding) {
  if (!w) return err_set_str(g_curses_error, "curses function returned NULL");
  auto* o = alloc_object<CursesWindow>(&g_window_type);
  if (!o) {
    CursesLock lock;
    if (w != stdscr) delwin(w);
    return nullptr;
  }
  o->win = w;
  o->parent = parent.is_null() ? Value() : Ref<>::borrow(parent).release();
  o->encoding = new std::string(encoding);
  return Ref<>::steal(Value(o));
}

WINDOW* curses_window_ptr(Value v) {
  if (!v.is_obj() || !is_subtype(type_of(v), &g_window_type)) return nullptr;
  return v.as<CursesWindow>()->win;
}

}  // namespace ftpy
