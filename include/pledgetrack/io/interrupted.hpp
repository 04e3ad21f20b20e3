// What a reader throws when asked to stop (Ctrl-C, in the Python package and
// the command line): between files of a batch, and every so many rows inside
// one big file.
#pragma once

#include <stdexcept>

namespace pledgetrack::io {

/// Thrown when a stop token is set before the work is done. Not a
/// pledgetrack::error: nothing is wrong with the data.
class interrupted : public std::runtime_error {
 public:
  interrupted() : std::runtime_error("interrupted: stopped before every file was done") {}
};

}  // namespace pledgetrack::io
