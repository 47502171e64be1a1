# switchyard_add_plugin(NAME <kind>-<impl> SOURCES <logic files> [LIBS <libraries>])
#
# Builds a plugin the way the kernel requires:
#   - switchyard-<name>-logic: an OBJECT library of the logic files, which unit tests link
#     directly (no dlopen);
#   - switchyard-<name>: the loadable MODULE, the logic plus PluginEntry.cpp, named without the
#     "lib" prefix, with hidden visibility and --no-undefined, in the plugin output folder.
# GCC marks some template statics STB_GNU_UNIQUE, which makes a library impossible to unload;
# plugins must unload once their last object is gone.
function(switchyard_unloadable target)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -fno-gnu-unique)
    endif()
endfunction()

function(switchyard_add_plugin)
    cmake_parse_arguments(PLUGIN "" "NAME" "SOURCES;LIBS" ${ARGN})
    set(logic switchyard-${PLUGIN_NAME}-logic)
    set(module switchyard-${PLUGIN_NAME})

    add_library(${logic} OBJECT ${PLUGIN_SOURCES})
    target_include_directories(${logic} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(${logic} PUBLIC switchyard_plugin_api ${PLUGIN_LIBS})
    set_target_properties(${logic} PROPERTIES POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden
                                              VISIBILITY_INLINES_HIDDEN ON)
    switchyard_target_defaults(${logic})

    add_library(${module} MODULE ${CMAKE_CURRENT_SOURCE_DIR}/PluginEntry.cpp)
    target_link_libraries(${module} PRIVATE ${logic})
    target_link_options(${module} PRIVATE LINKER:--no-undefined)
    switchyard_unloadable(${logic})
    switchyard_unloadable(${module})
    set_target_properties(${module} PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
                                               LIBRARY_OUTPUT_DIRECTORY ${SWITCHYARD_PLUGIN_OUTPUT_DIRECTORY})
    switchyard_target_defaults(${module})
    install(TARGETS ${module} LIBRARY DESTINATION lib/switchyard/plugins COMPONENT runtime)
endfunction()
