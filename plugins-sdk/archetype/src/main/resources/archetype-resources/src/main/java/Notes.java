package ${package};

import io.mosaic.crm.sdk.error.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the notes table, with bound parameters only. */
final class Notes {
    private static final String INSERT = """
            INSERT INTO ${moduleId}_notes (text, owner_id, created_at, updated_at) VALUES (:text, :owner, :at, :at)""";
    private static final String SELECT = """
            SELECT id, text, owner_id, version, created_at FROM ${moduleId}_notes WHERE id = :id AND deleted_at IS NULL""";
    private final Jdbi jdbi;

    Notes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long create(String text, long ownerId) {
        Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        return jdbi.inTransaction(h -> h.createUpdate(INSERT).bind("text", text).bind("owner", ownerId).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    Map<String, Object> get(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT).bind("id", id).map((rs, ctx) -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", rs.getLong("id"));
            json.put("text", rs.getString("text"));
            json.put("ownerId", rs.getLong("owner_id"));
            json.put("version", rs.getInt("version"));
            json.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
            return json;
        }).findOne()).orElseThrow(() -> new NotFoundException("note", id));
    }
}
