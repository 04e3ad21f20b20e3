// Ctrl-C during long C++ work. Python's signal handler only sets a flag that
// the interpreter looks at between bytecodes; C++ threads running without the
// GIL never see it. So the work runs on a thread of its own while the calling
// thread, holding the GIL, checks for signals every few milliseconds: on one,
// it asks the work to stop (std::stop_token: no thread takes another file),
// waits for the files being read, and raises what the handler raised
// (KeyboardInterrupt).
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <stop_token>
#include <thread>
#include <utility>

namespace pledgetrack::python {

/// Runs `work(stop)` and returns its result, calling `tick()` (if given: a
/// progress bar) on the calling thread at every check. Called with the GIL
/// held; the work runs without it.
template <class Result>
Result run_interruptibly(const std::function<Result(std::stop_token)>& work,
                         const std::function<void()>& tick = {}) {
  namespace py = pybind11;
  using namespace std::chrono_literals;
  std::stop_source stop;
  std::packaged_task<Result()> task([&] { return work(stop.get_token()); });
  std::future<Result> result = task.get_future();
  std::thread worker;
  const auto stop_and_wait = [&] {
    stop.request_stop();
    const py::gil_scoped_release unlocked;
    if (worker.joinable()) worker.join();
  };
  try {
    {
      const py::gil_scoped_release unlocked;
      worker = std::thread(std::move(task));
    }
    for (;;) {
      std::future_status state{};
      {
        const py::gil_scoped_release unlocked;
        state = result.wait_for(50ms);
      }
      if (tick) tick();
      if (state == std::future_status::ready) break;
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();  // KeyboardInterrupt, usually
    }
  } catch (...) {
    stop_and_wait();  // the work must not outlive what it refers to
    throw;
  }
  {
    const py::gil_scoped_release unlocked;
    worker.join();
  }
  return result.get();  // the work's exception, if any, rethrown here
}

}  // namespace pledgetrack::python
