package io.mosaic.crm.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/** Waits until Mosaic answers, then until a module serves routes under its base path. */
final class Readiness {
    private static final long START_SECONDS = Long.getLong("mosaic.startSeconds", 120);
    private static final long MODULE_SECONDS = Long.getLong("mosaic.moduleSeconds", 30);
    private final MosaicPlatform platform;
    private final Process process;

    Readiness(MosaicPlatform platform, Process process) {
        this.platform = platform;
        this.process = process;
    }

    void awaitServing() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            checkAlive();
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/platform/modules")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401 && Files.exists(platform.home().resolve("data/initial-admin-password"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Mosaic did not serve within " + START_SECONDS + " s; log:\n" + platform.log());
    }

    /**
     * Until the OpenAPI document lists a route of the module: its components are active. On a restart
     * ({@code restart}), a module an administrator (or a test) disabled is not waited for; at the first
     * start every module is, since one shows as disabled until its bundle is first started.
     */
    void awaitModule(PluginModule module, boolean restart) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MODULE_SECONDS);
        MosaicResponse last = null;
        while (System.nanoTime() < deadline) {
            checkAlive();
            if (restart) {
                MosaicResponse state = platform.admin().get("/api/platform/modules/" + module.id());
                if (state.status() == 200 && !state.json().path("enabled").asBoolean(true)) {
                    return; // disabled on purpose: it is not meant to serve
                }
            }
            last = platform.admin().get("/api/openapi.json");
            if (last.status() == 200) {
                for (Iterator<String> paths = last.json().path("paths").fieldNames(); paths.hasNext(); ) {
                    if (paths.next().startsWith(module.basePath() + "/")) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        MosaicResponse state = platform.admin().get("/api/platform/modules/" + module.id());
        throw new IllegalStateException("module " + module.id() + " serves no route under " + module.basePath()
                + " within " + MODULE_SECONDS + " s (module: " + state + "). Its components did not start: a failed"
                + " migration, a missing service, or an exception in a constructor. Log:\n" + platform.log());
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Mosaic exited with " + process.exitValue() + "; log:\n" + platform.log());
        }
    }
}
