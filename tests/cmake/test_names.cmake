# ctest runs each doctest case by name (doctest_discover_tests), and CMake
# splits a name at ';': such a case would run no assertion and still pass.
# This check fails when any test case name holds a ';'.
execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-cases OUTPUT_VARIABLE names RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "could not list the test cases of ${TEST_EXECUTABLE}")
endif()
string(FIND "${names}" ";" at)
if(NOT at EQUAL -1)
  string(SUBSTRING "${names}" ${at} 80 around)
  message(FATAL_ERROR "a doctest case name holds ';', which ctest cannot run by name: ...${around}")
endif()
