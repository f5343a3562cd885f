package forum.users.internal.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends ListCrudRepository<UserRow, Long> {

    @Query("select * from users.users order by id limit :limit offset :offset")
    List<UserRow> findPage(int limit, int offset);

    boolean existsByUsername(String username);

    /**
     * One row by id, outside a transaction: the inherited method runs in a read-only one, which costs
     * the database two more round trips (begin, commit) for a single select. The hot path of every GET by id.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<UserRow> findById(Long id);
}
