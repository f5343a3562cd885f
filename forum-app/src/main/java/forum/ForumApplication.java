package forum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The forum as one process: every module whose implementation is on the class path is started here.
 * Each module lives in its own package below {@code forum} and brings its own configuration.
 */
@SpringBootApplication
public class ForumApplication {

    public static void main(String[] args) {
        SpringApplication.run(ForumApplication.class, args);
    }
}
