package example.tasks.projects.internal;

import example.tasks.projects.ProjectView;
import example.tasks.projects.ProjectsApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class ProjectController implements ProjectsApi {

    private final ProjectRepository projects;

    ProjectController(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public ProjectView get(long id) {
        Project project = projects.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no project " + id));
        return new ProjectView(project.id(), project.name());
    }

    @Override
    public ProjectView create(ProjectView project) {
        Project saved = projects.save(new Project(null, project.name()));
        return new ProjectView(saved.id(), saved.name());
    }
}
