// Embedding ftpy: a C++ program starts the interpreter, defines a Python
// function that calls back into C++, and calls it from several of its own OS
// threads at once, each attached to the runtime. Then it finalises.
//
//   embed_demo [threads] [calls_per_thread]     (default 4 x 10000)
//
// Prints one summary line and exits 0 when every result was right.
#include <ftpy/ftpy.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace fa = ftpy::api;

namespace {

// scale(x, /): a C++ function that Python code calls.
fa::Handle scale(fa::View, fa::Args args) {
  int64_t x;
  if (!args[0].as_int(&x)) return {};
  return fa::integer(x * 3);
}
const ftpy_method_def kScale = fa::def<scale>("scale(x, /)", "Multiply by three (in C++).");

constexpr const char* kProgram =
    "import threading\n"
    "calls = 0\n"
    "calls_lock = threading.Lock()\n"
    "def work(t, j, *, offset=0):\n"
    "    global calls\n"
    "    if j % 1000 == 0:\n"
    "        with calls_lock:\n"
    "            calls += 1\n"
    "    return scale(t) * 1_000_003 + j * j + offset\n";

int64_t expected(int64_t t, int64_t j) { return t * 3 * 1'000'003 + j * j + 7; }

}  // namespace

int main(int argc, char** argv) {
  int threads = argc > 1 ? std::atoi(argv[1]) : 4;
  int calls = argc > 2 ? std::atoi(argv[2]) : 10000;
  fa::Interpreter interp;
  if (!interp.ok()) return 1;

  fa::Handle main_module = fa::import("__main__");
  fa::Handle scale_fn = fa::function(&kScale);
  if (!main_module || !scale_fn || !main_module.set_attr("scale", scale_fn) || !fa::exec(kProgram)) {
    fa::print_error();
    return 1;
  }
  fa::Handle work = main_module.attr("work");
  fa::Handle kwargs = fa::dict();
  if (!work || !kwargs || !kwargs.set_item(fa::str("offset"), fa::integer(7))) {
    fa::print_error();
    return 1;
  }

  std::atomic<int64_t> ok{0}, bad{0};
  {
    // The main thread only waits: detached, it holds up neither the GIL
    // (PYTHON_GIL=1) nor a stop-the-world.
    fa::BlockingScope waiting;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; t++) {
      pool.emplace_back([&, t] {
        fa::AttachedThread attached;
        if (!attached.ok()) {
          bad++;
          return;
        }
        for (int j = 0; j < calls; j++) {
          fa::Handle r = work.call({fa::integer(t), fa::integer(j)}, kwargs);
          int64_t v;
          if (r && r.as_int(&v) && v == expected(t, j)) {
            ok++;
          } else {
            if (!r || fa::error_occurred()) fa::print_error();
            bad++;
          }
        }
      });
    }
    for (std::thread& th : pool) th.join();
  }

  fa::Handle counted = main_module.attr("calls");
  int64_t python_calls = -1;
  if (!counted || !counted.as_int(&python_calls)) fa::print_error();
  int64_t want_python_calls = int64_t{threads} * ((calls + 999) / 1000);
  std::printf("embed_demo: %d threads x %d calls: %lld ok, %lld wrong; Python counted %lld of %lld; GIL %s\n",
              threads, calls, static_cast<long long>(ok.load()), static_cast<long long>(bad.load()),
              static_cast<long long>(python_calls), static_cast<long long>(want_python_calls),
              ftpy_gil_enabled() ? "on" : "off");
  // Release our references while still attached, then finalise.
  work.reset();
  kwargs.reset();
  counted.reset();
  scale_fn.reset();
  main_module.reset();
  int status = interp.finalize();
  return (bad == 0 && python_calls == want_python_calls && status == 0) ? 0 : 1;
}
