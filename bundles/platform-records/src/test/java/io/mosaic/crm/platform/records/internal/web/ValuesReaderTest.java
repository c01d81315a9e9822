package io.mosaic.crm.platform.records.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.records.internal.TestTypes;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.record.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keeps_absent_and_null_apart_and_reads_exact_decimals() throws Exception {
        Values values = ValuesReader.read(TestTypes.WIDGETS,
                JSON.readTree("{\"code\":\"A\",\"title\":null,\"price\":\"0.10\",\"weight\":3,\"due\":\"2026-03-29\",\"makerId\":4}"));
        assertThat(values.has("title")).isTrue();
        assertThat(values.get("title")).isNull();
        assertThat(values.has("email")).isFalse();
        assertThat(values.get("price")).isEqualTo(new BigDecimal("0.10"));
        assertThat(values.get("due")).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(values.get("makerId")).isEqualTo(4L);
        assertThat(ValuesReader.read(TestTypes.WIDGETS, JSON.readTree("{\"price\":0.1}")).get("price"))
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void refuses_wrong_types_unknown_and_read_only_fields_naming_each() throws Exception {
        assertThatThrownBy(() -> ValuesReader.read(TestTypes.WIDGETS, JSON.readTree(
                "{\"code\":1,\"weight\":\"3\",\"price\":true,\"due\":\"29.03.2026\",\"shoe\":1,\"id\":5,\"version\":2}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::field, FieldProblem::problem)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("code", "wrong_type"),
                                org.assertj.core.groups.Tuple.tuple("weight", "wrong_type"),
                                org.assertj.core.groups.Tuple.tuple("price", "wrong_type"),
                                org.assertj.core.groups.Tuple.tuple("due", "invalid_date"),
                                org.assertj.core.groups.Tuple.tuple("shoe", "unknown_field"),
                                org.assertj.core.groups.Tuple.tuple("id", "read_only"),
                                org.assertj.core.groups.Tuple.tuple("version", "read_only")));
        assertThatThrownBy(() -> ValuesReader.read(TestTypes.WIDGETS, JSON.readTree("{\"price\":1e400}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::problem).containsExactly("wrong_type"));
        assertThatThrownBy(() -> ValuesReader.read(TestTypes.WIDGETS, JSON.readTree("[1]")))
                .isInstanceOf(ValidationException.class);
    }
}
