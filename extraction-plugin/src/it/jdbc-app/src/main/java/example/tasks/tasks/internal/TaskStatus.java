package example.tasks.tasks.internal;

public enum TaskStatus { OPEN, DONE }
