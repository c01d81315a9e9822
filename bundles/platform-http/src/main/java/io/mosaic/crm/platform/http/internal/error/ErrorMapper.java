package io.mosaic.crm.platform.http.internal.error;

import io.mosaic.crm.sdk.aggregate.TooExpensiveException;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.error.TooManyRequestsException;
import io.mosaic.crm.sdk.error.UnauthorizedException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become API errors. A domain exception keeps its code and
 * details. A database that cannot be reached (see {@link DatabaseFailures}) is answered
 * 503 {@code database_unavailable} with {@code Retry-After}. Anything else is a bug: it is logged
 * with its stack trace and answered with a generic 500 that reveals nothing of the internals.
 *
 * <p>Logging stays quiet under an outage: one stack trace per distinct failure per minute
 * ({@link FailureLog}); the counts are metrics ({@code http.server.failures.*}).
 */
public final class ErrorMapper {
    public static final String DATABASE_UNAVAILABLE = "database_unavailable";
    /** Seconds a client is asked to wait while the database is unreachable. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final FailureLog FAILURES = new FailureLog(LOG, 60_000);
    private static final AtomicLong DATABASE_UNAVAILABLE_COUNT = new AtomicLong();
    private static final AtomicLong INTERNAL_ERRORS = new AtomicLong();

    private ErrorMapper() {}

    public static ApiProblem toProblem(Throwable failure, String method, String path) {
        if (failure instanceof ApiProblem problem) {
            return problem;
        }
        if (failure instanceof CrmException crm) {
            return fromDomain(crm);
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            DATABASE_UNAVAILABLE_COUNT.incrementAndGet();
            FAILURES.warn(method + " " + path + ": the database is unreachable; answered 503 " + DATABASE_UNAVAILABLE,
                    failure);
            return databaseUnavailable();
        }
        INTERNAL_ERRORS.incrementAndGet();
        FAILURES.error(method + " " + path + " failed: a 500 is a bug", failure);
        return new ApiProblem(500, "internal_error", "the server failed to answer; the error has been logged");
    }

    /** 503 {@code database_unavailable} with {@code Retry-After}. */
    public static ApiProblem databaseUnavailable() {
        return new ApiProblem(503, DATABASE_UNAVAILABLE, "the database cannot be reached right now; retry later",
                List.of(), Map.of("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS)));
    }

    /** The quiet log of unexpected failures and database outages, for other parts of the pipeline. */
    public static FailureLog failures() {
        return FAILURES;
    }

    /** Requests answered 503 {@code database_unavailable} since the bundle started. */
    public static long databaseUnavailableCount() {
        return DATABASE_UNAVAILABLE_COUNT.get();
    }

    /** Requests answered 500 {@code internal_error} since the bundle started. */
    public static long internalErrorCount() {
        return INTERNAL_ERRORS.get();
    }

    private static ApiProblem fromDomain(CrmException e) {
        int status = statusOf(e);
        if (status == 500) {
            return new ApiProblem(500, "internal_error", "the server failed to answer; the error has been logged");
        }
        Map<String, String> headers = e instanceof UnavailableException ? Map.of("Retry-After", "5")
                : e instanceof TooManyRequestsException tooMany
                        ? Map.of("Retry-After", String.valueOf(tooMany.retryAfterSeconds())) : Map.of();
        return new ApiProblem(status, e.code(), e.getMessage(), e.details(), headers);
    }

    static int statusOf(CrmException e) {
        if (e instanceof BadRequestException) {
            return 400;
        } else if (e instanceof UnauthorizedException) {
            return 401;
        } else if (e instanceof TooManyRequestsException) {
            return 429;
        } else if (e instanceof ForbiddenException) {
            return 403;
        } else if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof ConflictException || e instanceof DuplicateException) {
            return 409;
        } else if (e instanceof VersionMismatchException) {
            return 412;
        } else if (e instanceof ValidationException || e instanceof TooExpensiveException) {
            return 422;
        } else if (e instanceof io.mosaic.crm.sdk.error.PayloadTooLargeException) {
            return 413;
        } else if (e instanceof PreconditionRequiredException) {
            return 428;
        } else if (e instanceof UnavailableException) {
            return 503;
        }
        LOG.error("no HTTP status for {}; answering 500", e.getClass().getName(), e);
        return 500;
    }
}
