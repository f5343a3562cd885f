package example.tasks.tasks.internal;

import org.springframework.data.annotation.Id;

/** Refers to its project by id only. */
record Task(@Id Long id, long projectId, String title, TaskStatus status) {
}
