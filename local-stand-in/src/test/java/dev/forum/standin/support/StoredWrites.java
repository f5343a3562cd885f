package dev.forum.standin.support;

import dev.forum.datamove.Endpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The load's acknowledged writes (posts) looked up in one database directly, not through the forum. */
public final class StoredWrites {

    private StoredWrites() {
    }

    /**
     * The acknowledged writes ({@code /api/posts/<id>} locations) that {@code database}'s {@code posts.posts} does not
     * hold with the load's text ({@code load <tag> #...}), each with what it holds instead.
     */
    public static List<String> missing(Endpoint database, List<String> locations, String tag) throws SQLException {
        Map<Long, String> stored = new HashMap<>();
        try (Connection connection = database.connect(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select id, text from posts.posts")) {
            while (rows.next()) {
                stored.put(rows.getLong(1), rows.getString(2));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String location : locations) {
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            String text = stored.get(id);
            if (text == null || !text.startsWith("load " + tag + " #")) {
                missing.add(location + " on " + database.label() + ": " + (text == null ? "no row" : "'" + text + "'"));
            }
        }
        return missing;
    }
}
