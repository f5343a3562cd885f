package example.tasks.tasks;

public record TaskView(Long id, long projectId, String projectName, String title) {
}
