package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A plugin built like a third party builds one, copied into {@code plugins/} of a running Mosaic,
 * serves its routes within moments; deleting the jar takes them away. The time to serve is printed
 * (target/surefire-reports/*-output.txt), not asserted: the poll allows a generous bound.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class PluginDropInTest {
    @RegisterExtension   // a server of its own: installs plugins
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void the_example_plugin_serves_once_dropped_and_stops_serving_once_deleted() throws Exception {
        MosaicClient admin = server.admin();
        assertThat(admin.get(ExamplePlugin.BALANCE).status()).isEqualTo(404);

        // the plugin awards points only to accounts that exist (it asks the customers module's API);
        // created before the plugin runs, the account gets no welcome points
        var account = admin.post("/api/customers/accounts", "{\"name\":\"Drop-in Ltd\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String balance = "/api/loyalty/accounts/" + account.json().path("id").asLong() + "/balance";
        long started = System.nanoTime();
        TestPlugins.drop(server, ExamplePlugin.FILE, ExamplePlugin.jar());
        TestPlugins.await(server, 30, "the dropped plugin serves", () -> admin.get(ExamplePlugin.BALANCE).status() == 200);
        System.out.printf("example plugin: route served %d ms after the jar was dropped into plugins/ (goal: 2000 ms)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        var award = admin.post(balance.replace("/balance", "/awards"), "{\"points\":7,\"reason\":\"drop-in\"}");
        assertThat(award.status()).as(award.toString()).isEqualTo(201);
        assertThat(admin.get(balance).json().path("points").asLong()).isEqualTo(7);
        assertThat(server.anonymous().get(ExamplePlugin.BALANCE).status()).isEqualTo(401);

        started = System.nanoTime();
        TestPlugins.remove(server, ExamplePlugin.FILE);
        TestPlugins.await(server, 30, "the deleted plugin stops serving", () -> ExamplePlugin.gone(admin.get(ExamplePlugin.BALANCE)));
        System.out.printf("example plugin: route gone %d ms after the jar was deleted%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        TestPlugins.await(server, 30, "the deleted plugin's route answers 404", () -> admin.get(ExamplePlugin.BALANCE).status() == 404);
        assertThat(admin.get("/api/customers/accounts").status()).isEqualTo(200);
    }

    @Test
    void a_project_generated_by_the_archetype_serves_once_dropped() throws Exception {
        Path jar = Path.of(System.getProperty("mosaic.archetypePlugin.jar", "../plugins-sdk/archetype/target/test-classes/"
                + "projects/basic/project/greetings-plugin/target/greetings-plugin-1.0.0-SNAPSHOT.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                "no archetype-generated plugin at " + jar + ": build plugins-sdk/archetype with its integration test first");
        MosaicClient admin = server.admin();

        long started = System.nanoTime();
        TestPlugins.drop(server, "greetings.jar", Files.readAllBytes(jar));
        TestPlugins.await(server, 30, "the generated plugin serves", () -> admin.get("/api/greetings/hello").status() == 200);
        System.out.printf("archetype plugin: route served %d ms after the jar was dropped into plugins/ (goal: 2000 ms)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(admin.get("/api/greetings/hello").json().path("message").asText()).isEqualTo("Hello, admin!");

        TestPlugins.remove(server, "greetings.jar");
        TestPlugins.await(server, 30, "the deleted generated plugin stops serving",
                () -> ExamplePlugin.gone(admin.get("/api/greetings/hello")));
    }
}
