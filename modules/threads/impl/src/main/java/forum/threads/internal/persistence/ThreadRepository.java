package forum.threads.internal.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface ThreadRepository extends ListCrudRepository<ThreadRow, Long> {

    @Query(value = "select * from threads.threads order by id limit :limit offset :offset",
            rowMapperClass = ThreadRowMapper.class)
    List<ThreadRow> findPage(int limit, int offset);

    /**
     * One row by id, outside a transaction: the inherited method runs in a read-only one, which costs
     * the database two more round trips (begin, commit) for a single select. The hot path of every GET by id.
     * Declared as a query so that its row goes through {@link ThreadRowMapper} too.
     */
    @Override
    @Query(value = "select * from threads.threads where id = :id", rowMapperClass = ThreadRowMapper.class)
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<ThreadRow> findById(Long id);
}
