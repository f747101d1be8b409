// The _curses module over ncursesw: initscr/endwin and the terminal modes,
// colours, terminfo (setupterm, tigetstr, tparm), key names, the KEY_*,
// A_*, COLOR_*, BUTTON* constants, and the window type (curses_window.cpp).
// The host's curses package (curses/__init__.py: initscr, wrapper, ...)
// runs on top of it.
//
// Thread safety: one module-wide mutex guards every ncurses call (see
// curses_internal.h); it is waited for detached and no Python code runs
// under it. The module's flags (initscr called, setupterm called, colours
// started) are read and written under it too. Module attributes that
// change (LINES, COLS, COLORS, COLOR_PAIRS, ACS_*) are stored in the
// module dict, which has its own locking.
#include "modules/curses_module.h"

#include <langinfo.h>
#include <term.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
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
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "modules/sys_module.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "vm/import.h"

// term.h defines macros for every capability name (lines, columns, ...).
#undef lines
#undef columns

namespace ftpy {

Type* g_curses_error = nullptr;

namespace {

std::mutex g_mu;
bool g_initscr_called = false;    // under g_mu
bool g_setupterm_called = false;  // under g_mu
bool g_color_initialised = false; // under g_mu

}  // namespace

std::mutex& curses_mutex() { return g_mu; }

bool curses_initscr_called() {
  bool ok;
  {
    CursesLock lock;
    ok = g_initscr_called;
  }
  if (!ok) err_set_str(g_curses_error, "must call initscr() first");
  return ok;
}

bool curses_setupterm_called() {
  bool ok;
  {
    CursesLock lock;
    ok = g_setupterm_called;
  }
  if (!ok) err_set_str(g_curses_error, "must call (at least) setupterm() first");
  return ok;
}

bool curses_color_initialised() {
  bool ok;
  {
    CursesLock lock;
    ok = g_color_initialised;
  }
  if (!ok) err_set_str(g_curses_error, "must call start_color() first");
  return ok;
}

Ref<> curses_check_err(int code, const char* fname) {
  if (code != ERR) return new_none();
  return err_format(g_curses_error, "%s() returned ERR", fname);
}

bool curses_long_arg(Value v, long* out) {
  int64_t x;
  if (!to_int64(v, &x)) return false;
  *out = static_cast<long>(x);
  return true;
}

bool curses_int_arg(Value v, int* out) {
  int64_t x;
  if (!to_int64(v, &x)) {
    if (err_matches(g_OverflowError)) {
      err_clear();
      err_set_str(g_OverflowError, "Python int too large to convert to C long");
    }
    return false;
  }
  if (x < INT_MIN || x > INT_MAX) {
    err_set_str(g_OverflowError, x < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

namespace {

std::nullptr_t char_type_error(Value v) {
  if (is_str(v) || is_bytes(v)) {
    int64_t n = is_str(v) ? v.as<Str>()->length : static_cast<int64_t>(bytes_view(v).size());
    return err_format(g_TypeError, "expect bytes or str of length 1, or int, got a %s of length %lld",
                      type_name(type_of(v)), static_cast<long long>(n));
  }
  return err_format(g_TypeError, "expect bytes or str of length 1, or int, got %s", type_name(type_of(v)));
}

}  // namespace

bool curses_chtype_arg(Value v, chtype* out, const char*) {
  if (is_int(v)) {
    int64_t x;
    if (!to_int64(v, &x)) return false;
    if (x < 0 || static_cast<uint64_t>(x) > static_cast<uint64_t>(static_cast<chtype>(-1))) {
      err_set_str(g_OverflowError, "byte doesn't fit in chtype");
      return false;
    }
    *out = static_cast<chtype>(x);
    return true;
  }
  if (is_bytes(v) && bytes_view(v).size() == 1) {
    *out = static_cast<unsigned char>(bytes_view(v)[0]);
    return true;
  }
  if (is_str(v) && v.as<Str>()->length == 1) {
    uint32_t c = v.as<Str>()->at(0);
    if (c < 128) {
      *out = c;
      return true;
    }
    // One byte in the locale's encoding (UTF-8 here: only ASCII fits).
    err_set_str(g_OverflowError, "byte doesn't fit in chtype");
    return false;
  }
  char_type_error(v);
  return false;
}

bool curses_wchar_or_chtype(Value v, chtype* ch, wchar_t* wch, bool* wide) {
  *wide = false;
  if (is_str(v) && v.as<Str>()->length == 1) {
    *wide = true;
    *wch = static_cast<wchar_t>(v.as<Str>()->at(0));
    return true;
  }
  return curses_chtype_arg(v, ch);
}

bool curses_text_arg(Value v, std::wstring* wide, std::string* narrow, bool* is_wide) {
  if (is_str(v)) {
    Str* s = v.as<Str>();
    wide->clear();
    wide->reserve(static_cast<size_t>(s->length));
    for (int64_t i = 0; i < s->length; i++) {
      uint32_t c = s->at(i);
      if (c == 0) {
        err_set_str(g_ValueError, "embedded null character");
        return false;
      }
      wide->push_back(static_cast<wchar_t>(c));
    }
    *is_wide = true;
    return true;
  }
  if (is_bytes(v)) {
    std::string_view b = bytes_view(v);
    if (b.find('\0') != std::string_view::npos) {
      err_set_str(g_ValueError, "embedded null byte");
      return false;
    }
    *narrow = std::string(b);
    *is_wide = false;
    return true;
  }
  err_format(g_TypeError, "expect bytes or str, got %s", type_name(type_of(v)));
  return false;
}

const std::string& curses_default_encoding() {
  static const std::string enc = [] {
    const char* cs = nl_langinfo(CODESET);
    std::string e = cs && *cs ? cs : "utf-8";
    // The C locale: CPython coerces it to UTF-8 (PEP 538), as ftpy's text is.
    if (e == "ANSI_X3.4-1968") e = "utf-8";
    return e;
  }();
  return enc;
}

namespace {

Ref<> set_module_int(Value module, const char* name, int64_t v) {
  Ref<> i = int_from_int64(v);
  if (!i || dict_set_item_str(module_dict(module), name, i.val()) < 0) return nullptr;
  return new_none();
}

// LINES and COLS in _curses and, when it is imported, the curses package.
Ref<> update_lines_cols(Value module) {
  int l, c;
  {
    CursesLock lock;
    l = LINES;
    c = COLS;
  }
  if (!set_module_int(module, "LINES", l) || !set_module_int(module, "COLS", c)) return nullptr;
  Ref<> pkg;
  if (dict_get_item_str(g_interp.modules, str_intern("curses"), &pkg) > 0 && pkg && is_module(pkg.val())) {
    if (!set_module_int(pkg.val(), "LINES", l) || !set_module_int(pkg.val(), "COLS", c)) return nullptr;
  }
  return new_none();
}

// --- start-up ------------------------------------------------------------------------

Ref<> m_initscr(Value self, Value*) {
  WINDOW* w;
  bool again;
  {
    CursesLock lock;
    again = g_initscr_called;
    if (again) {
      wrefresh(stdscr);
      w = stdscr;
    } else {
      DetachedScope d;  // writes the terminal's set-up strings
      w = initscr();
      if (w) g_initscr_called = g_setupterm_called = true;
    }
  }
  if (!w) return err_set_str(g_curses_error, "initscr() returned NULL");
  if (!again) {
    // The line-drawing characters exist once the terminal is known.
    struct Acs {
      const char* name;
      unsigned char key;
    };
    static const Acs kAcs[] = {
        {"ACS_ULCORNER", 'l'}, {"ACS_LLCORNER", 'm'}, {"ACS_URCORNER", 'k'}, {"ACS_LRCORNER", 'j'},
        {"ACS_LTEE", 't'},     {"ACS_RTEE", 'u'},     {"ACS_BTEE", 'v'},     {"ACS_TTEE", 'w'},
        {"ACS_HLINE", 'q'},    {"ACS_VLINE", 'x'},    {"ACS_PLUS", 'n'},     {"ACS_S1", 'o'},
        {"ACS_S9", 's'},       {"ACS_DIAMOND", '`'},  {"ACS_CKBOARD", 'a'},  {"ACS_DEGREE", 'f'},
        {"ACS_PLMINUS", 'g'},  {"ACS_BULLET", '~'},   {"ACS_LARROW", ','},   {"ACS_RARROW", '+'},
        {"ACS_DARROW", '.'},   {"ACS_UARROW", '-'},   {"ACS_BOARD", 'h'},    {"ACS_LANTERN", 'i'},
        {"ACS_BLOCK", '0'},    {"ACS_S3", 'p'},       {"ACS_S7", 'r'},       {"ACS_LEQUAL", 'y'},
        {"ACS_GEQUAL", 'z'},   {"ACS_PI", '{'},       {"ACS_NEQUAL", '|'},   {"ACS_STERLING", '}'},
        {"ACS_BSSB", 'l'},     {"ACS_SSBB", 'm'},     {"ACS_BBSS", 'k'},     {"ACS_SBBS", 'j'},
        {"ACS_SBSS", 'u'},     {"ACS_SSSB", 't'},     {"ACS_SSBS", 'v'},     {"ACS_BSSS", 'w'},
        {"ACS_BSBS", 'q'},     {"ACS_SBSB", 'x'},     {"ACS_SSSS", 'n'}};
    for (const Acs& a : kAcs) {
      chtype v;
      {
        CursesLock lock;
        v = acs_map[a.key];
      }
      if (!set_module_int(self, a.name, static_cast<int64_t>(v))) return nullptr;
    }
    if (!update_lines_cols(self)) return nullptr;
  }
  return curses_window_new(w, Value(), curses_default_encoding());
}

Ref<> m_setupterm(Value, Value* a) {
  std::string term;
  bool have_term = !a[0].is_null() && !is_none(a[0]);
  if (have_term) {
    if (!is_str(a[0]))
      return err_format(g_TypeError, "setupterm() argument 'term' must be str or None, not %s", type_name(type_of(a[0])));
    term = std::string(str_view(a[0]));
  }
  int fd = -1;
  if (!a[1].is_null() && !curses_int_arg(a[1], &fd)) return nullptr;
  if (fd == -1) {
    Ref<> out = sys_get_attr("stdout");
    if (!out) return nullptr;
    if (is_none(out.val())) return err_set_str(g_curses_error, "lost sys.stdout");
    Ref<> f = call_method(out.val(), "fileno", nullptr, 0);
    if (!f || !curses_int_arg(f.val(), &fd)) return nullptr;
  }
  CursesLock lock;
  if (g_setupterm_called) return new_none();
  int err = 0;
  if (setupterm(have_term ? term.c_str() : nullptr, fd, &err) == ERR) {
    return err_set_str(g_curses_error, err == 0 ? "setupterm: could not find terminal"
                                                : "setupterm: could not find terminfo database");
  }
  g_setupterm_called = true;
  return new_none();
}

Ref<> m_endwin(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    DetachedScope d;
    r = endwin();
  }
  return curses_check_err(r, "endwin");
}

Ref<> m_isendwin(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return new_bool(isendwin());
}

Ref<> m_newwin(Value, Value* a) {
  if (!curses_initscr_called()) return nullptr;
  int v[4] = {0, 0, 0, 0};
  int n = a[2].is_null() ? 2 : 4;
  if (!a[2].is_null() && a[3].is_null()) return err_set_str(g_TypeError, "newwin requires 2 to 4 arguments");
  for (int i = 0; i < n; i++)
    if (!curses_int_arg(a[i], &v[i])) return nullptr;
  WINDOW* w;
  {
    CursesLock lock;
    w = newwin(v[0], v[1], v[2], v[3]);
  }
  return curses_window_new(w, Value(), curses_default_encoding());
}

Ref<> m_newpad(Value, Value* a) {
  if (!curses_initscr_called()) return nullptr;
  int l, c;
  if (!curses_int_arg(a[0], &l) || !curses_int_arg(a[1], &c)) return nullptr;
  WINDOW* w;
  {
    CursesLock lock;
    w = newpad(l, c);
  }
  return curses_window_new(w, Value(), curses_default_encoding());
}

// --- terminal modes ------------------------------------------------------------------

// A no-argument call returning OK/ERR, after initscr.
template <int (*F)()>
Ref<> plain(const char* name) {
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    r = F();
  }
  return curses_check_err(r, name);
}

// cbreak(flag=True) and friends: F when true, G when false.
template <int (*F)(), int (*G)()>
Ref<> flagged(Value v, const char* on, const char* off) {
  int t = 1;
  if (!v.is_null()) {
    t = truthy(v);
    if (t < 0) return nullptr;
  }
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    r = t ? F() : G();
  }
  return curses_check_err(r, t ? on : off);
}

Ref<> m_cbreak(Value, Value* a) { return flagged<cbreak, nocbreak>(a[0], "cbreak", "nocbreak"); }
Ref<> m_echo(Value, Value* a) { return flagged<echo, noecho>(a[0], "echo", "noecho"); }
Ref<> m_nl(Value, Value* a) { return flagged<nl, nonl>(a[0], "nl", "nonl"); }
Ref<> m_raw(Value, Value* a) { return flagged<raw, noraw>(a[0], "raw", "noraw"); }
Ref<> m_nocbreak(Value, Value*) { return plain<nocbreak>("nocbreak"); }
Ref<> m_noecho(Value, Value*) { return plain<noecho>("noecho"); }
Ref<> m_nonl(Value, Value*) { return plain<nonl>("nonl"); }
Ref<> m_noraw(Value, Value*) { return plain<noraw>("noraw"); }
Ref<> m_beep(Value, Value*) { return plain<beep>("beep"); }
Ref<> m_flash(Value, Value*) { return plain<flash>("flash"); }
Ref<> m_def_prog_mode(Value, Value*) { return plain<def_prog_mode>("def_prog_mode"); }
Ref<> m_def_shell_mode(Value, Value*) { return plain<def_shell_mode>("def_shell_mode"); }
Ref<> m_reset_prog_mode(Value, Value*) { return plain<reset_prog_mode>("reset_prog_mode"); }
Ref<> m_reset_shell_mode(Value, Value*) { return plain<reset_shell_mode>("reset_shell_mode"); }
Ref<> m_resetty(Value, Value*) { return plain<resetty>("resetty"); }
Ref<> m_savetty(Value, Value*) { return plain<savetty>("savetty"); }

Ref<> m_doupdate(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    DetachedScope d;
    r = doupdate();
  }
  return curses_check_err(r, "doupdate");
}

Ref<> m_flushinp(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  flushinp();
  return new_none();
}

Ref<> m_noqiflush(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  noqiflush();
  return new_none();
}

Ref<> m_qiflush(Value, Value* a) {
  int t = 1;
  if (!a[0].is_null() && (t = truthy(a[0])) < 0) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  if (t) qiflush();
  else noqiflush();
  return new_none();
}

Ref<> m_filter(Value, Value*) {
  CursesLock lock;
  filter();
  return new_none();
}

Ref<> m_use_env(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  CursesLock lock;
  use_env(t != 0);
  return new_none();
}

Ref<> m_intrflush(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(intrflush(nullptr, t != 0), "intrflush");
}

Ref<> m_meta(Value, Value* a) {
  int t = truthy(a[0]);
  if (t < 0) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(meta(stdscr, t != 0), "meta");
}

Ref<> m_halfdelay(Value, Value* a) {
  int t;
  if (!curses_int_arg(a[0], &t)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(halfdelay(t), "halfdelay");
}

Ref<> m_curs_set(Value, Value* a) {
  int v;
  if (!curses_int_arg(a[0], &v)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    r = curs_set(v);
  }
  if (r == ERR) return curses_check_err(ERR, "curs_set");
  return int_from_int64(r);
}

Ref<> m_napms(Value, Value* a) {
  int ms;
  if (!curses_int_arg(a[0], &ms)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    DetachedScope d;  // a sleep; it touches no curses state
    r = napms(ms);
  }
  return int_from_int64(r);
}

Ref<> m_delay_output(Value, Value* a) {
  int ms;
  if (!curses_int_arg(a[0], &ms)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    DetachedScope d;
    r = delay_output(ms);
  }
  return curses_check_err(r, "delay_output");
}

Ref<> m_typeahead(Value, Value* a) {
  int fd;
  if (!curses_int_arg(a[0], &fd)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(typeahead(fd), "typeahead");
}

Ref<> m_ungetch(Value, Value* a) {
  chtype ch;
  if (!curses_chtype_arg(a[0], &ch)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(ungetch(static_cast<int>(ch)), "ungetch");
}

Ref<> m_unget_wch(Value, Value* a) {
  wchar_t wch;
  if (is_str(a[0]) && a[0].as<Str>()->length == 1) {
    wch = static_cast<wchar_t>(a[0].as<Str>()->at(0));
  } else if (is_int(a[0])) {
    long v;
    if (!curses_long_arg(a[0], &v)) return nullptr;
    wch = static_cast<wchar_t>(v);
  } else {
    return err_format(g_TypeError, "expect str of length 1 or int, got %s", type_name(type_of(a[0])));
  }
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return curses_check_err(unget_wch(wch), "unget_wch");
}

Ref<> m_getsyx(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  int y = 0, x = 0;
  {
    CursesLock lock;
    if (newscr) {
      if (is_leaveok(newscr)) {
        y = x = -1;
      } else {
        y = getcury(newscr);
        x = getcurx(newscr);
      }
    }
  }
  Ref<> a = int_from_int64(y), b = int_from_int64(x);
  if (!a || !b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> m_setsyx(Value, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  if (newscr) {
    if (y == -1 && x == -1) {
      leaveok(newscr, TRUE);
    } else {
      leaveok(newscr, FALSE);
      wmove(newscr, y, x);
    }
  }
  return new_none();
}

// --- terminal facts ------------------------------------------------------------------

Ref<> m_baudrate(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return int_from_int64(baudrate());
}

Ref<> m_termattrs(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return int_from_int64(static_cast<int64_t>(termattrs()));
}

Ref<> m_termname(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  std::string s;
  {
    CursesLock lock;
    const char* t = termname();
    s = t ? t : "";
  }
  return bytes_from(s);
}

Ref<> m_longname(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  std::string s;
  {
    CursesLock lock;
    const char* t = longname();
    s = t ? t : "";
  }
  return bytes_from(s);
}

Ref<> m_erasechar(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  char c;
  {
    CursesLock lock;
    c = erasechar();
  }
  return bytes_from(&c, 1);
}

Ref<> m_killchar(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  char c;
  {
    CursesLock lock;
    c = killchar();
  }
  return bytes_from(&c, 1);
}

Ref<> bool_fact(bool (*f)()) {
  if (!curses_initscr_called()) return nullptr;
  bool r;
  {
    CursesLock lock;
    r = f();
  }
  return new_bool(r);
}
Ref<> m_has_colors(Value, Value*) { return bool_fact(has_colors); }
Ref<> m_can_change_color(Value, Value*) { return bool_fact(can_change_color); }
Ref<> m_has_ic(Value, Value*) { return bool_fact(has_ic); }
Ref<> m_has_il(Value, Value*) { return bool_fact(has_il); }

Ref<> m_has_key(Value, Value* a) {
  int k;
  if (!curses_int_arg(a[0], &k)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return new_bool(has_key(k));
}

Ref<> m_keyname(Value, Value* a) {
  int k;
  if (!curses_int_arg(a[0], &k) || !curses_initscr_called()) return nullptr;
  if (k < 0) return err_set_str(g_ValueError, "invalid key number");
  std::string s;
  {
    CursesLock lock;
    const char* n = keyname(k);
    if (!n) return err_set_str(g_curses_error, "keyname() returned NULL");
    s = n;
  }
  return bytes_from(s);
}

Ref<> m_unctrl(Value, Value* a) {
  chtype ch;
  if (!curses_chtype_arg(a[0], &ch)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  std::string s;
  {
    CursesLock lock;
    const char* n = unctrl(ch);
    s = n ? n : "";
  }
  return bytes_from(s);
}

Ref<> m_get_escdelay(Value, Value*) {
  CursesLock lock;
  return int_from_int64(get_escdelay());
}
Ref<> m_set_escdelay(Value, Value* a) {
  int ms;
  if (!curses_int_arg(a[0], &ms)) return nullptr;
  if (ms <= 0) return err_set_str(g_ValueError, "ms must be > 0");
  CursesLock lock;
  return curses_check_err(set_escdelay(ms), "set_escdelay");
}
Ref<> m_get_tabsize(Value, Value*) {
  CursesLock lock;
  return int_from_int64(TABSIZE);
}
Ref<> m_set_tabsize(Value, Value* a) {
  int n;
  if (!curses_int_arg(a[0], &n)) return nullptr;
  if (n <= 0) return err_set_str(g_ValueError, "size must be > 0");
  CursesLock lock;
  return curses_check_err(set_tabsize(n), "set_tabsize");
}

// --- resizing ------------------------------------------------------------------------

Ref<> m_update_lines_cols(Value self, Value*) { return update_lines_cols(self); }

Ref<> resize_op(Value self, Value* a, bool term) {
  int l, c;
  if (!curses_int_arg(a[0], &l) || !curses_int_arg(a[1], &c)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    r = term ? resize_term(l, c) : resizeterm(l, c);
  }
  if (!curses_check_err(r, term ? "resize_term" : "resizeterm")) return nullptr;
  return update_lines_cols(self);
}
Ref<> m_resizeterm(Value self, Value* a) { return resize_op(self, a, false); }
Ref<> m_resize_term(Value self, Value* a) { return resize_op(self, a, true); }

Ref<> m_is_term_resized(Value, Value* a) {
  int l, c;
  if (!curses_int_arg(a[0], &l) || !curses_int_arg(a[1], &c)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return new_bool(is_term_resized(l, c));
}

// --- colours -------------------------------------------------------------------------

Ref<> m_start_color(Value self, Value*) {
  if (!curses_initscr_called()) return nullptr;
  int r, colors = 0, pairs = 0;
  {
    CursesLock lock;
    r = start_color();
    if (r != ERR) {
      g_color_initialised = true;
      colors = COLORS;
      pairs = COLOR_PAIRS;
    }
  }
  if (r == ERR) return err_set_str(g_curses_error, "start_color() returned ERR");
  if (!set_module_int(self, "COLORS", colors) || !set_module_int(self, "COLOR_PAIRS", pairs)) return nullptr;
  return new_none();
}

Ref<> m_use_default_colors(Value, Value*) {
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  int r;
  {
    CursesLock lock;
    r = use_default_colors();
  }
  return curses_check_err(r, "use_default_colors");
}

bool color_number(Value v, int* out) {
  if (!curses_int_arg(v, out)) return false;
  int colors;
  {
    CursesLock lock;
    colors = COLORS;
  }
  if (*out < -1) {
    err_set_str(g_ValueError, "Color number is less than -1");
    return false;
  }
  if (*out >= colors) {
    err_format(g_ValueError, "Color number is greater than COLORS-1 (%d).", colors - 1);
    return false;
  }
  return true;
}

bool pair_number_arg(Value v, int* out) {
  if (!curses_int_arg(v, out)) return false;
  int pairs;
  {
    CursesLock lock;
    pairs = COLOR_PAIRS;
  }
  if (*out < 0) {
    err_set_str(g_ValueError, "Color pair is less than 0");
    return false;
  }
  if (*out >= pairs) {
    err_format(g_ValueError, "Color pair is greater than COLOR_PAIRS-1 (%d).", pairs - 1);
    return false;
  }
  return true;
}

Ref<> m_init_pair(Value, Value* a) {
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  int p, f, b;
  if (!pair_number_arg(a[0], &p) || !color_number(a[1], &f) || !color_number(a[2], &b)) return nullptr;
  int r;
  {
    CursesLock lock;
    r = init_extended_pair(p, f, b);
  }
  if (r == ERR) {
    if (p >= COLOR_PAIRS) return err_format(g_ValueError, "Color pair is greater than COLOR_PAIRS-1 (%d).", COLOR_PAIRS - 1);
    return err_set_str(g_curses_error, "init_extended_pair() returned ERR");
  }
  return new_none();
}

Ref<> m_init_color(Value, Value* a) {
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  int n, rgb[3];
  if (!color_number(a[0], &n)) return nullptr;
  for (int i = 0; i < 3; i++) {
    if (!curses_int_arg(a[i + 1], &rgb[i])) return nullptr;
    if (rgb[i] < 0 || rgb[i] > 1000) return err_set_str(g_ValueError, "Color component is greater than 1000");
  }
  int r;
  {
    CursesLock lock;
    r = init_extended_color(n, rgb[0], rgb[1], rgb[2]);
  }
  return curses_check_err(r, "init_extended_color");
}

Ref<> m_color_content(Value, Value* a) {
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  int n, r, g, b;
  if (!color_number(a[0], &n)) return nullptr;
  int rc;
  {
    CursesLock lock;
    rc = extended_color_content(n, &r, &g, &b);
  }
  if (rc == ERR) return err_format(g_curses_error, "Argument 1 was out of range. Check value of COLORS.");
  Ref<> x = int_from_int64(r), y = int_from_int64(g), z = int_from_int64(b);
  if (!x || !y || !z) return nullptr;
  return tuple_pack({x.val(), y.val(), z.val()});
}

Ref<> m_pair_content(Value, Value* a) {
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  int p, f, b;
  if (!pair_number_arg(a[0], &p)) return nullptr;
  int rc;
  {
    CursesLock lock;
    rc = extended_pair_content(p, &f, &b);
  }
  if (rc == ERR) return err_set_str(g_curses_error, "Argument 1 was out of range. (0..COLOR_PAIRS-1)");
  Ref<> x = int_from_int64(f), y = int_from_int64(b);
  if (!x || !y) return nullptr;
  return tuple_pack({x.val(), y.val()});
}

Ref<> m_color_pair(Value, Value* a) {
  int n;
  if (!curses_int_arg(a[0], &n)) return nullptr;
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  return int_from_int64(static_cast<int64_t>(COLOR_PAIR(n)));
}

Ref<> m_pair_number(Value, Value* a) {
  long attr;
  if (!curses_long_arg(a[0], &attr)) return nullptr;
  if (!curses_initscr_called() || !curses_color_initialised()) return nullptr;
  return int_from_int64(PAIR_NUMBER(static_cast<int>(attr)));
}

Ref<> m_has_extended_color_support(Value, Value*) { return new_bool(true); }

// --- mouse ---------------------------------------------------------------------------

Ref<> m_mousemask(Value, Value* a) {
  long m;
  if (!curses_long_arg(a[0], &m)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  mmask_t old = 0, avail;
  {
    CursesLock lock;
    avail = mousemask(static_cast<mmask_t>(m), &old);
  }
  Ref<> x = int_from_int64(static_cast<int64_t>(avail)), y = int_from_int64(static_cast<int64_t>(old));
  if (!x || !y) return nullptr;
  return tuple_pack({x.val(), y.val()});
}

Ref<> m_mouseinterval(Value, Value* a) {
  int n;
  if (!curses_int_arg(a[0], &n)) return nullptr;
  if (!curses_initscr_called()) return nullptr;
  CursesLock lock;
  return int_from_int64(mouseinterval(n));
}

Ref<> m_getmouse(Value, Value*) {
  if (!curses_initscr_called()) return nullptr;
  MEVENT ev;
  int r;
  {
    CursesLock lock;
    r = getmouse(&ev);
  }
  if (r == ERR) return err_set_str(g_curses_error, "getmouse() returned ERR");
  Ref<> v[5] = {int_from_int64(ev.id), int_from_int64(ev.x), int_from_int64(ev.y), int_from_int64(ev.z),
                int_from_int64(static_cast<int64_t>(ev.bstate))};
  for (auto& x : v)
    if (!x) return nullptr;
  return tuple_pack({v[0].val(), v[1].val(), v[2].val(), v[3].val(), v[4].val()});
}

Ref<> m_ungetmouse(Value, Value* a) {
  int id, x, y, z;
  long b;
  if (!curses_int_arg(a[0], &id) || !curses_int_arg(a[1], &x) || !curses_int_arg(a[2], &y) ||
      !curses_int_arg(a[3], &z) || !curses_long_arg(a[4], &b))
    return nullptr;
  if (!curses_initscr_called()) return nullptr;
  MEVENT ev;
  ev.id = static_cast<short>(id);
  ev.x = x;
  ev.y = y;
  ev.z = z;
  ev.bstate = static_cast<mmask_t>(b);
  CursesLock lock;
  return curses_check_err(ungetmouse(&ev), "ungetmouse");
}

// --- terminfo ------------------------------------------------------------------------

bool capname_arg(Value v, const char* fn, std::string* out) {
  if (!is_str(v)) {
    err_format(g_TypeError, "%s() argument must be str, not %s", fn, type_name(type_of(v)));
    return false;
  }
  *out = std::string(str_view(v));
  return true;
}

Ref<> m_tigetflag(Value, Value* a) {
  std::string cap;
  if (!capname_arg(a[0], "tigetflag", &cap) || !curses_setupterm_called()) return nullptr;
  CursesLock lock;
  return int_from_int64(tigetflag(cap.c_str()));
}

Ref<> m_tigetnum(Value, Value* a) {
  std::string cap;
  if (!capname_arg(a[0], "tigetnum", &cap) || !curses_setupterm_called()) return nullptr;
  CursesLock lock;
  return int_from_int64(tigetnum(cap.c_str()));
}

Ref<> m_tigetstr(Value, Value* a) {
  std::string cap;
  if (!capname_arg(a[0], "tigetstr", &cap) || !curses_setupterm_called()) return nullptr;
  std::string s;
  {
    CursesLock lock;
    char* r = tigetstr(cap.c_str());
    if (!r || r == reinterpret_cast<char*>(-1)) return new_none();
    s = r;
  }
  return bytes_from(s);
}

Ref<> m_tparm(Value, Value* a) {
  if (!is_bytes(a[0]))
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(a[0])));
  std::string fmt(bytes_view(a[0]));
  if (fmt.find('\0') != std::string::npos) return err_set_str(g_ValueError, "embedded null byte");
  long p[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 9; i++)
    if (!a[i + 1].is_null() && !curses_long_arg(a[i + 1], &p[i])) return nullptr;
  if (!curses_setupterm_called()) return nullptr;
  std::string s;
  {
    CursesLock lock;
    char* r = tiparm(fmt.c_str(), p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    if (!r) return err_set_str(g_curses_error, "tparm() returned NULL");
    s = r;
  }
  return bytes_from(s);
}

Ref<> m_putp(Value, Value* a) {
  if (!is_bytes(a[0]))
    return err_format(g_TypeError, "putp() argument must be bytes, not %s", type_name(type_of(a[0])));
  std::string s(bytes_view(a[0]));
  if (!curses_setupterm_called()) return nullptr;
  int r;
  {
    CursesLock lock;
    DetachedScope d;
    r = putp(s.c_str());
  }
  return curses_check_err(r, "putp");
}

const MethodDef kCursesFunctions[] = {
    {"initscr()", m_initscr, "Initialize the library; return a window object for the whole screen."},
    {"setupterm(term=None, fd=-1)", m_setupterm, "Initialize the terminal."},
    {"endwin()", m_endwin, "De-initialize the library and return the terminal to normal status."},
    {"isendwin()", m_isendwin, "Return True if endwin() has been called."},
    {"newwin(nlines, ncols, begin_y=?, begin_x=?, /)", m_newwin, "Return a new window."},
    {"newpad(nlines, ncols, /)", m_newpad, "Create and return a pointer to a new pad data structure."},
    {"cbreak(flag=?, /)", m_cbreak, "Enter cbreak mode."},
    {"nocbreak()", m_nocbreak, "Leave cbreak mode."},
    {"echo(flag=?, /)", m_echo, "Enter echo mode."},
    {"noecho()", m_noecho, "Leave echo mode."},
    {"nl(flag=?, /)", m_nl, "Enter newline mode."},
    {"nonl()", m_nonl, "Leave newline mode."},
    {"raw(flag=?, /)", m_raw, "Enter raw mode."},
    {"noraw()", m_noraw, "Leave raw mode."},
    {"beep()", m_beep, "Emit a short attention sound."},
    {"flash()", m_flash, "Flash the screen."},
    {"def_prog_mode()", m_def_prog_mode, "Save the current terminal mode as the program mode."},
    {"def_shell_mode()", m_def_shell_mode, "Save the current terminal mode as the shell mode."},
    {"reset_prog_mode()", m_reset_prog_mode, "Restore the terminal to program mode."},
    {"reset_shell_mode()", m_reset_shell_mode, "Restore the terminal to shell mode."},
    {"resetty()", m_resetty, "Restore terminal mode."},
    {"savetty()", m_savetty, "Save terminal mode."},
    {"doupdate()", m_doupdate, "Update the physical screen to match the virtual screen."},
    {"flushinp()", m_flushinp, "Discard any typeahead."},
    {"noqiflush()", m_noqiflush, "Disable queue flushing."},
    {"qiflush(flag=?, /)", m_qiflush, "Enable queue flushing."},
    {"filter()", m_filter, "Restrict the screen to one line."},
    {"use_env(flag, /)", m_use_env, "Use environment variables LINES and COLUMNS."},
    {"intrflush(flag, /)", m_intrflush, "Flush the output on an interrupt."},
    {"meta(yes, /)", m_meta, "Enable/disable meta keys."},
    {"halfdelay(tenths, /)", m_halfdelay, "Enter half-delay mode."},
    {"curs_set(visibility, /)", m_curs_set, "Set the cursor state."},
    {"napms(ms, /)", m_napms, "Sleep for specified time."},
    {"delay_output(ms, /)", m_delay_output, "Insert a pause in output."},
    {"typeahead(fd, /)", m_typeahead, "Specify that the file descriptor fd be used for typeahead checking."},
    {"ungetch(ch, /)", m_ungetch, "Push ch so the next getch() will return it."},
    {"unget_wch(ch, /)", m_unget_wch, "Push ch so the next get_wch() will return it."},
    {"getsyx()", m_getsyx, "Return the current coordinates of the virtual screen cursor."},
    {"setsyx(y, x, /)", m_setsyx, "Set the virtual screen cursor."},
    {"baudrate()", m_baudrate, "Return the output speed of the terminal in bits per second."},
    {"termattrs()", m_termattrs, "Return a logical OR of all video attributes supported by the terminal."},
    {"termname()", m_termname, "Return the value of the environment variable TERM, truncated to 14 characters."},
    {"longname()", m_longname, "Return the terminfo long name field describing the current terminal."},
    {"erasechar()", m_erasechar, "Return the user's current erase character."},
    {"killchar()", m_killchar, "Return the user's current line kill character."},
    {"has_colors()", m_has_colors, "Return True if the terminal can display colors."},
    {"can_change_color()", m_can_change_color, "Return True if the programmer can change the colors."},
    {"has_ic()", m_has_ic, "Return True if the terminal has insert- and delete-character capabilities."},
    {"has_il()", m_has_il, "Return True if the terminal has insert- and delete-line capabilities."},
    {"has_key(key, /)", m_has_key, "Return True if the current terminal type recognizes a key with that value."},
    {"keyname(key, /)", m_keyname, "Return the name of specified key."},
    {"unctrl(ch, /)", m_unctrl, "Return a string which is a printable representation of the character ch."},
    {"get_escdelay()", m_get_escdelay, "Gets the curses ESCDELAY setting."},
    {"set_escdelay(ms, /)", m_set_escdelay, "Sets the curses ESCDELAY setting."},
    {"get_tabsize()", m_get_tabsize, "Gets the curses TABSIZE setting."},
    {"set_tabsize(size, /)", m_set_tabsize, "Sets the curses TABSIZE setting."},
    {"update_lines_cols()", m_update_lines_cols, "Update LINES and COLS."},
    {"resizeterm(nlines, ncols, /)", m_resizeterm, "Resize the standard and current windows."},
    {"resize_term(nlines, ncols, /)", m_resize_term, "Backend function used by resizeterm()."},
    {"is_term_resized(nlines, ncols, /)", m_is_term_resized, "Return True if resize_term() would modify the window structure."},
    {"start_color()", m_start_color, "Initializes eight basic colors and global variables COLORS and COLOR_PAIRS."},
    {"use_default_colors()", m_use_default_colors, "Allow use of default values for colors on terminals supporting this feature."},
    {"init_pair(pair_number, fg, bg, /)", m_init_pair, "Change the definition of a color-pair."},
    {"init_color(color_number, r, g, b, /)", m_init_color, "Change the definition of a color."},
    {"color_content(color_number, /)", m_color_content, "Return the red, green, and blue (RGB) components of the specified color."},
    {"pair_content(pair_number, /)", m_pair_content, "Return a tuple (fg, bg) containing the colors for the requested color pair."},
    {"color_pair(pair_number, /)", m_color_pair, "Return the attribute value for displaying text in the specified color."},
    {"pair_number(attr, /)", m_pair_number, "Return the number of the color-pair set by the specified attribute value."},
    {"has_extended_color_support()", m_has_extended_color_support, "Return True if the module supports extended colors."},
    {"mousemask(newmask, /)", m_mousemask, "Set the mouse events to be reported."},
    {"mouseinterval(interval, /)", m_mouseinterval, "Set and retrieve the maximum time between press and release."},
    {"getmouse()", m_getmouse, "Retrieve the queued mouse event."},
    {"ungetmouse(id, x, y, z, bstate, /)", m_ungetmouse, "Push a KEY_MOUSE event onto the input queue."},
    {"tigetflag(capname, /)", m_tigetflag, "Return the value of the Boolean capability corresponding to capname."},
    {"tigetnum(capname, /)", m_tigetnum, "Return the value of the numeric capability corresponding to capname."},
    {"tigetstr(capname, /)", m_tigetstr, "Return the value of the string capability corresponding to capname."},
    {"tparm(str, i1=0, i2=0, i3=0, i4=0, i5=0, i6=0, i7=0, i8=0, i9=0, /)", m_tparm,
     "Instantiate the specified byte string with the supplied parameters."},
    {"putp(string, /)", m_putp, "Emit the value of a specified terminfo capability for the current terminal."},
    {nullptr}};

Type* make_error_type() {
  Ref<Str> n = str_from_ascii("error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("_curses");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return nullptr;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return nullptr;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return nullptr;
  return cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

void types_init_once() {
  // CPython sets LC_CTYPE from the environment at start-up; ncurses needs it
  // to write and read multibyte characters. ftpy does it when curses (or
  // readline) is first imported.
  const char* cur = std::setlocale(LC_CTYPE, nullptr);
  if (!cur || std::strcmp(cur, "C") == 0 || std::strcmp(cur, "POSIX") == 0) std::setlocale(LC_CTYPE, "");
  curses_window_type_init();
  g_curses_error = make_error_type();
}

}  // namespace

Ref<> curses_module_create() {
  static std::once_flag once;
  std::call_once(once, types_init_once);
  if (!g_curses_error) return err_set_str(g_SystemError, "_curses: could not make the error type");
  Ref<> m = module_new("_curses");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCursesFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "error", Value(g_curses_error)) < 0 ||
      dict_set_item_str(d, "window", Value(curses_window_type())) < 0)
    return nullptr;
  Ref<> version = bytes_from(std::string_view("2.2"));
  if (!version || dict_set_item_str(d, "version", version.val()) < 0 ||
      dict_set_item_str(d, "__version__", version.val()) < 0)
    return nullptr;
  {
    std::vector<std::pair<const char*, Ref<>>> fields = {{"major", Ref<>()}, {"minor", Ref<>()}, {"patch", Ref<>()}};
    Ref<> a = int_from_int64(NCURSES_VERSION_MAJOR), b = int_from_int64(NCURSES_VERSION_MINOR),
          c = int_from_int64(NCURSES_VERSION_PATCH);
    if (!a || !b || !c) return nullptr;
    Ref<Tuple> items = tuple_pack({a.val(), b.val(), c.val()});
    Ref<> rec = items ? record_new("curses.ncurses_version", fields, items.val()) : Ref<>();
    if (!rec || dict_set_item_str(d, "ncurses_version", rec.val()) < 0) return nullptr;
  }
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"ERR", ERR}, {"OK", OK},
      {"A_ATTRIBUTES", A_ATTRIBUTES}, {"A_NORMAL", A_NORMAL}, {"A_STANDOUT", A_STANDOUT},
      {"A_UNDERLINE", A_UNDERLINE}, {"A_REVERSE", A_REVERSE}, {"A_BLINK", A_BLINK}, {"A_DIM", A_DIM},
      {"A_BOLD", A_BOLD}, {"A_ALTCHARSET", A_ALTCHARSET}, {"A_INVIS", A_INVIS}, {"A_PROTECT", A_PROTECT},
      {"A_CHARTEXT", A_CHARTEXT}, {"A_COLOR", A_COLOR}, {"A_HORIZONTAL", A_HORIZONTAL}, {"A_LEFT", A_LEFT},
      {"A_LOW", A_LOW}, {"A_RIGHT", A_RIGHT}, {"A_TOP", A_TOP}, {"A_VERTICAL", A_VERTICAL},
      {"A_ITALIC", A_ITALIC},
      {"COLOR_BLACK", COLOR_BLACK}, {"COLOR_RED", COLOR_RED}, {"COLOR_GREEN", COLOR_GREEN},
      {"COLOR_YELLOW", COLOR_YELLOW}, {"COLOR_BLUE", COLOR_BLUE}, {"COLOR_MAGENTA", COLOR_MAGENTA},
      {"COLOR_CYAN", COLOR_CYAN}, {"COLOR_WHITE", COLOR_WHITE},
      {"BUTTON1_PRESSED", BUTTON1_PRESSED}, {"BUTTON1_RELEASED", BUTTON1_RELEASED},
      {"BUTTON1_CLICKED", BUTTON1_CLICKED}, {"BUTTON1_DOUBLE_CLICKED", BUTTON1_DOUBLE_CLICKED},
      {"BUTTON1_TRIPLE_CLICKED", BUTTON1_TRIPLE_CLICKED},
      {"BUTTON2_PRESSED", BUTTON2_PRESSED}, {"BUTTON2_RELEASED", BUTTON2_RELEASED},
      {"BUTTON2_CLICKED", BUTTON2_CLICKED}, {"BUTTON2_DOUBLE_CLICKED", BUTTON2_DOUBLE_CLICKED},
      {"BUTTON2_TRIPLE_CLICKED", BUTTON2_TRIPLE_CLICKED},
      {"BUTTON3_PRESSED", BUTTON3_PRESSED}, {"BUTTON3_RELEASED", BUTTON3_RELEASED},
      {"BUTTON3_CLICKED", BUTTON3_CLICKED}, {"BUTTON3_DOUBLE_CLICKED", BUTTON3_DOUBLE_CLICKED},
      {"BUTTON3_TRIPLE_CLICKED", BUTTON3_TRIPLE_CLICKED},
      {"BUTTON4_PRESSED", BUTTON4_PRESSED}, {"BUTTON4_RELEASED", BUTTON4_RELEASED},
      {"BUTTON4_CLICKED", BUTTON4_CLICKED}, {"BUTTON4_DOUBLE_CLICKED", BUTTON4_DOUBLE_CLICKED},
      {"BUTTON4_TRIPLE_CLICKED", BUTTON4_TRIPLE_CLICKED},
      {"BUTTON5_PRESSED", BUTTON5_PRESSED}, {"BUTTON5_RELEASED", BUTTON5_RELEASED},
      {"BUTTON5_CLICKED", BUTTON5_CLICKED}, {"BUTTON5_DOUBLE_CLICKED", BUTTON5_DOUBLE_CLICKED},
      {"BUTTON5_TRIPLE_CLICKED", BUTTON5_TRIPLE_CLICKED},
      {"BUTTON_SHIFT", BUTTON_SHIFT}, {"BUTTON_CTRL", BUTTON_CTRL}, {"BUTTON_ALT", BUTTON_ALT},
      {"ALL_MOUSE_EVENTS", ALL_MOUSE_EVENTS}, {"REPORT_MOUSE_POSITION", REPORT_MOUSE_POSITION},
      {"KEY_MIN", KEY_MIN}, {"KEY_MAX", KEY_MAX},
  };
  for (const Const& c : kConsts)
    if (!set_module_int(m.val(), c.name, c.value)) return nullptr;
  // Every key code ncurses names (KEY_F(1) becomes KEY_F1), as CPython does.
  for (int k = KEY_MIN; k < KEY_MAX; k++) {
    std::string name;
    {
      CursesLock lock;
      const char* n = keyname(k);
      if (!n || std::strcmp(n, "UNKNOWN KEY") == 0) continue;
      name = n;
    }
    if (name.compare(0, 6, "KEY_F(") == 0) {
      std::string digits;
      for (char ch : name.substr(6))
        if (ch >= '0' && ch <= '9') digits += ch;
      name = "KEY_F" + digits;
    }
    if (!set_module_int(m.val(), name.c_str(), k)) return nullptr;
  }
  return m;
}

}  // namespace ftpy
