package dev.forum.extraction.model;

import java.util.List;

/**
 * One service to build.
 *
 * @param name            the service's name: its folder and jar name
 * @param modules         the modules it runs in process
 * @param monolith        whether this is the topology's monolith, which holds every module (so it may share a
 *                        module with another requested service: both hold it during a cutover)
 * @param topologyService whether it is a service of the topology file (else a module built as a service of its own)
 */
public record ServiceRequest(String name, List<String> modules, boolean monolith, boolean topologyService) {

    public ServiceRequest {
        modules = List.copyOf(modules);
    }

    /** A service named in no topology file: a module alone (or modules a test groups). */
    public ServiceRequest(String name, List<String> modules) {
        this(name, modules, false, false);
    }

    /** A monolith (always the topology file's) or a service named in no topology file. */
    public ServiceRequest(String name, List<String> modules, boolean monolith) {
        this(name, modules, monolith, monolith);
    }

    /**
     * How messages name it: {@code Service 'boxoffice'}, or {@code Module 'mailer' alone} for a module built as a service
     * of its own, which is no service of the topology file.
     */
    public String subject() {
        return !topologyService && modules.equals(List.of(name)) ? "Module '" + name + "' alone" : "Service '" + name + "'";
    }
}
