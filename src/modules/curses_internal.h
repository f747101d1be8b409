// Shared by the _curses module (curses_module.cpp), its window type
// (curses_window.cpp) and _curses_panel (curses_panel.cpp).
//
// Thread safety: ncurses is not thread-safe: its screen, windows, terminal
// and key buffer are process-wide state. Every ncurses call made by these
// files happens under one module-wide mutex (curses_mutex()), taken through
// CursesLock, which waits for it detached so a thread queued behind another
// thread's drawing never stalls a stop-the-world. No Python code runs while
// it is held. Blocking reads (getch/get_wch/getkey on a window in delay
// mode) do not hold it while they wait: they try for a key under the lock
// without waiting, then wait for the terminal detached and unlocked, in
// slices, between which the main thread runs its signal handlers (Ctrl-C).
// getstr, which reads a whole line, holds the lock for the read (detached).
#pragma once

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
// Functions, not macros (getch, move, clear, ... would collide with C++ names).
#define NCURSES_NOMACROS 1
#include <ncursesw/curses.h>

#include <mutex>
#include <string>

#include "runtime/ref.h"
#include "runtime/thread_state.h"

namespace ftpy {

struct Type;

std::mutex& curses_mutex();

// The module mutex, waited for detached.
class CursesLock {
 public:
  CursesLock() {
    if (!curses_mutex().try_lock()) {
      DetachedScope d;
      curses_mutex().lock();
    }
  }
  ~CursesLock() { curses_mutex().unlock(); }
  CursesLock(const CursesLock&) = delete;
  CursesLock& operator=(const CursesLock&) = delete;
};

// _curses.window. `win` is used only under the module mutex; `parent`
// (a subwindow's parent, kept alive) is fixed at construction; `encoding`
// is read and replaced under the module mutex.
struct CursesWindow : Object {
  WINDOW* win;
  Value parent;           // owned or null
  std::string* encoding;  // owned
};

extern Type* g_curses_error;  // _curses.error
Type* curses_window_type();
void curses_window_type_init();

// A new window object owning `w` (deleted with delwin on dealloc unless it
// is stdscr); `parent` is kept alive. Null w raises curses.error.
Ref<> curses_window_new(WINDOW* w, Value parent, const std::string& encoding);
WINDOW* curses_window_ptr(Value v);  // null unless a window object

// Flags of the module's state, under the module mutex.
bool curses_initscr_called();     // else sets "must call initscr() first"
bool curses_setupterm_called();   // else sets "must call (at least) setupterm() first"
bool curses_color_initialised();  // else sets "must call start_color() first"

// "<fname>() returned ERR" as curses.error when code == ERR.
Ref<> curses_check_err(int code, const char* fname);

// Argument conversions, CPython's rules (chtype: an int, or a str/bytes of
// length one). `wide` is set for a str character beyond one byte.
bool curses_chtype_arg(Value v, chtype* out, const char* what = "ch");
bool curses_wchar_or_chtype(Value v, chtype* ch, wchar_t* wch, bool* wide);
bool curses_long_arg(Value v, long* out);
bool curses_int_arg(Value v, int* out);
// A str as wide characters (NUL rejected), or bytes as bytes.
bool curses_text_arg(Value v, std::wstring* wide, std::string* narrow, bool* is_wide);

// The locale's encoding name for new windows.
const std::string& curses_default_encoding();

}  // namespace ftpy
