// _curses_panel over libpanelw: stacked windows (new_panel, top_panel,
// bottom_panel, update_panels) and the panel type.
//
// Thread safety: the panel deck is ncurses state, so every libpanel call is
// made under the _curses module mutex (curses_internal.h). A panel object
// holds its window (replaced under that mutex) and a user object (read and
// replaced under it). libpanel's own user pointer holds the panel object
// without a reference, for above()/below()/top_panel(); it is marked weakly
// reachable and taken with try_incref, so a panel whose last reference is
// going away on another thread (its dealloc then waits for the mutex to
// take it off the deck) is never revived: such a lookup answers None.
#include <panel.h>

#include <mutex>

#include "modules/curses_internal.h"
#include "modules/curses_module.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

Type g_panel_type;
Type* g_panel_error = nullptr;

// _curses_panel.panel. Thread safety: `pan` is set once under the module
// mutex before the object is shared and used only under it; `window` and
// `userptr` are read and replaced under the module mutex.
struct PanelObject : Object {
  PANEL* pan;
  Value window;   // owned; under the module mutex
  Value userptr;  // owned or null; under the module mutex
};

PANEL* P(Value self) { return self.as<PanelObject>()->pan; }

void panel_dealloc(Object* o) {
  auto* p = static_cast<PanelObject*>(o);
  Value win, user;
  {
    CursesLock lock;
    if (p->pan) del_panel(p->pan);
    win = p->window;
    user = p->userptr;
    p->window = p->userptr = Value();
  }
  if (!win.is_null()) decref(win);
  if (!user.is_null()) decref(user);
  free_object(o);
}

Ref<> no_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

// The panel object of `p` (under the module mutex), or None.
Ref<> panel_object(PANEL* p) {
  if (!p) return new_none();
  auto* o = static_cast<PanelObject*>(const_cast<void*>(panel_userptr(p)));
  if (!o || !rc::try_incref(o)) return new_none();
  return Ref<>::steal(Value(o));
}

Ref<> check(int code, const char* fname) {
  if (code != ERR) return new_none();
  return err_format(g_panel_error, "%s() returned ERR", fname);
}

Ref<> pan_above(Value self, Value*) {
  CursesLock lock;
  return panel_object(panel_above(P(self)));
}
Ref<> pan_below(Value self, Value*) {
  CursesLock lock;
  return panel_object(panel_below(P(self)));
}
Ref<> pan_bottom(Value self, Value*) {
  CursesLock lock;
  return check(bottom_panel(P(self)), "bottom_panel");
}
Ref<> pan_top(Value self, Value*) {
  CursesLock lock;
  return check(top_panel(P(self)), "top_panel");
}
Ref<> pan_hide(Value self, Value*) {
  CursesLock lock;
  return check(hide_panel(P(self)), "hide_panel");
}
Ref<> pan_show(Value self, Value*) {
  CursesLock lock;
  return check(show_panel(P(self)), "show_panel");
}
Ref<> pan_hidden(Value self, Value*) {
  CursesLock lock;
  return new_bool(panel_hidden(P(self)));
}

Ref<> pan_move(Value self, Value* a) {
  int y, x;
  if (!curses_int_arg(a[0], &y) || !curses_int_arg(a[1], &x)) return nullptr;
  CursesLock lock;
  return check(move_panel(P(self), y, x), "move_panel");
}

Ref<> pan_window(Value self, Value*) {
  CursesLock lock;
  return Ref<>::borrow(self.as<PanelObject>()->window);
}

Ref<> pan_replace(Value self, Value* a) {
  WINDOW* w = curses_window_ptr(a[0]);
  if (!w)
    return err_format(g_TypeError, "replace() argument must be _curses.window, not %s", type_name(type_of(a[0])));
  Value old;
  {
    CursesLock lock;
    if (replace_panel(P(self), w) == ERR) return err_set_str(g_panel_error, "replace_panel() returned ERR");
    auto* o = self.as<PanelObject>();
    old = o->window;
    o->window = Ref<>::borrow(a[0]).release();
  }
  decref(old);
  return new_none();
}

