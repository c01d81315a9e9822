package io.mosaic.crm.platform.http.internal.error;

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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become API errors. A domain exception keeps its code and
 * details; anything unexpected is a bug: it is logged with its stack trace and answered with a
 * generic 500 that reveals nothing of the internals.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static ApiProblem toProblem(Throwable failure, String method, String path) {
        if (failure instanceof ApiProblem problem) {
            return problem;
        }
        if (failure instanceof CrmException crm) {
            return fromDomain(crm);
        }
        LOG.error("{} {} failed: a 500 is a bug", method, path, failure);
        return new ApiProblem(500, "internal_error", "the server failed to answer; the error has been logged");
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
        } else if (e instanceof ValidationException) {
            return 422;
        } else if (e instanceof PreconditionRequiredException) {
            return 428;
        } else if (e instanceof UnavailableException) {
            return 503;
        }
        LOG.error("no HTTP status for {}; answering 500", e.getClass().getName(), e);
        return 500;
    }
}
