package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;

/** The rendered OpenAPI document, rebuilt only when the route table changed. */
public final class OpenApiDocument {
    // the table only weakly: a table of removed endpoints must not keep their bundles' classes
    private record Rendered(WeakReference<RouteTable> table, byte[] bytes) {}

    private final ObjectMapper mapper;
    private final AtomicReference<Rendered> last = new AtomicReference<>();

    public OpenApiDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] render(RouteTable table) {
        Rendered rendered = last.get();
        if (rendered == null || rendered.table().get() != table) {
            try {
                byte[] bytes = mapper.writeValueAsBytes(new OpenApiBuilder(mapper).build(table));
                rendered = new Rendered(new WeakReference<>(table), bytes);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            last.set(rendered);
        }
        return rendered.bytes();
    }
}
