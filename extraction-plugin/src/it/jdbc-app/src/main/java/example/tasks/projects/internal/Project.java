package example.tasks.projects.internal;

import org.springframework.data.annotation.Id;

record Project(@Id Long id, String name) {
}
