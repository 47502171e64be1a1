# switchyard_add_plugin(NAME <kind>-<impl> SOURCES <logic files> [LIBS <libraries>])
#
# Builds a plugin the way the kernel requires:
#   - switchyard-<name>-logic: an OBJECT library of the logic files, which unit tests link
#     directly (no dlopen);
#   - switchyard-<name>: the loadable MODULE, the logic plus PluginEntry.cpp, named without the
#     "lib" prefix, with hidden visibility and --no-undefined, in the plugin output folder.
# The flags are those of the installed SDK (kernel/cmake/SwitchyardBuild.cmake), so vendor
# plugins are built the same way.
include(${CMAKE_CURRENT_LIST_DIR}/../kernel/cmake/SwitchyardBuild.cmake)

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
    switchyard_unloadable(${logic})
    switchyard_plugin_module_properties(${module})
    set_target_properties(${module} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${SWITCHYARD_PLUGIN_OUTPUT_DIRECTORY})
    switchyard_target_defaults(${module})
    # Shared objects are not programs: 0644, as Debian policy wants them.
    install(TARGETS ${module} LIBRARY DESTINATION lib/switchyard/plugins COMPONENT runtime
            PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endfunction()
