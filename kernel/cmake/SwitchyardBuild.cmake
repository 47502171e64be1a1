# The rules every Switchyard plugin is built by, shared by the source tree (the kernel and
# plugins/SwitchyardPlugin.cmake) and the installed SDK (find_package(Switchyard)), so an
# out-of-tree plugin is built exactly as the shipped ones.

# switchyard_build_id(<out-var> ABI <abi version> SANITIZER <tag>)
#
# The build id for the current C++ compiler: everything that must match between the kernel and a
# plugin for C++ objects to cross (compiler and version, C++ standard, POCO and Boost versions,
# sanitizers). Poco_VERSION and Boost_VERSION must be set (find_package(Poco), find_package(Boost)).
function(switchyard_build_id outVar)
    cmake_parse_arguments(ID "" "ABI;SANITIZER" "" ${ARGN})
    set(${outVar}
        "abi${ID_ABI}/${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}/c++20/poco-${Poco_VERSION}/boost-${Boost_VERSION}/${ID_SANITIZER}"
        PARENT_SCOPE)
endfunction()

# switchyard_unloadable(<target>)
#
# GCC marks some template statics STB_GNU_UNIQUE, which makes a library impossible to unload;
# plugins must unload once their last object is gone.
function(switchyard_unloadable target)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -fno-gnu-unique)
    endif()
endfunction()

# switchyard_plugin_module_properties(<module target>)
#
# What the kernel requires of a loadable plugin library: C++20, position-independent code,
# hidden visibility (only the entry point is exported), every symbol resolved at link time
# (--no-undefined: the kernel loads with RTLD_NOW and exports nothing to plugins), no "lib"
# prefix, and unloadable.
function(switchyard_plugin_module_properties target)
    set_target_properties(${target} PROPERTIES PREFIX "" CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON
                                               CXX_EXTENSIONS OFF POSITION_INDEPENDENT_CODE ON
                                               CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
    target_link_options(${target} PRIVATE LINKER:--no-undefined)
    switchyard_unloadable(${target})
endfunction()
