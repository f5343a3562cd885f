package forum.users.internal.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends ListCrudRepository<UserRow, Long> {

    @Query(value = "select * from users.users order by id limit :limit offset :offset",
            rowMapperClass = UserRowMapper.class)
    List<UserRow> findPage(int limit, int offset);

    /**
     * Whether a user has this {@link UsernameKey}: the username in any case. A row written without a key (by a process
     * of the version before V5, during the rolling deployment that brings it) is compared by its folded username.
     * Both branches use the unique key's index (a B-tree finds {@code IS NULL} too), so no scan of the table.
     */
    @Query("select count(*) > 0 from users.users where username_key = :usernameKey or (username_key is null"
            + " and translate(username, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = :usernameKey)")
    boolean existsByUsernameKey(String usernameKey);

    /**
     * One row by id, outside a transaction: the inherited method runs in a read-only one, which costs
     * the database two more round trips (begin, commit) for a single select. The hot path of every GET by id.
     * Declared as a query so that its row goes through {@link UserRowMapper} too.
     */
    @Override
    @Query(value = "select * from users.users where id = :id", rowMapperClass = UserRowMapper.class)
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<UserRow> findById(Long id);
}
