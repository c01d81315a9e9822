package io.mosaic.crm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseSupervisorTest {
    private final List<Process> started = new ArrayList<>();

    /** Stands in for MariaDB: a process that runs until killed; the first {@code failing} restarts fail. */
    private final class FakeServer implements DatabaseSupervisor.Server {
        private final AtomicInteger failing;
        private Process current;

        FakeServer(int failing) throws Exception {
            this.failing = new AtomicInteger(failing);
            current = spawn();
        }

        @Override
        public synchronized void restart() throws Exception {
            if (failing.getAndDecrement() > 0) {
                throw new IllegalStateException("port in use");
            }
            current = spawn();
        }

        @Override
        public synchronized Optional<ProcessHandle> process() {
            return Optional.of(current.toHandle());
        }

        @Override
        public int port() {
            return 3306;
        }

        synchronized Process current() {
            return current;
        }
    }

    private Process spawn() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        started.add(p);
        return p;
    }

    @AfterEach
    void killAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void starts_a_killed_server_again_and_counts_it() throws Exception {
        FakeServer server = new FakeServer(0);
        DatabaseSupervisor supervisor = new DatabaseSupervisor(server);
        supervisor.start();
        long firstPid = server.current().pid();

        server.current().destroyForcibly();

        awaitState(supervisor, "up", 1);
        assertThat(supervisor.get()).containsEntry("restarts", 1L).containsEntry("exits", 1L);
        assertThat(server.current().pid()).isNotEqualTo(firstPid);
        assertThat(server.current().isAlive()).isTrue();
        supervisor.stop();
        assertThat(supervisor.get()).containsEntry("state", "stopped");
    }

    @Test
    void backs_off_while_restarts_fail_and_recovers_when_one_succeeds() throws Exception {
        FakeServer server = new FakeServer(3);
        DatabaseSupervisor supervisor = new DatabaseSupervisor(server);
        supervisor.start();

        server.current().destroyForcibly();

        awaitState(supervisor, "up", 1);
        assertThat(supervisor.get()).containsEntry("restartFailures", 3L);
        supervisor.stop();
    }

    @Test
    void reports_failed_after_ten_failed_attempts_in_a_row_and_up_once_one_succeeds() throws Exception {
        FakeServer server = new FakeServer(12);
        DatabaseSupervisor supervisor = new DatabaseSupervisor(server, 1, 50);
        java.util.Set<Object> states = java.util.concurrent.ConcurrentHashMap.newKeySet();
        supervisor.start();

        server.current().destroyForcibly();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!("up".equals(supervisor.get().get("state")) && supervisor.get().get("restarts").equals(1L))
                && System.nanoTime() < until) {
            states.add(supervisor.get().get("state"));
            Thread.sleep(1);
        }

        assertThat(states).contains("failed");
        assertThat(supervisor.get()).containsEntry("state", "up").containsEntry("restartFailures", 12L);
        supervisor.stop();
    }

    @Test
    void does_not_restart_after_stop() throws Exception {
        FakeServer server = new FakeServer(0);
        DatabaseSupervisor supervisor = new DatabaseSupervisor(server);
        supervisor.start();
        supervisor.stop();
        Process first = server.current();

        first.destroyForcibly();
        first.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(300);

        assertThat(server.current()).isSameAs(first);
        assertThat(supervisor.get()).containsEntry("restarts", 0L).containsEntry("state", "stopped");
    }

    private static void awaitState(DatabaseSupervisor supervisor, String state, long restarts) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            var facts = supervisor.get();
            if (state.equals(facts.get("state")) && Long.valueOf(restarts).equals(facts.get("restarts"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("supervisor did not reach " + state + " with " + restarts + " restarts: " + supervisor.get());
    }
}
