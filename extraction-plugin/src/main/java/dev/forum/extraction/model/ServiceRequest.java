package dev.forum.extraction.model;

import java.util.List;

/**
 * One service to build.
 *
 * @param name    the service's name: its folder and jar name
 * @param modules  the modules it runs in process
 * @param monolith whether this is the topology's monolith, which holds every module (so it may share a
 *                 module with another requested service: both hold it during a cutover)
 */
public record ServiceRequest(String name, List<String> modules, boolean monolith) {

    public ServiceRequest {
        modules = List.copyOf(modules);
    }

    public ServiceRequest(String name, List<String> modules) {
        this(name, modules, false);
    }
}
