package dev.forum.standin.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free loopback ports, each handed out once per run. */
public final class Ports {

    private final Set<Integer> given = new HashSet<>();

    public synchronized int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (given.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free loopback port after 50 attempts");
    }

    /** {@code port} itself when it is free, else an error saying which port is taken. */
    public synchronized int require(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            given.add(port);
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken: stop what uses it or choose another"
                    + " port (--port)");
        }
    }
}
