package io.mosaic.crm.platform.http.internal.isolation;

import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.DatabaseFailures;
import io.mosaic.crm.platform.http.internal.error.FailureLog;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.http.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a route's handler so that its failures stay with its own request and module: the module's
 * {@link CircuitBreaker} is asked first, the handler runs within its time budget (overrun: the
 * client gets 503 {@code handler_timeout} at once, the handler's thread is interrupted), and the
 * outcome is counted. Exceptions pass through unchanged to the error mapping.
 *
 * <p>A write (POST, PUT, PATCH, DELETE) whose thread holds an open database transaction at the
 * deadline is not answered then: the client would be told it failed while it may still commit. The
 * budget waits for the transaction's outcome (bounded by the database's network timeout), and the
 * handler's own result or error is the answer; such overruns are counted ({@code deferredTimeouts}).
 *
 * <p>Only the module's own faults count. The request body is therefore {@linkplain #receive read}
 * before the handler runs, within a budget of its own: a client that sends it slowly, stalls
 * (408 {@code request_timeout}) or hangs up half-way never touches the module's breaker or budget.
 */
public final class RouteGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteGuard.class);
    private static final FailureLog STUCK = new FailureLog(LOG, 60_000);

    private final ResponseWriter writer;
    private final CircuitBreakers breakers = new CircuitBreakers(new CircuitBreaker.Settings(10, 10_000, 30_000));
    private final HandlerWatchdog watchdog = new HandlerWatchdog();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong bodyTimeouts = new AtomicLong();
    private final AtomicLong deferredTimeouts = new AtomicLong();
    private volatile Predicate<Thread> inTransaction = thread -> false;
    private volatile long budgetMillis;
    private volatile long bodyBudgetMillis = 30_000;

    public RouteGuard(ResponseWriter writer) {
        this.writer = writer;
    }

    /** Time budget of every handler; 0 for none. */
    public void budgetMillis(long millis) {
        this.budgetMillis = millis;
    }

    /** Time a client has to send the whole request body; 0 for no limit but Jetty's idle timeout. */
    public void bodyTimeoutMillis(long millis) {
        this.bodyBudgetMillis = millis;
    }

    /** Tells whether a thread holds an open database transaction (the platform's {@code Database}). */
    public void transactions(Predicate<Thread> inTransaction) {
        this.inTransaction = inTransaction == null ? thread -> false : inTransaction;
    }

    public CircuitBreakers breakers() {
        return breakers;
    }

    /** Runs the route's handler for the request. */
    public Object call(Request request, RouteEntry route, ApiRequest exchange) throws Exception {
        CircuitBreaker breaker = breakers.enter(route.moduleId());
        long budget = budgetMillis;
        Thread self = Thread.currentThread();
        boolean write = isWrite(request.getMethod());
        HandlerWatchdog.Ticket ticket = budget <= 0 ? null
                : watchdog.watch(budget, () -> timedOut(request, route, breaker, budget, self),
                        () -> write && inTransaction.test(self), () -> deferred(route, budget));
        Object result = null;
        Throwable failure = null;
        try {
            result = route.handler().handle(exchange);
        } catch (Exception | Error e) {
            failure = e;
        }
        if (ticket != null && !ticket.finish()) {
            throw timeoutProblem(route, budget); // answered already; the watchdog counted the failure
        }
        if (failure == null || failure instanceof CrmException || failure instanceof ApiProblem
                || DatabaseFailures.isUnavailable(failure)) {
            // the handler worked; a domain error is an answer, an unreachable database not the module's fault
            breaker.succeeded();
        } else {
            breaker.failed(breakers.settings(), route + " threw " + failure.getClass().getName());
        }
        if (failure instanceof Exception e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    /**
     * Runs {@code read}, which receives the request body, within the body's budget. Overrun: the
     * client is answered 408 {@code request_timeout} at once and the connection closed. Nothing
     * of it is counted against any module: the client, not the module, was slow.
     */
    public <T> T receive(Request request, Callable<T> read) throws Exception {
        long budget = bodyBudgetMillis;
        HandlerWatchdog.Ticket ticket = budget <= 0 ? null : watchdog.watch(budget, () -> bodyTimedOut(request, budget));
        T received;
        try {
            received = read.call();
        } catch (Exception e) {
            if (ticket != null && !ticket.finish()) {
                throw bodyTimeoutProblem(budget); // answered already; the read failed for the interrupt
            }
            throw e;
        }
        if (ticket != null && !ticket.finish()) {
            throw bodyTimeoutProblem(budget);
        }
        return received;
    }

    private static boolean isWrite(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private void deferred(RouteEntry route, long budget) {
        deferredTimeouts.incrementAndGet();
        LOG.warn("{} exceeded its time budget of {} ms inside a database transaction; "
                + "its answer waits for the transaction's outcome", route, budget);
    }

    private void bodyTimedOut(Request request, long budget) {
        bodyTimeouts.incrementAndGet();
        answerAndClose(request, bodyTimeoutProblem(budget));
    }

    private static ApiProblem bodyTimeoutProblem(long budget) {
        return new ApiProblem(408, "request_timeout", "the request body did not arrive within " + budget + " ms");
    }

    private void timedOut(Request request, RouteEntry route, CircuitBreaker breaker, long budget, Thread handler) {
        timeouts.incrementAndGet();
        logStuck(route, budget, handler);
        breaker.failed(breakers.settings(), route + " exceeded its time budget of " + budget + " ms");
        answerAndClose(request, timeoutProblem(route, budget));
    }

    /** Answers a request whose thread is still busy, and closes its connection afterwards. */
    private void answerAndClose(Request request, ApiProblem problem) {
        SingleAnswer answer = SingleAnswer.of(request);
        if (answer != null) {
            var rendered = writer.render(problem);
            Map<String, String> headers = new LinkedHashMap<>(rendered.headers());
            headers.put("Connection", "close"); // the handler may still hold this connection's thread
            answer.write(new ResponseWriter.Answer(rendered.status(), headers, rendered.body()));
        }
    }

    private static ApiProblem timeoutProblem(RouteEntry route, long budget) {
        return new ApiProblem(503, "handler_timeout", "the module " + route.moduleId()
                + " did not answer within " + budget + " ms", List.of(), Map.of("Retry-After", "5"));
    }

    /** Logs where an overrun handler is stuck: once per minute for the same place (see {@code FailureLog}). */
    private static void logStuck(RouteEntry route, long budget, Thread thread) {
        Throwable where = new Throwable("stack of a request thread at the timeout");
        where.setStackTrace(thread.getStackTrace());
        STUCK.warn(route + " exceeded its time budget of " + budget
                + " ms; answered 503 and interrupted its thread " + thread.getName(), where);
    }

    /** Live figures for the {@code http} runtime facts. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("handlerTimeoutMillis", budgetMillis);
        facts.put("handlerTimeouts", timeouts.get());
        facts.put("deferredTimeouts", deferredTimeouts.get());
        facts.put("bodyTimeoutMillis", bodyBudgetMillis);
        facts.put("bodyTimeouts", bodyTimeouts.get());
        facts.put("handlersWatched", watchdog.watched());
        facts.put("breakers", breakers.facts());
        return facts;
    }

    /** Stops the watchdog thread. */
    @Override
    public void close() throws InterruptedException {
        watchdog.close();
    }
}
