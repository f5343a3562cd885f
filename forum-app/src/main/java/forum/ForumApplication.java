package forum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * The forum as one process: every module whose implementation is on the class path is started here.
 * Each module lives in its own package below {@code forum} and brings its own configuration.
 */
@SpringBootApplication
public class ForumApplication {

    /** With {@code -Dforum.startup.jfr=true}, Spring's start-up steps go to Java Flight Recorder (bench/startup-profile.sh). */
    static final String STARTUP_JFR = "forum.startup.jfr";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ForumApplication.class);
        if (Boolean.getBoolean(STARTUP_JFR)) {
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
