package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A POST retried with its Idempotency-Key gets the first answer again instead of writing twice. */
class IdempotencyKeyTest {
    private static final String ACCOUNTS = "/api/customers/accounts";

    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private static MosaicResponse post(MosaicClient client, String key, String body) {
        return client.send("POST", ACCOUNTS, body, Map.of("Idempotency-Key", key));
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_answer_and_writes_once() {
        MosaicClient admin = server.admin();
        String key = UUID.randomUUID().toString();
        String name = "Idempotent " + key;

        MosaicResponse first = post(admin, key, "{\"name\":\"" + name + "\"}");
        MosaicResponse retry = post(admin, key, "{\"name\":\"" + name + "\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.json()).isEqualTo(first.json());
        var stored = admin.get(ACCOUNTS + "?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(stored.json().path("items")).hasSize(1);
        assertThat(admin.get("/metrics").body()).as("the record kit stored the answer in the write's transaction")
                .containsPattern("mosaic_http_idempotency_stored_with_write [1-9]");
    }

    @Test
    void the_same_key_with_another_body_is_422_idempotency_key_reused() {
        MosaicClient admin = server.admin();
        String key = UUID.randomUUID().toString();
        assertThat(post(admin, key, "{\"name\":\"Reused A " + key + "\"}").status()).isEqualTo(201);

        MosaicResponse other = post(admin, key, "{\"name\":\"Reused B " + key + "\"}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void an_error_answer_is_replayed_too_and_a_malformed_key_is_400() {
        MosaicClient admin = server.admin();
        String key = UUID.randomUUID().toString();

        MosaicResponse invalid = post(admin, key, "{\"name\":\"\"}");
        MosaicResponse again = post(admin, key, "{\"name\":\"\"}");
        MosaicResponse badKey = post(admin, "has space", "{\"name\":\"Bad key\"}");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(invalid.json());
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.error()).isEqualTo("invalid_idempotency_key");
    }
}
