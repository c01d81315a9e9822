package io.mosaic.crm.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ErrorBody;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The error path: a domain exception mapped to its API problem and rendered as the JSON error body.
 * Bad input is common (validation, 404 on stale ids), so it must not cost much more than a success.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ErrorMappingBench {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ValidationException invalid = new ValidationException(List.of(
            new FieldProblem("email", "must be an e-mail address"), new FieldProblem("lastName", "must not be blank")));
    private final NotFoundException missing = new NotFoundException("contact", 42L);

    @Benchmark
    public byte[] validation_error_with_two_fields() {
        return ErrorBody.render(mapper, ErrorMapper.toProblem(invalid, "POST", "/api/customers/contacts"));
    }

    @Benchmark
    public byte[] not_found() {
        return ErrorBody.render(mapper, ErrorMapper.toProblem(missing, "GET", "/api/customers/contacts/42"));
    }
}
