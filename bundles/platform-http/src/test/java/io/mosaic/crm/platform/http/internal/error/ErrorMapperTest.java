package io.mosaic.crm.platform.http.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.PreconditionRequiredException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static ApiProblem map(Throwable t) {
        return ErrorMapper.toProblem(t, "GET", "/api/x");
    }

    @Test
    void maps_each_domain_exception_to_its_status_and_code() {
        assertThat(map(new BadRequestException("invalid_sort", "no"))).extracting(ApiProblem::status, ApiProblem::code)
                .containsExactly(400, "invalid_sort");
        assertThat(map(new NotFoundException("account", 3)).status()).isEqualTo(404);
        assertThat(map(new ForbiddenException("no")).status()).isEqualTo(403);
        assertThat(map(new ConflictException("closed")).status()).isEqualTo(409);
        assertThat(map(new DuplicateException("account", 9, List.of("email"))).status()).isEqualTo(409);
        assertThat(map(new VersionMismatchException(2)).status()).isEqualTo(412);
        assertThat(map(new PreconditionRequiredException()).status()).isEqualTo(428);
        assertThat(map(new ValidationException("name", "blank")).status()).isEqualTo(422);
        assertThat(map(new UnavailableException("busy", "later"))).satisfies(p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.headers()).containsEntry("Retry-After", "5");
        });
    }

    @Test
    void hides_the_details_of_unexpected_exceptions_behind_a_500() {
        ApiProblem problem = map(new IllegalStateException("password=hunter2"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.code()).isEqualTo("internal_error");
        assertThat(problem.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void renders_details_as_an_array_without_null_keys() {
        String duplicate = new String(ErrorBody.render(StrictJson.newMapper(),
                map(new DuplicateException("account", 9, List.of("email")))), StandardCharsets.UTF_8);
        String plain = new String(ErrorBody.render(StrictJson.newMapper(),
                new ApiProblem(400, "x", "y", List.of(new io.mosaic.crm.sdk.error.FieldProblem("f", "p")), Map.of())),
                StandardCharsets.UTF_8);

        assertThat(duplicate).contains("\"details\":[{\"field\":\"email\",\"problem\":\"already_exists\",\"existingId\":9}]");
        assertThat(plain).isEqualTo("{\"error\":\"x\",\"message\":\"y\",\"details\":[{\"field\":\"f\",\"problem\":\"p\"}]}");
    }

    @Test
    void answers_an_unreachable_database_with_503_database_unavailable_and_retry_after() {
        var timeout = new java.sql.SQLTransientConnectionException("mosaic-db-1 - Connection is not available, request timed out");
        var broken = new java.sql.SQLNonTransientConnectionException("Socket error", "08000");
        var refused = new java.sql.SQLException("Could not connect", "08S01", new java.net.ConnectException("refused"));
        var wrapped = new IllegalStateException("jdbi", new RuntimeException(broken));

        for (Throwable failure : List.of(timeout, broken, refused, wrapped)) {
            assertThat(map(failure)).satisfies(p -> {
                assertThat(p.status()).isEqualTo(503);
                assertThat(p.code()).isEqualTo("database_unavailable");
                assertThat(p.headers()).containsKey("Retry-After");
            });
        }
        assertThat(map(new java.sql.SQLSyntaxErrorException("bad SQL", "42000")).status()).isEqualTo(500);
        assertThat(map(new java.net.SocketTimeoutException("a plugin's HTTP call")).status()).isEqualTo(500);
    }
}
