// GoogleTest fixture that starts the ftpy runtime once per test binary and
// offers helpers to run Python snippets (STYLE.md: C++ tests that run Python
// through a fixture).
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "runtime/pythonrun.h"
#include "runtime/thread_state.h"
#include "vm/traceback.h"

namespace ftpy {

// A second registered thread that waits detached for the helper's lifetime.
// While it exists, object locks are taken for real (critical_section.h:
// single-thread lock elision); its attach stops the world, so the creating
// thread waits for it detached.
class SecondThread {
 public:
  SecondThread()
      : thread_([this] {
          ThreadState* me = thread_attach_new(false);
          ready_.store(true);
          {
            DetachedScope d;
            while (!stop_.load()) std::this_thread::yield();
          }
          thread_detach_delete(me);
        }) {
    DetachedScope d;
    while (!ready_.load()) std::this_thread::yield();
  }
  ~SecondThread() {
    stop_.store(true);
    DetachedScope d;
    thread_.join();
  }
  SecondThread(const SecondThread&) = delete;
  SecondThread& operator=(const SecondThread&) = delete;

 private:
  std::atomic<bool> ready_{false}, stop_{false};
  std::thread thread_;
};

class RuntimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool started = false;
    if (!started) {
      InterpConfig cfg;
      cfg.argv = {""};
      ASSERT_TRUE(runtime_init(cfg));
      started = true;
    }
  }
  void SetUp() override { globals_ = dict_new(); dict_set_item(globals_.val(), Value(str_intern("__name__")), Value(str_intern("__test__"))); }

  // Run statements; returns false (and records the traceback) on an exception.
  bool exec(const std::string& src) {
    Ref<> r = run_source(src, "<test>", CompileMode::kExec, globals_.val(), Value());
    if (!r) last_error_ = take_error();
    return static_cast<bool>(r);
  }
  // Evaluate an expression and return its repr ("<error: ...>" on exception).
  std::string eval_repr(const std::string& src) {
    Ref<> r = run_source(src, "<test>", CompileMode::kEval, globals_.val(), Value());
    if (!r) return "<error: " + take_error() + ">";
    return repr_utf8(r.val());
  }
  std::string take_error() {
    Ref<> e = err_fetch();
    if (!e) return "";
    std::string s = format_exception(e.val());
    while (!s.empty() && s.back() == '\n') s.pop_back();
    size_t nl = s.rfind('\n');
    return nl == std::string::npos ? s : s.substr(nl + 1);  // the last line: "Type: message"
  }

  Ref<Dict> globals_;
  std::string last_error_;
};

}  // namespace ftpy
