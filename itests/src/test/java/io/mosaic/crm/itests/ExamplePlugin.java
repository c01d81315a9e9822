package io.mosaic.crm.itests;

import io.mosaic.crm.testkit.MosaicResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example plugin of {@code plugins-sdk/example-plugin} (loyalty points), built before the itests. */
final class ExamplePlugin {
    static final String SYMBOLIC_NAME = "io.mosaic.examples.loyalty";
    static final String FILE = "loyalty.jar";
    static final String BALANCE = "/api/loyalty/accounts/1/balance";

    private ExamplePlugin() {}

    static byte[] jar() throws IOException {
        Path jar = Path.of(System.getProperty("mosaic.examplePlugin.jar",
                "../plugins-sdk/example-plugin/target/mosaic-example-loyalty-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no example plugin at " + jar + "; build plugins-sdk/example-plugin first");
        }
        return Files.readAllBytes(jar);
    }

    /** Whether the plugin's route is gone: 404 (unknown path) or 503 module_unavailable while it goes. */
    static boolean gone(MosaicResponse response) {
        return response.status() == 404 || response.status() == 503;
    }
}
