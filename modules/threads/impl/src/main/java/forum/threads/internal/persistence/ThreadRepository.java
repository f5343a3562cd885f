package forum.threads.internal.persistence;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ThreadRepository extends ListCrudRepository<ThreadRow, Long> {

    @Query("select * from threads.threads order by id limit :limit offset :offset")
    List<ThreadRow> findPage(int limit, int offset);
}
