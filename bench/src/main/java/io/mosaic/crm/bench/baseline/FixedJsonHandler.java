package io.mosaic.crm.bench.baseline;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Bare Jetty: parse the id like a real route would, answer a fixed JSON document. The ceiling for a cached GET. */
final class FixedJsonHandler extends Handler.Abstract.NonBlocking {
    private final byte[] body;

    FixedJsonHandler(byte[] body) {
        this.body = body;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long id = IdPath.parse(request.getHttpURI().getPath());
        if (id < 0) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
