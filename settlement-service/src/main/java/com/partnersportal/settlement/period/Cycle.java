package com.partnersportal.settlement.period;

import java.util.Arrays;
import java.util.Optional;

/** How often a legal entity is settled: weekly (the default) or daily. */
public enum Cycle {
    WEEKLY("weekly"),
    DAILY("daily");

    private final String wireName;

    Cycle(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Cycle> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
