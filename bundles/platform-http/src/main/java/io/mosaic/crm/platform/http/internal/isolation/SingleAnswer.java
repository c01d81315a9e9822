package io.mosaic.crm.platform.http.internal.isolation;

import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one answer a request gets. Usually the pipeline writes it when the handler returns; when
 * the handler overruns its time budget the watchdog writes a 503 first, and the late result of
 * the handler is dropped.
 */
public final class SingleAnswer {
    private static final String ATTRIBUTE = SingleAnswer.class.getName();

    private final Response response;
    private final Callback callback;
    private final AtomicBoolean answered = new AtomicBoolean();

    private SingleAnswer(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** Creates the request's single answer and keeps it in the request for the {@link RouteGuard}. */
    public static SingleAnswer attach(Request request, Response response, Callback callback) {
        SingleAnswer answer = new SingleAnswer(response, callback);
        request.setAttribute(ATTRIBUTE, answer);
        return answer;
    }

    static SingleAnswer of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof SingleAnswer answer ? answer : null;
    }

    /** @return true exactly once: the caller must then write the response */
    public boolean claim() {
        return answered.compareAndSet(false, true);
    }

    /** Writes {@code answer} unless the request was answered already. */
    void write(Answer answer) {
        if (claim()) {
            ResponseWriter.write(response, answer, callback);
        }
    }
}
