package dev.forum.extraction.model;

import java.util.List;

/**
 * One service to build.
 *
 * @param name    the service's name: its folder and jar name
 * @param modules the modules it runs in process
 */
public record ServiceRequest(String name, List<String> modules) {

    public ServiceRequest {
        modules = List.copyOf(modules);
    }
}
