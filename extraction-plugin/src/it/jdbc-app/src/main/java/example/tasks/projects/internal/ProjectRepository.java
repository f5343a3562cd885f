package example.tasks.projects.internal;

import org.springframework.data.repository.CrudRepository;

interface ProjectRepository extends CrudRepository<Project, Long> {
}
