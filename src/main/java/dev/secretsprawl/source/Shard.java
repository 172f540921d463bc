package dev.secretsprawl.source;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of N stable partitions ({@code --shard I/N}): the same path lands in the same shard on every
 * machine, so N parallel agents together scan everything exactly once.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    public static Shard parse(String spec) {
        String[] parts = spec.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("shard must look like 2/4 (this agent's index / number of agents), got '" + spec + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must look like 2/4 (this agent's index / number of agents), got '" + spec + "'");
        }
    }

    public boolean owns(String key) {
        if (count == 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }
}
