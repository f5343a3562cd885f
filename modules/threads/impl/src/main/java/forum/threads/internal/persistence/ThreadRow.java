package forum.threads.internal.persistence;

import forum.platform.Text;
import forum.threads.ForumThread;
import forum.threads.NewThread;
import forum.threads.ThreadId;
import forum.users.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code threads.threads}; {@code created_by} holds a user id, with no foreign key across schemas. */
@Table(schema = "threads", name = "threads")
public record ThreadRow(@Id Long id, String title, @Column("created_by") long createdBy) {

    /** The row a new thread writes: its title stripped of its blank characters ({@link Text#strip}). */
    public static ThreadRow from(NewThread thread) {
        return new ThreadRow(null, Text.strip(thread.title()), thread.createdBy().value());
    }

    public ForumThread toThread() {
        return new ForumThread(new ThreadId(id), title, new UserId(createdBy));
    }
}
