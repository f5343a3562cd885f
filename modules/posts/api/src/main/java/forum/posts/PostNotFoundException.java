package forum.posts;

import forum.platform.ResourceNotFoundException;

/** No post has the given id. */
public class PostNotFoundException extends ResourceNotFoundException {

    public PostNotFoundException(PostId id) {
        super("No post with id " + id);
    }
}
