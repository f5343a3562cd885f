package example.tasks.projects;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

@HttpExchange(url = "/api/projects", accept = "application/json")
public interface ProjectsApi {

    @GetExchange("/{id}")
    ProjectView get(@PathVariable("id") long id);

    @PostExchange(contentType = "application/json")
    ProjectView create(@RequestBody ProjectView project);
}
