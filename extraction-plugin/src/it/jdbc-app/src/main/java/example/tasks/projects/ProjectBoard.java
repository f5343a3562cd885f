package example.tasks.projects;

import example.tasks.tasks.TaskView;
import java.util.List;

/**
 * A project with its tasks: a type of projects' API naming a type of tasks' API, while tasks calls projects' HTTP
 * contract, so the two modules depend on each other in a cycle (Spring Modulith's verify() rejects it; the report
 * warns, and both stay extractable).
 */
public record ProjectBoard(ProjectView project, List<TaskView> tasks) {
}
