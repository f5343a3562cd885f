package example.tasks.projects;

public record ProjectView(Long id, String name) {
}
