package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * On Linux, the gateway's sockets run on Netty's epoll transport (bundled for x86-64 and arm64),
 * not the JDK's NIO: fewer layers per read and write. Elsewhere Vert.x falls back to NIO.
 */
@QuarkusTest
class NativeTransportTest {

    @Inject
    Vertx vertx;

    @Test
    void runsOnEpollOnLinux() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "epoll is bundled for Linux on x86-64 and arm64 only");

        assertThat(vertx.isNativeTransportEnabled()).as("epoll in use").isTrue();
    }
}
