package io.mosaic.crm.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One real Mosaic shared by many test classes, instead of one per class: booting takes 10–30 s,
 * a request milliseconds. The first class that needs it starts it; it is stopped and its home
 * deleted when the test JVM's test plan ends (it lives in the root {@link ExtensionContext.Store}).
 * Classes that ask for an equal setup (same plugins, same configuration) get the same server.
 *
 * <pre>{@code
 * class AwardsTest {
 *     @RegisterExtension
 *     static final SharedMosaicPlatform mosaic = MosaicPlatform.withPluginUnderTest().shared();
 *
 *     @Test
 *     void awards_points() {
 *         assertThat(mosaic.admin().post("/api/loyalty/accounts/4711/awards", "{\"points\":5}").status())
 *                 .isEqualTo(201);
 *     }
 * }
 * }</pre>
 *
 * <p>A class on a shared server sees what the classes before it left, so it must
 * <ul>
 * <li>not depend on an empty database or on global counts: create its own records under names no
 * other class uses, and find them by those names or ids;</li>
 * <li>leave the server as it found it: restore configuration it changed and re-enable modules it
 * disabled (in an {@code @AfterAll}, so that a failed test does not break the classes after it);</li>
 * <li>not stop, restart or kill the server, install or remove plugins, or change what every request
 * depends on (sign-in throttling, security settings). Such a class registers a
 * {@link MosaicPlatform} of its own.</li>
 * </ul>
 * Test classes run one after the other (JUnit's default), so a change that a class undoes before it
 * ends is not seen by the others.
 *
 * <p>The server lives as long as one JUnit test plan. Maven Surefire runs all classes in one plan
 * with its default {@code forkCount=1}; with {@code forkCount} above 1 it runs each class in a plan
 * of its own, so every class would boot the server again.
 */
public final class SharedMosaicPlatform implements BeforeAllCallback {
    private static final Namespace NAMESPACE = Namespace.create(SharedMosaicPlatform.class);
    private final MosaicPlatform template;
    private final MosaicPlatform.Setup setup;
    private MosaicPlatform platform;

    SharedMosaicPlatform(MosaicPlatform template, MosaicPlatform.Setup setup) {
        this.template = template;
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(setup, s -> Running.start(template), Running.class);
        platform = running.platform();
        if (!platform.isRunning()) {
            String log = platform.log();
            throw new IllegalStateException("the shared Mosaic is not running any more: a class before "
                    + context.getRequiredTestClass().getSimpleName() + " stopped or crashed it; log tail:\n"
                    + log.substring(Math.max(0, log.length() - 6000)));
        }
    }

    /** The server, booted by the first class of the setup; ends with the test plan. */
    private record Running(MosaicPlatform platform) implements ExtensionContext.Store.CloseableResource {
        static Running start(MosaicPlatform platform) {
            try {
                platform.start();
            } catch (Exception e) {
                try {
                    platform.stop();
                    platform.delete();
                } catch (Exception cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw new IllegalStateException("the shared Mosaic did not start", e);
            }
            return new Running(platform);
        }

        @Override
        public void close() throws Exception {
            try {
                platform.stop();
            } finally {
                platform.delete();
            }
        }
    }

    private MosaicPlatform platform() {
        if (platform == null) {
            throw new IllegalStateException("the shared Mosaic is started before all tests of a class:"
                    + " register it as a static @RegisterExtension field");
        }
        return platform;
    }

    /** {@code http://127.0.0.1:<port>} of the shared server. */
    public String baseUrl() {
        return platform().baseUrl();
    }

    /** The home directory of the shared server; write into it only what you remove again. */
    public Path home() {
        return platform().home();
    }

    /** A client signed in as the administrator, who holds every permission. */
    public MosaicClient admin() {
        return platform().admin();
    }

    /** A client signed in with HTTP Basic as this user. */
    public MosaicClient as(String user, String password) {
        return platform().as(user, password);
    }

    /** A client that sends no credentials. */
    public MosaicClient anonymous() {
        return platform().anonymous();
    }

    /** The console output of the shared server so far, from all classes that used it. */
    public String log() {
        return platform().log();
    }
}
