package com.partnersportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many instances of each backend service run: {@code --replicas orders-service=2,webhook-dispatcher=2}. Kept in
 * {@code .run/replicas} while the platform runs, so that stop, status and restart of one part see the same set.
 * Replica {@code n} of a service listens on the service's port + 100 &times; (n - 1) and is named
 * {@code <service>-<n>} (replica 1 keeps the plain service name, its pid file and its log).
 */
record Replicas(Map<String, Integer> counts) {

    static final int MAX = 9;
    static final int PORT_STEP = 100;

    Replicas {
        counts = Map.copyOf(counts);
    }

    static Replicas one() {
        return new Replicas(Map.of());
    }

    int of(String service) {
        return counts.getOrDefault(service, 1);
    }

    /** {@code orders-service=2,webhook-dispatcher=3}; only the given services are named, the others stay at one. */
    static Replicas parse(String spec, List<String> services) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2 || !services.contains(kv[0].strip())) {
                throw new IllegalArgumentException("--replicas takes SERVICE=N[,SERVICE=N...] with SERVICE one of "
                        + String.join(", ", services) + "; not \"" + part.strip() + "\"");
            }
            int n;
            try {
                n = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX) {
                throw new IllegalArgumentException("--replicas: " + kv[0].strip() + " needs a count from 1 to " + MAX
                        + ", not \"" + kv[1].strip() + "\"");
            }
            counts.put(kv[0].strip(), n);
        }
        return new Replicas(counts);
    }

    static String replicaName(String service, int n) {
        return n == 1 ? service : service + "-" + n;
    }

    static int replicaPort(int basePort, int n) {
        return basePort + PORT_STEP * (n - 1);
    }

    static Replicas read(RunDirectory run) {
        Path file = file(run);
        if (!Files.isRegularFile(file)) {
            return one();
        }
        try {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("=", 2);
                if (kv.length == 2) {
                    counts.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
            return new Replicas(counts);
        } catch (IOException | NumberFormatException e) {
            return one();
        }
    }

    void write(RunDirectory run) {
        try {
            Files.createDirectories(run.root());
            if (counts.values().stream().allMatch(n -> n == 1)) {
                Files.deleteIfExists(file(run));
            } else {
                Files.writeString(file(run), new TreeMap<>(counts).entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(RunDirectory run) {
        return run.root().resolve("replicas");
    }

    @Override
    public String toString() {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(","));
    }
}
