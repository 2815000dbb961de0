# Install rules: the CLI, the shared and static libraries, the public headers (with the
# generated version.h), scoutlab.pc, a CMake package (find_package(scoutlab)), the bundled data
# (role profiles, position overrides, chart templates) into share/scoutlab, the man page and
# bash completion. Every installed path is relative, so an installed tree can be moved whole:
# the CLI finds ../lib by RUNPATH and ../share/scoutlab at run time (datadir.h), scoutlab.pc
# and the CMake package find their prefix from where they are.
include(CMakePackageConfigHelpers)

install(TARGETS scoutlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS scoutlab_shared EXPORT scoutlab-targets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS scoutlab_lib EXPORT scoutlab-static-targets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

# Every public header (a new include/scoutlab/*.h is installed without editing this file).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/scoutlab DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/scoutlab/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/scoutlab)

# Bundled data: what the library finds with sl_data_file() / sl_data_plot_dir().
install(FILES ${PROJECT_SOURCE_DIR}/datasets/profiles.csv ${PROJECT_SOURCE_DIR}/datasets/positions-override.csv
  DESTINATION ${SCOUTLAB_INSTALL_DATADIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/plots/ DESTINATION ${SCOUTLAB_INSTALL_DATADIR}/plots
  FILES_MATCHING PATTERN "*.gp")
# The fictional demo data, so the installed scoutlab can run the README's demo anywhere.
install(FILES ${PROJECT_SOURCE_DIR}/datasets/players.csv ${PROJECT_SOURCE_DIR}/datasets/values.csv
  ${PROJECT_SOURCE_DIR}/datasets/contracts.csv ${PROJECT_SOURCE_DIR}/datasets/transfers.csv
  ${PROJECT_SOURCE_DIR}/datasets/README.md DESTINATION ${SCOUTLAB_INSTALL_DATADIR}/demo)

# pkg-config: prefix relative to the .pc file itself (pkg-config and pkgconf expand ${pcfiledir}).
file(RELATIVE_PATH SCOUTLAB_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" SCOUTLAB_PC_TO_PREFIX "${SCOUTLAB_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/scoutlab.pc.in ${PROJECT_BINARY_DIR}/scoutlab.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/scoutlab.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# CMake package: scoutlab::scoutlab (shared) and, when its dependencies are found, scoutlab::scoutlab_static.
set(SCOUTLAB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scoutlab)
install(EXPORT scoutlab-targets NAMESPACE scoutlab:: DESTINATION ${SCOUTLAB_CMAKE_DIR})
install(EXPORT scoutlab-static-targets NAMESPACE scoutlab:: DESTINATION ${SCOUTLAB_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/scoutlabConfig.cmake.in
  ${PROJECT_BINARY_DIR}/scoutlabConfig.cmake INSTALL_DESTINATION ${SCOUTLAB_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/scoutlabConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/scoutlabConfig.cmake ${PROJECT_BINARY_DIR}/scoutlabConfigVersion.cmake
  DESTINATION ${SCOUTLAB_CMAKE_DIR})

# Man page and bash completion, generated from the CLI's own help texts at build time.
add_subdirectory(${PROJECT_SOURCE_DIR}/man ${PROJECT_BINARY_DIR}/man)
