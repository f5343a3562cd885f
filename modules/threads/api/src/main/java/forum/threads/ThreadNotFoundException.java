package forum.threads;

import forum.platform.ResourceNotFoundException;

/** No thread has the given id. */
public class ThreadNotFoundException extends ResourceNotFoundException {

    public ThreadNotFoundException(ThreadId id) {
        super("No thread with id " + id);
    }
}
