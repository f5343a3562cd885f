package forum.users.internal.persistence;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface UserRepository extends ListCrudRepository<UserRow, Long> {

    @Query("select * from users.users order by id limit :limit offset :offset")
    List<UserRow> findPage(int limit, int offset);

    boolean existsByUsername(String username);
}
