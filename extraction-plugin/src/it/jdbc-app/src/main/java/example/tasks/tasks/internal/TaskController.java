package example.tasks.tasks.internal;

import example.tasks.projects.ProjectView;
import example.tasks.projects.ProjectsApi;
import example.tasks.tasks.TaskView;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

    private final TaskRepository tasks;
    private final ProjectsApi projects;

    TaskController(TaskRepository tasks, ProjectsApi projects) {
        this.tasks = tasks;
        this.projects = projects;
    }

    @PostMapping("/api/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    TaskView create(@RequestBody Map<String, Object> task) {
        ProjectView project = projects.get(((Number) task.get("projectId")).longValue());
        Task saved = tasks.save(new Task(null, project.id(), (String) task.get("title"), TaskStatus.OPEN));
        return new TaskView(saved.id(), project.id(), project.name(), saved.title());
    }
}
