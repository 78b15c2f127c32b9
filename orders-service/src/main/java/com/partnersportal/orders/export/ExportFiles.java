package com.partnersportal.orders.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Where export files live: one directory (a shared volume when several replicas run). */
@Component
class ExportFiles {

    private final Path directory;

    ExportFiles(ExportProperties properties) {
        this.directory = properties.directory() != null ? properties.directory()
                : Path.of(System.getProperty("java.io.tmpdir"), "portal-order-exports");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export directory " + directory, e);
        }
    }

    /** Written under this name, then renamed to {@link #finished} once complete: a half-written file is never served. */
    Path partial(UUID exportId) {
        return directory.resolve(exportId + ".csv.part");
    }

    Path finished(UUID exportId) {
        return directory.resolve(exportId + ".csv");
    }

    void delete(UUID exportId) {
        try {
            Files.deleteIfExists(finished(exportId));
            Files.deleteIfExists(partial(exportId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
