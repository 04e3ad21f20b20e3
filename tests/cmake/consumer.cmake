# Installs pledgetrack into a scratch prefix, then configures, builds and runs
# examples/cpp against that installed tree (not the source tree): the proof
# that find_package(pledgetrack) works for C++ users; then a header-only
# program that links pledgetrack::core alone; then the first program with
# pledgetrack as an add_subdirectory subproject.
# Variables: SOURCE_DIR, BINARY_DIR, WORK_DIR, GENERATOR.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/examples/cpp" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/seed_rate" "${SOURCE_DIR}/examples/data/gwangju-seogu/2024-03-31.csv")
message("${last_output}")
if(NOT last_output MATCHES "광주광역시 서구 2024-03-31: 공약이행완료율 33/49 = 67.3%")
  message(FATAL_ERROR "the find_package consumer printed an unexpected rate: ${last_output}")
endif()

# A header-only consumer links pledgetrack::core alone: 2 of 3 projects done,
# 2/3 = 66.67 %, shown as 66.7% (one decimal, as the seed's 67.3%).
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/cmake/header_only" -B "${WORK_DIR}/header_only" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/header_only")
run("${WORK_DIR}/header_only/core_rate")
message("${last_output}")
if(NOT last_output MATCHES "광주광역시 서구 2024-03-31: 공약이행완료율 2/3 = 66.7%")
  message(FATAL_ERROR "the header-only consumer printed an unexpected rate: ${last_output}")
endif()

# The same program with pledgetrack as a subproject (add_subdirectory): its
# tests, benchmarks and install rules stay off, as they should for a subproject.
# No build type is given, so that the subproject proves it keeps an empty one.
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/cmake/subproject" -B "${WORK_DIR}/subproject" -G "${GENERATOR}"
    "-DPLEDGETRACK_SOURCE_DIR=${SOURCE_DIR}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/subproject")
run("${WORK_DIR}/subproject/seed_rate" "${SOURCE_DIR}/examples/data/gwangju-seogu/2024-03-31.csv")
message("${last_output}")
if(NOT last_output MATCHES "공약이행완료율 33/49 = 67.3%")
  message(FATAL_ERROR "the add_subdirectory consumer printed an unexpected rate: ${last_output}")
endif()
