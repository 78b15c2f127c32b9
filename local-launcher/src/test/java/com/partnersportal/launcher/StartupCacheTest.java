package com.partnersportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    @TempDir
    Path home;

    @Test
    void aServiceRunsFromItsJarUntilItsExtractedCopyAndCacheAreMadeForThatVeryJar() throws Exception {
        Path jar = home.resolve("orders-service/target/orders-service-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
        StartupCache cache = new StartupCache(new RunDirectory(home), "orders-service", jar);

        assertThat(cache.launch()).containsExactly("-jar", jar.toString());

        Path copy = cache.extracted().resolve(jar.getFileName());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, "the extracted jar");
        Files.writeString(cache.stamp(), cache.fingerprint());
        assertThat(cache.launch()).as("extracted, not trained yet").containsExactly("-jar", jar.toString());

        Files.writeString(cache.cache(), "classes");
        assertThat(cache.launch()).containsExactly("-XX:AOTCache=" + cache.cache(), "-jar", copy.toString());

        // Rebuilt since: the copy and its cache no longer count, the jar as built runs.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());
    }
}
