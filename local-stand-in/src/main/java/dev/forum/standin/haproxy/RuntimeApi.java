package dev.forum.standin.haproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HAProxy's runtime API over its stats socket (a Unix socket, so plain Java, no socat): weights and server states
 * change here without a reload, and the counters say what each server is doing. One command per connection.
 */
public final class RuntimeApi {

    /** A server's admin state, as {@code set server <backend>/<server> state} takes it. */
    public enum State {
        /** takes traffic */
        READY,
        /** takes no new requests; those in flight finish (the ALB's deregistration) */
        DRAIN,
        /** out of the load balancer, not even checked */
        MAINT
    }

    private final Path socket;

    public RuntimeApi(Path socket) {
        this.socket = socket;
    }

    /** Sends one command and returns HAProxy's answer. */
    public String command(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy's runtime API (" + socket + ") did not answer '" + command + "': "
                    + e.getMessage(), e);
        }
    }

    /** Whether the socket answers. */
    public boolean answers() {
        try {
            return command("show info").contains("Name:");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    public void setWeight(String backend, String server, int weight) {
        expectEmpty("set weight " + backend + "/" + server + " " + weight);
    }

    public void setState(String backend, String server, State state) {
        expectEmpty("set server " + backend + "/" + server + " state " + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void expectEmpty(String command) {
        String answer = command(command).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException("HAProxy refused '" + command + "': " + answer);
        }
    }

    /** Every server of every backend, from {@code show stat}. */
    public List<ServerStatus> servers() {
        String csv = command("show stat");
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new IllegalStateException("unexpected answer to 'show stat': " + csv);
        }
        String[] header = lines.get(0).substring(2).split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        List<ServerStatus> servers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            String name = cells[column.get("svname")];
            if (name.equals("FRONTEND") || name.equals("BACKEND")) {
                continue;
            }
            servers.add(new ServerStatus(cells[column.get("pxname")], name, cells[column.get("status")],
                    number(cells[column.get("weight")]), number(cells[column.get("scur")]),
                    number(cells[column.get("stot")]), cells[column.get("check_status")]));
        }
        return servers;
    }

    private static int number(String cell) {
        return cell.isEmpty() ? 0 : Integer.parseInt(cell);
    }
}