Ref<> pan_set_userptr(Value self, Value* a) {
  Value old;
  {
    CursesLock lock;
    auto* o = self.as<PanelObject>();
    old = o->userptr;
    o->userptr = Ref<>::borrow(a[0]).release();
  }
  if (!old.is_null()) decref(old);
  return new_none();
}

Ref<> pan_userptr(Value self, Value*) {
  Ref<> u;
  {
    CursesLock lock;
    Value v = self.as<PanelObject>()->userptr;
    if (!v.is_null()) u = Ref<>::borrow(v);
  }
  if (!u) return err_set_str(g_panel_error, "no userptr set");
  return u;
}

const MethodDef kPanelMethods[] = {
    {"above($self)", pan_above, "Return the panel above the current panel."},
    {"below($self)", pan_below, "Return the panel below the current panel."},
    {"bottom($self)", pan_bottom, "Push the panel to the bottom of the stack."},
    {"top($self)", pan_top, "Push panel to the top of the stack."},
    {"hide($self)", pan_hide, "Hide the panel."},
    {"show($self)", pan_show, "Display the panel (which might have been hidden)."},
    {"hidden($self)", pan_hidden, "Return True if the panel is hidden (not visible), False otherwise."},
    {"move($self, y, x, /)", pan_move, "Move the panel to the screen coordinates (y, x)."},
    {"window($self)", pan_window, "Return the window object associated with the panel."},
    {"replace($self, win, /)", pan_replace, "Change the window associated with the panel to the window win."},
    {"set_userptr($self, obj, /)", pan_set_userptr, "Set the panel's user pointer to obj."},
    {"userptr($self)", pan_userptr, "Return the user pointer for the panel."},
    {nullptr}};

Ref<> m_new_panel(Value, Value* a) {
  WINDOW* w = curses_window_ptr(a[0]);
  if (!w)
    return err_format(g_TypeError, "new_panel() argument must be _curses.window, not %s", type_name(type_of(a[0])));
  auto* o = alloc_object<PanelObject>(&g_panel_type);
  if (!o) return nullptr;
  o->pan = nullptr;
  o->window = Ref<>::borrow(a[0]).release();
  o->userptr = Value();
  Ref<> obj = Ref<>::steal(Value(o));
  rc::mark_weakly_reachable(o);
  CursesLock lock;
  o->pan = new_panel(w);
  if (!o->pan) return err_set_str(g_panel_error, "new_panel() returned NULL");
  set_panel_userptr(o->pan, o);
  return obj;
}

Ref<> m_top_panel(Value, Value*) {
  CursesLock lock;
  return panel_object(panel_below(nullptr));
}

Ref<> m_bottom_panel(Value, Value*) {
  CursesLock lock;
  return panel_object(panel_above(nullptr));
}

Ref<> m_update_panels(Value, Value*) {
  CursesLock lock;
  update_panels();
  return new_none();
}

const MethodDef kPanelFunctions[] = {
    {"new_panel(win, /)", m_new_panel, "Return a panel object, associating it with the given window win."},
    {"top_panel()", m_top_panel, "Return the top panel in the panel stack."},
    {"bottom_panel()", m_bottom_panel, "Return the bottom panel in the panel stack."},
    {"update_panels()", m_update_panels, "Updates the virtual screen after changes in the panel stack."},
    {nullptr}};

void types_init_once() {
  Type* t = &g_panel_type;
  t->name = "_curses_panel.panel";
  t->basic_size = sizeof(PanelObject);
  t->tp_new = no_new;
  t->tp_dealloc = panel_dealloc;
  t->methods = kPanelMethods;
  type_ready(t);
  Ref<Str> n = str_from_ascii("error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("_curses_panel");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return;
  g_panel_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

}  // namespace

Ref<> curses_panel_module_create() {
  static std::once_flag once;
  std::call_once(once, types_init_once);
  if (!g_panel_error) return err_set_str(g_SystemError, "_curses_panel: could not make the error type");
  Ref<> m = module_new("_curses_panel");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kPanelFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<> version = str_from_ascii("2.1");
  if (!version || dict_set_item_str(d, "error", Value(g_panel_error)) < 0 ||
      dict_set_item_str(d, "panel", Value(&g_panel_type)) < 0 || dict_set_item_str(d, "version", version.val()) < 0 ||
      dict_set_item_str(d, "__version__", version.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
