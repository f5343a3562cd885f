package forum.platform.settings;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks the address and port each of the process's HTTP servers binds to ({@code server.port},
 * {@code server.address}, and Actuator's {@code management.server.port}, {@code management.server.address}) before
 * any bean is made, so that a value Tomcat would refuse only when it starts, after the modules' schemas are migrated,
 * stops the start at once with one line naming the setting ({@link InvalidSettingFailureAnalyzer}) instead of
 * Tomcat's stack trace ("port out of range", "Cannot assign requested address").
 *
 * <p>The rules are Spring Boot's and the operating system's: a port is 0 to 65535 (0: any free port), or -1 for no
 * HTTP server at all; an address must be one of this machine's (or the wildcard), since a socket binds only there.
 * A port already in use is left to Spring Boot's own failure analyzer, which names it.
 */
@Component
class ServerBindingSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final List<String> PORTS = List.of("server.port", "management.server.port");
    private static final List<String> ADDRESSES = List.of("server.address", "management.server.address");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** @throws InvalidSettingException for the first port or address setting that no server could bind to */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String setting : PORTS) {
            String value = environment.getProperty(setting);
            if (value != null) {
                checkPort(setting, value);
            }
        }
        for (String setting : ADDRESSES) {
            String value = environment.getProperty(setting);
            if (value != null && !value.isBlank()) {
                checkAddress(setting, value.strip());
            }
        }
    }

    /**
     * @param setting the setting's name, for the message
     * @param value   the value as written
     * @throws InvalidSettingException unless the value is a whole number from -1 to 65535
     */
    static void checkPort(String setting, String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            port = Integer.MIN_VALUE;
        }
        if (port < -1 || port > 65535) {
            throw new InvalidSettingException(setting + "=" + value + ": a port is a whole number from 1 to 65535"
                    + " (0: any free port, -1: no HTTP server)", null);
        }
    }

    /**
     * @param setting the setting's name, for the message
     * @param value   a host name or an IP address
     * @throws InvalidSettingException if the value names no address, or one that is not this machine's
     */
    static void checkAddress(String setting, String value) {
        InetAddress address;
        try {
            address = InetAddress.getByName(value);
        } catch (UnknownHostException unknown) {
            throw new InvalidSettingException(setting + "=" + value + ": no such host; give an address of this"
                    + " machine (0.0.0.0 for all of them, 127.0.0.1 for loopback only)", unknown);
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !isThisMachines(address)) {
            throw new InvalidSettingException(setting + "=" + value + ": " + address.getHostAddress() + " is not an"
                    + " address of this machine, so no server can listen there; give one of its own (0.0.0.0 for"
                    + " all of them, 127.0.0.1 for loopback only)", null);
        }
    }

    private static boolean isThisMachines(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException unreadable) {
            return true; // the interfaces cannot be listed: leave the verdict to the bind itself
        }
    }
}
