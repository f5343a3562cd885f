package example.tasks.stats;

import example.tasks.tasks.internal.TaskStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Names a type tasks keeps internal. */
@RestController
class Statistics {

    @GetMapping("/api/stats/statuses")
    List<String> statuses() {
        return java.util.Arrays.stream(TaskStatus.values()).map(Enum::name).toList();
    }
}
