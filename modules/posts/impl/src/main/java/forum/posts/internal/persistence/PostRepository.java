package forum.posts.internal.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Posts in the order they were written, which is id order. */
public interface PostRepository extends ListCrudRepository<PostRow, Long> {

    @Query(value = "select * from posts.posts order by id limit :limit offset :offset",
            rowMapperClass = PostRowMapper.class)
    List<PostRow> findPage(int limit, int offset);

    @Query(value = "select * from posts.posts where thread_id = :thread order by id limit :limit offset :offset",
            rowMapperClass = PostRowMapper.class)
    List<PostRow> findPageInThread(long thread, int limit, int offset);

    @Query(value = "select * from posts.posts where user_id = :user order by id limit :limit offset :offset",
            rowMapperClass = PostRowMapper.class)
    List<PostRow> findPageByUser(long user, int limit, int offset);

    /**
     * One row by id, outside a transaction: the inherited method runs in a read-only one, which costs
     * the database two more round trips (begin, commit) for a single select. The hot path of every GET by id.
     * Declared as a query so that its row goes through {@link PostRowMapper} too.
     */
    @Override
    @Query(value = "select * from posts.posts where id = :id", rowMapperClass = PostRowMapper.class)
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<PostRow> findById(Long id);
}
