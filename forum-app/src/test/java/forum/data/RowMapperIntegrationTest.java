package forum.data;

import static org.assertj.core.api.Assertions.assertThat;

import forum.posts.internal.persistence.PostRepository;
import forum.posts.internal.persistence.PostRow;
import forum.threads.internal.persistence.ThreadRepository;
import forum.threads.internal.persistence.ThreadRow;
import forum.users.internal.persistence.UserRepository;
import forum.users.internal.persistence.UserRow;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.test.context.TestPropertySource;

/**
 * The repositories read rows through hand-written row mappers ({@code UserRowMapper}, {@code ThreadRowMapper},
 * {@code PostRowMapper}) instead of Spring Data JDBC's reflective mapping, for speed. Each read must give exactly the
 * rows the library's own mapping gives ({@link JdbcAggregateOperations}, on the module's own aggregate template), for
 * every row of the sample data and for a row written here with every column set to something of its own.
 */
@SpringBootTest
@TestPropertySource(properties = "forum.test.context=row-mapper")
class RowMapperIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserRepository users;
    @Autowired
    ThreadRepository threads;
    @Autowired
    PostRepository posts;

    private JdbcAggregateOperations library(String module) {
        return context.getBean(module + "JdbcAggregateOperations", JdbcAggregateOperations.class);
    }

    private static <T> List<T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().sorted(Comparator.comparing(id)).toList();
    }

    @Test
    void usersAreReadAsTheLibraryReadsThem() {
        UserRow written = users.save(new UserRow(null, "Row.Mapper_1", "row.mapper_1", "Row Mapper", "bio with ' and \" and é"));
        List<UserRow> expected = byId(library("users").findAll(UserRow.class), UserRow::id);

        assertThat(expected).contains(written).hasSizeGreaterThan(1);
        assertThat(users.findPage(1000, 0)).isEqualTo(expected);
        assertThat(users.findPage(1, 1)).containsExactly(expected.get(1));
        for (UserRow row : expected) {
            assertThat(users.findById(row.id())).contains(row);
        }
        assertThat(users.findById(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void threadsAreReadAsTheLibraryReadsThem() {
        ThreadRow written = threads.save(new ThreadRow(null, "A thread of the row mapper's", 987_654_321_012L));
        List<ThreadRow> expected = byId(library("threads").findAll(ThreadRow.class), ThreadRow::id);

        assertThat(expected).contains(written).hasSizeGreaterThan(1);
        assertThat(threads.findPage(1000, 0)).isEqualTo(expected);
        for (ThreadRow row : expected) {
            assertThat(threads.findById(row.id())).contains(row);
        }
        assertThat(threads.findById(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void postsAreReadAsTheLibraryReadsThem() {
        // thread and user differ from each other and from the id, so that two columns swapped would show.
        PostRow written = posts.save(new PostRow(null, 123_456_789L, "A post of the row mapper's", 987_654_321L));
        List<PostRow> expected = byId(library("posts").findAll(PostRow.class), PostRow::id);

        assertThat(expected).contains(written).hasSizeGreaterThan(1);
        assertThat(posts.findPage(1000, 0)).isEqualTo(expected);
        assertThat(posts.findPageInThread(123_456_789L, 1000, 0)).containsExactly(written);
        assertThat(posts.findPageByUser(987_654_321L, 1000, 0)).containsExactly(written);
        assertThat(posts.findPageInThread(1, 1000, 0))
                .isEqualTo(expected.stream().filter(row -> row.thread() == 1).toList()).isNotEmpty();
        assertThat(posts.findPageByUser(2, 1000, 0))
                .isEqualTo(expected.stream().filter(row -> row.user() == 2).toList()).isNotEmpty();
        for (PostRow row : expected) {
            assertThat(posts.findById(row.id())).contains(row);
        }
        assertThat(posts.findById(Long.MAX_VALUE)).isEmpty();
    }
}
