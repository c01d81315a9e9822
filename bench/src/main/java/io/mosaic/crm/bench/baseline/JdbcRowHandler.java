package io.mosaic.crm.bench.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Bare Jetty + HikariCP: one primary-key select per request, the row written as JSON with camelCase names. */
final class JdbcRowHandler extends Handler.Abstract {
    private static final JsonFactory JSON = new JsonFactory();
    private final DataSource pool;
    private final String sql;

    JdbcRowHandler(DataSource pool, String table) {
        this.pool = pool;
        this.sql = "SELECT * FROM `" + table.replace("`", "") + "` WHERE id = ? AND deleted_at IS NULL";
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long id = IdPath.parse(request.getHttpURI().getPath());
        byte[] body = id < 0 ? null : select(id);
        if (body == null) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private byte[] select(long id) throws SQLException, IOException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? toJson(rs) : null;
            }
        }
    }

    private static byte[] toJson(ResultSet rs) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = camel(meta.getColumnLabel(i));
                Object value = rs.getObject(i);
                if (value == null) {
                    g.writeNullField(name);
                } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                    g.writeNumberField(name, ((Number) value).longValue());
                } else if (value instanceof BigDecimal d) {
                    g.writeNumberField(name, d);
                } else if (value instanceof Timestamp t) {
                    g.writeStringField(name, t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
                } else if (value instanceof java.time.LocalDateTime t) {
                    g.writeStringField(name, t.toInstant(ZoneOffset.UTC).toString());
                } else {
                    g.writeStringField(name, value.toString());
                }
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static String camel(String column) {
        StringBuilder sb = new StringBuilder(column.length());
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
